package kiln.test.programs;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.zip.Adler32;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * java.util.zip round trips (issue 10): Deflater/Inflater at several levels, wrapped and raw, fed in small pieces;
 * GZIP and ZIP streams; a sync flush; streams HotSpot's zlib wrote; zlib's error messages. It prints only what
 * every correct implementation prints the same: decompressed data, checksums and sizes of uncompressed data,
 * never compressed sizes (Kiln's Deflater does not write zlib's bytes).
 *
 * <p>With the argument {@code hotspot-constants}, run on HotSpot, it prints the three streams below as they were
 * made (zlib's output is stable across JDK 17 builds, but any zlib's output would do: the test only inflates it).
 */
public class ZipStreams {
    /** Made on HotSpot 17 by {@code new Deflater()} (zlib, level 6: dynamic Huffman codes) from {@code text(600)}. */
    static final String HOTSPOT_ZLIB_TEXT = "789c75565b72db300cfce7297435d6716a358e3cb1e57472fb920b2c8095a733892552c0e2b500b96efb6dd92fe7e563"
            + "bd6e4bdf96d3b5ff2c7fd7fd727beeb6899d3ffdbb97e5afdb6d7f0cbdbe2feb67ff7d5eded7fbf9b1b4e5ebb99e3eae"
            + "3fe3cd44a0f7d94f97753b8fcd759aa30c9ff7e7f6586eefd33a2c50dc3061043f6d4a000162801e6a74168ee1f3d814"
            + "6c1a2070f17b860e20a2f4ed2dde9bbb008129693a0309b6cac76e8633d40903b3ae3b0c5a421842135186deedcf16a6"
            + "c088a67d4605bceff5be3ffbd59d82b1668a4c3e2d00223351fc1eb823abe31f88ddb16886169ac59bb5f560b12b49a5"
            + "c674d6cc24673281502f3c8257330d91a229cb2a0c1fe12ba4a0ca2f30091cca4cbd66afc72404c93d1ab04968520c1e"
            + "e2ed55d66b0111e8991dacbd964c4392ca23576a27414a5d84ce042a7c7356081cfc6ba503e0075d9a7fc369048faf07"
            + "76584df09bf51b994d742ce1a392ae7232bed4162ff9992e59af38cdb3cf484581f05416843251b05b2babb933ef947a"
            + "5895bc1b9a6d0cdbb6a4dfd68c921a071a8910fa0dd56353c17d5b1792e7182d9fa0fabfec066ba42ab13b83aa41301d"
            + "7c22869c9ec159ac64d04a5371b34485d784ab3c9c558a194a3f094148e847214c250662a995f72d3e0a60e4a38c447b"
            + "6d1c7c36434243ce9dee64e28011bf72385a5cddba2988416152a34c02c95fe2f0143d16448d3738d4e2943b575ad202"
            + "c2607b1cc8e244d336d6012354704ee39115d159d084f2d2c5285d499993f10d09b3babe9cec711e199e26209a95ddce"
            + "896d578109199c95c920c98543a536658897a296046c512475cbdd20094b3fcb95a8342f49558f723b513d1d3597ecdd"
            + "bc48e1e7759e1ef9c6a7df1a5e8e963ad8c4d3a054dc458e7343ae137520f33627498603799d91739fe76fde6ed8e9c7"
            + "6ad3ffd4782b749113014894ef452acafdea792b17448a154a4cafa46b5f077ae90a12c608b9f2aa3ced49f17c706ca5"
            + "3c79b497ab1c1b991ee890dae44628868e9c3802c7bc0a1f330b5a6ae51b70fe01816c4fd2";
    /** Made on HotSpot 17 by {@code GZIPOutputStream} from {@code text(3000)}. */
    static final String HOTSPOT_GZIP_TEXT = "1f8b08000000000000ff7d9beb961b370e84fff329f46a8ca5acb5713467ed7172f2f6ab2609d457209d136746adeee6"
            + "05974201e03c5f9f1fb7cfaf8fdb1fcf6faf5b7fddbe7cebffdcfe7e7e7efdf8f939bf1cdffcb7ffd571f9dbc7c7e78f"
            + "f77bfdf3f6fcb3ffe771fbfdf9fdf1e3d66efffbf9fcf2c7b77fde9fe623e3bd3ffb97afcfd7e3fde5f39a2e9e89dfdf"
            + "7fbe7edc3e7ebf661f33c4e373cc31c9f8d1ae27c608e3b131f4fbb558ec58d8b8fdfed2c68e096260acfbdafa182846"
            + "e9af7b7e6e6b09e381ebc9f9ce7ba431176ef639b1b67a0d33a65defbe279c02892d347b34b6dee7bf79315f881d5df3"
            + "c7aec6787f3dbf7ffeecdfd6a2c6646dbe18c28f19c6109204d6fd1ef72dd5f7ff63c4bec68a69628636f72bddaecd8e"
            + "6f4da8f1c6b5d8398d6c46021cafc38ec6aa2e31a488ae67430bef358eb58ea7c6ab71674c39c68967aef7dafc588590"
            + "46be7633acc9cc041396fd763ebb74311e19efcd79c6f5d265884146b576eea62d03815ecc9c6320d8dbb20a1b6eacaf"
            + "c103c63a6249d7bff7a2c7e6c7dd621d5327e3a7f4f796ac461f97638d6e74b4c9bc4317877cae254d5f59662e3f0b53"
            + "b4219628310210657c4bcdbaece6eadcf4c615e43e479b5fbce79e97b1eee98c269a35d05b10667eef57ab538de5cf6b"
            + "18b96014b7c6abbf926e5a8d6925bfbd36c54d8438e2f7d883d0336d765c19d09a53c597d8d5f8a8e168879796124363"
            + "9d31440c39de4f45cc571210a1abe5b7e3a60d98f20024ce8f2d806f6248be6171a72f630a80b175091ce7befaf4a634"
            + "8c78384c034860f2d3381145ab427cf23616d432ca3d689631c3d846b84731966568eec60e30660acba6c72f69c4b1a0"
            + "99c99b170fd54164cb18ef436053af5b64cf7834c77301a4b386b707624f2a700d99366bc860c21d0b826e00e2502a04"
            + "f04a25f9b2d632c208e1cf4689e0bc61540ce533a22e715096e1bb2252e3c78ea7d5dee2f7620d5b6821b0d94ad3a492"
            + "8b54dc303a41400e3667421e0b109db1b81ff157ec263cbd6a3bd6af37ee30178b0863a478bee3a954f7bef20682188f"
            + "c124ae5599d7ee800eaf08839906f90caa7ccd67ca5bc0f1827a14da41e5c29163050e522f63843651b5893a70e255ae"
            + "51527055bbbd211cd16a960b54985b5f87cf8b6d303c2bc460a3dd22af312f6380bf70cd1353319dd595c63016d8d292"
            + "244f17e1543300c39439f16fb11270ee0e62a540d94de7b62e8b6c112be4613578a63667d6b2504ad43c63a3e2ba2812"
            + "382bb22968ea7d23c98fab027cec22c061bb61974d845b208939cccbe8ecdaf95d82858b925d841df19dc443f106c5c4"
            + "4cd0b4a648a96203737c0b6db6140437c916a865182b380cb940b64edec2a94935005c498f9a2723d3ec440807d51857"
            + "0dd1508898912937042327e31a4b570478104d23f60a862fdf90777491b84a1b85a1e67c9c283e870182f72c75aea8df"
            + "c397ee1b9732192d5b9c43c0b31a0039add5821e53880efd8982da2e345c8dce1e0a401b913c202fc87d1a125d5fc8e7"
            + "60d009eb4a69864db7c8a4e22dcb1709d16d38f106d421fdb0eb8097d474ac4f6c1feec89a89e8a02e2270ca539b0775"
            + "5862191a5a5cbc358c3fe16a425787529462cd7b26eb89240d240858284ed4c18d67a433938379943ceb61e676bd1ac2"
            + "3c95963a514bc4be65f4689b08cc706b7c4ff8f058b95881b1f91005a423180393b65c06c00208522eb167e5a924c99f"
            + "d96aa8c9d7a65818c35c8fcc6a534f5c3f98a09382654c5ed8f3e4be0ee06145199d95b5526a62a5c18760f2587a52a6"
            + "a4fe5a4e8f8a4d4fbecdb26a64451b7c0704f32aa28fea88f7f4e9d023082678df7a2b7d501927e840a550e7446eb103"
            + "805f608bbf67227586d74fd40ca151ab2312de99fe044854a42e0502543200d1c65245653be935e458bd00fccfb8ca70"
            + "9ba026b0b012eb03e2c6c463988963cace7f553a6f0038af33dbfa2d97ac509b1132ac914038011894b6e7dc3e748ba8"
            + "6d70228433e7dbb349f763d06c0048adec229b489ec49253376b0a57311fb0d402ed03ab51a0826cae6cb49d180c71ad"
            + "927389fee6d0692322732e07accbcb3b0db5f524b446c0cdea153b10e526031a01fb1ee62473067511494a84775af598"
            + "6698635b1655ca272647150d6ae5fec0331d3f486c8ba9532a0c6ff3b15ae6b12a508a9d159b52153fa5edec94983da7"
            + "6bf684e8fccaea5c12b5b9ac1829b984ecdaf0be540492f1e4adb892e5450d2722964a487b9c6499bfd6ee2d82874fa6"
            + "9585de8333d5aad3bfa6f6dd748dd25d79cf2cde46324c8a394b6da806bcbdedd48fc53ad4fad81d746e7b5d5a99845e"
            + "b2582dd19b197104f585c1c98e22e1f30a886ba985732a562876a67998911f1a59399517b2abe4dc0be3ae25ab4be6ce"
            + "a898f73682f42f2a9c6a2d2a75017935924e41c44e0dd9ac7f19c98ca259958ad57616c20fb450129c700c5694a2f63e"
            + "c44aeabd4fa31f267383de658f7ac94b7e5dde868879a2fc256898116a3406ad43ba76acc56d4dd80ae7867ee6a10475"
            + "a032ee29011112ee0d83e62b49cd727c59c4f441af28c054023a15338ee5fad2a239200f93fc8c36d9b6d35983b505e0"
            + "812252b0228661e5631e4ba988a80078cfc852b1637f5c86862adbc6f99755ca6ef429774a2877be2c9bede6945bc550"
            + "1b35336dae8852c95da58ac8a4c05d67d16882b0f9e8227eed867a5f49de7569cc59b19cc24f05d8fa0ad467ba5deb54"
            + "85d029788b087afd46f5e5a4c8deb4d201825a226e89065912543077b8c76a8e7c41cadaf0783b8663c6c19f6d8b3596"
            + "d6ae75f6cc85cfeb010b7a14f12bc0229ca7744b751654c3b86da481a557e5ad53198b57c47cc92ee3ea334a16a10324"
            + "b34ad42cb26b3519a24aee594b9b5be01702edd51fb73e5444da0eb87deba4ed7d8bc0aabd1d18c6a984e67068064808"
            + "a265ce91b454b9348e6459b5947562d17e8fba6823b6435268674ac27263ea5aa9ab7d420b48d3d8b3707837b73cba51"
            + "c41756420ba056235a2f1e927a250fca466b43c85b2fb8c160dc6e48c7bb2376255edd79f0d666cc2a7cf06336e6d8b0"
            + "8f9a6f284a9c4df557a3904d76e219a8a7ee980add8c694aeece7264301826376d8bdd25dd51dae920821e94970c2bef"
            + "5d95e7951078c0a958880a1eb808ca8f69cd7b8d5c9172db515aa203410e16c8ae04d5ec228312dad1c98c89344838aa"
            + "4da56fb4f1dfd61e526386dec2276464a8dd29ee9167079254d6588f1ed21c82735a73cea052907517b4888bc0c010de"
            + "59ecac65a5253436c6d702f4cce1608c6dad442aa8a4fb2940e6b2e2bc5caf1faf256144ffa61cbeeaa5da680730424f"
            + "10f0a9fd6ea8478469259e7b508ba02402189178ebc3aa0e99b5b9589b9c4961c7a36bec0f253d985dce4bfb33bc73f8"
            + "467262cde6f389889ada50a1e24d5e2e0590c8a9f6b3ca7e666f27baaadf4718accd2b5c632b46eba9e63484b036d33b"
            + "00739bd0d2712b0b7b3b5ee42a96847860b42a5c39ec2cf8871dfb7117ab190b1cb29c727a204df0031cbde62ffbf928"
            + "115a3699d269fdd0830682ead000c96671b2034645359dbde1a40026eb328226af14cddd7b1766f17b6fc566eb5b0939"
            + "2811f077efd2d5d3ff1e6cf8bc9b92ef37239b2962cf7a1646b09254f33ea38e1e6c4b1fb7154a6365dbb03513eae164"
            + "8ec7af59eef536f81d21238f10f27c8b0cb2952d8355e49f24a0ba69c2da73164fbb1276c19d2cc73e94825492565dde"
            + "f31ff0abc35f6b0051ce87dab3c004f25e5aee76da654a9887da8a8a7594e75497f6ac13cd1f2d99dbf2c2d2bf9567cf"
            + "b56004cbe3817158ad652fd9ff3397b0f0d429d6e405ee624bc0ac1f59efbacba3cd1a7444919df6eddc0fad1c71a89c"
            + "50df1ad07495c58f221e74060b79c558cade0ac252ac787fb3d05957a8e384f7a23521adbcd28903c97f4d1b2a550168"
            + "9ad5b75a09483813533817349bc27788050684ba5f194ff5faee7f57d0412a711402ecd1d00841cde2d1a9a0635e62fc"
            + "e2504e039124dbcd22643df9c2c57a67320fe6557c6ed017ce71397055559e029524568e018634b02f5225ef17eaef01"
            + "6065c8121caf8e7f7f544e368ec1b06d7fd372dd431bb6f4ac23df86c63d6f329701eff151cb199ced20c5cacad1ed0b"
            + "2ca895c56097ded20f91cb710ffe6893b140c9c326ab0a9c19256c2db86cf67582d4ba93f24f91a21a12dc96e545d6fd"
            + "9da69a83e5f9893c1956ac9d956abe68c4c6783a93c98dc0f126369f8726cd9aa2d6e2b9ac05e53cf9554eefff1f436e"
            + "f0408d3b0000";
    /** Made on HotSpot 17 by {@code new Deflater(9)} with the preset dictionary {@link #DICTIONARY}, from {@code text(200)}. */
    static final String HOTSPOT_ZLIB_DICTIONARY = "78f97156101a5d535b6ec3300cfbf7297c35ad4b5b6fa903a44e87de7e3225c672813e1c9922a9474a6d1b22bf65ad59"
            + "6abeacf2ce7fa5ddb7a35910911f794978fcdab6f6d43c69b93ce4b6e46bd997674ea6bbbef56410e43de4722f75d120"
            + "e488e1ff7e54b576edea5020dc3821829fd41160000cd49a46b330866b0d4edc142071f0dd4b071159a47e9fe7e41600"
            + "e848cb512668854b31e1516aa781ace7aaa0358425a409cad2c53ef66009aca871aa5a15f85e656f87ac6e0a62c912d9"
            + "7c2a80627422f8565eedaa7ec128ce45192a24ab77ccd68b45746a2a33ba5993193b331a88f4b04770d5db70b6a86339"
            + "05f508af4021953790040f313d2fd9f1b309e7927b35d8a6694d82e047bd12b13e0b4090673a78f659b20d63a9bcf279"
            + "b5c78284b94ceb4ca2b06fbe15131dfca5f006741fff049b5da4";
    public static final int TEXT_SAMPLE = 3;
    public static final int REPEATS_SAMPLE = 5;
    static final byte[] DICTIONARY = "the quick brown fox jumps over the lazy dog ".getBytes(StandardCharsets.US_ASCII);

    public static void main(String[] args) throws Exception {
        if (args.length == 1 && args[0].equals("hotspot-constants")) {
            System.out.println(HexFormat.of().formatHex(deflate(text(600), Deflater.DEFAULT_COMPRESSION, false, 1 << 16)));
            ByteArrayOutputStream gzip = new ByteArrayOutputStream();
            try (GZIPOutputStream out = new GZIPOutputStream(gzip)) {
                out.write(text(3000));
            }
            System.out.println(HexFormat.of().formatHex(gzip.toByteArray()));
            Deflater withDictionary = new Deflater(9);
            withDictionary.setDictionary(DICTIONARY);
            withDictionary.setInput(text(200));
            withDictionary.finish();
            byte[] out = new byte[1000];
            int n = withDictionary.deflate(out);
            System.out.println(HexFormat.of().formatHex(out, 0, n));
            return;
        }
        checksums();
        deflaterRoundTrips();
        gzipRoundTrips();
        syncFlush();
        zipRoundTrip();
        hotSpotStreams();
        errors();
    }

    /** Deterministic test data: words from a small vocabulary, bytes from an LCG, and long repeats. */
    public static byte[][] samples() {
        byte[] random = new byte[70_000];
        long seed = 42;
        for (int i = 0; i < random.length; i++) {
            seed = seed * 6364136223846793005L + 1442695040888963407L;
            random[i] = (byte) (seed >>> 56);
        }
        byte[] repeats = new byte[150_000];
        for (int i = 0; i < repeats.length; i++) {
            repeats[i] = (byte) (i < 40_000 ? 0 : "abcabcabd".charAt(i % 9) + (i / 50_000));
        }
        return new byte[][] {new byte[0], "a".getBytes(StandardCharsets.US_ASCII),
            "hello hello hello hello".getBytes(StandardCharsets.US_ASCII), text(20_000), random, repeats};
    }

    static byte[] text(int words) {
        String[] vocabulary = {"kiln", "fires", "the", "clay", "of", "java", "into", "an", "image", "that", "boots",
            "quickly", "and", "runs", "without", "a", "virtual", "machine", "\n"};
        StringBuilder text = new StringBuilder();
        int state = 7;
        for (int i = 0; i < words; i++) {
            state = state * 1103515245 + 12345;
            text.append(vocabulary[(state >>> 16) % vocabulary.length]).append(' ');
        }
        return text.toString().getBytes(StandardCharsets.US_ASCII);
    }

    static void checksums() {
        for (byte[] sample : samples()) {
            CRC32 crc = new CRC32();
            crc.update(sample);
            Adler32 adler = new Adler32();
            adler.update(sample);
            Adler32 byteByByte = new Adler32();
            for (byte b : sample) {
                byteByByte.update(b);
            }
            System.out.println("checksums length=" + sample.length + " crc32=" + Long.toHexString(crc.getValue())
                    + " adler32=" + Long.toHexString(adler.getValue()) + " same=" + (adler.getValue() == byteByByte.getValue()));
        }
    }

    public static byte[] deflate(byte[] data, int level, boolean nowrap, int chunk) {
        Deflater deflater = new Deflater(level, nowrap);
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        byte[] buffer = new byte[777];
        for (int offset = 0; offset < data.length; offset += chunk) {
            deflater.setInput(data, offset, Math.min(chunk, data.length - offset));
            while (!deflater.needsInput()) {
                compressed.write(buffer, 0, deflater.deflate(buffer));
            }
        }
        deflater.finish();
        while (!deflater.finished()) {
            compressed.write(buffer, 0, deflater.deflate(buffer));
        }
        if (deflater.getBytesRead() != data.length || deflater.getBytesWritten() != compressed.size()) {
            throw new AssertionError("deflater counts " + deflater.getBytesRead() + " " + deflater.getBytesWritten());
        }
        deflater.end();
        return compressed.toByteArray();
    }

    /** Inflates feeding {@code chunk} compressed bytes at a time into a 100-byte output buffer. */
    static String inflate(byte[] compressed, boolean nowrap, int chunk, byte[] expected) throws DataFormatException {
        Inflater inflater = new Inflater(nowrap);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[100];
        int offset = 0;
        int dummy = 0;
        while (!inflater.finished()) {
            if (inflater.needsInput()) {
                if (offset == compressed.length) {
                    if (!nowrap || dummy == 1) {
                        return "truncated after " + out.size();
                    }
                    // The JDK's Inflater documents that zlib may want one byte past a raw stream's end.
                    inflater.setInput(new byte[1]);
                    dummy = 1;
                    continue;
                }
                int length = Math.min(chunk, compressed.length - offset);
                inflater.setInput(compressed, offset, length);
                offset += length;
            }
            out.write(buffer, 0, inflater.inflate(buffer));
        }
        byte[] result = out.toByteArray();
        String adler = nowrap ? "" : " adler=" + Integer.toHexString(inflater.getAdler());
        String report = "inflated=" + result.length + " equal=" + Arrays.equals(result, expected)
                + " written=" + inflater.getBytesWritten() + " allInputRead=" + (inflater.getBytesRead() == compressed.length)
                + " remaining=" + (inflater.getRemaining() - dummy + compressed.length - offset) + adler;
        inflater.end();
        return report;
    }

    static void deflaterRoundTrips() throws DataFormatException {
        int[] levels = {Deflater.NO_COMPRESSION, Deflater.BEST_SPEED, Deflater.DEFAULT_COMPRESSION, Deflater.BEST_COMPRESSION};
        byte[][] samples = samples();
        for (int s = 0; s < samples.length; s++) {
            for (int level : levels) {
                for (boolean nowrap : new boolean[] {false, true}) {
                    byte[] compressed = deflate(samples[s], level, nowrap, 5000);
                    System.out.println("sample " + s + " level " + level + " nowrap " + nowrap + ": "
                            + inflate(compressed, nowrap, 37, samples[s]));
                }
            }
        }
        Deflater huffmanOnly = new Deflater();
        huffmanOnly.setStrategy(Deflater.HUFFMAN_ONLY);
        huffmanOnly.setInput(samples[3]);
        huffmanOnly.finish();
        ByteArrayOutputStream literalsOnly = new ByteArrayOutputStream();
        byte[] out = new byte[4096];
        while (!huffmanOnly.finished()) {
            literalsOnly.write(out, 0, huffmanOnly.deflate(out));
        }
        System.out.println("huffman only: " + inflate(literalsOnly.toByteArray(), false, 4096, samples[3]));
        // Trailing bytes after the stream stay unread: getRemaining counts them.
        byte[] withTrailer = Arrays.copyOf(deflate(samples[2], 6, false, 100), deflate(samples[2], 6, false, 100).length + 5);
        Inflater inflater = new Inflater();
        inflater.setInput(withTrailer);
        byte[] result = new byte[100];
        int n = inflater.inflate(result);
        System.out.println("trailing bytes: inflated=" + n + " finished=" + inflater.finished() + " remaining="
                + inflater.getRemaining() + " needsInput=" + inflater.needsInput());
    }

    static byte[] readAll(InputStream in) throws IOException {
        try (in) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[333];
            for (int n; (n = in.read(buffer)) > 0; ) {
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        }
    }

    static void gzipRoundTrips() throws IOException {
        ByteArrayOutputStream two = new ByteArrayOutputStream();
        for (byte[] sample : samples()) {
            ByteArrayOutputStream gzip = new ByteArrayOutputStream();
            try (GZIPOutputStream out = new GZIPOutputStream(gzip, 512)) {
                out.write(sample, 0, sample.length / 2);
                out.write(sample, sample.length / 2, sample.length - sample.length / 2);
            }
            byte[] back = readAll(new GZIPInputStream(new ByteArrayInputStream(gzip.toByteArray()), 100));
            CRC32 crc = new CRC32();
            crc.update(back);
            System.out.println("gzip " + sample.length + " -> " + back.length + " crc32=" + Long.toHexString(crc.getValue())
                    + " equal=" + Arrays.equals(back, sample));
            if (sample.length < 100) {
                two.write(gzip.toByteArray());
            }
        }
        // Members one after another read as one stream (GZIPInputStream reads on through getRemaining).
        System.out.println("gzip members: " + new String(readAll(new GZIPInputStream(new ByteArrayInputStream(two.toByteArray()))),
                StandardCharsets.US_ASCII));
    }

    static void syncFlush() throws IOException {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        DeflaterOutputStream out = new DeflaterOutputStream(sink, new Deflater(), 64, true);
        out.write("first part, ".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        byte[] soFar = sink.toByteArray();
        Inflater partial = new Inflater();
        partial.setInput(soFar);
        byte[] buffer = new byte[100];
        try {
            int n = partial.inflate(buffer);
            System.out.println("after sync flush: \"" + new String(buffer, 0, n, StandardCharsets.US_ASCII)
                    + "\" finished=" + partial.finished() + " needsInput=" + partial.needsInput());
        } catch (DataFormatException e) {
            System.out.println("after sync flush: " + e);
        }
        out.write("second part".getBytes(StandardCharsets.US_ASCII));
        out.close();
        System.out.println("whole: " + new String(readAll(new InflaterInputStream(new ByteArrayInputStream(sink.toByteArray()))),
                StandardCharsets.US_ASCII));
    }

    static void zipRoundTrip() throws IOException {
        byte[][] samples = samples();
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            out.putNextEntry(new ZipEntry("docs/text.txt"));
            out.write(samples[3]);
            out.closeEntry();
            ZipEntry stored = new ZipEntry("hello.txt");
            stored.setMethod(ZipEntry.STORED);
            stored.setSize(samples[2].length);
            CRC32 crc = new CRC32();
            crc.update(samples[2]);
            stored.setCrc(crc.getValue());
            out.putNextEntry(stored);
            out.write(samples[2]);
            out.closeEntry();
            out.putNextEntry(new ZipEntry("empty/"));
            out.closeEntry();
            out.setLevel(Deflater.BEST_SPEED);
            out.putNextEntry(new ZipEntry("random.bin"));
            out.write(samples[4]);
            out.closeEntry();
        }
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.toByteArray()))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                byte[] content = in.readAllBytes();
                CRC32 crc = new CRC32();
                crc.update(content);
                System.out.println("zip entry " + entry.getName() + " method=" + entry.getMethod() + " read=" + content.length
                        + " crc32=" + Long.toHexString(crc.getValue()) + " directory=" + entry.isDirectory()
                        + " size=" + entry.getSize() + " entryCrc=" + Long.toHexString(entry.getCrc()));
            }
        }
    }

    static void hotSpotStreams() throws Exception {
        HexFormat hex = HexFormat.of();
        System.out.println("hotspot zlib: " + inflate(hex.parseHex(HOTSPOT_ZLIB_TEXT), false, 50, text(600)));
        byte[] gunzipped = readAll(new GZIPInputStream(new ByteArrayInputStream(hex.parseHex(HOTSPOT_GZIP_TEXT))));
        System.out.println("hotspot gzip: " + gunzipped.length + " equal=" + Arrays.equals(gunzipped, text(3000))
                + " starts " + new String(gunzipped, 0, 40, StandardCharsets.US_ASCII).replace('\n', '|'));
        Inflater inflater = new Inflater();
        inflater.setInput(hex.parseHex(HOTSPOT_ZLIB_DICTIONARY));
        byte[] out = new byte[5000];
        int n = inflater.inflate(out);
        System.out.println("dictionary: inflated=" + n + " needsDictionary=" + inflater.needsDictionary()
                + " id=" + Integer.toHexString(inflater.getAdler()));
        inflater.setDictionary(DICTIONARY);
        n = inflater.inflate(out);
        System.out.println("dictionary: inflated=" + n + " equal=" + Arrays.equals(Arrays.copyOf(out, n), text(200))
                + " finished=" + inflater.finished());
    }

    static void errors() throws IOException {
        HexFormat hex = HexFormat.of();
        byte[] good = deflate(text(50), 6, false, 1000);
        byte[] badHeader = good.clone();
        badHeader[1] ^= 1;
        byte[] badTrailer = good.clone();
        badTrailer[badTrailer.length - 1] ^= 1;
        String[][] cases = {
            {"header", hex.formatHex(badHeader), "false"},
            {"method", "7709", "false"},
            {"distance", "030200", "true"},
            {"block type", "07", "true"},
            {"stored lengths", "0105000000", "true"},
            {"trailer", hex.formatHex(badTrailer), "false"},
        };
        for (String[] c : cases) {
            try {
                Inflater inflater = new Inflater(Boolean.parseBoolean(c[2]));
                inflater.setInput(hex.parseHex(c[1]));
                byte[] out = new byte[10_000];
                while (!inflater.finished() && !inflater.needsInput()) {
                    inflater.inflate(out);
                }
                System.out.println("error " + c[0] + ": none, finished=" + inflater.finished());
            } catch (DataFormatException e) {
                System.out.println("error " + c[0] + ": " + e.getMessage());
            }
        }
        try {
            readAll(new GZIPInputStream(new ByteArrayInputStream("not gzip at all".getBytes(StandardCharsets.US_ASCII))));
        } catch (ZipException e) {
            System.out.println("not gzip: " + e.getMessage());
        }
        ByteArrayOutputStream gzip = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gzip)) {
            out.write(text(100));
        }
        try {
            readAll(new GZIPInputStream(new ByteArrayInputStream(Arrays.copyOf(gzip.toByteArray(), gzip.size() / 2))));
        } catch (EOFException e) {
            System.out.println("truncated gzip: " + e.getMessage());
        }
    }
}

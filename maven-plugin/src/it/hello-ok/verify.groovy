// The image and the kernel were written, and the guest's serial output was kept.
def iso = new File(basedir, 'target/hello-ok.iso')
assert iso.isFile() : "no image at $iso"
// ISO 9660 §8.4: the primary volume descriptor at sector 16 starts with type 1 and "CD001".
byte[] descriptor = new byte[6]
iso.withInputStream { it.skip(16 * 2048); it.read(descriptor) }
assert new String(descriptor, 1, 5, 'US-ASCII') == 'CD001' : "$iso is not an ISO 9660 image"

def elf = new File(basedir, 'target/kiln/kernel.elf')
assert elf.isFile() && elf.bytes[0..3] == [0x7f, 0x45, 0x4c, 0x46] as byte[] : "$elf is not an ELF file"
assert new File(basedir, 'target/kiln/kernel.map').isFile()

def serial = new File(basedir, 'target/kiln/hello-ok.serial.log').getText('UTF-8')
assert serial.contains('Hello from a Kiln integration test')
assert serial.contains('6 * 7 = 42')
assert new File(basedir, 'build.log').text.contains('kiln:boot-test passed')

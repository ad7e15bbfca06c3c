package kiln.lib.random;

/**
 * What the JDK's {@code ThreadLocalRandom} static initializer calls instead of {@code SecureRandom.getSeed}
 * (the compiler's ThreadLocalRandomSeedPatch points that one call here). On HotSpot it runs only when the
 * system property {@code java.util.secureRandomSeed} is true, and seeds from the operating system's entropy
 * through the security providers; a Kiln image has neither providers nor an entropy device yet, so this says
 * what is missing instead of answering bytes that are not random. Without the redirection, the call alone
 * (never run by default) would put {@code SecureRandom}'s static initializer, {@code sun.security.util.Debug},
 * the regular expressions and the locale machinery into every image that uses a {@code ConcurrentHashMap}
 * (whose probes are {@code ThreadLocalRandom}'s), and {@code getSeed} itself the providers, certificates and
 * jar verification: measured on a program drawing from {@code ThreadLocalRandom}, 1,575 methods with Kiln's
 * former substitute, 15,177 with the JDK's class unpatched.
 */
public final class SecureSeed {
    private SecureSeed() {
    }

    public static byte[] getSeed(int numBytes) {
        throw new UnsupportedOperationException("java.util.secureRandomSeed=true: a Kiln image has no entropy"
                + " source for SecureRandom.getSeed(" + numBytes + ") (no /dev/random); leave the property unset and"
                + " ThreadLocalRandom seeds from the clocks, as it does by default");
    }
}

package kiln.kernel.impostor;

import kiln.runtime.Intrinsics;

/** An application class that claims a kernel package to get at intrinsics: the build must refuse it. */
public class Impostor {
    public static void main(String[] args) {
        Intrinsics.outb(0xf4, 0);
    }
}

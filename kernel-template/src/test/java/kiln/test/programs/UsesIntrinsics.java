package kiln.test.programs;

import kiln.runtime.Intrinsics;

/** Application code may not touch ports: the build must refuse this (BadProgramTest). */
public class UsesIntrinsics {
    public static void main(String[] args) {
        Intrinsics.outb(0xf4, 0);
    }
}

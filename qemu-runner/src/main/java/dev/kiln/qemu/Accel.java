package dev.kiln.qemu;

/** How QEMU executes guest code. */
public enum Accel {
    /** QEMU's portable binary translator: slower per instruction, but predictable everywhere. */
    TCG,
    /** Hardware virtualization through {@code /dev/kvm}; the run fails if the device is not usable. */
    KVM,
    /**
     * KVM only if {@code /dev/kvm} is usable and a timed probe boot shows it is fast, otherwise TCG.
     * The probe runs once per JVM; see the package documentation.
     */
    AUTO
}

package dev.kiln.qemu;

/** The firmware the virtual machine starts with. */
public enum Firmware {
    /** SeaBIOS, QEMU's built-in legacy BIOS. */
    BIOS,
    /** OVMF (EDK II for QEMU), found in the usual distribution locations; install it with {@code apt-get install -y ovmf}. */
    UEFI
}

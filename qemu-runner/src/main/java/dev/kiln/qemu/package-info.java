/**
 * Boots a Kiln image in QEMU and turns the way it ends into a {@link dev.kiln.qemu.RunResult}.
 *
 * <h2>Command line</h2>
 * {@code qemu-system-x86_64 -accel tcg -cpu max} (or {@code -accel kvm}, with QEMU's default CPU model)
 * {@code -m N -display none -monitor none -serial stdio
 * -device isa-debug-exit,iobase=0xf4,iosize=0x04 -no-reboot}, then the firmware (nothing for SeaBIOS; OVMF on
 * pflash drives or with {@code -bios}), then the image ({@code -cdrom X -boot d}, {@code -drive format=raw,file=X}
 * or {@code -kernel X}, which QEMU boots through the ELF's PVH note), then the caller's extra arguments.
 * COM1 is QEMU's stdout; a reader thread copies every byte to the serial log and the echo stream the moment it
 * arrives, so a hanging guest still shows how far it got. QEMU's stderr is kept apart and quoted when QEMU fails.
 *
 * <h2>Exit codes</h2>
 * The guest ends the run by writing {@code 0x10 + status} to port {@code 0xf4} ({@code docs/abi.md}, "Exit
 * protocol"). The {@code isa-debug-exit} device makes QEMU exit with {@code (value << 1) | 1}:
 * <table>
 *   <caption>QEMU exit code to outcome</caption>
 *   <tr><th>QEMU exit code</th><th>outcome</th></tr>
 *   <tr><td>33</td><td>SUCCESS (status 0)</td></tr>
 *   <tr><td>35, 37, ... 255 (odd, &ge; 33)</td><td>FAILURE, status {@code (code - 33) / 2}</td></tr>
 *   <tr><td>0</td><td>RESET</td></tr>
 *   <tr><td>anything else</td><td>QEMU_ERROR, with QEMU's stderr</td></tr>
 * </table>
 * The offset 0x10 keeps guest statuses away from exit code 1, which QEMU itself uses for its own errors
 * (bad option, missing file). A plain exit 0 is a failure, never success: with {@code -no-reboot} QEMU exits 0
 * when the guest resets the machine, and a triple fault (a fault while delivering a double fault, Intel SDM
 * Vol. 3A §6.15, interrupt 8) resets it; a reset through the keyboard controller and an ACPI power-off also end in
 * exit 0. None of those says the program finished, and a kernel that crashes early must not pass a build.
 * If the timeout passes first, QEMU and its descendants are killed with SIGKILL and the outcome is TIMEOUT.
 * One ambiguity is inherent: a QEMU killed from outside by a signal exits with {@code 128 + signal}, which is
 * odd for odd signals (SIGKILL: 137) and so reads as a guest status; such kills are rare enough to accept.
 *
 * <h2>Accelerator</h2>
 * TCG is the default and what tests use: it behaves the same on every host. {@link dev.kiln.qemu.Accel#AUTO}
 * picks KVM only if {@code /dev/kvm} is readable and writable <em>and</em> a probe shows KVM is fast: a boot
 * sector that exits immediately (SeaBIOS, then a few instructions) must finish under KVM within one second; on a
 * healthy host it takes a fraction of that. The caller brings the probe guest
 * ({@link dev.kiln.qemu.RunSpec#kvmProbeGuest}; Kiln's is the boot module's {@code ReferenceGuests}): this
 * module depends on no other Kiln module, so it has no assembler to write one with, and carries no opcode bytes. The probe exists because on some hosts (nested virtualization
 * without hardware support) KVM is pathologically slow: on the machine Kiln was first built on, the probe guest
 * takes 5.2 s under KVM and 0.17 s under TCG, and loops that TCG runs in 3.5 s took over ten minutes under KVM.
 * The probe runs once per JVM and costs at most the budget (a QEMU that cannot start KVM at all fails it at once). An explicit {@link dev.kiln.qemu.Accel#KVM} skips the probe but fails with a
 * clear message if {@code /dev/kvm} is not usable.
 *
 * <h2>Talking to a running guest</h2>
 * {@link dev.kiln.qemu.Qemu#start} boots like {@link dev.kiln.qemu.Qemu#boot} and adds
 * {@code -qmp unix:DIR/qmp.sock,server=on,wait=off} (DIR a private temporary directory, deleted after the run),
 * then hands back a {@link dev.kiln.qemu.RunningGuest}: the test waits for serial output, writes bytes to QEMU's
 * stdin, which {@code -serial stdio} delivers to COM1's receiver with flow control (nothing is lost however
 * early it is sent), and types on the PS/2 keyboard through {@link dev.kiln.qemu.QmpClient} ({@code send-key}
 * with QEMU's qcodes, one key per call, released after QEMU's 100 ms hold time). QMP's JSON is read and written
 * by Kiln's own small {@code dev.kiln.json.Json} (module {@code json}, qemu-runner's only dependency). The timeout counts from the start,
 * as for {@code boot}.
 *
 * <h2>Firmware</h2>
 * BIOS is QEMU's SeaBIOS. UEFI is OVMF, searched in the Debian/Ubuntu, Fedora and Arch locations; a split
 * build (OVMF_CODE + OVMF_VARS) gets a fresh copy of the variable store per run.
 */
package dev.kiln.qemu;

// Shared by the ITs that test kiln:boot-test and kiln:run without Kiln's compiler: defines
// bootSectorImage(iso, text, status), which writes a CD image whose El Torito boot sector prints `text` and a
// newline on COM1 and exits QEMU through isa-debug-exit with the Kiln status `status` (docs/abi.md, exit
// protocol: the guest writes 0x10 + status). The machine code is written out byte by byte; xorriso, one of
// the test oracles .ci/run installs, makes the ISO.
bootSectorImage = { File iso, String text, int status ->
    def code = new ByteArrayOutputStream()
    code.write([0xFA] as byte[])                              // cli
    code.write([0xBA, 0xF8, 0x03] as byte[])                  // mov dx, 0x3f8 (COM1 data register)
    (text + '\n').getBytes('US-ASCII').each { c ->
        code.write([0xB0, c & 0xFF, 0xEE] as byte[])          // mov al, c; out dx, al
    }
    code.write([0xBA, 0xF4, 0x00] as byte[])                  // mov dx, 0xf4 (isa-debug-exit)
    code.write([0xB0, 0x10 + status, 0xEE] as byte[])         // mov al, 0x10 + status; out dx, al
    code.write([0xF4, 0xEB, 0xFD] as byte[])                  // hlt; jmp back to hlt
    byte[] sector = new byte[2048]
    System.arraycopy(code.toByteArray(), 0, sector, 0, code.size())

    def root = new File(iso.parentFile, 'boot-sector-root')
    root.mkdirs()
    new File(root, 'boot.bin').bytes = sector
    def xorriso = ['xorriso', '-as', 'mkisofs', '-quiet', '-o', iso.path, '-b', 'boot.bin', '-no-emul-boot',
                   '-boot-load-size', '4', root.path].execute()
    xorriso.waitForProcessOutput(System.out, System.err)
    assert xorriso.exitValue() == 0 : 'xorriso failed (install it with: apt-get install -y xorriso)'
}

// Every format was written, and boot-test booted each on each firmware (the ELF only under BIOS).
def target = new File(basedir, 'target')
['every-format.iso', 'every-format.img', 'every-format.tar.gz', 'every-format.elf'].each {
    assert new File(target, it).isFile() : "no $it"
}
def log = new File(basedir, 'build.log').text
['iso under bios', 'iso under uefi', 'disk under bios', 'disk under uefi', 'tar.gz under bios', 'tar.gz under uefi',
 'elf under bios'].each {
    assert log.contains("kiln:boot-test passed ($it)") : "no passed boot: $it"
}
assert log.contains('not booting the ELF kernel under UEFI')
['iso-bios', 'iso-uefi', 'disk-bios', 'disk-uefi', 'tar.gz-bios', 'tar.gz-uefi', 'elf-bios'].each {
    def serial = new File(target, "kiln/every-format.${it}.serial.log").getText('UTF-8')
    assert serial.contains('Hello from a Kiln integration test') : "$it: $serial"
}
assert new File(target, 'kiln/every-format.disk.raw').isFile() : 'boot-test booted the disk.raw it unpacked from the tar.gz'

#!/usr/bin/env bash
# Records the MTP replay fixtures of tests/EvidenceVault.Devices.Tests (see docs: /work/shared/reference/mtp-harness.md).
# No USB hardware needed: a QEMU (TCG) guest gets an emulated usb-mtp device whose root is a small sample recorder,
# mounts this machine's root read-only over 9p, and runs the scenario program (and the real CLI ingest) under
# umockdev-record. The tests replay the same programs under umockdev-run, so re-run this script whenever the
# sequence of libmtp calls changes, or libmtp itself does (the fixtures are recorded against libmtp9 1.1.20).
#   usage: tools/record-mtp-fixtures.sh        (writes tests/EvidenceVault.Devices.Tests/Fixtures/Mtp/)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

apt_install qemu-system-x86 busybox-static umockdev libmtp9 mtp-tools udev xz-utils ffmpeg cpio gcc libc6-dev
FIXTURES="$REPO_ROOT/tests/EvidenceVault.Devices.Tests/Fixtures/Mtp"
WORK="$(mktemp -d /tmp/ev-mtp-record.XXXXXX)"
[ -n "${KEEP_WORK:-}" ] || trap 'rm -rf "$WORK"' EXIT   # KEEP_WORK=1 keeps the guest's console and outputs
SCENARIO_DLL="$REPO_ROOT/tests/EvidenceVault.Devices.MtpScenario/bin/Release/net10.0/EvidenceVault.Devices.MtpScenario.dll"
CLI_DLL="$REPO_ROOT/src/EvidenceVault.Cli/bin/Release/net10.0/evidencevault.dll"

log "building the scenario program and the CLI (Release)"
dotnet build "$REPO_ROOT/tests/EvidenceVault.Devices.MtpScenario" -c Release -v q -nologo >&2
dotnet build "$REPO_ROOT/src/EvidenceVault.Cli" -c Release -v q -nologo >&2

# --- The sample recorder: a few real but tiny files (a few hundred KB in all), GA/T 947-style names, and a
# name with spaces and Chinese characters. The first file in ordinal order is the largest: the cut scenario
# fails in the middle of its transfer.
SAMPLE="$WORK/recorder"
mkdir -p "$SAMPLE/DCIM/100MEDIA" "$SAMPLE/RECORD" "$SAMPLE/PHOTO"
ff() { ffmpeg -hide_banner -loglevel error -y "$@"; }
ff -f lavfi -i "testsrc=size=320x240:rate=15" -f lavfi -i "sine=frequency=440:sample_rate=16000" -t 3 \
  -c:v libx264 -preset ultrafast -pix_fmt yuv420p -c:a aac -b:a 32k -shortest \
  "$SAMPLE/DCIM/100MEDIA/A123456_010203_20250301093015_0001.MP4"
ff -f lavfi -i "sine=frequency=300:sample_rate=8000" -t 1 "$SAMPLE/RECORD/A123456_010203_20250301095000_0003.WAV"
ff -f lavfi -i "testsrc=size=160x120:rate=1" -frames:v 1 "$SAMPLE/PHOTO/A123456_010203_20250301095500_0004.JPG"
printf '现场检查笔录\n检查时间：2025年3月1日 09:30\n' > "$SAMPLE/RECORD/现场 笔录 -01.txt"
(cd "$SAMPLE" && find . -type f -printf '%P\n' | LC_ALL=C sort | while read -r f; do sha256sum "$f"; done) > "$WORK/expected.sha256"

# --- Guest kernel (Debian's generic one: the cloud kernel has no USB), extracted, never installed.
KVER="$(apt-cache depends linux-image-amd64 | sed -n 's/.*Depends: linux-image-//p' | head -1)"
(cd "$WORK" && apt-get download "linux-image-$KVER" >/dev/null)
dpkg-deb -x "$WORK"/linux-image-*.deb "$WORK/kernel"
INITRD="$WORK/initrd"
mkdir -p "$INITRD/bin" "$INITRD/lib" "$INITRD/proc" "$INITRD/sys" "$INITRD/dev" "$INITRD/newroot"
cp /bin/busybox "$INITRD/bin/busybox"
MODS="usb-common usbcore xhci-hcd xhci-pci virtio_ring virtio virtio_pci_modern_dev virtio_pci_legacy_dev virtio_pci netfs fscache 9pnet 9pnet_virtio 9p"
: > "$INITRD/modules"
for m in $MODS; do
  ko="$(find "$WORK/kernel/lib/modules/$KVER" \( -name "$m.ko*" -o -name "${m//-/_}.ko*" -o -name "${m//_/-}.ko*" \) | head -1)"
  [ -n "$ko" ] || { echo "$m is built in" >&2; continue; }
  case "$ko" in
    *.xz) xz -dc "$ko" > "$INITRD/lib/$m.ko" ;;
    *.zst) zstd -dcq "$ko" > "$INITRD/lib/$m.ko" ;;
    *) cp "$ko" "$INITRD/lib/$m.ko" ;;
  esac
  echo "$m" >> "$INITRD/modules"
done
OUT="$WORK/out"
mkdir -p "$OUT"
cp "$WORK/expected.sha256" "$OUT/"
cat > "$INITRD/init" <<EOF
#!/bin/busybox sh
/bin/busybox --install -s /bin
mount -t proc proc /proc; mount -t sysfs sys /sys; mount -t devtmpfs dev /dev
for m in \$(cat /modules); do insmod /lib/\$m.ko; done
mount -t 9p -o trans=virtio,version=9p2000.L,ro,msize=512000 hostroot /newroot
mount -t 9p -o trans=virtio,version=9p2000.L,msize=512000 out /newroot$OUT
mount -t proc proc /newroot/proc; mount -t sysfs sys /newroot/sys; mount -t devtmpfs dev /newroot/dev
mkdir -p /newroot/dev/shm; mount -t tmpfs shm /newroot/dev/shm; mount -t tmpfs run /newroot/run
chroot /newroot /bin/bash $OUT/guest.sh > /dev/console 2>&1
echo "guest finished"
poweroff -f
EOF
chmod +x "$INITRD/init"
(cd "$INITRD" && find . | cpio -o -H newc 2>/dev/null | gzip -1) > "$WORK/initrd.gz"

# --- What the guest runs (inside a chroot of this machine's root, so every path is the same as here).
cat > "$OUT/guest.sh" <<EOF
set -u
export HOME=/dev/shm TMPDIR=/dev/shm DOTNET_CLI_HOME=/dev/shm DOTNET_EnableDiagnostics=0 DOTNET_NOLOGO=1 PATH=/usr/bin:/bin:/usr/sbin:/sbin
cd $OUT
for d in /sys/bus/usb/devices/*; do
  [ "\$(cat \$d/idVendor 2>/dev/null)" = 46f4 ] && NODE=\$(printf '/dev/bus/usb/%03d/%03d' \$(cat \$d/busnum) \$(cat \$d/devnum))
done
echo "MTP device node: \${NODE:-none}"
echo "\$NODE" > node
umockdev-record "\$NODE" > device.umockdev
run() { # scenario name, then the program
  local name=\$1; shift
  umockdev-record --ioctl "\$NODE=\$name.ioctl" -- "\$@" > "\$name.json" 2> "\$name.stderr"
  echo "\$name: exit \$? (\$(wc -c < \$name.ioctl) bytes of ioctl log)"
}
run detect dotnet $SCENARIO_DLL detect
run walk dotnet $SCENARIO_DLL walk mtp:
run ingest dotnet $CLI_DLL --data /dev/shm/ev ingest mtp: --defer-media --json
run secure dotnet $SCENARIO_DLL secure mtp: $OUT/expected.sha256
EOF

echo "$WORK" >&2
log "booting the QEMU guest (TCG; a few minutes)"
# usb-mtp converts host file names with mbstowcs, but QEMU never calls setlocale, so in the C locale every
# non-ASCII name becomes "Oops". A preloaded constructor switches QEMU to a UTF-8 locale first.
printf '#include <locale.h>\n__attribute__((constructor)) static void utf8(void) { setlocale(LC_CTYPE, "C.UTF-8"); }\n' > "$WORK/utf8.c"
gcc -shared -fPIC -o "$WORK/utf8.so" "$WORK/utf8.c"
LD_PRELOAD="$WORK/utf8.so" timeout 1200 qemu-system-x86_64 -machine q35,accel=tcg -m 2048 -smp 2 -nographic -no-reboot \
  -kernel "$WORK/kernel/boot/vmlinuz-$KVER" -initrd "$WORK/initrd.gz" -append "console=ttyS0 quiet panic=-1" \
  -virtfs local,path=/,mount_tag=hostroot,security_model=none,readonly=on \
  -virtfs local,path="$OUT",mount_tag=out,security_model=none \
  -device qemu-xhci,id=xhci \
  -device usb-mtp,bus=xhci.0,rootdir="$SAMPLE",readonly=off,desc=BodyCam-Test </dev/null | tee "$WORK/console.log" >&2
grep -q "secure: exit 0" "$WORK/console.log" || { log "the guest run failed; see the console output above"; exit 1; }

# --- The fixtures: the device description, xz'd ioctl logs, the expected digests, and the cut log.
mkdir -p "$FIXTURES"
rm -f "$FIXTURES"/*.ioctl.xz   # README.md stays
cp "$OUT/device.umockdev" "$OUT/expected.sha256" "$FIXTURES/"
cp "$OUT/node" "$FIXTURES/node.txt"
for s in detect walk ingest secure; do xz -9 -c "$OUT/$s.ioctl" > "$FIXTURES/$s.ioctl.xz"; done
# The unplugged scenarios: the secure (and the ingest) run's log up to the middle of the data phase of the first GetObject (0x1009),
# where the next bulk-in URB completes with -EPROTO (-71, what the kernel reports when a recorder is pulled out
# mid-transfer) and the log ends. A log that merely stops does not fail: umockdev then completes every further
# bulk-in URB with a full buffer, and libmtp would read forever. After the fault every unrecorded URB fails at once.
unplug() { awk '{ line[NR] = $0 }
  !start && $4 == 2 && substr($NF, 9, 8) == "01000910" { start = NR }
  start && !end && NR > start && $4 == 129 && $8 == 12 && substr($NF, 9, 4) == "0300" { end = NR }
  END {
    if (!end) exit 1
    cut = start + int((end - start) / 2)
    for (i = 1; i < cut; i++) print line[i]
    l = line[cut]
    if (!sub(/REAPURBNDELAY 0 3 129 0 /, "REAPURBNDELAY 0 3 129 -71 ", l)) exit 1
    print l
  }' "$1" > "$2"; }
unplug "$OUT/secure.ioctl" "$WORK/unplugged.ioctl"
unplug "$OUT/ingest.ioctl" "$WORK/ingest-unplugged.ioctl"
for s in unplugged ingest-unplugged; do xz -9 -c "$WORK/$s.ioctl" > "$FIXTURES/$s.ioctl.xz"; done
du -ch "$FIXTURES"/* | tail -1 >&2
log "fixtures written to $FIXTURES"

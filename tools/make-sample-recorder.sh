#!/usr/bin/env bash
# Generates a docked body recorder (USB mass-storage layout) with real media made by ffmpeg,
# plus the awkward files a real dock meets: clutter, an empty file, a mislabelled file,
# a truncated recording, a sidecar hash and a name with spaces and Chinese characters.
set -euo pipefail
OUT="${1:?usage: make-sample-recorder.sh <output-dir>}"
rm -rf "$OUT"
mkdir -p "$OUT/DCIM/100MEDIA" "$OUT/RECORD" "$OUT/PHOTO" "$OUT/System Volume Information"
ff() { ffmpeg -hide_banner -loglevel error -y "$@"; }

# GA/T 947-style names: <device:7>_<officer:6>_<yyyyMMddHHmmss>_<seq>[_<mark>]
V1="$OUT/DCIM/100MEDIA/A123456_010203_20250301093015_0001_3.MP4"
ff -f lavfi -i "testsrc2=size=1920x1080:rate=30" -f lavfi -i "sine=frequency=440:sample_rate=48000" -t 4 \
  -c:v libx264 -preset ultrafast -pix_fmt yuv420p -c:a aac -b:a 96k -shortest "$V1"
ff -f lavfi -i "testsrc=size=1280x720:rate=25" -f lavfi -i "sine=frequency=880:sample_rate=48000" -t 3 \
  -c:v libx264 -preset ultrafast -pix_fmt yuv420p -c:a aac -b:a 96k -shortest \
  "$OUT/DCIM/100MEDIA/A123456_010203_20250301094500_0002.MP4"
ff -f lavfi -i "sine=frequency=300:sample_rate=16000" -t 3 "$OUT/RECORD/A123456_010203_20250301095000_0003.WAV"
ff -f lavfi -i "testsrc=size=1280x960:rate=1" -frames:v 1 "$OUT/PHOTO/A123456_010203_20250301095500_0004.JPG"

# The device's declared hash for the first clip, in sha256sum format.
(cd "$(dirname "$V1")" && sha256sum "$(basename "$V1")" > "$(basename "$V1").sha256")

# An Axis-style folder: <userId>_<deviceId>_<yyyyMMdd>_<HHmmss>/<yyyyMMdd>_<HHmmss>_<id>.mp4 (UTC)
AXIS="$OUT/OFFICER7_B0A1C2D3_20250301_011500"
mkdir -p "$AXIS"
ff -f lavfi -i "testsrc=size=640x360:rate=25" -f lavfi -i "sine=frequency=660:sample_rate=48000" -t 2 \
  -c:v libx264 -preset ultrafast -pix_fmt yuv420p -c:a aac -shortest "$AXIS/20250301_011502_5f3c9a.mp4"

# A written record (文字记录) and a name with spaces and Chinese characters.
printf '现场检查笔录\n检查时间：2025年3月1日 09:30\n当事人：某某公司\n' > "$OUT/RECORD/现场 笔录 -01.txt"

# Awkward input.
: > "$OUT/DCIM/100MEDIA/A123456_010203_20250301100000_0005.MP4"                       # empty
printf 'this is a text file, not a video\n' > "$OUT/DCIM/100MEDIA/A123456_010203_20250301100500_0006.MP4"   # mislabelled
head -c 200000 "$V1" > "$OUT/DCIM/100MEDIA/A123456_010203_20250301101000_0007.MP4"    # truncated recording
printf 'clutter' > "$OUT/DCIM/Thumbs.db"
printf 'clutter' > "$OUT/DCIM/100MEDIA/._A123456_010203_20250301093015_0001_3.MP4"
printf 'clutter' > "$OUT/System Volume Information/IndexerVolumeGuid"
echo "sample recorder written to $OUT" >&2

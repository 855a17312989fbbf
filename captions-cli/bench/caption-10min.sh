#!/bin/sh
# End-to-end speed of the README's first command on a 10-minute video (not a unit test). From the repository root:
#   captions-cli/bench/caption-10min.sh
# 1. Makes a 10-minute speech WAV (the Vosk harness's espeak-ng script; needs espeak-ng and sox, once) and wraps it
#    in an MP4 with a small H.264 video track, with the FFmpeg the SDK unpacks (~/.cache/captions/ffmpeg).
# 2. Builds captions.jar (offline) and runs `java -jar captions.jar caption long.mp4` under /usr/bin/time -v:
#    wall time includes JVM start, FFmpeg probe and audio extraction, model load, decoding, shaping and writing.
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
bench=$root/captions-cli/target/bench
mkdir -p "$bench"
wav=$root/captions-provider-vosk/target/bench/speech-10min.wav
if [ ! -f "$wav" ]; then
  # the Vosk harness makes the WAV first (and measures the transcriber alone)
  "$root/captions-provider-vosk/bench/run-benchmark.sh" >/dev/null
fi
(cd "$root" && mvn -B -q -o -pl captions-cli -am -DskipTests package)
jar=$root/captions-cli/target/captions.jar
ffmpeg=$(ls "$HOME"/.cache/captions/ffmpeg/*/ffmpeg* 2>/dev/null | head -1)
[ -x "$ffmpeg" ] || ffmpeg=$(command -v ffmpeg)
video=$bench/long-10min.mp4
if [ ! -f "$video" ]; then
  "$ffmpeg" -hide_banner -loglevel error -y -i "$wav" -f lavfi -i "color=c=0x1e3a5f:size=320x180:rate=10" \
    -map 1:v -map 0:a -c:v libx264 -preset veryfast -crf 32 -pix_fmt yuv420p -c:a aac -b:a 64k -shortest "$video"
fi
rm -rf "$bench/out"
/usr/bin/time -v java -jar "$jar" caption "$video" -o "$bench/out" -q 2> "$bench/time.txt" > "$bench/stdout.txt"
cat "$bench/stdout.txt"
grep -E 'Elapsed \(wall clock\)|Maximum resident set size|Percent of CPU' "$bench/time.txt"
grep -c -- '-->' "$bench/out/long-10min.en.vtt" | sed 's/^/cues: /'

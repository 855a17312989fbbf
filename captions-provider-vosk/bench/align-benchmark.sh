#!/bin/sh
# Alignment speed harness (issue 14; not a unit test). From the repository root:
#   captions-provider-vosk/bench/align-benchmark.sh [minutes] [skip-transcription|transcription|model-transcription] \
#     [runs] [whole-file]
# 1. Makes a speech WAV of about [minutes] (default 10) by repeating the 3-minute alignment fixture
#    (captions-flows/src/test/resources/align/en.ogg, espeak-ng speech with known sentence times) and writes the
#    matching sentence timing file (target/bench/align-<minutes>min.{wav,tsv}).
# 2. Builds the module and its class path with Maven (offline).
# 3. Runs AlignBenchmark: offline transcription of the WAV (Vosk through the long-media engine, as the pipeline does)
#    against alignment of its text-only transcript by the Vosk aligner; wall and CPU time of each and their ratio
#    (target: alignment < 20 % of transcription), and the aligned sentence starts' error. With [runs], alignment is
#    timed that many times and the least CPU counts; with whole-file, the aligner decoding the whole file (pauses
#    included, as before speech-only decoding) is timed alongside; model-transcription transcribes with the model's
#    own decoder settings (DecoderSettings.model(), the decoder before DecoderSettings.defaults()).
# Needs: an FFmpeg ($FFMPEG, else the one in the jave-nativebin jar in ~/.m2, else ffmpeg on PATH), sox, Maven, Java 17.
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
minutes=${1:-10}
bench=$root/captions-provider-vosk/target/bench
fixture=$root/captions-flows/src/test/resources/align
wav=$bench/align-${minutes}min.wav
tsv=$bench/align-${minutes}min.tsv
mkdir -p "$bench"
if [ ! -f "$wav" ]; then
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  ff=${FFMPEG:-}
  jar="$HOME/.m2/repository/ws/schild/jave-nativebin-linux64/3.5.0/jave-nativebin-linux64-3.5.0.jar"
  if [ -z "$ff" ] && [ -f "$jar" ]; then
    unzip -p "$jar" ws/schild/jave/nativebin/ffmpeg-amd64 > "$tmp/ffmpeg" && chmod +x "$tmp/ffmpeg" && ff=$tmp/ffmpeg
  fi
  [ -n "$ff" ] || ff=ffmpeg
  "$ff" -hide_banner -loglevel error -y -i "$fixture/en.ogg" -ac 1 -ar 16000 -c:a pcm_s16le "$tmp/once.wav"
  once_ms=$(awk "BEGIN { printf \"%d\", $(soxi -D "$tmp/once.wav") * 1000 }")
  repeats=$(awk -v m="$minutes" -v d="$once_ms" 'BEGIN { r = int(m * 60000 / d + 0.5); print r < 1 ? 1 : r }')
  list=""
  : > "$tsv"
  n=0
  while [ "$n" -lt "$repeats" ]; do
    list="$list $tmp/once.wav"
    awk -F '\t' -v off=$((n * once_ms)) -v base=$((n * 1000)) 'BEGIN { OFS = "\t" }
      { print base + $1, $2 + off, $3 + off, $4 }' "$fixture/en.timing.tsv" >> "$tsv"
    n=$((n + 1))
  done
  # shellcheck disable=SC2086
  sox $list "$wav"
fi
soxi "$wav" | grep -E 'Duration'
(cd "$root" && mvn -B -q -o -pl captions-provider-vosk -am -DskipTests -Dmaven.javadoc.skip=true package \
  dependency:build-classpath -Dmdep.outputFile="$bench/cp.txt" -Dmdep.includeScope=test)
cp="$root/captions-provider-vosk/target/classes:$root/captions-provider-vosk/target/test-classes:$(cat "$bench/cp.txt")"
java -cp "$cp" dev.captions.provider.vosk.AlignBenchmark "$wav" "$tsv" ${2:-transcription} ${3:-1} ${4:-}

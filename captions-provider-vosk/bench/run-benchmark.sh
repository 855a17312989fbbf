#!/bin/sh
# Speed harness for the vosk transcriber (not a unit test). From the repository root:
#   captions-provider-vosk/bench/run-benchmark.sh [threads] [chunkSeconds]
# 1. Makes a 10-minute 16 kHz mono speech WAV from script.txt with espeak-ng and sox (once; target/bench/).
# 2. Builds the module and its class path with Maven (offline).
# 3. Runs VoskBenchmark in a fresh JVM under /usr/bin/time -v: model load, decoding time, real-time factor,
#    and the whole process' wall time and peak memory (maximum resident set size).
# Needs: espeak-ng, sox, GNU time (/usr/bin/time), Maven, Java 17.
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
bench=$root/captions-provider-vosk/target/bench
wav=$bench/speech-10min.wav
mkdir -p "$bench"
if [ ! -f "$wav" ]; then
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  i=0
  parts=""
  while IFS= read -r line; do
    [ -n "$line" ] || continue
    i=$((i + 1))
    espeak-ng -v en-us -s 160 -w "$tmp/raw$i.wav" "$line"
    sox "$tmp/raw$i.wav" -r 16000 -c 1 -b 16 "$tmp/s$i.wav" pad 0 0.6
    parts="$parts $tmp/s$i.wav"
  done < "$root/captions-provider-vosk/bench/script.txt"
  # shellcheck disable=SC2086
  sox $parts "$tmp/once.wav"
  once=$(soxi -D "$tmp/once.wav")
  repeats=$(awk -v d="$once" 'BEGIN { print int(600 / d) + 1 }')
  list=""
  n=0
  while [ "$n" -lt "$repeats" ]; do list="$list $tmp/once.wav"; n=$((n + 1)); done
  # shellcheck disable=SC2086
  sox $list -r 16000 -c 1 -b 16 -e signed-integer "$wav" trim 0 600
fi
soxi "$wav" | grep -E 'Duration|File Size'
(cd "$root" && mvn -B -q -o -pl captions-provider-vosk -am -DskipTests package dependency:build-classpath \
  -Dmdep.outputFile="$bench/cp.txt" -Dmdep.includeScope=runtime)
cp="$root/captions-provider-vosk/target/classes:$root/captions-provider-vosk/target/test-classes:$(cat "$bench/cp.txt")"
/usr/bin/time -v java -cp "$cp" dev.captions.provider.vosk.VoskBenchmark "$wav" "${1:-0}" "${2:-30}" 2> "$bench/time.txt"
grep -E 'Elapsed \(wall clock\)|Maximum resident set size|Percent of CPU' "$bench/time.txt"

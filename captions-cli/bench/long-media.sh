#!/bin/sh
# Long-media harness (not a unit test). From the repository root:
#   captions-cli/bench/long-media.sh offline MINUTES   # FFmpeg + Vosk through the pipeline: speed, drift, peak heap
#   captions-cli/bench/long-media.sh cloud MINUTES     # OpenAI and Gemini WireMock stand-ins: engine vs sequential
#   captions-cli/bench/long-media.sh cloud-wav MINUTES # OpenAI stand-in: engine with WAV uploads (no encoding CPU) vs before
#   captions-cli/bench/long-media.sh formats MINUTES   # upload formats: MB/min, FFmpeg encoding CPU, Vosk WER after the round trip
#   captions-cli/bench/long-media.sh prepare MINUTES   # only writes target/bench/speech-MINUTESmin.{wav,starts}
# 1. Speaks each line of captions-provider-vosk/bench/script.txt once with espeak-ng (sox: 16 kHz mono, 0.6 s pause
#    after each), once; LongMediaBenchmark repeats the sentences to MINUTES and records every sentence's start.
# 2. Builds the CLI module's test class path (offline) and runs dev.captions.cli.bench.LongMediaBenchmark in a fresh
#    JVM (-Xmx2g, or $JAVA_HEAP, e.g. JAVA_HEAP=-Xmx256m; more JVM options in $CAPTIONS_BENCH_OPTS, e.g.
#    "-Dbench.providers=openai -Dbench.baseline=false -Dbench.trace=true" for one provider's engine with a timeline)
#    under /usr/bin/time -v. Needs: espeak-ng, sox, GNU time, Maven, Java 17.
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
bench=$root/captions-cli/target/bench
sentences=$bench/sentences
mkdir -p "$sentences"
if [ -z "$(ls "$sentences" 2>/dev/null)" ]; then
  i=0
  while IFS= read -r line; do
    [ -n "$line" ] || continue
    i=$((i + 1))
    n=$(printf '%03d' "$i")
    espeak-ng -v en-us -s 160 -w "$sentences/raw$n.tmp" "$line"
    sox -t wav "$sentences/raw$n.tmp" -r 16000 -c 1 -b 16 -e signed-integer "$sentences/s$n.wav" pad 0 0.6
    rm -f "$sentences/raw$n.tmp"
  done < "$root/captions-provider-vosk/bench/script.txt"
fi
(cd "$root" && mvn -B -q -o -pl captions-cli -am -DskipTests test-compile dependency:build-classpath \
  -Dmdep.outputFile="$bench/cp.txt" -Dmdep.includeScope=test)
cp="$root/captions-cli/target/test-classes:$root/captions-cli/target/classes:$(cat "$bench/cp.txt")"
if [ "$1" = prepare ]; then # only write the speech file and its sentence starts (for other harnesses)
  java -cp "$cp" dev.captions.cli.bench.LongMediaBenchmark prepare "$2" "$sentences" "$bench"
  exit 0
fi
if [ "$1" = formats ]; then
  java -Xmx2g -cp "$cp" dev.captions.cli.bench.UploadFormatAccuracy "$2" "$sentences" "$bench" \
    "$root/captions-provider-vosk/bench/script.txt"
  exit 0
fi
/usr/bin/time -v java ${JAVA_HEAP:--Xmx2g} ${CAPTIONS_BENCH_OPTS:-} -cp "$cp" dev.captions.cli.bench.LongMediaBenchmark "$1" "$2" "$sentences" "$bench" \
  2> "$bench/time-$1-$2.txt"
grep -E 'Elapsed \(wall clock\)|Maximum resident set size|Percent of CPU' "$bench/time-$1-$2.txt"

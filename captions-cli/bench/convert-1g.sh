#!/bin/sh
# `captions convert` of a 1 GB WebVTT file to SRT under a 64 MB heap (not a unit test). From the repository root:
#   captions-cli/bench/convert-1g.sh [MB]        (default 1000)
# 1. Writes MB megabytes of two-line WebVTT cues (bench/MakeVtt.java; every 7th cue has settings SRT cannot hold,
#    every 5th an id, so the loss report has something to say).
# 2. Compiles the CLI (offline) and runs `captions convert big.vtt big.srt` with -Xmx64m under /usr/bin/time -v.
# 3. Prints the command's stderr (the loss report), wall time, max RSS and the cue counts of both files.
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
mb=${1:-1000}
bench=${BENCH_DIR:-/tmp/captions-convert-bench}
mkdir -p "$bench"
(cd "$root" && mvn -B -q -o -pl captions-cli -am compile dependency:build-classpath \
  -Dmdep.outputFile="$bench/cp.txt" -Dmdep.includeScope=runtime)
java "$root/captions-cli/bench/MakeVtt.java" "$bench/big.vtt" "$mb"
ls -l "$bench/big.vtt"
cp="$root/captions-cli/target/classes:$(cat "$bench/cp.txt")"
/usr/bin/time -v java -Xmx64m -cp "$cp" dev.captions.cli.CaptionsCommand convert "$bench/big.vtt" "$bench/big.srt" \
  2> "$bench/stderr.txt" || { cat "$bench/stderr.txt"; exit 1; }
grep -v -E '^\s+(Command|User|System|Percent|Average|Major|Minor|Voluntary|Involuntary|Swaps|File|Socket|Signals|Page|Exit|Maximum resident)' "$bench/stderr.txt" | grep -v 'Elapsed' || true
grep -E 'Elapsed \(wall clock\)|Maximum resident set size|Percent of CPU' "$bench/stderr.txt"
ls -l "$bench/big.srt"
echo "cues in: $(grep -c -- '-->' "$bench/big.vtt")  cues out: $(grep -c -- '-->' "$bench/big.srt")"
rm -f "$bench/big.vtt" "$bench/big.srt"

#!/bin/sh
# `captions convert` of 1 GB caption files under a 64 MB heap, for each pair asked (not a unit test). From the repository root:
#   captions-cli/bench/convert-1g.sh [MB [FROM:TO ...]]      (default 1000, and every pair below)
# 1. Writes MB megabytes of two-line WebVTT cues (bench/MakeVtt.java; every 7th cue has settings SRT cannot hold,
#    every 5th an id, so the loss report has something to say).
# 2. Compiles the CLI (offline). For each FROM:TO pair (vtt, srt, json) it runs `captions convert big.FROM out.TO` with
#    -Xmx64m under /usr/bin/time -v. An input other than big.vtt is made first by the same command from big.vtt
#    (also under -Xmx64m; its figures are printed as its own pair).
# 3. Prints, per pair, the command's stderr (the loss report), wall time, CPU share, max RSS and the cue counts of the
#    input and output files; then deletes the files.
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
mb=${1:-1000}
[ $# -gt 0 ] && shift
pairs=${*:-vtt:srt vtt:vtt vtt:json json:vtt json:json json:srt srt:json}
bench=${BENCH_DIR:-/tmp/captions-convert-bench}
mkdir -p "$bench"
(cd "$root" && mvn -B -q -o -pl captions-cli -am compile dependency:build-classpath \
  -Dmdep.outputFile="$bench/cp.txt" -Dmdep.includeScope=runtime)
java "$root/captions-cli/bench/MakeVtt.java" "$bench/big.vtt" "$mb"
cp="$root/captions-cli/target/classes:$(cat "$bench/cp.txt")"

# Cues in a file: timing lines in WebVTT/SRT, "startTime" of cues in JSON (one line, so split it as a stream first;
# MakeVtt writes no timed words, whose "startTime" would count too).
cues() {
  case "$1" in
    *.json) tr ',' '\n' < "$1" | grep -c '^"startTime"' ;;
    *) grep -c -- '-->' "$1" ;;
  esac
}

convert() { # IN OUT
  echo "== $(basename "$1") -> $(basename "$2"): $(ls -l "$1" | awk '{print $5}') bytes in"
  /usr/bin/time -v java -Xmx64m -cp "$cp" dev.captions.cli.CaptionsCommand convert "$1" "$2" \
    2> "$bench/stderr.txt" || { cat "$bench/stderr.txt"; exit 1; }
  grep -v -E '^\s+(Command|User|System|Percent|Average|Major|Minor|Voluntary|Involuntary|Swaps|File|Socket|Signals|Page|Exit|Maximum resident)' "$bench/stderr.txt" | grep -v 'Elapsed' || true
  grep -E 'Elapsed \(wall clock\)|Maximum resident set size|Percent of CPU' "$bench/stderr.txt"
  echo "$(ls -l "$2" | awk '{print $5}') bytes out; cues in: $(cues "$1")  cues out: $(cues "$2")"
}

for pair in $pairs; do
  from=${pair%%:*}
  to=${pair##*:}
  [ -f "$bench/big.$from" ] || convert "$bench/big.vtt" "$bench/big.$from"
  convert "$bench/big.$from" "$bench/out.$to"
  rm -f "$bench/out.$to"
done
rm -f "$bench/big.vtt" "$bench/big.srt" "$bench/big.json"

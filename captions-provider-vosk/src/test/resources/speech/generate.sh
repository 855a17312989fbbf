#!/bin/sh
# Regenerates speech.wav from speech.txt: one sentence per line, spoken by espeak-ng (voice en-us, 160 words per
# minute), converted to 16 kHz mono 16-bit PCM by sox, with 0.3 s of silence before the first sentence and 0.9 s
# after each sentence. The committed WAV is what the tests use, so CI needs neither tool.
# Needs: espeak-ng, sox.   Usage: ./generate.sh   (from this directory)
set -eu
cd "$(dirname "$0")"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
sox -n -r 16000 -c 1 -b 16 "$tmp/lead.wav" trim 0 0.3
parts="$tmp/lead.wav"
i=0
while IFS= read -r line; do
  [ -n "$line" ] || continue
  i=$((i + 1))
  espeak-ng -v en-us -s 160 -w "$tmp/raw$i.wav" "$line"
  sox "$tmp/raw$i.wav" -r 16000 -c 1 -b 16 "$tmp/s$i.wav" pad 0 0.9
  parts="$parts $tmp/s$i.wav"
done < speech.txt
# shellcheck disable=SC2086
sox $parts -r 16000 -c 1 -b 16 -e signed-integer speech.wav
soxi speech.wav

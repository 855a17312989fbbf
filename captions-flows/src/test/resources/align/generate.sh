#!/bin/sh
# Regenerates the alignment fixtures from en.txt and es.txt (one sentence per line):
#   <lang>.ogg        the sentences spoken by espeak-ng, as Opus 32 kb/s mono (the tests extract 16 kHz PCM from it
#                     with the FFmpeg media processor from Maven Central, so CI needs neither espeak-ng nor sox)
#   <lang>.timing.tsv one line per sentence: index, start ms, end ms, text (times of the trimmed speech itself)
# Lead-in 0.4 s; pauses after each sentence cycle through 500/800/1100/650/1400 ms, and a 3 s pause after every 10th
# sentence (so aligners must not spread words across long silences).
# Needs: espeak-ng, sox and an FFmpeg ($FFMPEG, else the one inside the jave-nativebin jar in ~/.m2, else ffmpeg on
# PATH).   Usage: ./generate.sh   (from any directory)
set -eu
cd "$(dirname "$0")"
RATE=16000
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
find_ffmpeg() {
  if [ -n "${FFMPEG:-}" ]; then echo "$FFMPEG"; return; fi
  jar="$HOME/.m2/repository/ws/schild/jave-nativebin-linux64/3.5.0/jave-nativebin-linux64-3.5.0.jar"
  if [ -f "$jar" ]; then
    unzip -p "$jar" ws/schild/jave/nativebin/ffmpeg-amd64 > "$tmp/ffmpeg" && chmod +x "$tmp/ffmpeg" && echo "$tmp/ffmpeg"
    return
  fi
  command -v ffmpeg
}
FF=$(find_ffmpeg)
gen() { # $1 language file stem, $2 espeak voice
  lang=$1 voice=$2
  : > "$tmp/all.raw"
  : > "$lang.timing.tsv"
  head -c $((400 * RATE / 1000 * 2)) /dev/zero >> "$tmp/all.raw"
  i=0
  while IFS= read -r line; do
    [ -n "$line" ] || continue
    i=$((i + 1))
    espeak-ng -v "$voice" -s 160 -w "$tmp/raw.wav" "$line"
    # Trim espeak's own leading and trailing silence: the recorded times are the speech itself.
    sox "$tmp/raw.wav" -r $RATE -c 1 -b 16 -e signed-integer -t raw "$tmp/s.raw" \
      silence 1 0.005 0.3% reverse silence 1 0.005 0.3% reverse
    start=$(( $(stat -c %s "$tmp/all.raw") / 2 * 1000 / RATE ))
    cat "$tmp/s.raw" >> "$tmp/all.raw"
    end=$(( $(stat -c %s "$tmp/all.raw") / 2 * 1000 / RATE ))
    printf '%d\t%d\t%d\t%s\n' "$i" "$start" "$end" "$line" >> "$lang.timing.tsv"
    case $((i % 5)) in 0) p=500;; 1) p=800;; 2) p=1100;; 3) p=650;; *) p=1400;; esac
    [ $((i % 10)) -eq 0 ] && p=3000
    head -c $((p * RATE / 1000 * 2)) /dev/zero >> "$tmp/all.raw"
  done < "$lang.txt"
  sox -t raw -r $RATE -c 1 -b 16 -e signed-integer "$tmp/all.raw" "$tmp/$lang.wav"
  "$FF" -hide_banner -loglevel error -y -i "$tmp/$lang.wav" -c:a libopus -b:a 32k -map_metadata -1 \
    -fflags +bitexact -flags:a +bitexact "$lang.ogg"
  soxi -D "$tmp/$lang.wav"
}
gen en en-us
gen es es

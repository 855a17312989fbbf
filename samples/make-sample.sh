#!/usr/bin/env bash
# Regenerates samples/talk.mp4 and samples/talk.script.json from the sentences below, with synthetic speech.
# Needs espeak-ng (apt-get install espeak-ng) and an FFmpeg: $FFMPEG, else the static build inside the
# ws.schild:jave-nativebin-linux64 jar in ~/.m2 (run `mvn -q -pl captions-media-ffmpeg -am verify -DskipTests` once),
# else ffmpeg on PATH. The committed talk.mp4 means nobody needs to run this just to try the SDK.
set -euo pipefail
cd "$(dirname "$0")"

SENTENCES=(
  "Welcome to the captions project."
  "This short video was made with synthetic speech."
  "We know when every sentence starts and ends."
  "It turns speech into text on your own computer."
  "Captions help people who cannot hear the sound."
  "Thank you for watching this sample."
)
GAP_MS=700          # silence between sentences
LEAD_MS=500         # silence before the first sentence
RATE=16000          # samples per second of the speech track (mono, 16-bit)

find_ffmpeg() {
  if [[ -n "${FFMPEG:-}" ]]; then echo "$FFMPEG"; return; fi
  local jar="${HOME}/.m2/repository/ws/schild/jave-nativebin-linux64/3.5.0/jave-nativebin-linux64-3.5.0.jar"
  if [[ -f "$jar" ]]; then
    local bin="${TMPDIR:-/tmp}/captions-sample-ffmpeg"
    [[ -x "$bin" ]] || { unzip -p "$jar" ws/schild/jave/nativebin/ffmpeg-amd64 > "$bin.part" && chmod +x "$bin.part" && mv "$bin.part" "$bin"; }
    echo "$bin"; return
  fi
  command -v ffmpeg || { echo "no FFmpeg: set FFMPEG, build the project once, or install ffmpeg" >&2; exit 1; }
}
command -v espeak-ng >/dev/null || { echo "espeak-ng is needed: apt-get install espeak-ng" >&2; exit 1; }
FF=$(find_ffmpeg)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
speech="$work/speech.raw"
: > "$speech"
silence() { head -c $(( $1 * RATE / 1000 * 2 )) /dev/zero; }   # $1 ms of 16-bit silence

silence "$LEAD_MS" >> "$speech"
json_sentences=""
for i in "${!SENTENCES[@]}"; do
  text="${SENTENCES[$i]}"
  espeak-ng -v en-us+m7 -s 150 -w "$work/s$i.wav" "$text"
  # Trim espeak's own leading and trailing silence so the recorded times are the speech itself.
  "$FF" -hide_banner -loglevel error -y -i "$work/s$i.wav" \
    -af "silenceremove=start_periods=1:start_threshold=-50dB,areverse,silenceremove=start_periods=1:start_threshold=-50dB,areverse" \
    -ac 1 -ar "$RATE" -f s16le "$work/s$i.raw"
  start_ms=$(( $(stat -c %s "$speech") / 2 * 1000 / RATE ))
  cat "$work/s$i.raw" >> "$speech"
  end_ms=$(( $(stat -c %s "$speech") / 2 * 1000 / RATE ))
  silence "$GAP_MS" >> "$speech"
  [[ -n "$json_sentences" ]] && json_sentences+=$',\n'
  json_sentences+="    {\"index\": $((i + 1)), \"startMs\": $start_ms, \"endMs\": $end_ms, \"text\": \"$text\"}"
done
duration_ms=$(( $(stat -c %s "$speech") / 2 * 1000 / RATE ))
duration_s=$(awk "BEGIN { printf \"%.3f\", $duration_ms / 1000 }")

# A plain dark frame at low resolution: the sample is about its audio, and stays well under 1 MB.
"$FF" -hide_banner -loglevel error -y \
  -f s16le -ar "$RATE" -ac 1 -i "$speech" \
  -f lavfi -i "color=c=0x1e3a5f:size=320x180:rate=10:duration=$duration_s" \
  -map 1:v -map 0:a -c:v libx264 -preset veryslow -crf 30 -pix_fmt yuv420p -tune stillimage \
  -c:a aac -b:a 64k -ar 16000 -ac 1 -movflags +faststart -shortest talk.mp4.part.mp4
mv talk.mp4.part.mp4 talk.mp4

cat > talk.script.json <<JSON
{
  "media": "talk.mp4",
  "voice": "espeak-ng -v en-us+m7 -s 150",
  "durationMs": $duration_ms,
  "sentences": [
$json_sentences
  ]
}
JSON
printf '%s\n' "${SENTENCES[@]}" > talk.script.txt
echo "wrote talk.mp4 ($(stat -c %s talk.mp4) bytes, ${duration_ms} ms), talk.script.json, talk.script.txt"

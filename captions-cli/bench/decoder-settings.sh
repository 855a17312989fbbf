#!/bin/sh
# Vosk decoder settings: CPU per audio second and word error rate (a harness, not a unit test). From the repository root:
#   captions-cli/bench/decoder-settings.sh [REPEATS] [NAME=OPTIONS ...]
#   e.g. captions-cli/bench/decoder-settings.sh 2 model= fpc150=frames-per-chunk=150 default=frames-per-chunk=150,beam=9
# For each setting: a copy of the bundled model (files linked, conf/ copied, model.conf edited as DecoderSettings does),
# then one recogniser decodes (1) 5 min of the long-media speech (bench/script.txt, espeak-ng), (2) the 3-minute
# alignment fixture (another espeak-ng voice), freely and (3) limited to its words, as alignment does.
# Prints CPU seconds per audio second (thread CPU: best of REPEATS) and WER. Needs what long-media.sh needs.
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
bench=$root/captions-cli/target/bench
repeats=${1:-2}
[ $# -gt 0 ] && shift
[ $# -gt 0 ] || set -- model= default=frames-per-chunk=150,beam=9
"$root/captions-cli/bench/long-media.sh" prepare 5 >/dev/null
cp="$root/captions-cli/target/test-classes:$root/captions-cli/target/classes:$(cat "$bench/cp.txt")"
model=$(ls -d "${XDG_CACHE_HOME:-$HOME/.cache}"/captions/vosk/vosk-model-en-us-* | head -1)
fixture=$root/captions-flows/src/test/resources/align
ff=$(ls "${XDG_CACHE_HOME:-$HOME/.cache}"/captions/ffmpeg/*/ffmpeg* 2>/dev/null | head -1)
[ -n "$ff" ] || ff=ffmpeg
[ -f "$bench/align-fixture.wav" ] || "$ff" -hide_banner -loglevel error -y -i "$fixture/en.ogg" -ac 1 -ar 16000 \
  -c:a pcm_s16le -map_metadata -1 -fflags +bitexact -flags:a +bitexact "$bench/align-fixture.wav"
for setting in "$@"; do
  name=${setting%%=*}
  options=${setting#*=}
  dir=$bench/models/$name
  rm -rf "$dir" && mkdir -p "$dir/conf"
  for f in "$model"/*; do [ "$(basename "$f")" = conf ] || ln -s "$f" "$dir/"; done
  cp "$model"/conf/* "$dir/conf/"
  for kv in $(echo "$options" | tr ',' ' '); do
    k=${kv%%=*}
    v=${kv#*=}
    if grep -q -- "^--$k=" "$dir/conf/model.conf"; then sed -i "s/^--$k=.*/--$k=$v/" "$dir/conf/model.conf"
    else echo "--$k=$v" >> "$dir/conf/model.conf"; fi
  done
  r=0
  while [ "$r" -lt "$repeats" ]; do
    java -cp "$cp" dev.captions.cli.bench.DecoderSettingsProfile "$dir" "$bench/speech-5min.wav" \
      "$root/captions-provider-vosk/bench/script.txt" "$bench/speech-5min.starts" 2>/dev/null
    java -cp "$cp" dev.captions.cli.bench.DecoderSettingsProfile "$dir" "$bench/align-fixture.wav" "$fixture/en.txt" 2>/dev/null
    java -Dgrammar=1 -cp "$cp" dev.captions.cli.bench.DecoderSettingsProfile "$dir" "$bench/align-fixture.wav" \
      "$fixture/en.txt" 2>/dev/null
    r=$((r + 1))
  done
done

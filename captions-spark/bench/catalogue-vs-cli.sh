#!/usr/bin/env bash
# Benchmark: N one-minute speech videos (default 24) captioned offline (FFmpeg + Vosk)
#   (a) by the CaptionCatalogJob on Spark's local[2] master (spark-submit with the job jar), and
#   (b) by the CLI, one video after another in one JVM (`captions caption v1 … vN`), the strongest sequential baseline,
# and prints both wall times and their ratio. Both write WebVTT + SRT. Run from the repository root:
#
#   captions-spark/bench/catalogue-vs-cli.sh [N]
#
# Needs the two jars (built here when missing: mvn -B -o -pl captions-spark -am package -DskipTests) and Spark: a
# Spark 4 installation in $SPARK_HOME (its bin/spark-submit), else the Spark jars Maven resolved for captions-spark
# (target/spark-class-path.txt), run as spark-submit does. The videos are the shipped sample looped to 60 s with a
# different start each, made with the FFmpeg binary of jave-nativebin (from ~/.m2). Nothing leaves the machine.
set -euo pipefail
cd "$(dirname "$0")/../.."
N=${1:-24}
WORK=${BENCH_DIR:-$(mktemp -d /tmp/captions-spark-bench.XXXXXX)}
mkdir -p "$WORK"
JOB_JAR=captions-spark/target/captions-spark-job.jar
CLI_JAR=captions-cli/target/captions.jar
if [[ ! -f $JOB_JAR || ! -f $CLI_JAR || ! -f captions-spark/target/spark-class-path.txt ]]; then
  mvn -B -q -o -pl captions-spark -am package -DskipTests
fi

find_ffmpeg() {
  local jar="${HOME}/.m2/repository/ws/schild/jave-nativebin-linux64/3.5.0/jave-nativebin-linux64-3.5.0.jar"
  local bin="$WORK/ffmpeg"
  [[ -x $bin ]] || { unzip -p "$jar" ws/schild/jave/nativebin/ffmpeg-amd64 > "$bin" && chmod +x "$bin"; }
  echo "$bin"
}
FF=$(find_ffmpeg)
mkdir -p "$WORK/videos"
: > "$WORK/videos.txt"
for i in $(seq -w 1 "$N"); do
  v="$WORK/videos/minute-$i.mp4"
  [[ -f $v ]] || "$FF" -hide_banner -loglevel error -y -stream_loop 3 -ss "$(( 10#$i % 20 ))" -i samples/talk.mp4 -t 60 \
    -c:v libx264 -preset ultrafast -pix_fmt yuv420p -c:a aac "$v"
  echo "$v" >> "$WORK/videos.txt"
done

# Spark's launcher options on Java 17 (org.apache.spark.launcher.JavaModuleOptions), for the no-SPARK_HOME case.
JVM_OPTS=$(sed -n 's:.*<spark.test.jvm.options>\(.*\)</spark.test.jvm.options>.*:\1:p' captions-spark/pom.xml)
spark_submit() {
  if [[ -n ${SPARK_HOME:-} ]]; then
    "$SPARK_HOME/bin/spark-submit" "$@"
  else
    # shellcheck disable=SC2086
    java $JVM_OPTS -cp "$(cat captions-spark/target/spark-class-path.txt):$(cat captions-spark/target/spark-shared-class-path.txt)" \
      org.apache.spark.deploy.SparkSubmit "$@"
  fi
}

rm -rf "$WORK/spark-out" "$WORK/cli-out"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
t0=$(date +%s.%N)
SPARK_LOCAL_IP=127.0.0.1 spark_submit --master 'local[2]' --conf spark.ui.enabled=false \
  --class dev.captions.spark.CaptionCatalogJob "$JOB_JAR" "$WORK/videos.txt" "$WORK/spark-out" \
  --formats vtt,srt --transcriber vosk --media ffmpeg > "$WORK/spark.log" 2>&1
t1=$(date +%s.%N)
grep '^captions:' "$WORK/spark.log"
echo "load between: $(cut -d' ' -f1-3 /proc/loadavg)"
t2=$(date +%s.%N)
# shellcheck disable=SC2046
java -jar "$CLI_JAR" caption $(cat "$WORK/videos.txt") -o "$WORK/cli-out" -f vtt,srt --transcriber vosk --media ffmpeg --quiet \
  > "$WORK/cli.log" 2>&1
t3=$(date +%s.%N)
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
spark_s=$(echo "$t1 - $t0" | bc)
cli_s=$(echo "$t3 - $t2" | bc)
printf 'videos: %d x 60 s\nspark local[2]: %.1f s\ncli sequential: %.1f s\nratio cli/spark: %.2f\n' \
  "$N" "$spark_s" "$cli_s" "$(echo "$cli_s / $spark_s" | bc -l)"
echo "(work files in $WORK)"

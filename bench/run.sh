#!/usr/bin/env bash
# Benchmarks of the offline preview, each in a fresh JVM: the whole-process time of bin/preview for one
# stack and for the three stacks in one process, and generated fleets of 8, 100 and 1,000 functions
# (wall time and peak resident memory). Prints a Markdown table for README.md. Not part of the tests.
#   bench/run.sh [repetitions]    (default 5; the median is reported)
set -euo pipefail
cd "$(dirname "$0")/.."
reps=${1:-5}

./mvnw -q -B -ntp package -DskipTests
./mvnw -q -B -ntp test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt > /dev/null
classpath="target/classes:target/test-classes:$(cat target/bench-classpath.txt)"
flags=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData -Dsun.reflect.inflationThreshold=2147483647)

millis() { date +%s%3N; }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

# Whole process, as a user runs it. The first call records the class-data sharing archive.
bin/preview us-east-1 > /dev/null
startup() {
  for _ in $(seq "$reps"); do
    local start; start=$(millis)
    bin/preview "$@" > /dev/null
    echo $(( $(millis) - start ))
  done | median
}
one=$(startup us-east-1)
three=$(startup us-east-1 eu-west-1 eu-west-2)

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(java -version 2>&1 | head -1)"
echo
echo "| run | wall (median of $reps) | peak memory |"
echo "|---|---|---|"
echo "| bin/preview us-east-1 (162 resources) | ${one} ms | |"
echo "| bin/preview us-east-1 eu-west-1 eu-west-2 | ${three} ms | |"
for n in 8 100 1000; do
  walls=(); rss=()
  for _ in $(seq "$reps"); do
    start=$(millis)
    line=$(java "${flags[@]}" -cp "$classpath" com.medialake.lambda.bench.PreviewBenchmark "$n")
    walls+=($(( $(millis) - start )))
    rss+=("$(sed -E 's/.*peak_rss_kb=([0-9]+).*/\1/' <<< "$line")")
    resources=$(sed -E 's/.*resources=([0-9]+).*/\1/' <<< "$line")
  done
  wall=$(printf '%s\n' "${walls[@]}" | median)
  peak=$(printf '%s\n' "${rss[@]}" | median)
  echo "| generated fleet of $n functions ($resources resources) | ${wall} ms | $(( peak / 1024 )) MB |"
done

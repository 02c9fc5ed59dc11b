#!/usr/bin/env bash
# Benchmarks, each run in a fresh JVM. The offline preview: the whole-process time of bin/preview for one
# stack and for the three stacks in one process, and generated fleets of 8, 100 and 1,000 functions (wall
# time and peak resident memory). The production path: the program run as the Pulumi CLI's language host
# runs it, against the gRPC engine stand-in of the tests, beside the offline preview measured the same way.
# bin/capacity: a year of hourly data and 15 days of 1-minute data for eu-west-1's eight functions, sized and
# replayed (--replay), whole process. bin/tune: 100,000 REPORT records for each of us-east-1's eight functions.
# Prints Markdown tables for README.md. Not part of the tests.
#   bench/run.sh [repetitions]    (default 5; the median is reported)
set -euo pipefail
cd "$(dirname "$0")/.."
reps=${1:-5}

./mvnw -q -B -ntp package -DskipTests
./mvnw -q -B -ntp test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt > /dev/null
classpath="target/classes:target/test-classes:$(cat target/bench-classpath.txt)"
read -r -a flags <<< "$(bin/jvm-flags)"

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

# The production path against the offline preview, both as child processes of the same JVM and with the
# same flags (bin/jvm-flags, which the workflows and bin/pulumi pass through JDK_JAVA_OPTIONS), and the
# production path without them (the Pulumi CLI's plain `java -jar`).
measure() {
  local walls=() rss=() line
  for _ in $(seq "$reps"); do
    line=$(java -cp "$classpath" com.medialake.lambda.bench.ProductionBenchmark "$@")
    walls+=("$(sed -E 's/.*wall_ms=([0-9]+).*/\1/' <<< "$line")")
    rss+=("$(sed -E 's/.*peak_rss_kb=([0-9]+).*/\1/' <<< "$line")")
  done
  echo "$(printf '%s\n' "${walls[@]}" | median) ms / $(( $(printf '%s\n' "${rss[@]}" | median) / 1024 )) MB"
}
echo
echo "| run (median of $reps) | offline preview | production path | the SDK's Pulumi.run | production, plain java -jar |"
echo "|---|---|---|---|---|"
echo "| stack us-east-1 | $(measure offline stack us-east-1 "${flags[@]}") | $(measure production stack us-east-1 "${flags[@]}") | $(measure sdk stack us-east-1 "${flags[@]}") | $(measure production stack us-east-1) |"
for n in 8 100 1000; do
  echo "| generated fleet of $n functions | $(measure offline fleet "$n" "${flags[@]}") | $(measure production fleet "$n" "${flags[@]}") | $(measure sdk fleet "$n" "${flags[@]}") | $(measure production fleet "$n") |"
done

# bin/capacity over exports as the AWS CLI writes them (bench/CapacityExports), whole process, as a user runs it.
java -cp "$classpath" com.medialake.lambda.bench.CapacityExports target/bench-capacity
capacity() {
  for _ in $(seq "$reps"); do
    local start; start=$(millis)
    bin/capacity eu-west-1 --metrics "$1" --replay > /dev/null
    echo $(( $(millis) - start ))
  done | median
}
echo
echo "| bin/capacity eu-west-1 --replay (median of $reps) | wall |"
echo "|---|---|"
echo "| a year of hourly data, 8 functions ($(du -h target/bench-capacity/year-hourly.json | cut -f1)) | $(capacity target/bench-capacity/year-hourly.json) ms |"
echo "| 15 days of 1-minute data, 8 functions ($(du -h target/bench-capacity/fifteen-days-minutely.json | cut -f1)) | $(capacity target/bench-capacity/fifteen-days-minutely.json) ms |"

# bin/tune over Logs Insights exports as the AWS CLI writes them (bench/TuneExports), whole process.
java -cp "$classpath" com.medialake.lambda.bench.TuneExports target/bench-tune
tune() {
  for _ in $(seq "$reps"); do
    local start; start=$(millis)
    bin/tune us-east-1 --results target/bench-tune/*.json > /dev/null
    echo $(( $(millis) - start ))
  done | median
}
echo
echo "| bin/tune us-east-1 (median of $reps) | wall |"
echo "|---|---|"
echo "| 100,000 REPORT records for each of 8 functions, 160 files ($(du -sh target/bench-tune | cut -f1)) | $(tune) ms |"

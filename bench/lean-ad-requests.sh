#!/usr/bin/env bash
# Load script: POST /platform/v1/ad_requests on the lean listener and on the servlet stack, beside a
# raw Netty server answering a fixed 300-byte JSON (bench/NettyFixedAnswer.java), all with wrk at
# the same connections in the same run; prints req/s, p99 and each one's ratio to the baseline.
#
#   bench/lean-ad-requests.sh <servlet-port> <lean-port> [seconds] [connections] [rounds]
#
# Needs wrk, target/run.classpath (see docs/benchmarks.md) and a started server with live ads;
# PLATFORM_TOKEN is its platform token. The baseline is started on port 18199 and stopped after.
set -euo pipefail
cd "$(dirname "$0")/.."
servlet_port=$1
lean_port=$2
seconds=${3:-20}
connections=${4:-32}
rounds=${5:-2}
baseline_port=18199

java -cp "$(cat target/run.classpath)" bench/NettyFixedAnswer.java "$baseline_port" &
baseline_pid=$!
trap 'kill $baseline_pid' EXIT
for _ in $(seq 1 60); do
  (echo > /dev/tcp/127.0.0.1/$baseline_port) 2>/dev/null && break
  sleep 1
done

run() { # name port duration -> "req/s p99-ms non-2xx socket-errors"
  wrk -t2 -c"$connections" -d"$3"s --latency -s bench/ad_requests.lua \
    "http://127.0.0.1:$2/platform/v1/ad_requests" | awk '/^RESULT/ {print $2, $3, $4, $5}'
}

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for name_port in baseline:$baseline_port lean:$lean_port servlet:$servlet_port; do
  run warmup "${name_port#*:}" 5 > /dev/null # JIT and connection pools
done
printf '%-6s %-8s %10s %9s %8s %7s %8s\n' round target 'req/s' 'p99 ms' non-2xx errors ratio
for round in $(seq 1 "$rounds"); do
  read -r base_rps base_p99 base_bad base_err <<< "$(run baseline $baseline_port "$seconds")"
  printf '%-6s %-8s %10s %9s %8s %7s %8s\n' "$round" baseline "$base_rps" "$base_p99" "$base_bad" "$base_err" 1.00
  for name_port in lean:$lean_port servlet:$servlet_port; do
    read -r rps p99 bad err <<< "$(run "${name_port%%:*}" "${name_port#*:}" "$seconds")"
    ratio=$(awk -v a="$rps" -v b="$base_rps" 'BEGIN {printf "%.2f", a / b}')
    printf '%-6s %-8s %10s %9s %8s %7s %8s\n' "$round" "${name_port%%:*}" "$rps" "$p99" "$bad" "$err" "$ratio"
  done
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

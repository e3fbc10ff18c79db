#!/usr/bin/env bash
# The whole benchmark suite in one command (about 12 minutes on 2 cores, build included):
#   bash bench/run.sh [e2e_bench options, e.g. --repeats 7 --connections 2000]
# Results: printed, and saved as JSON under build/release/bench/results/ for comparisons.
set -euo pipefail
cd "$(dirname "$0")/.."
bash setup.sh deps
bash setup.sh build release e2e_bench micro_bench
out=build/release/bench/results
mkdir -p "$out"

echo "== micro-benchmarks (Google Benchmark, median of 3) =="
./build/release/bench/micro_bench --benchmark_repetitions=3 --benchmark_report_aggregates_only=true \
    --benchmark_out="$out/micro.json" --benchmark_out_format=json 2>&1 | grep -E "median|Benchmark|^-"

echo "== end to end: SDK against plain Beast on one loopback server =="
./build/release/bench/e2e_bench --json "$out/e2e.json" "$@"

echo "== compile cost =="
bash bench/compile_cost.sh | tee "$out/compile_cost.txt"

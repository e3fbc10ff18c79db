#!/usr/bin/env bash
# Compile cost of a user's file: one that includes the public client header and makes a few
# typed calls (client_tu.cpp) against one that includes Beast's websocket and SSL headers and
# builds a client (beast_tu.cpp). Same compiler and flags; median of three; prints the ratio.
set -euo pipefail
cd "$(dirname "$0")/.."
cxx=${CXX:-g++}
flags=(-std=c++17 -O2 -Iinclude -c -o /dev/null)
runs=${COMPILE_COST_RUNS:-3}

median_seconds() { # file
    local times=() i start
    for ((i = 0; i < runs; i++)); do
        start=$(date +%s.%N)
        "$cxx" "${flags[@]}" "$1"
        times+=("$(awk -v a="$(date +%s.%N)" -v b="$start" 'BEGIN { print a - b }')")
    done
    printf '%s\n' "${times[@]}" | sort -g | sed -n "$(((runs + 1) / 2))p"
}

client=$(median_seconds bench/compile_cost/client_tu.cpp)
beast=$(median_seconds bench/compile_cost/beast_tu.cpp)
printf 'compile cost: client header TU %.2f s, Beast websocket+SSL TU %.2f s, ratio %.2f (target <= 0.15; %s, median of %d)\n' \
    "$client" "$beast" "$(awk -v a="$client" -v b="$beast" 'BEGIN { print a / b }')" "$("$cxx" --version | head -1)" "$runs"

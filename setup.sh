#!/usr/bin/env bash
# livechat-rtm set-up and entry point, for a fresh Debian 12 machine (or any later one).
#
#   bash setup.sh demo   install what is missing, build, run the demo against the mock server
#   bash setup.sh test   install what is missing, build plain + ASan/UBSan + TSan + fuzzers, run every test
#   bash setup.sh deps   only install what is missing
#   bash setup.sh build PRESET [TARGET...]   configure and build one preset (bench/run.sh uses it)
#
# Package installation is idempotent: a package already present is not touched. Builds use at
# most two parallel jobs (a Beast/OpenSSL translation unit needs ~1.2 GiB with g++).
set -euo pipefail
cd "$(dirname "$0")"

packages=(
    g++ cmake pkg-config
    ninja-build               # the presets' generator: a file compiles while the libraries it links to are still compiling
    libboost1.81-dev          # Beast + Asio + System, header-only; never plain libboost-dev (1.74)
    libssl-dev                # OpenSSL 3
    nlohmann-json3-dev        # JSON 3.11
    libgtest-dev libgmock-dev # GoogleTest 1.12
    ca-certificates           # the system trust store for wss:// to the real service
    doxygen                   # the API reference, checked for undocumented public API
    libbenchmark-dev          # Google Benchmark, for bench/
    valgrind strace           # instruction and system-call counts per message, for bench/
    clang-14 libclang-rt-14-dev # libFuzzer and clang's sanitizer runtimes, for tests/fuzz
    lld                       # ld.lld (lld-14 on Debian 12): links a debug test binary in a quarter of GNU ld's time
    ccache                    # test: the packaging test's second build of the library, from cache
)

install_deps() {
    local missing=() p
    for p in "${packages[@]}"; do
        if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
            missing+=("$p")
        fi
    done
    if ((${#missing[@]} == 0)); then
        echo "setup: all packages present"
        return
    fi
    echo "setup: installing ${missing[*]}"
    local sudo=()
    if [[ $(id -u) -ne 0 ]]; then sudo=(sudo); fi
    export DEBIAN_FRONTEND=noninteractive
    "${sudo[@]}" apt-get update -qq
    "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

build() { # preset [target...]
    local preset=$1
    shift
    # A build directory from before the presets named Ninja (Unix Makefiles) cannot be reused.
    local cache=build/$preset/CMakeCache.txt
    if [[ -f $cache ]] && ! grep -q '^CMAKE_GENERATOR:INTERNAL=Ninja$' "$cache"; then
        echo "setup: build/$preset was made by another generator; configuring it afresh"
        rm -rf "build/$preset"
    fi
    cmake --preset "$preset" >/dev/null
    if (($#)); then
        cmake --build --preset "$preset" --target "$@"
    else
        cmake --build --preset "$preset"
    fi
}

case "${1:-}" in
deps)
    install_deps
    ;;
build)
    shift
    (($#)) || { echo "usage: bash setup.sh build PRESET [TARGET...]" >&2; exit 2; }
    t0=$(date +%s)
    build "$@"
    echo "setup: the $1 build took $(($(date +%s) - t0)) s"
    ;;
demo)
    install_deps
    build dev console_chat
    ./build/dev/examples/console_chat --demo
    ;;
test)
    install_deps
    start=$(date +%s)
    self=$PWD/setup.sh
    # Sanitizer findings abort the test that caused them (-fno-sanitize-recover=all; halt_on_error).
    export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 TSAN_OPTIONS=halt_on_error=1

    timed_ctest() { # preset name
        local t0
        t0=$(date +%s)
        ctest --preset "$1"
        echo "setup: $2 tests passed in $(($(date +%s) - t0)) s"
    }
    # The phases run one after the other. (Compiling the next phase at nice 19 while a phase's
    # tests ran, to use the CPU they leave idle, gained nothing measurable: 914 s against
    # 860-934 s, and where the build cannot be kept at low priority it slows the tests.)

    # Examples, tools, benchmarks' smoke run, packaging and docs, in a plain Debug build.
    # package.add_subdirectory compiles the library again with exactly the plain build's
    # commands (89 s, the phase's longest test): through ccache (its cache inside build/) that
    # second compile is a cache hit (about 10 s). The other phases' flags differ: no cache.
    # Objects without debug information: about 20 MB of cache (bounded at 1 GB).
    (
        export CMAKE_CXX_COMPILER_LAUNCHER=ccache CCACHE_DIR=$PWD/build/ccache CCACHE_MAXSIZE=1G
        bash "$self" build plain
        timed_ctest plain plain
    )
    # Every GoogleTest suite (unit, integration, accounts, CLI, soak) runs once, in the ASan+UBSan
    # build: the same -O0 code as a plain build, with the checks on.
    bash "$self" build asan
    timed_ctest asan ASan+UBSan
    # The integration tests (real sockets, a multi-threaded io_context) under ThreadSanitizer.
    bash "$self" build tsan integration_tests
    timed_ctest tsan TSan
    # Every decoder a server can reach, fuzzed for LIVECHAT_RTM_FUZZ_SECONDS each (10 s).
    bash "$self" build fuzz fuzzers
    (unset ASAN_OPTIONS UBSAN_OPTIONS; timed_ctest fuzz fuzz)
    echo "setup: normal, ASan+UBSan, TSan and fuzz suites passed in $(($(date +%s) - start)) s"
    ;;
*)
    echo "usage: bash setup.sh demo|test|deps|build PRESET [TARGET...]" >&2
    exit 2
    ;;
esac

// Copyright (c) 2026 livechat-rtm authors. Distributed under the MIT License (see LICENSE).
#ifndef LIVECHAT_RTM_IMPL_INTERNAL_SEED_HPP
#define LIVECHAT_RTM_IMPL_INTERNAL_SEED_HPP

// Seeds for the generators that only have to differ from one another: each client's reconnect
// jitter, each token cache's retry jitter. None of them guards a secret.
//
// Why not `std::random_device{}()` per object: constructing one costs about 14 us on a virtual
// machine (libstdc++ asks the processor whether it has RDRAND with `cpuid`, which traps to the
// hypervisor), about a sixth of a whole ws connect + login; a backend that opens 10,000
// customers paid it 10,000 times (bench/README.md, connect + login). Here the device is read
// once per process and every call after that is a counter step and a mix.

#include <atomic>
#include <cstdint>
#include <random>

namespace livechat::rtm::detail {

/// A 64-bit seed, different on every call (and in every process). Thread-safe.
inline std::uint64_t fresh_seed() noexcept
{
    static std::atomic<std::uint64_t> counter{[] {
        std::random_device device;
        return (std::uint64_t(device()) << 32) ^ device();
    }()};
    // splitmix64: a Weyl-sequence step, then a mix that spreads every input bit over the output
    std::uint64_t z = counter.fetch_add(0x9e3779b97f4a7c15, std::memory_order_relaxed);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9;
    z = (z ^ (z >> 27)) * 0x94d049bb133111eb;
    return z ^ (z >> 31);
}

} // namespace livechat::rtm::detail

#endif

// Soak: several clients keep requests flowing while the mock server cuts and evicts their
// connections at random. Bounded by LIVECHAT_RTM_SOAK_SECONDS (default 3; `ctest -L soak`
// with 60 for the long run). Reports issued / ok / error / pending requests, reconnects, and
// the process RSS at start and end. Pending must be 0: every request completes exactly once.

#include "test_support.hpp"

#include <livechat/rtm.hpp>

#include <boost/asio/steady_timer.hpp>

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <iostream>
#include <random>
#include <unistd.h>

namespace asio = boost::asio;
namespace rtm = livechat::rtm;
using namespace rtm_test;
using rtm::json;

namespace {

long rss_kib()
{
    std::ifstream statm("/proc/self/statm");
    long pages = 0, resident = 0;
    statm >> pages >> resident;
    return resident * (sysconf(_SC_PAGESIZE) / 1024);
}

struct Counters {
    long issued = 0, ok = 0, failed = 0, completions = 0, reconnects = 0;
};

} // namespace

TEST(Soak, EveryRequestCompletesExactlyOnceUnderRandomCuts)
{
    const char* env = std::getenv("LIVECHAT_RTM_SOAK_SECONDS");
    const auto seconds = std::chrono::seconds(env ? std::max(1, std::atoi(env)) : 3);
    constexpr int clients = 5;
    constexpr int outstanding = 8; // per client: below and above the in-flight limit of 10 overall

    asio::io_context ioc;
    rtm::testing::MockServerConfig mc;
    mc.record_requests = false; // RSS should show the clients, not the mock's request log
    rtm::testing::MockServer server(ioc.get_executor(), mc);
    ASSERT_FALSE(server.start());
    const long rss_start = rss_kib();

    Counters n;
    std::vector<std::unique_ptr<rtm::v3_0::RtmClient>> pool;
    int runs_ended = 0;
    auto deadline = std::chrono::steady_clock::now() + seconds;
    std::function<void(rtm::v3_0::RtmClient&)> issue = [&](rtm::v3_0::RtmClient& c) {
        ++n.issued;
        c.async_call("get_chats_summary", json::object(), [&](rtm::error_code ec, json) {
            ++n.completions;
            ec ? ++n.failed : ++n.ok;
            if (std::chrono::steady_clock::now() < deadline)
                issue(c);
        });
    };
    for (int i = 0; i < clients; ++i) {
        auto cfg = fast_config(server);
        cfg.reconnect.enabled = true;
        cfg.reconnect.backoff.min_delay = std::chrono::milliseconds(2);
        cfg.reconnect.backoff.max_delay = std::chrono::milliseconds(50);
        cfg.request_timeout = std::chrono::milliseconds(500);
        pool.push_back(std::make_unique<rtm::v3_0::RtmClient>(ioc, cfg));
        auto& c = *pool.back();
        c.on_reconnecting([&](auto, const auto&) { ++n.reconnects; });
        c.async_run([&](rtm::error_code) { ++runs_ended; });
        for (int k = 0; k < outstanding; ++k)
            issue(c);
    }

    std::mt19937 rng(12345); // a fixed seed: the same storm every run
    asio::steady_timer chaos(ioc);
    std::function<void()> strike = [&] {
        chaos.expires_after(std::chrono::milliseconds(std::uniform_int_distribution<>(20, 200)(rng)));
        chaos.async_wait([&](rtm::error_code ec) {
            if (ec || std::chrono::steady_clock::now() >= deadline)
                return;
            if (rng() % 3 == 0)
                server.disconnect_all("connection_evicted");
            else
                server.cut_all();
            strike();
        });
    };
    strike();

    run_until(ioc, [] { return false; }, std::chrono::duration_cast<std::chrono::milliseconds>(seconds));
    for (auto& c : pool)
        c->cancel();
    ASSERT_TRUE(run_until(ioc, [&] { return runs_ended == clients && n.completions == n.issued; },
        std::chrono::seconds(10)));
    pool.clear();
    server.stop();
    const long rss_end = rss_kib();

    const long pending = n.issued - n.completions;
    std::cout << "soak: " << seconds.count() << " s, " << clients << " clients\n"
              << "soak: requests issued " << n.issued << ", completed ok " << n.ok
              << ", completed with error " << n.failed << ", left pending " << pending << "\n"
              << "soak: reconnects " << n.reconnects << "\n"
              << "soak: RSS start " << rss_start << " KiB, end " << rss_end << " KiB\n";
    EXPECT_EQ(pending, 0);
    EXPECT_EQ(n.completions, n.ok + n.failed);
    EXPECT_GT(n.ok, 0);
    EXPECT_GT(n.reconnects, 0);
}

#include <livechat/rtm/impl/internal/seed.hpp>
#include <livechat/rtm/reconnect.hpp>
#include <livechat/rtm/v3_0/version.hpp>

#include <boost/asio/error.hpp>

#include <gtest/gtest.h>

#include <set>
#include <thread>
#include <vector>

using namespace livechat::rtm;
using namespace std::chrono_literals;
using A = ReconnectAction;

namespace {
A for_reason(const char* reason)
{
    return default_reconnect_action({reason, error::disconnected_by_server, v3_0::suggested_action(reason)});
}
A for_error(error_code ec) { return default_reconnect_action({"", ec}); }
} // namespace

TEST(ReconnectPolicy, FollowsTheDisconnectReasonTable)
{
    // pushes.md section 5, reason by reason.
    struct Row {
        const char* reason;
        A action;
    } table[] = {
        {"access_token_expired", A::reconnect}, {"access_token_revoked", A::reconnect},
        {"connection_evicted", A::reconnect}, {"connection_timeout", A::reconnect},
        {"customer_banned", A::stop}, {"customer_temporarily_blocked", A::reconnect_after},
        {"inactivity_timeout", A::stop}, {"internal_error", A::reconnect},
        {"license_expired", A::stop}, {"license_not_found", A::stop},
        {"logged_out_remotely", A::stop}, {"misdirected_connection", A::switch_region},
        {"product_version_changed", A::stop},
        {"service_temporarily_unavailable", A::reconnect_slowly},
        {"too_many_connections", A::stop}, {"too_many_unauthorized_connections", A::reconnect},
        {"unsupported_version", A::stop}, {"a_reason_from_the_future", A::reconnect},
    };
    for (const auto& row : table)
        EXPECT_EQ(for_reason(row.reason), row.action) << row.reason;
}

TEST(ReconnectPolicy, LoginErrorsThatCannotHealStop)
{
    for (auto e : {error::customer_banned, error::license_expired, error::license_not_found,
             error::wrong_product_version, error::unsupported_version, error::users_limit_reached,
             error::validation, error::authorization, error::invalid_config})
        EXPECT_EQ(for_error(e), A::stop) << make_error_code(e).message();
    EXPECT_EQ(for_error(error::misdirected_request), A::switch_region);
    EXPECT_EQ(for_error(error::service_unavailable), A::reconnect_slowly);
}

TEST(ReconnectPolicy, TransientFailuresReconnect)
{
    for (auto ec : {error_code(error::authentication), error_code(error::connection_lost),
             error_code(error::ping_timeout), error_code(error::login_timeout),
             error_code(error::token_provider_failed), error_code(error::internal),
             error_code(boost::asio::error::connection_refused)})
        EXPECT_EQ(for_error(ec), A::reconnect) << ec.message();
}

TEST(Backoff, GrowsExponentiallyUpToTheCap)
{
    Backoff b;
    EXPECT_EQ(backoff_delay(b, 0, false, 0.0), 300ms);
    EXPECT_EQ(backoff_delay(b, 1, false, 0.0), 600ms);
    EXPECT_EQ(backoff_delay(b, 2, false, 0.0), 1200ms);
    EXPECT_EQ(backoff_delay(b, 20, false, 0.0), 60000ms);
    EXPECT_EQ(backoff_delay(b, 1000, false, 0.0), 60000ms);
}

TEST(Backoff, JitterShortensByAtMostItsShare)
{
    Backoff b;
    EXPECT_EQ(backoff_delay(b, 0, false, 0.999999), 210ms);
    EXPECT_EQ(backoff_delay(b, 0, false, 0.5), 255ms);
    b.jitter = 0;
    EXPECT_EQ(backoff_delay(b, 0, false, 0.7), 300ms);
}

TEST(Backoff, SlowVariantStartsHigher)
{
    Backoff b;
    EXPECT_EQ(backoff_delay(b, 0, true, 0.0), 1000ms);
    EXPECT_EQ(backoff_delay(b, 3, true, 0.0), 8000ms);
}

TEST(JitterSeed, EveryClientGetsItsOwnEvenFromManyThreads)
{
    // Clients that reconnect after one outage must not draw the same jitter: every seed differs,
    // whichever thread asks, and the lowest bit varies.
    constexpr int threads = 4, per_thread = 2500;
    std::vector<std::vector<std::uint64_t>> drawn(threads);
    std::vector<std::thread> pool;
    for (int t = 0; t < threads; ++t)
        pool.emplace_back([&drawn, t] {
            for (int i = 0; i < per_thread; ++i)
                drawn[t].push_back(detail::fresh_seed());
        });
    for (auto& th : pool)
        th.join();
    std::set<std::uint64_t> seen;
    int low_bits_set = 0;
    for (const auto& d : drawn)
        for (auto v : d) {
            seen.insert(v);
            low_bits_set += (v & 1) ? 1 : 0;
        }
    EXPECT_EQ(seen.size(), std::size_t(threads * per_thread));
    // About half of the seeds are odd: the lowest bit is not stuck.
    EXPECT_GT(low_bits_set, threads * per_thread / 3);
    EXPECT_LT(low_bits_set, threads * per_thread * 2 / 3);
}

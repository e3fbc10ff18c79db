// Helpers shared by the integration tests.
#ifndef LIVECHAT_RTM_TESTS_TEST_SUPPORT_HPP
#define LIVECHAT_RTM_TESTS_TEST_SUPPORT_HPP

#include <livechat/rtm/raw.hpp>
#include <livechat/rtm/testing/mock_server.hpp>

#include <boost/asio/io_context.hpp>

#include <chrono>
#include <functional>

namespace rtm_test {

using namespace std::chrono_literals;
using livechat::rtm::error_code;

/// Runs handlers until `done()` holds or `limit` passes; returns done(). Bounded: it never
/// runs longer than `limit`, and never sleeps.
inline bool run_until(boost::asio::io_context& ioc, const std::function<bool()>& done,
    std::chrono::milliseconds limit = 5000ms)
{
    auto end = std::chrono::steady_clock::now() + limit;
    while (!done()) {
        if (std::chrono::steady_clock::now() >= end)
            return false;
        if (ioc.stopped())
            ioc.restart();
        ioc.run_one_for(10ms);
    }
    return true;
}

/// Collects one completion and counts how often it came (it must come exactly once).
template <class T = livechat::rtm::json>
struct Outcome {
    int calls = 0;
    error_code ec;
    T value{};
    auto handler()
    {
        return [this](error_code e, T v) {
            ++calls;
            ec = e;
            value = std::move(v);
        };
    }
    bool done() const { return calls > 0; }
};

struct RunOutcome {
    int calls = 0;
    error_code ec;
    auto handler()
    {
        return [this](error_code e) {
            ++calls;
            ec = e;
        };
    }
    bool done() const { return calls > 0; }
};

/// A client configuration for the mock server with millisecond timings and no reconnect.
inline livechat::rtm::ClientConfig fast_config(const livechat::rtm::testing::MockServer& server,
    bool tls = false)
{
    livechat::rtm::ClientConfig cfg;
    cfg.url = server.url();
    cfg.token_provider = livechat::rtm::static_token("good-token");
    cfg.login_window = 2s;
    cfg.ping_interval = 1s;
    cfg.request_timeout = 2s;
    cfg.connect_timeout = 2s;
    cfg.close_timeout = 500ms;
    // These tests look at one connection's end; reconnect tests turn it back on.
    cfg.reconnect.enabled = false;
    if (tls) {
        cfg.tls.ca_pem = livechat::rtm::testing::MockServer::test_certificate_pem();
        cfg.tls.use_system_trust_store = false;
    }
    return cfg;
}

} // namespace rtm_test

#endif

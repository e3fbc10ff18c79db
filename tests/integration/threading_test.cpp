// The client driven from a multi-threaded io_context through a strand, as the threading rules
// require. Built with ThreadSanitizer in CI (the tsan preset).

#include "test_support.hpp"

#include <livechat/rtm.hpp>

#include <boost/asio/post.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/use_future.hpp>

#include <gtest/gtest.h>

#include <future>
#include <stdexcept>
#include <thread>

namespace asio = boost::asio;
namespace rtm = livechat::rtm;
using namespace rtm_test;
using rtm::json;

namespace {

/// Waits for a future from the test's own thread, bounded: a hang fails instead of blocking.
template <class T>
T get_within(std::future<T> f, std::chrono::seconds limit = std::chrono::seconds(10))
{
    if (f.wait_for(limit) != std::future_status::ready)
        throw std::runtime_error("timed out waiting for the I/O threads");
    return f.get();
}

} // namespace

TEST(Threading, ClientOnAStrandOfAMultiThreadedIoContext)
{
    asio::io_context ioc(2);
    // Declared before the threads' guard: destroyed after the threads have stopped, never
    // while a handler of theirs may run.
    std::unique_ptr<rtm::testing::MockServer> server_owner;
    std::unique_ptr<rtm::v3_0::RtmClient> client_owner;
    auto work = asio::make_work_guard(ioc);
    std::vector<std::thread> threads;
    for (int i = 0; i < 2; ++i)
        threads.emplace_back([&] { ioc.run_for(std::chrono::seconds(20)); });
    struct Join {
        std::vector<std::thread>& t;
        decltype(work)& w;
        ~Join()
        {
            w.reset();
            for (auto& x : t)
                x.join();
        }
    } join{threads, work};

    auto server_strand = asio::make_strand(ioc);
    auto client_strand = asio::make_strand(ioc);
    server_owner = std::make_unique<rtm::testing::MockServer>(server_strand);
    auto& server = *server_owner;
    ASSERT_FALSE(get_within(asio::post(server_strand, asio::use_future([&] { return server.start(); }))));
    auto cfg = fast_config(server);
    cfg.reconnect.enabled = true;
    cfg.reconnect.backoff.min_delay = std::chrono::milliseconds(5);
    client_owner = std::make_unique<rtm::v3_0::RtmClient>(client_strand, cfg);
    auto& client = *client_owner;
    std::promise<rtm::error_code> ended;
    std::promise<void> relogged;
    bool saw_backoff = false; // touched on the client's strand only
    asio::post(client_strand, [&] { // the client is touched on its strand only
        client.on_state_change([&](rtm::SessionState s, rtm::error_code) {
            if (s == rtm::SessionState::backing_off)
                saw_backoff = true;
            else if (s == rtm::SessionState::ready && saw_backoff)
                relogged.set_value();
        });
        client.async_run([&](rtm::error_code ec) { ended.set_value(ec); });
    });

    auto login = get_within(asio::post(client_strand, asio::use_future([&] {
        return client.async_login({}, asio::use_future);
    })));
    ASSERT_FALSE(get_within(std::move(login)).customer_id.empty());

    // Many requests at once, from the strand; completions come back on it.
    constexpr int n = 40;
    auto futures = get_within(asio::post(client_strand, asio::use_future([&] {
        std::vector<std::future<json>> fs;
        for (int i = 0; i < n; ++i)
            fs.push_back(client.async_call("get_chats_summary", json::object(), asio::use_future));
        return fs;
    })));
    for (auto& f : futures)
        EXPECT_EQ(get_within(std::move(f))["total_chats"], 0);

    // A cut, a reconnect on the pool's threads, a request on the new connection, a clean stop.
    asio::post(server_strand, [&] { server.cut_all(); });
    get_within(relogged.get_future());
    auto again = get_within(asio::post(client_strand, asio::use_future([&] {
        return client.async_call("get_chats_summary", json::object(), asio::use_future);
    })));
    EXPECT_EQ(get_within(std::move(again))["total_chats"], 0);
    asio::post(client_strand, [&] { client.cancel(); });
    EXPECT_EQ(get_within(ended.get_future()), asio::error::operation_aborted);
    get_within(asio::post(server_strand, asio::use_future([&] { server.stop(); })));
}

// The same calls through each kind of completion token: callbacks (see client_test.cpp),
// std::future, C++20 coroutines and deferred operations.

#include "test_support.hpp"

#include <livechat/rtm.hpp>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/use_future.hpp>

#include <gtest/gtest.h>

#include <future>
#include <thread>

namespace asio = boost::asio;
namespace rtm = livechat::rtm;
using namespace rtm_test;
using rtm::json;
using rtm::testing::MockServer;
using rtm::testing::Reaction;

TEST(CompletionTokens, FutureFromAnotherThread)
{
    asio::io_context ioc;
    MockServer server(ioc.get_executor());
    ASSERT_FALSE(server.start());
    rtm::v3_0::RtmClient client(ioc, fast_config(server));
    client.async_run([](rtm::error_code) {});
    auto guard = asio::make_work_guard(ioc);
    std::thread io([&] { ioc.run_for(std::chrono::seconds(10)); });

    // Initiate on the client's executor, wait here (never on the I/O thread).
    auto login = asio::post(ioc, asio::use_future([&] {
        return client.async_login({}, asio::use_future);
    })).get();
    EXPECT_FALSE(login.get().customer_id.empty());
    auto summary = asio::post(ioc, asio::use_future([&] {
        return client.async_call("get_chats_summary", json{{"limit", 10}}, asio::use_future);
    })).get();
    EXPECT_EQ(summary.get()["total_chats"], 0);

    server.script("get_form", Reaction::fail("validation", "bad"));
    auto failing = asio::post(ioc, asio::use_future([&] {
        return client.async_call("get_form", json::object(), asio::use_future);
    })).get();
    EXPECT_THROW(failing.get(), boost::system::system_error);

    asio::post(ioc, [&] {
        client.cancel();
        server.stop();
    });
    guard.reset();
    io.join();
}

TEST(CompletionTokens, Coroutines)
{
    asio::io_context ioc;
    MockServer server(ioc.get_executor());
    ASSERT_FALSE(server.start());
    rtm::v3_0::RtmClient client(ioc, fast_config(server));
    client.async_run([](rtm::error_code) {});
    server.script("get_form", Reaction::fail("not_found", "gone"));

    bool finished = false;
    asio::co_spawn(ioc, [&]() -> asio::awaitable<void> {
        // Named, not `{}`: g++ 12 mishandles class temporaries inside a co_await expression
        // (it relocates them bitwise), whatever the library does.
        rtm::v3_0::LoginRequest request;
        auto login = co_await client.async_login(request, asio::use_awaitable);
        EXPECT_FALSE(login.customer_id.empty());
        // The default token is deferred: co_await it directly.
        auto summary = co_await client.async_call("get_chats_summary", json::object());
        EXPECT_EQ(summary["total_chats"], 0);
        // Errors without exceptions.
        auto [ec, payload] = co_await client.async_call(
            "get_form", json::object(), asio::as_tuple(asio::use_awaitable));
        EXPECT_EQ(ec, rtm::error::not_found);
        EXPECT_EQ(payload["error"]["type"], "not_found");
        client.cancel();
        finished = true;
    }, asio::detached);
    ASSERT_TRUE(run_until(ioc, [&] { return finished; }));
}

TEST(CompletionTokens, DeferredOperationLaunchesWhenInvoked)
{
    asio::io_context ioc;
    MockServer server(ioc.get_executor());
    ASSERT_FALSE(server.start());
    rtm::v3_0::RtmClient client(ioc, fast_config(server));
    client.async_run([](rtm::error_code) {});
    auto op = client.async_call("get_chats_summary", json::object());
    EXPECT_EQ(server.count("get_chats_summary"), 0u);
    bool done = false;
    std::move(op)([&](rtm::error_code ec, json) {
        EXPECT_FALSE(ec);
        done = true;
    });
    ASSERT_TRUE(run_until(ioc, [&] { return done; }));
    client.cancel();
}

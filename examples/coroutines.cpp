// coroutines: the typed API with C++20 coroutines. The default completion token
// (asio::deferred) makes every async_ function awaitable; errors are thrown, or returned with
// asio::as_tuple(asio::deferred).
//
//   coroutines                                    against the bundled mock server
//   coroutines --organization-id ID --token-file F   against LiveChat (3.6)

#include "example_target.hpp"

#include <livechat/rtm.hpp>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <iostream>

namespace asio = boost::asio;
namespace rtm = livechat::rtm;
namespace api = examples::api; // v3_6, or v3_0 in the _v3_0 build
using namespace std::chrono_literals;

asio::awaitable<int> chat(api::RtmClient& client)
{
    // Named, not `{}`: g++ 12 mishandles class temporaries inside co_await expressions.
    api::LoginRequest request;
    auto login = co_await client.async_login(request);
    const auto me = examples::customer_of(login);
    std::cout << "logged in as " << me << "\n";

    // A timer that never fires on its own serves as an event: the push handler cancels it.
    asio::steady_timer agent_answered(client.get_executor(), asio::steady_timer::time_point::max());
    std::string answer;
    auto sub = client.pushes().on<api::IncomingEvent>([&](const api::IncomingEvent& push) {
        const auto* m = examples::message_of(push);
        if (m && m->author_id != me && answer.empty()) {
            answer = m->text;
            agent_answered.cancel();
        }
    });

    auto started = co_await api::async_start_chat_with_message(client, "Hello from a coroutine!");
    const auto chat_id = examples::chat_of(started);
    std::cout << "chat " << chat_id << " started; waiting for the agent\n";

    asio::steady_timer limit(client.get_executor(), 30s); // do not wait forever
    limit.async_wait([&](rtm::error_code ec) {
        if (!ec)
            agent_answered.cancel();
    });
    co_await agent_answered.async_wait(asio::as_tuple(asio::use_awaitable));
    limit.cancel();
    if (answer.empty()) {
        std::cerr << "the agent did not answer within 30 s\n";
        co_return 1;
    }
    std::cout << "agent: " << answer << "\n";

    // Errors as values instead of exceptions:
    auto [ec, sent] = co_await api::async_send_message(
        client, chat_id, "Thank you!", asio::as_tuple(asio::deferred));
    std::cout << "sent: Thank you! (" << (ec ? ec.message() : "ok") << ")\n";
    co_return ec ? 1 : 0;
}

int main(int argc, char** argv)
{
    asio::io_context ioc;
    auto target = examples::make_target(ioc.get_executor(), argc, argv);
    if (!target)
        return 2;
    api::RtmClient client(ioc, target->config);
    client.async_run(asio::detached);

    int exit_code = 1;
    asio::co_spawn(ioc, chat(client), [&](std::exception_ptr e, int code) {
        exit_code = code;
        if (e) {
            try {
                std::rethrow_exception(e);
            } catch (const std::exception& x) {
                std::cerr << "failed: " << x.what() << "\n";
            }
        }
        client.async_stop([&](rtm::error_code) {
            if (target->mock)
                target->stop_mock();
        });
    });
    ioc.run();
    return exit_code;
}

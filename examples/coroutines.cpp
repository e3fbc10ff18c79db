// coroutines: the typed API with C++20 coroutines. The default completion token
// (asio::deferred) makes every async_ function awaitable; errors are thrown, or returned with
// asio::as_tuple(asio::deferred).
//
//   coroutines                                    against the bundled mock server
//   coroutines --license-id N --token-file F      against LiveChat

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
namespace v3 = livechat::rtm::v3_0;
using namespace std::chrono_literals;

asio::awaitable<int> chat(rtm::RtmClient& client)
{
    // Named, not `{}`: g++ 12 mishandles class temporaries inside co_await expressions.
    v3::LoginRequest request;
    auto login = co_await client.async_login(request);
    std::cout << "logged in as " << login.customer_id << "\n";

    // A timer that never fires on its own serves as an event: the push handler cancels it.
    asio::steady_timer agent_answered(client.get_executor(), asio::steady_timer::time_point::max());
    std::string answer;
    auto sub = client.pushes().on<v3::IncomingEvent>([&](const v3::IncomingEvent& push) {
        const auto* m = push.event ? std::get_if<v3::Message>(&*push.event) : nullptr;
        if (m && m->author_id != login.customer_id.str() && answer.empty()) {
            answer = m->text;
            agent_answered.cancel();
        }
    });

    auto started = co_await v3::async_start_chat_with_message(client, "Hello from a coroutine!");
    std::cout << "chat " << started.chat.id << " started; waiting for the agent\n";

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
    auto [ec, sent] = co_await v3::async_send_message(
        client, started.chat.id, "Thank you!", asio::as_tuple(asio::deferred));
    std::cout << "sent: Thank you! (" << (ec ? ec.message() : "ok") << ")\n";
    co_return ec ? 1 : 0;
}

int main(int argc, char** argv)
{
    asio::io_context ioc;
    auto target = examples::make_target(ioc.get_executor(), argc, argv);
    if (!target)
        return 2;
    rtm::RtmClient client(ioc, target->config);
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
                target->mock->stop();
        });
    });
    ioc.run();
    return exit_code;
}

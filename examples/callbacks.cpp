// callbacks: the typed API with plain callbacks. A customer starts a chat, waits for the
// agent's answer (a typed incoming_event push), replies, and leaves.
//
//   callbacks                                    against the bundled mock server
//   callbacks --organization-id ID --token-file F   against LiveChat (3.6)
//   callbacks_v3_0                               the same over v3.0

#include "example_target.hpp"

#include <livechat/rtm.hpp>

#include <boost/asio/io_context.hpp>

#include <iostream>

namespace asio = boost::asio;
namespace rtm = livechat::rtm;
namespace api = examples::api; // v3_6, or v3_0 in the _v3_0 build

int main(int argc, char** argv)
{
    asio::io_context ioc;
    auto target = examples::make_target(ioc.get_executor(), argc, argv);
    if (!target)
        return 2;
    api::RtmClient client(ioc, target->config);
    rtm::CustomerId me;
    rtm::ChatId chat;
    int exit_code = 1;

    // Every handler runs on the io_context's thread, one at a time: no locks needed.
    auto answers = client.pushes().on<api::IncomingEvent>([&](const api::IncomingEvent& push) {
        const auto* message = examples::message_of(push);
        if (!message || message->author_id == me.str())
            return; // not a message, or our own echoed back
        std::cout << "agent: " << message->text << "\n";
        api::async_send_message(client, chat, "Thank you!", [&](rtm::error_code ec, api::SendEventResponse) {
            std::cout << "sent: Thank you! (" << (ec ? ec.message() : "ok") << ")\n";
            exit_code = ec ? 1 : 0;
            client.async_stop([&](rtm::error_code) {
                if (target->mock)
                    target->stop_mock(); // nothing left to serve: run() returns
            });
        });
    });

    client.async_run([](rtm::error_code ec) { std::cout << "run ended: " << ec.message() << "\n"; });
    client.async_login({}, [&](rtm::error_code ec, api::LoginResponse login) {
        if (ec) {
            std::cerr << "login failed: " << ec.message() << "\n";
            return client.cancel();
        }
        me = rtm::CustomerId(examples::customer_of(login));
        std::cout << "logged in as " << me << "\n";
        api::async_start_chat_with_message(client, "Hello from callbacks!", [&](rtm::error_code ec, auto started) {
            if (ec) {
                std::cerr << "start_chat failed: " << ec.message() << "\n";
                return client.cancel();
            }
            chat = examples::chat_of(started);
            std::cout << "chat " << chat << " started; waiting for the agent\n";
        });
    });

    ioc.run();
    return exit_code;
}

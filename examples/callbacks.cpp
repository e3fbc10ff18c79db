// callbacks: the typed API with plain callbacks. A customer starts a chat, waits for the
// agent's answer (a typed incoming_event push), replies, and leaves.
//
//   callbacks                                    against the bundled mock server
//   callbacks --license-id N --token-file F      against LiveChat

#include "example_target.hpp"

#include <livechat/rtm.hpp>

#include <boost/asio/io_context.hpp>

#include <iostream>

namespace asio = boost::asio;
namespace rtm = livechat::rtm;
namespace v3 = livechat::rtm::v3_0;

int main(int argc, char** argv)
{
    asio::io_context ioc;
    auto target = examples::make_target(ioc.get_executor(), argc, argv);
    if (!target)
        return 2;
    rtm::RtmClient client(ioc, target->config);
    rtm::CustomerId me;
    rtm::ChatId chat;
    int exit_code = 1;

    // Every handler runs on the io_context's thread, one at a time: no locks needed.
    auto answers = client.pushes().on<v3::IncomingEvent>([&](const v3::IncomingEvent& push) {
        const auto* message = push.event ? std::get_if<v3::Message>(&*push.event) : nullptr;
        if (!message || message->author_id == me.str())
            return; // not a message, or our own echoed back
        std::cout << "agent: " << message->text << "\n";
        v3::async_send_message(client, chat, "Thank you!", [&](rtm::error_code ec, v3::SendEventResponse sent) {
            std::cout << "sent event " << v3::base_of(sent.event).id.str() << ": " << (ec ? ec.message() : "ok") << "\n";
            exit_code = ec ? 1 : 0;
            client.async_stop([&](rtm::error_code) {
                if (target->mock)
                    target->mock->stop(); // nothing left to serve: run() returns
            });
        });
    });

    client.async_run([](rtm::error_code ec) { std::cout << "run ended: " << ec.message() << "\n"; });
    client.async_login({}, [&](rtm::error_code ec, v3::LoginResponse login) {
        if (ec) {
            std::cerr << "login failed: " << ec.message() << "\n";
            return client.cancel();
        }
        me = login.customer_id;
        std::cout << "logged in as " << me << "\n";
        v3::async_start_chat_with_message(client, "Hello from callbacks!", [&](rtm::error_code ec, v3::ChatResponse r) {
            if (ec) {
                std::cerr << "start_chat failed: " << ec.message() << "\n";
                return client.cancel();
            }
            chat = r.chat.id;
            std::cout << "chat " << chat << " started; waiting for the agent\n";
        });
    });

    ioc.run();
    return exit_code;
}

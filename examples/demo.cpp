// demo: a customer chatting with a scripted agent on the bundled mock server.
//
// It starts the mock RTM service in-process on 127.0.0.1, connects an RtmClient to it, logs
// in, starts a chat, prints every push as it arrives, answers the agent, and leaves cleanly.
// No LiveChat account needed.

#include <livechat/rtm.hpp>
#include <livechat/rtm/raw.hpp>
#include <livechat/rtm/testing/mock_server.hpp>

#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>

#include <chrono>
#include <iostream>

namespace asio = boost::asio;
namespace rtm = livechat::rtm;
using rtm::json;
using namespace std::chrono_literals;

int main()
{
    asio::io_context ioc;

    // 1. The mock service, scripted to behave like an agent who picks up the chat.
    rtm::testing::MockServer server(ioc.get_executor());
    if (auto ec = server.start()) {
        std::cerr << "cannot start the mock server: " << ec.message() << "\n";
        return 1;
    }
    server.script("start_chat",
        rtm::testing::Reaction::respond(R"({"chat":{"id":"PJ0MRSHTDG"},"thread":{"id":"K600PKZON8"}})")
            .push_after("incoming_chat_thread", R"({"chat":{"id":"PJ0MRSHTDG","users":[]}})"));
    std::cout << "mock server listening at " << server.url() << "\n";

    // 2. The client.
    rtm::ClientConfig cfg;
    cfg.url = server.url();
    cfg.token_provider = rtm::static_token("demo-token");
    rtm::RtmClient client(ioc, cfg);

    client.on_state_change([](rtm::SessionState s, rtm::error_code ec) {
        std::cout << "[state] " << rtm::to_string(s) << (ec ? " (" + ec.message() + ")" : "") << "\n";
    });
    auto pushes = client.pushes().on_any([](const rtm::RawPush& p) {
        std::cout << "[push]  " << p.action << " " << p.payload.dump() << "\n";
    });

    asio::steady_timer agent(ioc);
    auto messages = client.pushes().on("incoming_event", [&](const rtm::RawPush& p) {
        const auto& event = p.payload["event"];
        if (event.value("author_id", "") != "agent@example.com")
            return;
        std::cout << "agent:    " << event.value("text", "") << "\n";
        // 5. Answer the agent, then leave.
        json reply = {{"chat_id", "PJ0MRSHTDG"},
            {"event", {{"type", "message"}, {"text", "Thanks, that's all!"}}}};
        client.async_call("send_event", reply, [&](rtm::error_code ec, json) {
            std::cout << "customer: Thanks, that's all!" << (ec ? " [" + ec.message() + "]" : "") << "\n";
            client.cancel();
        });
    });

    client.async_run([&](rtm::error_code ec) {
        std::cout << "run ended: " << ec.message() << "\n";
        server.stop(); // nothing left to serve: let the io_context run out of work
    });

    // 3. Log in (the client does it on connect; this waits for the response).
    client.async_login({}, [&](rtm::error_code ec, rtm::v3_0::LoginResponse r) {
        if (ec) {
            std::cerr << "login failed: " << ec.message() << "\n";
            return client.cancel();
        }
        std::cout << "logged in as customer " << r.customer_id << "\n";

        client.async_call("get_chats_summary", json{{"limit", 10}}, [&](rtm::error_code ec, json s) {
            std::cout << "chats summary: " << (ec ? ec.message() : s.dump()) << "\n";
        });

        // 4. Start a chat; the scripted agent answers a little later.
        json start = {{"chat", {{"thread", {{"events", {{{"type", "message"}, {"text", "Hello! Is my order shipped?"}}}}}}}}};
        client.async_call("start_chat", start, [&](rtm::error_code ec, json r) {
            std::cout << "customer: Hello! Is my order shipped?" << (ec ? " [" + ec.message() + "]" : "") << "\n";
            std::cout << "chat started: " << r.dump() << "\n";
            server.push("incoming_typing_indicator",
                R"({"chat_id":"PJ0MRSHTDG","typing_indicator":{"author_id":"agent@example.com","is_typing":true}})");
            agent.expires_after(300ms);
            agent.async_wait([&](rtm::error_code) {
                server.push("incoming_event", R"({"chat_id":"PJ0MRSHTDG","event":{"id":"E1",
                    "type":"message","author_id":"agent@example.com",
                    "text":"Hi! Yes, it left our warehouse this morning."}})");
            });
        });
    });

    ioc.run_for(10s); // bounded: the demo ends by itself even if something goes wrong
    return client.state() == rtm::SessionState::closed ? 0 : 1;
}

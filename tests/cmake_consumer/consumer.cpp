// A user's program: logs in to the bundled mock server, starts a chat, gets the agent's answer.
// Exits 0 only when all of that worked.

#include <livechat/rtm.hpp>
#include <livechat/rtm/testing/mock_server.hpp>
#include <livechat/rtm/testing/scripted_agent.hpp>

#include <boost/asio/io_context.hpp>

#include <iostream>

int main()
{
    namespace rtm = livechat::rtm;
    namespace v3 = livechat::rtm::v3_6;
    boost::asio::io_context ioc;
    rtm::testing::MockServer server(ioc.get_executor());
    if (server.start())
        return 1;
    rtm::testing::ScriptedAgentConfig agent_cfg;
    agent_cfg.reply_after = std::chrono::milliseconds(10);
    agent_cfg.typing_after = std::chrono::milliseconds(5);
    rtm::testing::ScriptedAgent agent(server, agent_cfg);

    rtm::ClientConfig cfg;
    cfg.url = server.url_v3_6();
    cfg.token_provider = rtm::static_token("consumer");
    rtm::RtmClient client(ioc, cfg);
    bool answered = false;
    auto sub = client.pushes().on<v3::IncomingEvent>([&](const v3::IncomingEvent& e) {
        if (v3::base_of(e.event).author_id == std::string("agent@mock.livechat")) {
            answered = true;
            client.async_stop([&](rtm::error_code) { server.stop(); });
        }
    });
    client.async_run([](rtm::error_code) {});
    v3::async_start_chat_with_message(client, "hello", [&](rtm::error_code ec, v3::StartChatResponse) {
        if (ec) {
            std::cerr << "start_chat: " << ec.message() << "\n";
            client.cancel();
            server.stop();
        }
    });
    ioc.run_for(std::chrono::seconds(20));
    std::cout << (answered ? "the agent answered" : "no answer") << "\n";
    return answered ? 0 : 1;
}

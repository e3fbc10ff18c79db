// Compile-cost probe: what a user's file costs when it includes the public client header and
// makes a few typed calls (bench/run.sh times it against beast_tu.cpp).
#include <livechat/rtm.hpp>

#include <boost/asio/io_context.hpp>

namespace v3 = livechat::rtm::v3_0;

void user_code(boost::asio::io_context& ioc)
{
    livechat::rtm::ClientConfig cfg;
    cfg.license_id = 1;
    cfg.token_provider = livechat::rtm::static_token("t");
    static livechat::rtm::RtmClient client(ioc, cfg);
    static auto sub = client.pushes().on<v3::IncomingEvent>([](const v3::IncomingEvent&) {});
    client.async_run([](livechat::rtm::error_code) {});
    v3::async_start_chat_with_message(client, "hi", [](livechat::rtm::error_code, v3::ChatResponse) {});
    v3::async_send_message(client, livechat::rtm::ChatId("c"), "hello", [](livechat::rtm::error_code, v3::SendEventResponse) {});
    client.async_execute<v3::GetChatsSummary>(v3::GetChatsSummaryRequest{}, [](livechat::rtm::error_code, v3::GetChatsSummaryResponse) {});
}

// Compile-cost probe: what a user's file costs when it includes the public client header and
// makes a few typed calls (bench/run.sh times it against beast_tu.cpp).
#include <livechat/rtm.hpp>

#include <boost/asio/io_context.hpp>

namespace v36 = livechat::rtm::v3_6;

void user_code(boost::asio::io_context& ioc)
{
    livechat::rtm::ClientConfig cfg;
    cfg.organization_id = "00000000-0000-4000-8000-000000000001";
    cfg.token_provider = livechat::rtm::static_token("t");
    static livechat::rtm::RtmClient client(ioc, cfg);
    static auto sub = client.pushes().on<v36::IncomingEvent>([](const v36::IncomingEvent&) {});
    client.async_run([](livechat::rtm::error_code) {});
    v36::async_start_chat_with_message(client, "hi", [](livechat::rtm::error_code, v36::StartChatResponse) {});
    v36::async_send_message(client, livechat::rtm::ChatId("c"), "hello", [](livechat::rtm::error_code, v36::SendEventResponse) {});
    client.async_execute<v36::ListChats>(v36::ListChatsRequest{}, [](livechat::rtm::error_code, v36::ListChatsResponse) {});
}

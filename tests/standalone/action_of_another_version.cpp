// Must not compile: a 3.6 client refuses a v3.0 action (check_rejected.cmake expects the
// compiler to stop at the client's static_assert). With -DLIVECHAT_RTM_CONTROL the same file
// sends an action that declares no version, which compiles: the check cannot pass for a reason
// other than the one it tests.
#include <livechat/rtm.hpp>

#include <boost/asio/io_context.hpp>

namespace {
/// An action of the application's own: it declares no version, so every client takes it.
struct Echo {
    static constexpr std::string_view name = "echo";
    using request = livechat::rtm::v3_0::Empty;
    using response = livechat::rtm::v3_0::Empty;
};
} // namespace

void send(livechat::rtm::v3_6::RtmClient& client)
{
#ifdef LIVECHAT_RTM_CONTROL
    client.async_execute<Echo>({}, [](livechat::rtm::error_code, livechat::rtm::v3_0::Empty) {});
#else
    client.async_execute<livechat::rtm::v3_0::GetChatsSummary>(
        {}, [](livechat::rtm::error_code, livechat::rtm::v3_0::GetChatsSummaryResponse) {});
#endif
}

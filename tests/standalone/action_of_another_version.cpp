// Must not compile: a v3.0 client refuses an action that declares another protocol version
// (check_rejected.cmake expects the compiler to stop at the client's static_assert). With
// -DLIVECHAT_RTM_CONTROL the same file sends an action that declares no version, which compiles:
// the check cannot pass for a reason other than the one it tests.
#include <livechat/rtm.hpp>

#include <boost/asio/io_context.hpp>

namespace {
struct OtherVersion {};
struct Echo {
    static constexpr std::string_view name = "echo";
    using request = livechat::rtm::v3_0::Empty;
    using response = livechat::rtm::v3_0::Empty;
#ifndef LIVECHAT_RTM_CONTROL
    using version = OtherVersion;
#endif
};
} // namespace

void send_echo(livechat::rtm::v3_0::RtmClient& client)
{
    client.async_execute<Echo>({}, [](livechat::rtm::error_code, livechat::rtm::v3_0::Empty) {});
}

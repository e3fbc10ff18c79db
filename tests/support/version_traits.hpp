// The two protocol versions as typed-test parameters: the client type, the mock's URL, and the
// few names that differ between them.
#ifndef LIVECHAT_RTM_TESTS_VERSION_TRAITS_HPP
#define LIVECHAT_RTM_TESTS_VERSION_TRAITS_HPP

#include <livechat/rtm.hpp>
#include <livechat/rtm/testing/mock_server.hpp>

#include <string>
#include <type_traits>

namespace rtm_test {

struct V30 {
    using Client = livechat::rtm::v3_0::RtmClient;
    using IncomingEvent = livechat::rtm::v3_0::IncomingEvent;
    static std::string url(const livechat::rtm::testing::MockServer& s) { return s.url(); }
    static constexpr const char* closed_push = "thread_closed";
    static constexpr const char* history_action = "get_chat_threads"; // after get_chat_threads_summary
};

struct V36 {
    using Client = livechat::rtm::v3_6::RtmClient;
    using IncomingEvent = livechat::rtm::v3_6::IncomingEvent;
    static std::string url(const livechat::rtm::testing::MockServer& s) { return s.url_v3_6(); }
    static constexpr const char* closed_push = "chat_deactivated";
    static constexpr const char* history_action = "list_threads";
};

/// Names typed tests "v3_0" and "v3_6".
struct VersionNames {
    template <class T>
    static std::string GetName(int)
    {
        return std::is_same_v<T, V30> ? "v3_0" : "v3_6";
    }
};

} // namespace rtm_test

#endif

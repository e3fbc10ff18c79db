// libFuzzer harness: the mock service's request handling. Each input line is one request
// frame, read as the mock server reads it (bounded JSON, then the action's handler over the
// in-memory state), so a run is a whole hostile conversation with one stateful service.
#include <livechat/rtm/config.hpp>
#include <livechat/rtm/impl/internal/json_limits.hpp>
#include <livechat/rtm/testing/v3_0/mock_methods.ipp>

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using nlohmann::json;
    namespace mock = livechat::rtm::testing::detail;
    std::string_view input(reinterpret_cast<const char*>(data), size);
    mock::MockState state("fuzz-customer", json::object());
    std::vector<mock::StatePush> pushes;
    std::string first_chat;
    for (std::size_t at = 0; at <= input.size();) {
        auto end = input.find('\n', at);
        auto line = input.substr(at, end == std::string_view::npos ? std::string_view::npos : end - at);
        at = end == std::string_view::npos ? input.size() + 1 : end + 1;
        bool too_deep = false;
        auto doc = livechat::rtm::detail::parse_json_bounded(line, livechat::rtm::max_json_nesting, too_deep);
        if (too_deep || !doc.is_object())
            continue;
        auto action = doc.find("action");
        if (action == doc.end() || !action->is_string())
            continue;
        json payload = doc.contains("payload") ? doc["payload"] : json::object();
        if (!payload.is_object())
            continue;
        if (*action == "login") {
            (void)state.login(payload, pushes);
            continue;
        }
        auto outcome = state.handle(action->get<std::string>(), payload);
        (void)outcome.payload.dump();
        for (auto& p : outcome.pushes)
            (void)p.payload.dump();
        // The agent acts in the first chat too, as ScriptedAgent would.
        if (first_chat.empty() && !state.chats().empty())
            first_chat = state.chats().begin()->first;
        if (!first_chat.empty() && (line.size() & 3) == 0)
            (void)state.agent_event(first_chat, json{{"type", "message"}, {"text", "hi"}});
    }
    return 0;
}

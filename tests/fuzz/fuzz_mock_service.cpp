// libFuzzer harness: the mock services' request handling. Each input line is one request
// frame, read as the mock server reads it (bounded JSON, then the action's handler over the
// in-memory state), so a run is a whole hostile conversation with one stateful service: the
// v3.0 one, or the v3.6 one when the input's first byte is odd.
#include <livechat/rtm/config.hpp>
#include <livechat/rtm/impl/internal/json_limits.hpp>
#include <livechat/rtm/testing/v3_6/mock_service.ipp>

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using nlohmann::json;
    namespace mock = livechat::rtm::testing::detail;
    std::string_view input(reinterpret_cast<const char*>(data), size);
    mock::MockState v3_0("fuzz-customer", json::object());
    mock::MockState36 v3_6("fuzz-customer", json::object());
    mock::MockState& state = size > 0 && (data[0] & 1) ? static_cast<mock::MockState&>(v3_6) : v3_0;
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
        if (!first_chat.empty() && (line.size() & 7) == 1) {
            (void)state.agent_greeting("hello");
            (void)state.agent_queue_position(first_chat, static_cast<std::int64_t>(line.size()), 5);
            (void)state.agent_thinking(first_chat, "thinking");
            (void)state.agent_event_preview(first_chat, "prev");
        }
    }
    return 0;
}

// Copyright (c) 2026 livechat-rtm authors. Distributed under the MIT License (see LICENSE).
#ifndef LIVECHAT_RTM_V3_0_IMPL_VERSION_IPP
#define LIVECHAT_RTM_V3_0_IMPL_VERSION_IPP

// v3.0's rules as the version-agnostic core sees them (README.md and pushes.md of the spec).

#include <livechat/rtm/impl/internal/frame_codec.hpp>
#include <livechat/rtm/impl/internal/protocol.hpp>
#include <livechat/rtm/timestamp.hpp>
#include <livechat/rtm/v3_0/impl/history.ipp>
#include <livechat/rtm/v3_0/impl/pushes.ipp>
#include <livechat/rtm/v3_0/version.hpp>

#include <algorithm>
#include <cstdint>

namespace livechat::rtm::v3_0 {

/// v3.0's implementation of the version seam; later versions derive from it and change what
/// they changed.
class ProtocolRules : public rtm::detail::Protocol {
    using DisconnectNotice = rtm::detail::DisconnectNotice;
    using PushEffect = rtm::detail::PushEffect;
    using ChatActivity = rtm::detail::ChatActivity;

protected:
    /// The string member `key` of `j`, or empty.
    static std::string string_member(const nlohmann::json& j, const char* key)
    {
        auto it = j.find(key);
        return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
    }
    /// The string member `key` of `j` as a view into `j`, or empty.
    static std::string_view string_view_member(const nlohmann::json& j, const char* key)
    {
        auto it = j.find(key);
        return it != j.end() && it->is_string() ? std::string_view(it->get_ref<const std::string&>()) : std::string_view();
    }

    /// The push that carries a new chat or thread with its first events.
    virtual std::string_view chat_started_push() const noexcept { return IncomingChatThread::name; }

    /// What a push says about a chat: `{chat_id, thread_id, ...}` pushes, `incoming_event`'s
    /// event, the new chat's or thread's newest event, a closed thread.
    std::optional<ChatActivity> activity(std::string_view action, const nlohmann::json& payload) const
    {
        ChatActivity a;
        if (action == chat_started_push()) {
            auto chat = payload.find("chat");
            if (chat == payload.end() || !chat->is_object())
                return std::nullopt;
            a.chat_id = string_view_member(*chat, "id");
            if (auto t = chat->find("thread"); t != chat->end() && t->is_object()) {
                a.thread_id = string_view_member(*t, "id");
                if (auto events = t->find("events"); events != t->end() && events->is_array() && !events->empty() &&
                                                     events->back().is_object())
                    a.shown_event_id = string_view_member(events->back(), "id");
            }
        } else {
            a.chat_id = string_view_member(payload, "chat_id");
            a.thread_id = string_view_member(payload, "thread_id");
            if (action == event_push()) {
                if (auto e = payload.find("event"); e != payload.end() && e->is_object())
                    a.event_id = string_view_member(*e, "id");
            } else {
                a.closes_thread = action == closed_push();
            }
        }
        if (a.chat_id.empty())
            return std::nullopt;
        return a;
    }

public:
    std::string_view name() const noexcept override { return Version::name; }
    bool speaks(std::string_view version) const noexcept override { return version == Version::name; }

    std::string default_url(const ClientConfig& cfg, std::string& problem) const override
    {
        if (cfg.license_id == 0) {
            problem = "license_id is required unless url is set";
            return {};
        }
        return "wss://" + cfg.host + "/v3.0/customer/rtm/ws?license_id=" + std::to_string(cfg.license_id);
    }

    std::string region_host(std::string_view region) const override
    {
        // RTM: misdirected_connection names the right region; "dal" is the default host. A
        // name that could not be a host label is ignored (it comes from the server).
        if (region.empty() || region.size() > 32 ||
            !std::all_of(region.begin(), region.end(), [](char c) {
                return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
            }))
            return {};
        if (region == "dal")
            return "api.livechatinc.com";
        return "api-" + std::string(region) + ".livechatinc.com";
    }

    std::string_view login_action() const noexcept override { return actions::Login::name; }

    void prepare_login(nlohmann::json& payload, std::string_view access_token,
        const nlohmann::json& stored_state) const override
    {
        // RTM: send back the latest customer_side_storage at every login.
        if (stored_state.is_object() && !stored_state.empty())
            payload["customer_side_storage"] = stored_state;
        if (!payload.contains("token")) // RTM: "<token_type> <access_token>"
            payload["token"] = "Bearer " + std::string(access_token);
    }

    std::string_view token_field() const noexcept override { return "token"; }

    std::string customer_id(const nlohmann::json& login) const override
    {
        // v3.0 says `customer_id`; 3.2+ servers send `customer.id`: both are accepted.
        if (auto id = string_member(login, "customer_id"); !id.empty())
            return id;
        if (auto c = login.find("customer"); c != login.end() && c->is_object())
            return string_member(*c, "id");
        return {};
    }

    PushEffect read_push(std::string_view action, const nlohmann::json& payload) const override
    {
        PushEffect effect;
        if (action == CustomerSideStorageUpdated::name) {
            if (auto it = payload.find("customer_side_storage"); it != payload.end() && it->is_object())
                effect.stored_state = *it;
        } else if (action == CustomerDisconnected::name) {
            // Read leniently: whatever else is wrong with it, the server is ending the
            // connection. (The typed push reads data.timeout as whole seconds; here fractions
            // count.)
            DisconnectNotice notice;
            notice.reason = string_member(payload, "reason");
            if (auto data = payload.find("data"); data != payload.end() && data->is_object()) {
                notice.data_text = data->dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
                notice.region = string_member(*data, "region");
                // RTM: units of data.timeout are not documented; seconds assumed. Clamped
                // before the conversion (1e300 must not overflow); the session clamps again.
                if (auto t = data->find("timeout"); t != data->end() && t->is_number() && t->get<double>() >= 0)
                    notice.wait = std::chrono::milliseconds(
                        static_cast<std::int64_t>(std::min(t->get<double>(), 1e9) * 1000));
            }
            effect.disconnect = std::move(notice);
        } else {
            effect.activity = activity(action, payload);
        }
        return effect;
    }

    std::optional<ReconnectAction> reconnect_action(std::string_view reason) const noexcept override
    {
        return suggested_action(reason);
    }

    std::string ping_frame() const override
    {
        // RTM: sent without request_id; its response only proves liveness.
        return rtm::detail::encode_request(Ping::name, {}, nlohmann::json::object());
    }

    std::vector<std::string> unread_chats(const nlohmann::json& login) const override
    {
        // RTM: `chats` [{chat_id, has_unread_events}]. At most 1000 are taken from a server.
        std::vector<std::string> out;
        auto chats = login.find("chats");
        if (chats == login.end() || !chats->is_array())
            return out;
        for (const auto& c : *chats) {
            if (out.size() >= 1000)
                break;
            if (!c.is_object())
                continue;
            auto unread = c.find("has_unread_events");
            if (unread != c.end() && unread->is_boolean() && unread->get<bool>())
                if (auto id = string_member(c, "chat_id"); !id.empty())
                    out.push_back(std::move(id));
        }
        return out;
    }

    std::unique_ptr<rtm::detail::HistoryReader> history(std::string chat_id, unsigned threads_per_page) const override
    {
        return std::make_unique<history_reading::ThreadsSummaryReader>(std::move(chat_id), threads_per_page);
    }

    std::optional<std::chrono::system_clock::time_point> event_time(const nlohmann::json& event) const override
    {
        // v3.0 events carry `timestamp` (Unix seconds); 3.1+ `created_at` (RFC 3339): both read.
        if (auto at = event.find("created_at"); at != event.end() && at->is_string())
            if (auto t = parse_timestamp(at->get_ref<const std::string&>()))
                return std::chrono::time_point_cast<std::chrono::system_clock::duration>(*t);
        if (auto ts = event.find("timestamp"); ts != event.end() && ts->is_number_integer()) {
            auto seconds = ts->get<std::int64_t>();
            if (seconds >= 0 && seconds < (std::int64_t(1) << 40)) // clamped: no overflow
                return std::chrono::system_clock::time_point(std::chrono::seconds(seconds));
        }
        return std::nullopt;
    }

    std::string_view event_push() const noexcept override { return IncomingEvent::name; }
    std::string_view closed_push() const noexcept override { return ThreadClosed::name; }

    std::optional<rtm::detail::OutboxTarget> outbox_target(std::string_view action, nlohmann::json& payload,
        const std::function<std::string()>& make_id) const override
    {
        // RTM: send_event {chat_id, event {..., custom_id}}; the same from 3.0 to 3.6.
        if (action != SendEvent::name)
            return std::nullopt;
        auto chat = string_member(payload, "chat_id");
        auto event = payload.find("event");
        if (chat.empty() || event == payload.end() || !event->is_object())
            return std::nullopt;
        auto custom = string_member(*event, "custom_id");
        if (custom.empty())
            (*event)["custom_id"] = custom = make_id();
        return rtm::detail::OutboxTarget{std::move(chat), std::move(custom)};
    }

    nlohmann::json sent_response(std::string_view thread_id, const nlohmann::json& event) const override
    {
        // v3.0: {thread_id, event}, the stored event.
        return {{"thread_id", thread_id}, {"event", event}};
    }
};

LIVECHAT_RTM_DECL const rtm::detail::Protocol& Version::protocol() noexcept
{
    static const ProtocolRules rules;
    return rules;
}

} // namespace livechat::rtm::v3_0

#endif

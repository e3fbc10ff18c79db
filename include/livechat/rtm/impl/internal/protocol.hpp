// Copyright (c) 2026 livechat-rtm authors. Distributed under the MIT License (see LICENSE).
#ifndef LIVECHAT_RTM_IMPL_INTERNAL_PROTOCOL_HPP
#define LIVECHAT_RTM_IMPL_INTERNAL_PROTOCOL_HPP

// The version seam: everything the version-agnostic core needs to know about one protocol
// version. Each version folder (v3_0/, ...) implements it once, in its compiled file; the
// client, session, request book and transport only ever see this interface.

#include <livechat/rtm/config.hpp>
#include <livechat/rtm/reconnect.hpp>

#include <nlohmann/json.hpp>

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace livechat::rtm::detail {

/// A push asking the client to go away (v3.0: `customer_disconnected`), as the session needs it.
struct DisconnectNotice {
    std::string reason;                          ///< the wire reason, or empty
    std::optional<std::chrono::milliseconds> wait; ///< how long the server asks us to stay away
    std::string region;                          ///< where to reconnect (misdirected), or empty
    std::string data_text;                       ///< the reason's extra data as JSON text, or empty
};

/// What a push tells the recovery about a chat (views into the push's payload).
struct ChatActivity {
    std::string_view chat_id;
    std::string_view thread_id;
    /// The push delivers this one event (v3.0 and v3.6: `incoming_event`): it reaches the app
    /// once, however often it comes.
    std::string_view event_id;
    /// The newest event the push shows without delivering it on its own (a new chat's or
    /// thread's initial events), or empty.
    std::string_view shown_event_id;
    bool closes_thread = false; ///< the thread ended (v3.0 `thread_closed`, v3.6 `chat_deactivated`)
};

/// What a push means to the core, besides reaching the subscribers.
struct PushEffect {
    /// State the server asks the client to keep and echo at every login (v3.0:
    /// `customer_side_storage_updated`).
    std::optional<nlohmann::json> stored_state;
    std::optional<DisconnectNotice> disconnect;
    /// The chat the push is about, for the recovery after a re-login.
    std::optional<ChatActivity> activity;
};

/// One thread of a chat's history as recovery reads it.
struct HistoryThread {
    std::string id;
    bool active = false;
    nlohmann::json events = nlohmann::json::array(); ///< oldest first, as the thread holds them
};

/// Reads one chat's history, newest thread first, one request at a time (a version's methods).
class HistoryReader {
public:
    struct Request {
        std::string_view action;
        nlohmann::json payload;
    };
    virtual ~HistoryReader() = default;
    /// The next request to send, or nothing when no older history is left.
    virtual std::optional<Request> next() = 0;
    /// Reads the response to the request next() gave last, appending the threads it holds
    /// (newest first) to `out`. False when the response does not have the documented shape.
    virtual bool read(const nlohmann::json& payload, std::vector<HistoryThread>& out) = 0;
};

/// The chat and the event's `custom_id` of a request that sends an event.
struct OutboxTarget {
    std::string chat_id;
    std::string custom_id;
};

/// The API version a URL's path names (`/v3.6/customer/...` gives "3.6"), or empty.
inline std::string_view url_api_version(std::string_view target)
{
    for (std::size_t at = target.find("/v"); at != std::string_view::npos; at = target.find("/v", at + 1)) {
        auto rest = target.substr(at + 2);
        auto end = rest.find_first_of("/?");
        auto candidate = rest.substr(0, end);
        auto dot = candidate.find('.');
        auto digits = [](std::string_view s) {
            return !s.empty() && s.size() <= 3 && s.find_first_not_of("0123456789") == std::string_view::npos;
        };
        if (dot != std::string_view::npos && digits(candidate.substr(0, dot)) && digits(candidate.substr(dot + 1)))
            return candidate;
    }
    return {};
}

/// "3.6" as (3, 6); nothing unless it is digits, a dot, digits.
inline std::optional<std::pair<unsigned, unsigned>> parse_api_version(std::string_view v)
{
    auto dot = v.find('.');
    auto number = [](std::string_view s) -> std::optional<unsigned> {
        if (s.empty() || s.size() > 4 || s.find_first_not_of("0123456789") != std::string_view::npos)
            return std::nullopt;
        unsigned n = 0;
        for (char c : s)
            n = n * 10 + static_cast<unsigned>(c - '0');
        return n;
    };
    if (dot == std::string_view::npos)
        return std::nullopt;
    auto major = number(v.substr(0, dot)), minor = number(v.substr(dot + 1));
    if (!major || !minor)
        return std::nullopt;
    return std::pair{*major, *minor};
}

class Protocol {
public:
    virtual ~Protocol() = default;

    /// The version's name as in URLs ("3.0").
    virtual std::string_view name() const noexcept = 0;
    /// Whether a URL naming API `version` ("3.5" from `/v3.5/`) may be spoken with these rules.
    virtual bool speaks(std::string_view version) const noexcept = 0;

    /// The default URL when `ClientConfig::url` is empty. When `cfg` lacks what this version
    /// needs, returns an empty string and says why in `problem`.
    virtual std::string default_url(const ClientConfig& cfg, std::string& problem) const = 0;
    /// The host of a region the server names (when it redirects the client).
    virtual std::string region_host(std::string_view region) const = 0;

    /// The login action's wire name.
    virtual std::string_view login_action() const noexcept = 0;
    /// Completes a login payload built from the user's request: the token in this version's
    /// form (unless the user set one), and the state kept from earlier pushes.
    virtual void prepare_login(nlohmann::json& payload, std::string_view access_token,
        const nlohmann::json& stored_state) const = 0;
    /// Members this version adds to a login payload that lacks them, already serialized
    /// (`"name":value,...`, no braces), or empty. The core splices them into the frame as it
    /// encodes it: built into the payload's tree at every login, v3.6's `application` cost
    /// 5.6k of the 122k instructions of a whole connect + login (bench/README.md).
    virtual std::string_view login_defaults(const nlohmann::json& payload) const
    {
        (void)payload;
        return {};
    }
    /// The payload field carrying the token (masked in traces).
    virtual std::string_view token_field() const noexcept = 0;
    /// The customer's identity in a login response, or empty when it has none.
    virtual std::string customer_id(const nlohmann::json& login_response) const = 0;

    /// What a push means to the core (most mean nothing).
    virtual PushEffect read_push(std::string_view action, const nlohmann::json& payload) const = 0;
    /// What the version suggests after the server gave `reason` for ending the connection;
    /// empty for a reason it does not know.
    virtual std::optional<ReconnectAction> reconnect_action(std::string_view reason) const noexcept = 0;

    /// The frame of a protocol-level ping (sent without request_id).
    virtual std::string ping_frame() const = 0;

    // ---- recovery after a re-login ----------------------------------------------------------

    /// The chats a login response reports with unread events.
    virtual std::vector<std::string> unread_chats(const nlohmann::json& login_response) const = 0;
    /// A reader of `chat_id`'s history, `threads_per_page` threads per page.
    virtual std::unique_ptr<HistoryReader> history(std::string chat_id, unsigned threads_per_page) const = 0;
    /// When an event of the history was created, when it says.
    virtual std::optional<std::chrono::system_clock::time_point> event_time(const nlohmann::json& event) const = 0;
    /// The push that delivers one event (`{chat_id, thread_id, event}`).
    virtual std::string_view event_push() const noexcept = 0;
    /// The push that says a thread ended (`{chat_id, thread_id}`).
    virtual std::string_view closed_push() const noexcept = 0;

    // ---- the exactly-once outbox ----------------------------------------------------------

    /// When `action` sends an event to a chat (`send_event`), its chat and the event's
    /// `custom_id`, which it sets to `make_id()` when the event has none; else nothing.
    virtual std::optional<OutboxTarget> outbox_target(std::string_view action, nlohmann::json& payload,
        const std::function<std::string()>& make_id) const = 0;
    /// The response payload of that send, made from the stored event found in `thread_id`.
    virtual nlohmann::json sent_response(std::string_view thread_id, const nlohmann::json& event) const = 0;
};

} // namespace livechat::rtm::detail

#endif

// Copyright (c) 2026 livechat-rtm authors. Distributed under the MIT License (see LICENSE).
#ifndef LIVECHAT_RTM_IMPL_SESSION_STORE_IPP
#define LIVECHAT_RTM_IMPL_SESSION_STORE_IPP

#include <livechat/rtm/impl/internal/atomic_file.hpp>
#include <livechat/rtm/impl/internal/json_limits.hpp>
#include <livechat/rtm/session_store.hpp>

#include <nlohmann/json.hpp>

namespace livechat::rtm {

namespace detail {

inline constexpr int session_format = 1;
inline constexpr std::size_t max_stored_sends = 100'000;
inline constexpr std::size_t max_stored_chats = 10'000;

inline std::string session_text(const StoredSession& s)
{
    nlohmann::json outbox = nlohmann::json::array();
    for (const auto& e : s.outbox)
        outbox.push_back({{"chat_id", e.chat_id}, {"custom_id", e.custom_id}, {"action", e.action}, {"payload", e.payload}});
    nlohmann::json chats = nlohmann::json::array();
    for (const auto& c : s.chats)
        chats.push_back({{"chat_id", c.chat_id}, {"thread_id", c.thread_id}, {"event_id", c.event_id}});
    nlohmann::json j = {{"format", session_format}, {"customer_id", s.customer_id}, {"outbox", std::move(outbox)},
        {"chats", std::move(chats)}};
    return j.dump(1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

/// Reads the strings `keys` of the object `j` into `into`, in order; false if one is missing
/// or not a string.
template <std::size_t N>
bool read_strings(const nlohmann::json& j, const char* const (&keys)[N], std::string* const (&into)[N])
{
    if (!j.is_object())
        return false;
    for (std::size_t i = 0; i < N; ++i) {
        auto it = j.find(keys[i]);
        if (it == j.end() || !it->is_string())
            return false;
        *into[i] = it->template get<std::string>();
    }
    return true;
}

inline bool session_from_text(std::string_view text, StoredSession& out)
{
    bool too_deep = false;
    auto j = parse_json_bounded(text, 8, too_deep);
    if (!has_format(j, session_format))
        return false;
    auto customer = j.find("customer_id");
    auto outbox = j.find("outbox");
    auto chats = j.find("chats");
    if (customer == j.end() || !customer->is_string() || outbox == j.end() || !outbox->is_array() ||
        outbox->size() > max_stored_sends || chats == j.end() || !chats->is_array() || chats->size() > max_stored_chats)
        return false;
    out.customer_id = customer->get<std::string>();
    for (const auto& e : *outbox) {
        StoredSend s;
        if (!read_strings(e, {"chat_id", "custom_id", "action", "payload"}, {&s.chat_id, &s.custom_id, &s.action, &s.payload}))
            return false;
        out.outbox.push_back(std::move(s));
    }
    for (const auto& e : *chats) {
        StoredChat c;
        if (!read_strings(e, {"chat_id", "thread_id", "event_id"}, {&c.chat_id, &c.thread_id, &c.event_id}))
            return false;
        out.chats.push_back(std::move(c));
    }
    return true;
}

} // namespace detail

LIVECHAT_RTM_DECL error_code FileSessionStore::load(StoredSession& out)
{
    std::lock_guard<std::mutex> lock(mutex_);
    out = {};
    std::string text;
    switch (detail::read_file_bounded(path_, max_file_size, text)) {
    case detail::FileRead::missing: return last_error_ = {};
    case detail::FileRead::failed: return last_error_ = error::store_failed;
    case detail::FileRead::too_big: return last_error_ = error::store_corrupt;
    case detail::FileRead::ok: break;
    }
    StoredSession s;
    if (!detail::session_from_text(text, s))
        return last_error_ = error::store_corrupt;
    out = std::move(s);
    return last_error_ = {};
}

LIVECHAT_RTM_DECL error_code FileSessionStore::save(const StoredSession& session)
{
    std::lock_guard<std::mutex> lock(mutex_);
    if (!detail::write_file_atomically(path_, detail::session_text(session)))
        return last_error_ = error::store_failed;
    return last_error_ = {};
}

} // namespace livechat::rtm

#endif

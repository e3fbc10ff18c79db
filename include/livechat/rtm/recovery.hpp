// Copyright (c) 2026 livechat-rtm authors. Distributed under the MIT License (see LICENSE).
#ifndef LIVECHAT_RTM_RECOVERY_HPP
#define LIVECHAT_RTM_RECOVERY_HPP

// Event recovery after a re-login: its bounds and what it reports (docs/reconnect.md).

#include <livechat/rtm/error.hpp>

#include <cstddef>
#include <string>

namespace livechat::rtm {

/// What the client does after every re-login of a run to give the app what it missed while
/// the connection was down (the service never replays pushes).
///
/// For each chat the app heard of (a push naming it; those heard of most recently first), and
/// each chat the login response reports with unread events, the client reads the chat's
/// newest threads back to the last event the app received and delivers what came after it,
/// oldest first, to the push handlers, each `RawPush::recovered`. Live pushes that arrive
/// meanwhile wait and follow; an event reaches the handlers once per client, whether it came
/// live, recovered, or both. Every bound below is reported through `on_recovery`, never
/// silently dropped.
struct RecoveryOptions {
    /// Recover after every re-login. Off: the client only reconnects (the app re-reads state
    /// itself when `ready` follows `backing_off`).
    bool enabled = true;
    /// Requests per chat and re-login (v3.6: one per page of threads; v3.0: two). A chat whose
    /// last received event lies further back is reported with `error::recovery_incomplete`.
    unsigned max_requests_per_chat = 4;
    /// Threads asked for per page.
    unsigned threads_per_page = 5;
    /// Events delivered per chat and re-login: the newest ones; older ones are counted in
    /// `RecoveryReport::skipped`.
    std::size_t max_events_per_chat = 200;
    /// Chats read per re-login; the others are reported with `error::recovery_incomplete`.
    std::size_t max_chats = 16;
    /// Live pushes held back while recovery runs. One more ends the recovery early (the chats
    /// not read yet are reported) and releases them.
    std::size_t max_held_pushes = 1000;
};

/// The outcome of one chat's recovery after a re-login (`BasicRtmClient::on_recovery`).
struct RecoveryReport {
    std::string chat_id; ///< the chat
    /// Events and state changes (a closed thread) delivered to the handlers as recovered.
    std::size_t recovered = 0;
    /// Events found after the last received one but not delivered (beyond
    /// `max_events_per_chat`, the oldest first).
    std::size_t skipped = 0;
    /// Empty: everything after the last event the app received was delivered.
    /// `error::recovery_incomplete`: a bound stopped the recovery before it reached that
    /// event (older events may be missing as well as the `skipped` ones), or the chat was not
    /// read at all (`max_chats`, `max_held_pushes`). Anything else: the request that read the
    /// chat failed (a server error such as `not_found`; `connection_lost`, and then the next
    /// re-login tries again).
    error_code ec;
};

} // namespace livechat::rtm

#endif

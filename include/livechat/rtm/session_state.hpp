// Copyright (c) 2026 livechat-rtm authors. Distributed under the MIT License (see LICENSE).
#ifndef LIVECHAT_RTM_SESSION_STATE_HPP
#define LIVECHAT_RTM_SESSION_STATE_HPP

#include <string_view>

namespace livechat::rtm {

/// The observable life cycle of a client connection.
enum class SessionState {
    idle,        ///< `async_run` has not been called
    connecting,  ///< TCP, TLS and websocket handshakes are under way
    authorizing, ///< connected; `login` must succeed within the login window
    ready,       ///< logged in: requests flow, pushes arrive, pings keep the line alive
    closing,     ///< the client is closing the connection
    closed,      ///< the connection is gone and `async_run` has completed
    backing_off, ///< the connection is gone; the client reconnects after a delay
};

/// The enumerator's name, for logs.
constexpr std::string_view to_string(SessionState s) noexcept
{
    switch (s) {
    case SessionState::idle: return "idle";
    case SessionState::connecting: return "connecting";
    case SessionState::authorizing: return "authorizing";
    case SessionState::ready: return "ready";
    case SessionState::closing: return "closing";
    case SessionState::closed: return "closed";
    case SessionState::backing_off: return "backing_off";
    }
    return "unknown";
}

} // namespace livechat::rtm

#endif

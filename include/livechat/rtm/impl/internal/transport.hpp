// Copyright (c) 2026 livechat-rtm authors. Distributed under the MIT License (see LICENSE).
#ifndef LIVECHAT_RTM_IMPL_INTERNAL_TRANSPORT_HPP
#define LIVECHAT_RTM_IMPL_INTERNAL_TRANSPORT_HPP

// The seam between the client and the network: one websocket connection. The production
// implementation (Beast) lives in websocket_transport.ipp; tests may provide their own.

#include <livechat/rtm/error.hpp>
#include <livechat/rtm/impl/internal/url.hpp>

#include <functional>
#include <string>
#include <string_view>

namespace livechat::rtm::detail {

/// Callbacks, all run on the client's executor. After on_open(error) or on_closed, none
/// is called again.
struct TransportEvents {
    std::function<void(error_code)> on_open;
    std::function<void(std::string_view)> on_message; ///< one whole text message
    std::function<void()> on_control;                 ///< a ping or pong control frame arrived
    std::function<void(error_code)> on_closed;        ///< exactly once after a successful open
    /// A lifecycle header (`Legacy`, `Deprecation`) of the handshake response, before on_open.
    std::function<void(std::string_view header, std::string_view value)> on_lifecycle;
};

class Transport {
public:
    virtual ~Transport() = default;
    /// Resolve, connect, TLS and websocket handshakes, bounded by the connect timeout.
    virtual void open(const Endpoint& endpoint, TransportEvents events) = 0;
    /// Queues one text message; messages go out in order, one write at a time.
    virtual void send(std::string message) = 0;
    /// Sends a websocket ping control frame (skipped while one is still outstanding).
    virtual void ping() = 0;
    /// Starts a graceful, bounded close (or aborts an open in progress). `reason` is what
    /// on_closed reports. Idempotent.
    virtual void close(error_code reason) = 0;
};

} // namespace livechat::rtm::detail

#endif

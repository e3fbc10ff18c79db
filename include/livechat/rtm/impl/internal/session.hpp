// Copyright (c) 2026 livechat-rtm authors. Distributed under the MIT License (see LICENSE).
#ifndef LIVECHAT_RTM_IMPL_INTERNAL_SESSION_HPP
#define LIVECHAT_RTM_IMPL_INTERNAL_SESSION_HPP

// The login/keep-alive state machine, pure: no sockets, no clock. Time arrives only as timer
// events, and each event returns the commands the driver must carry out, in order.

#include <livechat/rtm/config.hpp>
#include <livechat/rtm/detail/config.hpp>
#include <livechat/rtm/error.hpp>
#include <livechat/rtm/reconnect.hpp>
#include <livechat/rtm/session_state.hpp>

#include <boost/container/small_vector.hpp>

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

namespace livechat::rtm::detail {

enum class TimerId { login_window, ping, backoff };

namespace cmd {
struct Connect {};
struct StartLogin {
    TokenReason reason = TokenReason::first_login;
}; ///< ask the token provider (saying why), then send `login`
struct ArmTimer {
    TimerId id;
    std::chrono::steady_clock::duration after;
};
struct CancelTimer {
    TimerId id;
};
struct SendPing {};
struct FlushQueue {}; ///< send the requests that waited for login, in order
struct Close {
    error_code reason;
}; ///< close the transport; it reports back through on_transport_closed
struct FailPending {
    error_code ec;
    bool keep_queued = false; ///< requests not sent yet wait for the next login
}; ///< complete every pending (and, unless kept, queued) request with `ec`
struct Reconnecting {
    std::chrono::milliseconds delay;
    DisconnectCause cause;
    std::string region; ///< switch to this region first (misdirected), or empty
}; ///< tell the application; the backoff timer is armed by an ArmTimer that follows
struct NotifyState {
    SessionState state;
    error_code ec;
};
struct Finish {
    error_code ec;
}; ///< complete `async_run`

inline bool operator==(Connect, Connect) { return true; }
inline bool operator==(StartLogin a, StartLogin b) { return a.reason == b.reason; }
inline bool operator==(ArmTimer a, ArmTimer b) { return a.id == b.id && a.after == b.after; }
inline bool operator==(CancelTimer a, CancelTimer b) { return a.id == b.id; }
inline bool operator==(SendPing, SendPing) { return true; }
inline bool operator==(FlushQueue, FlushQueue) { return true; }
inline bool operator==(const Close& a, const Close& b) { return a.reason == b.reason; }
inline bool operator==(const FailPending& a, const FailPending& b)
{
    return a.ec == b.ec && a.keep_queued == b.keep_queued;
}
inline bool operator==(const Reconnecting& a, const Reconnecting& b)
{
    return a.delay == b.delay && a.cause.server_reason == b.cause.server_reason &&
           a.cause.ec == b.cause.ec && a.region == b.region;
}
inline bool operator==(const NotifyState& a, const NotifyState& b)
{
    return a.state == b.state && a.ec == b.ec;
}
inline bool operator==(const Finish& a, const Finish& b) { return a.ec == b.ec; }
} // namespace cmd

using Command = std::variant<cmd::Connect, cmd::StartLogin, cmd::ArmTimer, cmd::CancelTimer,
    cmd::SendPing, cmd::FlushQueue, cmd::Close, cmd::FailPending, cmd::NotifyState, cmd::Finish,
    cmd::Reconnecting>;
/// What one event asks for: at most six commands (a connection that ends and reconnects), so
/// they live inline. A std::vector grew one to three times per event: 11 allocations per
/// connect + login, two more per ping, for every customer (bench/README.md).
using Commands = boost::container::small_vector<Command, 6>;

struct SessionSettings {
    std::chrono::steady_clock::duration login_window = std::chrono::seconds(30);
    std::chrono::steady_clock::duration ping_interval = std::chrono::seconds(15);
    unsigned silent_pings_before_dead = 2;
    bool auto_login = true;
    /// Reconnect after a connection ends, unless stopped or the policy says stop.
    bool reconnect = false;
    Backoff backoff;
    /// Decides per cause; default_reconnect_action when empty.
    std::function<ReconnectAction(const DisconnectCause&)> policy;
    /// The protocol version's advice for a disconnect reason (`DisconnectCause::suggested`).
    std::function<std::optional<ReconnectAction>(std::string_view reason)> suggest;
    /// A value in [0, 1) for the jitter; a fixed 0.5 when empty (tests inject their own).
    std::function<double()> random;
};

class Session {
public:
    explicit Session(SessionSettings settings) : settings_(settings) {}

    LIVECHAT_RTM_DECL Commands on_start();
    LIVECHAT_RTM_DECL Commands on_connected(error_code ec);
    LIVECHAT_RTM_DECL Commands on_login_requested();
    LIVECHAT_RTM_DECL Commands on_login_result(error_code ec);
    LIVECHAT_RTM_DECL Commands on_timer(TimerId id);
    /// Any inbound frame or pong proves the line is alive; cheap, returns no commands.
    void on_inbound_traffic() noexcept { traffic_ = true; }
    /// `wait` is `data.timeout` (customer_temporarily_blocked), `region` is `data.region`
    /// (misdirected_connection).
    LIVECHAT_RTM_DECL Commands on_disconnect_push(std::string_view reason,
        std::optional<std::chrono::milliseconds> wait = std::nullopt, std::string region = {});
    LIVECHAT_RTM_DECL Commands on_transport_closed(error_code ec);
    LIVECHAT_RTM_DECL Commands on_stop();

    SessionState state() const noexcept { return state_; }
    bool login_in_progress() const noexcept { return login_in_progress_; }
    /// Why the next (or current) login asks the token provider.
    TokenReason token_reason() const noexcept { return token_reason_; }
    /// The `reason` of the last `customer_disconnected` push, or empty.
    const std::string& disconnect_reason() const noexcept { return disconnect_reason_; }

private:
    LIVECHAT_RTM_DECL Commands close(error_code reason);
    LIVECHAT_RTM_DECL Commands end_connection(error_code final_ec);
    LIVECHAT_RTM_DECL void enter(SessionState s, error_code ec, Commands& out);

    SessionSettings settings_;
    SessionState state_ = SessionState::idle;
    bool login_in_progress_ = false;
    bool traffic_ = false;
    unsigned silent_pings_ = 0;
    error_code close_reason_;
    std::string disconnect_reason_;
    std::optional<std::chrono::milliseconds> disconnect_wait_;
    std::string disconnect_region_;
    /// Reconnect attempts since the back-off last started over: at a successful login, or,
    /// when the server ended the previous connection with a disconnect push, only once a
    /// connection has stayed up for a whole ping interval (a server that logs the client in
    /// and throws it out again must not get a reconnect storm).
    unsigned attempt_ = 0;
    bool ended_by_push_ = false; ///< the last connection ended with a disconnect push
    bool stop_requested_ = false; ///< the user stopped: the run ends with this connection
    /// Why the next login asks for a token: set when a connection ends.
    TokenReason token_reason_ = TokenReason::first_login;
};

} // namespace livechat::rtm::detail

#endif

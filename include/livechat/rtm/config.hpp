// Copyright (c) 2026 livechat-rtm authors. Distributed under the MIT License (see LICENSE).
#ifndef LIVECHAT_RTM_CONFIG_HPP
#define LIVECHAT_RTM_CONFIG_HPP

#include <livechat/rtm/error.hpp>
#include <livechat/rtm/reconnect.hpp>
#include <livechat/rtm/recovery.hpp>
#include <livechat/rtm/session_store.hpp>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <type_traits>

namespace livechat::rtm {

/// The deepest nesting of arrays and objects accepted in any JSON text read from the wire (by
/// the client and by the mock server). Deeper texts fail with `error::nesting_too_deep` before
/// they become a DOM: nothing in the protocol nests more than a dozen levels, and unbounded
/// depth would let a hostile peer overflow the stack of every recursive JSON walk.
inline constexpr std::size_t max_json_nesting = 256;

/// How the client keeps a logged-in connection alive.
enum class PingMode {
    websocket_control, ///< a websocket ping control frame (preferred for native clients)
    protocol_message,  ///< the RTM `{"action":"ping"}` request (for proxies that eat control frames)
};

/// Which way a traced frame went (see `ClientConfig::frame_trace`).
enum class FrameDirection {
    sent,     ///< written by the client
    received, ///< read from the server
};

/// Called with the outcome of a token request: an error, or the bare access token
/// (without `"Bearer "`; the SDK adds it). May be called from any thread, once.
using TokenCallback = std::function<void(error_code, std::string access_token)>;

/// Why the client asks for a token: a provider that caches tokens keeps its cached one for a
/// first login or a reconnect, and gets a new one when the last was refused or has expired.
enum class TokenReason {
    first_login,    ///< the first login of this `async_run`
    reconnect,      ///< a login after a reconnect (the connection was lost or closed)
    token_rejected, ///< the previous login failed with `error::authentication`
    token_expired,  ///< the server ended the session: `access_token_expired` or `access_token_revoked`
};

/// Asked for a customer access token before every login (so after every reconnect too), with
/// the reason. It may answer at once or later, on any thread, by calling the callback exactly
/// once. Constructible from any callable taking `(TokenReason, TokenCallback)` or, for
/// providers that do not care why they are asked, `(TokenCallback)`.
///
/// An error answer fails the login with `error::token_provider_failed` (the provider's error in
/// the run's diagnostics) and the reconnect policy decides; an error of the accounts category
/// that retrying cannot mend (see `accounts::is_transient`) ends `async_run` with that error.
class TokenProvider {
public:
    /// The form every provider is kept in.
    using function_type = std::function<void(TokenReason, TokenCallback)>;

    /// No provider (`ClientConfig` refuses it).
    TokenProvider() = default;
    /// No provider (`ClientConfig` refuses it).
    TokenProvider(std::nullptr_t) {}
    /// A provider told why it is asked.
    template <class F, std::enable_if_t<std::is_invocable_v<F&, TokenReason, TokenCallback>, int> = 0>
    TokenProvider(F f) : fn_(std::move(f))
    {
    }
    /// A provider that ignores why it is asked (the form of earlier releases).
    template <class F, std::enable_if_t<std::is_invocable_v<F&, TokenCallback> &&
                                            !std::is_invocable_v<F&, TokenReason, TokenCallback>,
                           int> = 0>
    TokenProvider(F f)
        : fn_([f = std::move(f)](TokenReason, TokenCallback done) mutable { f(std::move(done)); })
    {
    }

    /// True when a provider is set.
    explicit operator bool() const noexcept { return static_cast<bool>(fn_); }
    /// Asks for a token, saying why.
    void operator()(TokenReason why, TokenCallback done) const { fn_(why, std::move(done)); }
    /// Asks for a token for a first login.
    void operator()(TokenCallback done) const { fn_(TokenReason::first_login, std::move(done)); }

private:
    function_type fn_;
};

/// A provider that always answers with the same token.
inline TokenProvider static_token(std::string access_token)
{
    return [token = std::move(access_token)](TokenCallback done) { done({}, token); };
}

/// TLS settings for `wss://` endpoints.
struct TlsOptions {
    /// Verify the server's certificate chain and host name (on by default; turn off only for
    /// local experiments).
    bool verify_peer = true;
    /// Extra trusted CA certificates in PEM form (for a test server); the system trust store
    /// is used as well unless `use_system_trust_store` is false.
    std::string ca_pem;
    /// Load the operating system's default trust store.
    bool use_system_trust_store = true;
};

/// When and how the client reconnects (docs/reconnect.md).
struct ReconnectOptions {
    /// Reconnect after a lost connection or a `customer_disconnected` push, per `policy`.
    bool enabled = true;
    Backoff backoff; ///< Delays between attempts.
    /// Decides per cause; `default_reconnect_action` when empty.
    std::function<ReconnectAction(const DisconnectCause&)> policy;
    /// Values in [0, 1) for the jitter; a seeded PRNG when empty (tests inject their own).
    std::function<double()> random;
};

/// What becomes of a `send_event` whose connection drops before its response comes.
enum class Delivery {
    /// It fails with `error::connection_lost` and is never sent again: whether the server got
    /// it is unknown (the default; every other action always works this way).
    at_most_once,
    /// It waits for the next login; the client then looks for its `custom_id` (the app's, or
    /// one the client sets) in the chat's latest threads: found, the send completes with the
    /// stored event; not found, it is sent again, ahead of the requests that came after it.
    /// One completion, one event on the server (docs/reconnect.md).
    exactly_once,
};

/// `delivery::exactly_once`, `delivery::at_most_once`: the names as options read best.
namespace delivery {
inline constexpr Delivery at_most_once = Delivery::at_most_once; ///< See Delivery::at_most_once.
inline constexpr Delivery exactly_once = Delivery::exactly_once; ///< See Delivery::exactly_once.
} // namespace delivery

/// Everything a client needs to know (the protocol version is the client's type). Validated by `async_run`, which completes with
/// `error::invalid_config` (and a diagnostics message) when something is unusable.
struct ClientConfig {
    /// The LiveChat license number: the account in the default URL of versions that name
    /// accounts by license (3.0: `wss://api.livechatinc.com/v3.0/customer/rtm/ws?license_id=N`).
    std::uint64_t license_id = 0;
    /// The organization id: the account in the default URL of versions that name accounts by
    /// organization (3.4 and later).
    std::string organization_id;
    /// Host of the default URL; `api-fra.livechatinc.com` for the European region.
    std::string host = "api.livechatinc.com";
    /// A full `ws://` or `wss://` URL that replaces the default (tests, proxies).
    std::string url;

    /// Supplies the access token for every login. Required.
    TokenProvider token_provider;
    /// Log in as soon as the connection is up. When false, the client waits for
    /// `async_login` (which must still come within the login window).
    bool auto_login = true;

    /// RTM: the server closes a connection that has not logged in within 30 s.
    std::chrono::steady_clock::duration login_window = std::chrono::seconds(30);
    /// RTM: a logged-in client must ping every 15 s.
    std::chrono::steady_clock::duration ping_interval = std::chrono::seconds(15);
    /// The connection is declared dead after this many ping intervals without inbound traffic.
    unsigned silent_pings_before_dead = 2;
    PingMode ping_mode = PingMode::websocket_control; ///< How keep-alive pings are sent.

    /// Client-side limit for one request; the server gives up after 15 s, so a little more.
    std::chrono::steady_clock::duration request_timeout = std::chrono::seconds(20);
    /// Bound on TCP connect + TLS + websocket handshake.
    std::chrono::steady_clock::duration connect_timeout = std::chrono::seconds(10);
    /// Bound on the closing handshake when the client closes.
    std::chrono::steady_clock::duration close_timeout = std::chrono::seconds(3);

    /// Largest inbound message accepted; a larger one ends the connection with
    /// `error::message_too_big`.
    std::size_t max_message_size = 4 * 1024 * 1024;

    /// RTM: the service allows 10 pending requests per connection; more wait in a queue.
    std::size_t max_in_flight = 10;
    /// Requests waiting (for login, a reconnect, or an in-flight slot) beyond this number fail
    /// at once with `error::request_queue_full`.
    std::size_t max_queued_requests = 1000;

    ReconnectOptions reconnect; ///< Reconnect policy and back-off.
    /// What the client fetches after a re-login: the events the app missed (docs/reconnect.md).
    RecoveryOptions recovery;
    /// How `send_event` is delivered across a lost connection, unless a request says
    /// otherwise (`RequestOptions::delivery`).
    Delivery delivery = Delivery::at_most_once;
    /// Keeps the exactly-once sends not settled yet and each chat's last received event across
    /// an app restart (a `FileSessionStore`, or your own): the next client given the same store
    /// looks those sends up and sends them again if needed (`on_restored_send`), and recovers
    /// what the chats received meanwhile. Empty: nothing outlives the client.
    std::shared_ptr<SessionStore> session_store;

    TlsOptions tls; ///< Certificate checks for `wss://`.
    /// Sent as the handshake's User-Agent header.
    std::string user_agent = "livechat-rtm-cpp/0.1";

    /// When set, called with every text frame the client sends and receives, for logging and
    /// debugging (`rtm-cli --verbose` prints them). The access token never reaches it: the
    /// login frame is traced with `"token":"<redacted>"`. Runs on the client's executor in the
    /// middle of I/O: keep it short and do not call back into the client.
    std::function<void(FrameDirection, std::string_view text)> frame_trace;

    /// Called after a websocket handshake whose response carries a lifecycle header: `Legacy`
    /// or `Deprecation` with the end date of the API version's current stage (e.g.
    /// `"Deprecation", "2026-12-31"`; at most 64 printable characters are passed on). Plan the
    /// move to a newer version before that date. Runs on the client's executor, once per
    /// connection that carries one; do not call back into the client.
    std::function<void(std::string_view header, std::string_view value)> lifecycle_notice;
};

} // namespace livechat::rtm

#endif

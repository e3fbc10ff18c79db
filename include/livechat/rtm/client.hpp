// Copyright (c) 2026 livechat-rtm authors. Distributed under the MIT License (see LICENSE).
#ifndef LIVECHAT_RTM_CLIENT_HPP
#define LIVECHAT_RTM_CLIENT_HPP

#include <livechat/rtm/config.hpp>
#include <livechat/rtm/detail/client_core.hpp>
#include <livechat/rtm/detail/reply_adapter.hpp>
#include <livechat/rtm/diagnostics.hpp>
#include <livechat/rtm/error.hpp>
#include <livechat/rtm/push_dispatcher.hpp>
#include <livechat/rtm/session_state.hpp>

#include <boost/asio/async_result.hpp>
#include <boost/asio/deferred.hpp>
#include <boost/asio/io_context.hpp>

#include <functional>
#include <memory>
#include <string>
#include <type_traits>
#include <utility>

namespace livechat::rtm {

namespace detail {
/// The version an action declares (`using version = ...`), or void for actions that declare
/// none (an application's own actions): those are sent by a client of any version.
template <class Action, class = void>
struct action_version {
    using type = void;
};
template <class Action>
struct action_version<Action, std::void_t<typename Action::version>> {
    using type = typename Action::version;
};
template <class Action, class Version>
inline constexpr bool action_fits = std::is_void_v<typename action_version<Action>::type> ||
                                    std::is_same_v<typename action_version<Action>::type, Version>;
} // namespace detail

/// Options of one request (`async_execute`, `async_call`).
struct RequestOptions {
    /// Runs this request under a later API version than the connection's (3.6+: the envelope's
    /// `version`, e.g. "3.7"); empty for the connection's. A malformed or lower version fails
    /// at once with `error::validation`, before anything is sent.
    std::string version;
    /// Receives the server's error text or the bad field's path; must outlive the operation.
    Diagnostics* diagnostics = nullptr;
    /// For `send_event`: what happens when the connection drops before the response
    /// (`delivery::exactly_once`); empty for `ClientConfig::delivery`.
    std::optional<Delivery> delivery = std::nullopt;
};

/// A customer's connection to the LiveChat Customer Chat RTM API, speaking protocol `Version`
/// (one version folder's `Version`): the version picks the URL, the login action and its
/// types, and the typed actions the client accepts. `RtmClient`
/// (<livechat/rtm/default_version.hpp>) is the client of the default version; each version
/// folder also names its own client.
///
/// `async_run` owns the connection: it connects, logs in within the login window (asking the
/// token provider for a fresh token), pings every `ping_interval`, and reconnects after the
/// connection ends, as `ClientConfig::reconnect` and docs/reconnect.md say. It completes when
/// the policy says stop (`error::disconnected_by_server`, a login error, ...), after
/// `cancel()` (`operation_aborted`), or, with reconnects disabled, when the one connection
/// ends. Requests issued before login completes wait for it; login always goes first.
///
/// **Completion tokens.** Every `async_` function takes an Asio completion token: a callback,
/// `asio::use_future`, `asio::use_awaitable`, or `asio::deferred` (the default, which returns
/// an operation to launch or `co_await`).
///
/// **Thread safety.** An I/O object: call it only from its executor (use a strand with a
/// multi-threaded `io_context`). Handlers run through their associated executor, never inside
/// the initiating call; a response's handler runs straight from the read that brought it when
/// that executor is the one running, and push handlers always do. A handler may call the
/// client, or destroy it; an exception it throws leaves `io_context::run()` and the connection
/// reads on. Never wait on a `std::future` from the thread running the client.
///
/// **Lifetime.** Destroying the client cancels it: `async_run` and every pending request
/// complete with `operation_aborted`. Arguments are moved in; nothing is referenced later,
/// except a `Diagnostics&`, which must outlive its operation.
template <class Version>
class BasicRtmClient {
public:
    /// The protocol version this client speaks.
    using version_type = Version;
    /// The version's `login` action (request and response types).
    using login_action = typename Version::login;

    /// The executor every handler of this client runs on by default.
    using executor_type = boost::asio::any_io_executor;

    /// Creates an idle client; nothing happens until `async_run`.
    BasicRtmClient(executor_type ex, ClientConfig cfg)
        : core_(detail::make_client_core(std::move(ex), std::move(cfg), Version::protocol()))
    {
    }
    /// Creates an idle client on `ioc`'s executor; nothing happens until `async_run`.
    BasicRtmClient(boost::asio::io_context& ioc, ClientConfig cfg)
        : BasicRtmClient(ioc.get_executor(), std::move(cfg))
    {
    }
    /// Moves the connection into a new object; the moved-from client may only be destroyed or assigned to.
    BasicRtmClient(BasicRtmClient&&) noexcept = default;
    /// Cancels this client's connection (as the destructor does), then takes over `other`'s.
    BasicRtmClient& operator=(BasicRtmClient&& other) noexcept
    {
        if (core_)
            detail::shutdown(*core_);
        core_ = std::move(other.core_);
        return *this;
    }
    ~BasicRtmClient()
    {
        if (core_)
            detail::shutdown(*core_);
    }

    /// The executor given at construction.
    executor_type get_executor() const { return detail::executor_of(*core_); }

    /// Runs the connection life cycle (reconnecting per policy) until it ends.
    ///
    /// Handler: `void(error_code)`. Errors: `invalid_config` (see `diagnostics()`),
    /// `already_running`, `operation_aborted` after `cancel()`/`async_stop()`, and whatever
    /// ended the last connection when the reconnect policy says stop (or reconnects are off):
    /// `disconnected_by_server` (reason in `diagnostics().server_type`), login errors from the
    /// server (`customer_banned`, ...), `customer_changed`, `login_timeout`, `ping_timeout`,
    /// `connection_lost`, `message_too_big`, `token_provider_failed`, connect errors.
    /// Cancellation: terminal cancellation (or `cancel()`) closes the connection gracefully.
    template <class Token = boost::asio::deferred_t>
    auto async_run(Token&& token = {})
    {
        return boost::asio::async_initiate<Token, void(error_code)>(
            [core = core_](auto handler) { detail::start_run(core, std::move(handler)); },
            token);
    }

    /// Sets the login parameters for this and every later login, and completes with the
    /// response of the current connection's login (at once if already logged in; `login` is
    /// sent once per connection). With `auto_login = false` this call starts the login.
    ///
    /// Handler: `void(error_code, typename login_action::response)`. Errors: `not_running`,
    /// server errors (`authentication`, `customer_banned`, ...; text in `diag`),
    /// `token_provider_failed`, `login_timeout`, `connection_lost`, `operation_aborted`. While
    /// the client reconnects the wait goes on to the next login. Cancellation: terminal;
    /// cancelling stops the wait, not the login.
    template <class Token = boost::asio::deferred_t>
    auto async_login(typename login_action::request req, Token&& token = {})
    {
        return async_login(std::move(req), nullptr, std::forward<Token>(token));
    }
    /// As above, with the server's error text delivered into `diag`.
    template <class Token = boost::asio::deferred_t>
    auto async_login(typename login_action::request req, Diagnostics& diag, Token&& token = {})
    {
        return async_login(std::move(req), &diag, std::forward<Token>(token));
    }

    /// Sends any typed action `Action` of this client's version (a struct with `name`,
    /// `request` and `response`, and ADL functions `encode_payload(json&, const request&)` and
    /// `decode_payload(const json&, response&, Diagnostics&)`). An action that declares
    /// `using version = ...` must declare this client's version: another one does not compile.
    ///
    /// Handler: `void(error_code, typename Action::response)`. Errors: `not_running`,
    /// `validation` (a limit of the spec, checked before sending; the field in `diag`),
    /// `request_queue_full`, `deadline_exceeded` (after `request_timeout`), `connection_lost`
    /// (never resent: the action may or may not have taken effect; a `send_event` with
    /// `delivery::exactly_once` instead waits for the next login, see `Delivery`), server errors (text in
    /// `diag`), `malformed_payload`, `malformed_frame`, `operation_aborted`. Cancellation: terminal,
    /// partial and total all complete the operation at once with `operation_aborted` and drop
    /// its late response; a request already sent may still take effect on the server.
    /// Thread safety and lifetimes: see the class; `diag` must outlive the operation.
    template <class Action, class Token = boost::asio::deferred_t>
    auto async_execute(typename Action::request req, Token&& token = {})
    {
        return execute<Action>(std::move(req), RequestOptions{}, std::forward<Token>(token));
    }
    /// As above, with the server's error text (or the bad field's path) delivered into `diag`.
    template <class Action, class Token = boost::asio::deferred_t>
    auto async_execute(typename Action::request req, Diagnostics& diag, Token&& token = {})
    {
        return execute<Action>(std::move(req), RequestOptions{{}, &diag}, std::forward<Token>(token));
    }

    /// As above, with per-request options (a later API `version`, diagnostics).
    template <class Action, class Token = boost::asio::deferred_t>
    auto async_execute(typename Action::request req, RequestOptions opts, Token&& token = {})
    {
        return execute<Action>(std::move(req), std::move(opts), std::forward<Token>(token));
    }

    /// The untyped escape hatch: sends `action` with a JSON object `payload` (include
    /// <livechat/rtm/raw.hpp> or <nlohmann/json.hpp> to use it). New server actions work at
    /// once through this call.
    ///
    /// Handler: `void(error_code, nlohmann::json)`: the response payload; on a server error
    /// the payload holds `error` {type, message, data} and the code is mapped from its type.
    /// Errors, cancellation and lifetimes as for `async_execute`.
    template <class Json = nlohmann::json, class Token = boost::asio::deferred_t>
    auto async_call(std::string action, Json payload, Token&& token = {})
    {
        return async_call<Json>(std::move(action), std::move(payload), RequestOptions{}, std::forward<Token>(token));
    }

    /// As above, with per-request options (a later API `version`, diagnostics).
    template <class Json = nlohmann::json, class Token = boost::asio::deferred_t>
    auto async_call(std::string action, Json payload, RequestOptions opts, Token&& token = {})
    {
        return boost::asio::async_initiate<Token, void(error_code, Json)>(
            [core = core_](auto handler, std::string action, Json payload, RequestOptions opts) {
                using Adapter = detail::ReplyAdapter<Json, detail::RawDecode, decltype(handler)>;
                detail::RequestWriter writer{&payload,
                    [](nlohmann::json& out, const void* p, Diagnostics&) -> error_code {
                        out = *static_cast<const Json*>(p);
                        return {};
                    },
                    opts.version, opts.delivery};
                detail::start_request(core, action, writer, opts.diagnostics,
                    Adapter{std::move(handler), opts.diagnostics});
            },
            token, std::move(action), std::move(payload), std::move(opts));
    }

    /// Stops gracefully and completes when everything has: the connection is closed (close
    /// frame, bounded by `close_timeout`), `async_run`, every pending and queued request and
    /// login waiter have completed with `operation_aborted`, and every timer is cancelled, so
    /// an `io_context` with nothing else to do returns from `run()`.
    ///
    /// Handler: `void(error_code)`, always success (at once when not running). Cancellation:
    /// not supported (the stop itself is bounded). Thread safety and lifetimes: see the class.
    template <class Token = boost::asio::deferred_t>
    auto async_stop(Token&& token = {})
    {
        return boost::asio::async_initiate<Token, void(error_code)>(
            [core = core_](auto handler) { detail::start_stop(core, std::move(handler)); }, token);
    }

    /// Requests a graceful stop without waiting for it: the connection closes, pending requests
    /// and `async_run` complete with `operation_aborted`. Safe to call at any time, repeatedly.
    void cancel()
    {
        if (core_)
            detail::request_stop(*core_);
    }

    /// The current session state.
    SessionState state() const noexcept { return detail::state_of(*core_); }

    /// Push subscriptions. Lives as long as the client.
    PushDispatcher& pushes() noexcept { return detail::pushes_of(*core_); }

    /// Called (through the client's executor) on every state change, with the error that
    /// caused it, if any. Replaces the previous listener.
    void on_state_change(std::function<void(SessionState, error_code)> listener)
    {
        detail::set_state_listener(*core_, std::move(listener));
    }

    /// Called (through the client's executor) each time the client schedules a reconnect, with
    /// the delay and what ended the connection. After the re-login the client delivers what
    /// the app missed (`ClientConfig::recovery`, `on_recovery`).
    void on_reconnecting(std::function<void(std::chrono::milliseconds delay, const DisconnectCause&)> listener)
    {
        detail::set_reconnect_listener(*core_, std::move(listener));
    }

    /// Called (through the client's executor) after each chat's recovery that follows a
    /// re-login (`ClientConfig::recovery`): how many events it delivered as recovered, how
    /// many it skipped, and whether it reached the last event the app had received. Replaces
    /// the previous listener.
    void on_recovery(std::function<void(const RecoveryReport&)> listener)
    {
        detail::set_recovery_listener(*core_, std::move(listener));
    }

    /// Called (through the client's executor) once for each send a previous client left in
    /// `ClientConfig::session_store`, when this client's first login has settled it: found in
    /// the chat, or sent now (then `response` is the answer), or why not. Set it before
    /// `async_run`. Replaces the previous listener.
    void on_restored_send(std::function<void(const RestoredSend&)> listener)
    {
        detail::set_restored_send_listener(*core_, std::move(listener));
    }

    /// What is known about the error that ended the last run (server text, config problem,
    /// the `customer_disconnected` reason in `server_type`).
    const Diagnostics& diagnostics() const noexcept { return detail::run_diagnostics_of(*core_); }

private:
    template <class Action, class Token>
    auto execute(typename Action::request req, RequestOptions opts, Token&& token)
    {
        static_assert(detail::action_fits<Action, Version>,
            "Action belongs to another protocol version than this client's");
        using Response = typename Action::response;
        // The request and options travel inside the initiation object, so deferred and
        // awaitable operations own them until they launch.
        return boost::asio::async_initiate<Token, void(error_code, Response)>(
            [core = core_, req = std::move(req), opts = std::move(opts)](auto handler) {
                using Adapter = detail::ReplyAdapter<Response, detail::TypedDecode, decltype(handler)>;
                auto writer = detail::writer_for(req);
                writer.version = opts.version;
                writer.delivery = opts.delivery;
                detail::start_request(core, Action::name, writer, opts.diagnostics,
                    Adapter{std::move(handler), opts.diagnostics});
            },
            token);
    }

    template <class Token>
    auto async_login(typename login_action::request req, Diagnostics* diag, Token&& token)
    {
        using Response = typename login_action::response;
        // The request travels inside the initiation object, so deferred and awaitable
        // operations own it until they launch.
        return boost::asio::async_initiate<Token, void(error_code, Response)>(
            [core = core_, req = std::move(req), diag](auto handler) {
                using Adapter = detail::ReplyAdapter<Response, detail::TypedDecode, decltype(handler)>;
                detail::start_login(core, detail::writer_for(req), diag, Adapter{std::move(handler), diag});
            },
            token);
    }

    std::shared_ptr<detail::ClientCore> core_;
};

} // namespace livechat::rtm

#endif

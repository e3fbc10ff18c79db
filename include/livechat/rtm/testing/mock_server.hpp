// Copyright (c) 2026 livechat-rtm authors. Distributed under the MIT License (see LICENSE).
#ifndef LIVECHAT_RTM_TESTING_MOCK_SERVER_HPP
#define LIVECHAT_RTM_TESTING_MOCK_SERVER_HPP

// A scriptable stand-in for the LiveChat RTM service: a real websocket server (ws or wss) on
// loopback. Shipped as livechat::rtm_testing so applications can test against it too.

#include <livechat/rtm/error.hpp>
#include <livechat/rtm/testing/issued_tokens.hpp>

#include <boost/asio/any_io_executor.hpp>

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

struct ssl_ctx_st; // OpenSSL's SSL_CTX, named without including OpenSSL

namespace livechat::rtm::testing {

namespace detail {
class MockServerCore;
}

/// Timings and identity of the mock service.
struct MockServerConfig {
    bool tls = false;         ///< serve wss:// with the bundled test certificate
    std::string address = "127.0.0.1"; ///< The address to listen on (loopback).
    std::uint16_t port = 0;   ///< 0 picks a free port
    /// RTM: a connection that has not logged in by then gets `customer_disconnected`
    /// (`connection_timeout`) and is closed.
    std::chrono::steady_clock::duration login_window = std::chrono::seconds(30);
    /// RTM: a logged-in connection without inbound traffic (frames or pings) for this long
    /// gets `customer_disconnected` (`connection_timeout`) and is closed.
    std::chrono::steady_clock::duration idle_timeout = std::chrono::seconds(30);
    /// Decides whether a login `token` field is valid. The default accepts `"Bearer <x>"`
    /// unless `<x>` starts with "invalid".
    std::function<bool(std::string_view token)> accept_token;
    /// When set, login tokens are checked against this table instead of `accept_token` (share
    /// it with a `MockAccountsServer`): an unknown, expired or revoked token fails login with
    /// `authentication`; a valid one logs in as its customer (`entity_id`), and its session
    /// gets `customer_disconnected` (`access_token_expired`) when the token expires.
    std::shared_ptr<IssuedTokens> issued_tokens;
    /// With `issued_tokens`: a token the table does not know goes through `accept_token`
    /// instead of being refused (rtm-mock-server takes both kinds); expired and revoked
    /// tokens are refused either way.
    bool accept_unissued_tokens = false;
    std::string customer_id = "b7a4c9e2-0000-4000-8000-00000000c001"; ///< The customer id the login response reports.
    /// Keep every request for received(); long runs (soak tests) turn it off to keep the
    /// mock's memory flat. count() works either way.
    bool record_requests = true;
    /// When not empty, the mock sends it in `customer_side_storage_updated` after each login
    /// (merged with what the login request echoed), as the service does.
    std::map<std::string, std::string> customer_side_storage;
    /// With `tls`: the certificate chain (PEM) served instead of the bundled test certificate,
    /// e.g. an expired one or one for another host name. Needs `private_key_pem` too.
    std::string certificate_pem;
    /// The private key (PEM) of `certificate_pem`.
    std::string private_key_pem;
    /// With `tls`: called once with the server's OpenSSL context (an `SSL_CTX*`) before it
    /// listens, to offer odd TLS versions or ciphers to the client under test.
    std::function<void(ssl_ctx_st*)> tls_context_setup;
    /// Extra headers of every websocket upgrade response, e.g. {"Deprecation", "2026-12-31"}
    /// to play a version in its deprecation stage.
    std::map<std::string, std::string> handshake_headers;
};

/// A push the mock sends as part of a reaction.
struct MockPush {
    std::string action; ///< The push name, e.g. `incoming_event`.
    std::string payload_json = "{}"; ///< The push payload as JSON text.
};

/// What the mock does with one request.
struct Reaction {
    /// What to do instead of, or besides, the built-in answer.
    enum class Kind { answer, respond, fail, withhold, garbage, close, cut, apply_then_cut };
    Kind kind = Kind::answer; ///< Which reaction this is.
    std::string payload_json = "{}"; ///< respond: the success payload
    std::string error_type;          ///< fail
    std::string error_message;       ///< fail
    std::string error_data_json;     ///< fail: optional `error.data`
    std::string raw_text;            ///< garbage: sent instead of a response
    std::chrono::steady_clock::duration delay{}; ///< wait this long before reacting
    std::vector<MockPush> pushes_before; ///< sent (with the request's request_id) first
    std::vector<MockPush> pushes_after;  ///< sent (with the request's request_id) after
    /// Runs first, on the server's executor, when the reaction happens (after `delay`): e.g. the
    /// agent writes, so that its live push races the answer that already holds the event.
    std::function<void()> before;

    /// The built-in behaviour (as the real service would answer).
    static Reaction answer() { return {}; }
    /// Success with this payload.
    static Reaction respond(std::string payload_json);
    /// Failure with `payload.error` {type, message, data}.
    static Reaction fail(std::string type, std::string message = "error", std::string data_json = {});
    /// Never answer.
    static Reaction withhold();
    /// Send this text instead of a response.
    static Reaction garbage(std::string text = "{this is not json");
    /// Close the websocket (close frame) instead of answering.
    static Reaction close();
    /// Drop the TCP connection without a close frame instead of answering.
    static Reaction cut();
    /// Do what the built-in answer does (store the event, start the chat, ...; its pushes go
    /// to the customer's other connections), then drop the TCP connection where the response
    /// would have been written: the request took effect, the client never hears of it.
    static Reaction apply_then_cut();

    /// Delays the reaction by `d`.
    Reaction& after(std::chrono::steady_clock::duration d) { delay = d; return *this; }
    /// Sends this push (with the request's request_id) before reacting.
    Reaction& push_before(std::string action, std::string payload_json = "{}");
    /// Sends this push (with the request's request_id) after reacting.
    Reaction& push_after(std::string action, std::string payload_json = "{}");
    /// Runs `f` first when the reaction happens (it may call the MockServer).
    Reaction& first(std::function<void()> f) { before = std::move(f); return *this; }
};

/// One request the mock received.
struct ReceivedRequest {
    std::size_t connection; ///< Which connection sent it (1 for the first accepted).
    std::string action; ///< The request's `action`.
    std::string request_id; ///< The request's `request_id` (empty when it had none).
    std::string payload_json; ///< The request's `payload` as JSON text.
    std::string version = "3.0"; ///< The API version of the connection ("3.0" or "3.6").
};

/// One file the mock Web API's `upload_file` accepted.
struct MockUpload {
    std::string name;         ///< the multipart part's file name
    std::string content_type; ///< the part's Content-Type
    std::size_t size = 0;     ///< its size in bytes
    std::string url;          ///< the CDN URL the mock answered with
};

/// The mock RTM service.
///
/// Thread safety: use it only on its executor (tests usually run client and server on one
/// `io_context`). Lifetime: destroying it closes every connection.
class MockServer {
public:
    /// Creates a stopped server on `ex`; call `start()` to listen.
    explicit MockServer(boost::asio::any_io_executor ex, MockServerConfig cfg = {});
    ~MockServer();
    MockServer(const MockServer&) = delete;
    MockServer& operator=(const MockServer&) = delete;

    /// Binds and starts accepting. Returns the bind error, if any.
    error_code start();
    /// Stops accepting and closes every connection.
    void stop();

    /// The bound port (0 before `start()`).
    std::uint16_t port() const;
    /// The Web API base of the same server, `http[s]://127.0.0.1:<port>`: the Customer Chat
    /// Web API (`/v3.x/customer/action/<action>`) is served on the RTM port, as the service
    /// serves both on one host. Every RTM method works there too, on the same memory, plus
    /// the Web-only ones: `upload_file` (multipart; over 10 MB: `entity_too_large`;
    /// executables: `validation`), `get_dynamic_configuration`, `get_configuration`,
    /// `get_localization`, `list_license_properties`, `list_group_properties`, `check_goals`,
    /// `request_email_verification`.
    std::string web_url() const;
    /// Files received by `upload_file`, oldest first.
    const std::vector<MockUpload>& uploads() const;
    /// The v3.0 endpoint: `ws[s]://127.0.0.1:<port>/v3.0/customer/rtm/ws?license_id=<license_id>`.
    std::string url(std::uint64_t license_id = 1) const;
    /// The v3.6 endpoint of the same server:
    /// `ws[s]://127.0.0.1:<port>/v3.6/customer/rtm/ws?organization_id=<uuid made from organization>`.
    /// Every connection speaks the version its URL's path names (`/v3.4/` and `/v3.5/` get
    /// 3.6); each version keeps its own chats. A 3.6 URL without `organization_id`, or with a
    /// `license_id`, is refused (`customer_disconnected`, `license_not_found`).
    std::string url_v3_6(std::uint64_t organization = 1) const;
    /// The PEM certificate of the wss:// server, to trust in `ClientConfig::tls.ca_pem`.
    /// Valid for `localhost` and `127.0.0.1`; for tests only, its private key is public.
    static const std::string& test_certificate_pem();

    /// The executor the server runs on.
    boost::asio::any_io_executor get_executor() const;

    /// Calls `observer` (posted to the server's executor, after the request's reaction) for
    /// every request that arrives, logged in or not. Replaces the previous observer; an empty
    /// function removes it. `ScriptedAgent` is built on it.
    void on_request(std::function<void(const ReceivedRequest&)> observer);

    /// The next request named `action` gets `reaction` (queued: first scripted, first used).
    void script(std::string action, Reaction reaction);

    /// Sends a push to every logged-in connection.
    void push(std::string action, std::string payload_json = "{}");
    /// Sends a push to every open connection, logged in or not.
    void push_to_all(std::string action, std::string payload_json = "{}");
    /// Sends raw text to every open connection.
    void send_raw(std::string text);
    /// Sends `customer_disconnected` with `reason` (and `data`) to every connection, then
    /// closes them, as the service does.
    void disconnect_all(std::string reason, std::string data_json = {});
    /// Closes every connection with a websocket close frame.
    void close_all();
    /// Drops every connection without a close frame.
    void cut_all();

    // ---- acting as the agent (pushes go to every logged-in connection) ----------------------

    /// The agent writes a message into the chat's active thread (joining it first); returns
    /// the new event's id, or "" when the chat has no active thread.
    std::string agent_send_message(const std::string& chat_id, const std::string& text);
    /// The agent sends any event (JSON object, e.g. a rich_message); returns its id or "".
    std::string agent_send_event(const std::string& chat_id, const std::string& event_json);
    /// `incoming_typing_indicator` from the agent.
    void agent_typing(const std::string& chat_id, bool is_typing);
    /// The agent joins (`chat_user_added`) or leaves (`chat_user_removed`) the chat.
    void agent_join(const std::string& chat_id);
    /// The agent leaves the chat (`chat_user_removed`).
    void agent_leave(const std::string& chat_id);
    /// The chat moves to `group` (`chat_transferred`).
    void agent_transfer(const std::string& chat_id, std::int64_t group);
    /// The agent sets chat properties, request form (`chat_properties_updated`).
    void agent_update_chat_properties(const std::string& chat_id, const std::string& properties_json);
    /// The agent closes the active thread (`incoming_event` + `thread_closed`).
    void agent_close_thread(const std::string& chat_id);

    // ---- agent hooks of 3.6 (no effect on v3.0 connections) -------------------------------
    /// Shows the customer a greeting (`incoming_greeting`); the login response carries it too
    /// until it is accepted or cancelled.
    void agent_greeting(const std::string& text);
    /// Moves the chat in the queue (`queue_position_updated`; position 0 leaves the queue).
    void agent_queue_position(const std::string& chat_id, std::int64_t position, std::int64_t wait_seconds);
    /// The agent is preparing an answer (`incoming_thinking_indicator`).
    void agent_thinking(const std::string& chat_id, const std::string& title = "Thinking...");
    /// A preview of an event still being written (`incoming_event_preview`).
    void agent_event_preview(const std::string& chat_id, const std::string& text);
    /// The text `request_welcome_message` sends (`incoming_welcome_message`).
    void set_welcome_message(std::string text);

    // ---- the service's memory ---------------------------------------------------------------

    /// Ids of the customer's chats, oldest first.
    std::vector<std::string> chat_ids() const;
    /// A chat as stored (properties in the request form), as JSON text; "" if unknown.
    std::string chat_json(const std::string& chat_id) const;
    /// The customer as stored, as JSON text.
    std::string customer_json() const;
    /// The last `send_sneak_peek` text.
    std::string last_sneak_peek() const;
    /// Later logins report this customer id (to test a client's identity check).
    void set_customer_id(std::string id);
    /// Sets a group's status (`online`, `offline`, `online_for_queue`); group 0 is online.
    void set_group_status(std::int64_t group, std::string status);

    /// Every request received, in order (empty when `record_requests` is off).
    const std::vector<ReceivedRequest>& received() const;
    /// How many requests named `action` arrived.
    std::size_t count(std::string_view action) const;
    /// Websocket ping control frames received.
    std::size_t control_pings() const;
    /// The SNI host name the client sent in the last TLS handshake ("" when it sent none).
    std::string last_tls_server_name() const;
    /// Connections accepted since `start()`.
    std::size_t connections_accepted() const;
    /// Accepts that failed since `start()` (out of descriptors, a connection reset before it
    /// was taken). None ends the server: it accepts again (after 20 ms when the process was
    /// short of descriptors or memory; the connections wait in the listen backlog).
    std::size_t accept_failures() const;
    /// Connections open now.
    std::size_t open_connections() const;
    /// Connections open now that have logged in.
    std::size_t logged_in_connections() const;
    /// `customer_disconnected` reasons the server sent, in order (its own time-outs too).
    const std::vector<std::string>& disconnect_reasons() const;

private:
    std::shared_ptr<detail::MockServerCore> impl_;
};

} // namespace livechat::rtm::testing

#endif

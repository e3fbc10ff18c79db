// Copyright (c) 2026 livechat-rtm authors. Distributed under the MIT License (see LICENSE).
#ifndef LIVECHAT_RTM_TESTING_IMPL_MOCK_SERVER_CORE_IPP
#define LIVECHAT_RTM_TESTING_IMPL_MOCK_SERVER_CORE_IPP

// The mock server between its connections and its service: it accepts, enforces the login
// window and the idle cut-off, reads requests (bounded), applies the scripted reactions, and
// hands everything else to the protocol version's service.

#include <livechat/rtm/config.hpp>
#include <livechat/rtm/impl/internal/json_limits.hpp>
#include <livechat/rtm/testing/impl/accept_loop.hpp>
#include <livechat/rtm/testing/impl/mock_connection.ipp>
#include <livechat/rtm/testing/impl/mock_service.hpp>
#include <livechat/rtm/testing/impl/test_certificate.ipp>
#include <livechat/rtm/testing/mock_server.hpp>
#include <livechat/rtm/impl/internal/protocol.hpp>
#include <livechat/rtm/testing/v3_0/mock_service.ipp>
#include <livechat/rtm/testing/v3_6/mock_service.ipp>

#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>

#include <deque>
#include <map>

namespace livechat::rtm::testing::detail {

inline json parse_or_empty(const std::string& text)
{
    auto j = json::parse(text, nullptr, false);
    return j.is_discarded() ? json::object() : j;
}

/// A push frame; 3.6 pushes say which `version` their payload is formatted in.
inline std::string push_frame(const std::string& action, const std::string& payload_json,
    const std::string& request_id = {}, std::string_view version = {})
{
    json f = {{"action", action}, {"type", "push"}, {"payload", parse_or_empty(payload_json)}};
    if (!request_id.empty())
        f["request_id"] = request_id;
    if (!version.empty())
        f["version"] = version;
    return f.dump();
}

inline std::string response_frame(const std::string& action, const std::string& request_id, bool success, json payload)
{
    json f = {{"action", action}, {"type", "response"}, {"success", success}, {"payload", std::move(payload)}};
    if (!request_id.empty())
        f["request_id"] = request_id;
    return f.dump();
}

/// A failed response with `payload.error` {type, message}.
inline std::string error_frame(const std::string& action, const std::string& request_id, const char* type,
    const std::string& message)
{
    return response_frame(action, request_id, false, {{"error", {{"type", type}, {"message", message}}}});
}

/// Whether API version `v` ("3.7") is `floor` ("3.6") or later; false when `v` is malformed.
inline bool version_at_least(std::string_view v, std::string_view floor)
{
    auto have = rtm::detail::parse_api_version(v), least = rtm::detail::parse_api_version(floor);
    return have && least && *have >= *least;
}

/// RTM README 7: at most 10 requests pending per connection.
constexpr std::size_t max_pending_requests = 10;

class MockServerCore final : public ConnectionHost, public std::enable_shared_from_this<MockServerCore> {
public:
    MockServerCore(asio::any_io_executor ex, MockServerConfig c)
        : ex(ex), cfg(std::move(c)), acceptor(ex), accept_pause_timer(ex), tls_ctx(asio::ssl::context::tls_server),
          v3_0_service(std::make_unique<MockServiceV3_0>(cfg.customer_id, json(cfg.customer_side_storage))),
          v3_6_service(std::make_unique<MockServiceV3_6>(cfg.customer_id, json(cfg.customer_side_storage)))
    {
        if (!cfg.accept_token) {
            cfg.accept_token = [](std::string_view token) {
                constexpr std::string_view bearer = "Bearer ";
                if (token.substr(0, bearer.size()) != bearer || token.size() == bearer.size())
                    return false;
                return token.substr(bearer.size(), 7) != "invalid";
            };
        }
        bool own = !cfg.certificate_pem.empty();
        tls_ctx.use_certificate_chain(
            asio::buffer(own ? std::string_view(cfg.certificate_pem) : std::string_view(test_certificate)));
        tls_ctx.use_private_key(
            asio::buffer(own ? std::string_view(cfg.private_key_pem) : std::string_view(test_private_key)),
            asio::ssl::context::pem);
        // Remember the SNI name each client sends (the callback runs inside the handshake).
        SSL_CTX_set_tlsext_servername_arg(tls_ctx.native_handle(), this);
        SSL_CTX_set_tlsext_servername_callback(tls_ctx.native_handle(), +[](SSL* ssl, int*, void* arg) -> int {
            const char* name = SSL_get_servername(ssl, TLSEXT_NAMETYPE_host_name);
            static_cast<MockServerCore*>(arg)->tls_server_name = name ? name : "";
            return SSL_TLSEXT_ERR_OK;
        });
        if (cfg.tls_context_setup)
            cfg.tls_context_setup(tls_ctx.native_handle());
    }

    void accept_next()
    {
        acceptor.async_accept([self = shared_from_this()](error_code ec, asio::ip::tcp::socket s) {
            if (!ec) {
                self->on_accept(std::move(s));
                return self->accept_next();
            }
            auto after = retry_accept(ec, self->acceptor, self->accept_pause_timer, [self] {
                if (self->acceptor.is_open())
                    self->accept_next();
            });
            if (after != AfterAccept::stop) // a failure it goes on after
                ++self->accept_failures;
        });
    }

    /// The service a connection speaks, chosen by the version in its handshake's path
    /// (`/v3.4/` to `/v3.6/`: 3.6; anything else: v3.0).
    MockService& service_for(const Connection& c) const
    {
        auto v = rtm::detail::url_api_version(c.target);
        return v == "3.6" || v == "3.5" || v == "3.4" ? *v3_6_service : *v3_0_service;
    }
    /// The service holding `chat_id` (the agent acts there), v3.6 when neither does.
    MockService& service_for_chat(const std::string& chat_id) const
    {
        return v3_0_service->state().has_chat(chat_id) ? *v3_0_service : *v3_6_service;
    }
    /// Runs an agent hook on the service holding `chat_id` and sends what it pushes.
    template <class Hook>
    std::vector<StatePush> agent(const std::string& chat_id, Hook hook)
    {
        auto& service = service_for_chat(chat_id);
        auto pushes = hook(service.state());
        broadcast(pushes, nullptr, {}, service);
        return pushes;
    }

    /// The service of the latest login (whose customer the inspection calls show).
    MockService& recent_service() const { return last_login ? *last_login : *v3_0_service; }

    /// Sends one push in the connection's version (with `version` on 3.6).
    void send_push(Connection& c, const std::string& action, const std::string& payload_json,
        const std::string& request_id = {})
    {
        c.send(push_frame(action, payload_json, request_id, service_for(c).version()));
    }

    void disconnect(Connection& c, const std::string& reason, const std::string& data = {})
    {
        json p = {{"reason", reason}};
        if (!data.empty())
            p["data"] = parse_or_empty(data);
        disconnect_reasons.push_back(reason);
        send_push(c, std::string(service_for(c).disconnect_action()), p.dump());
        c.close();
    }

    /// Sends pushes caused by a request or the agent of `origin`'s service: with the request's
    /// request_id to the requester, without to the customer's other logged-in connections of
    /// that version (RTM README 4.3), each only when subscribed.
    void broadcast(const std::vector<StatePush>& pushes, Connection* requester, const std::string& request_id,
        const MockService& origin)
    {
        for (const auto& p : pushes) {
            auto text = p.payload.dump();
            for_each([&](Connection& c) {
                if (c.logged_in && &service_for(c) == &origin &&
                    origin.delivers(p.action, c.subscription.empty() ? json() : parse_or_empty(c.subscription)))
                    send_push(c, p.action, text, &c == requester ? request_id : std::string());
            });
        }
    }

    template <class F>
    void for_each(F f)
    {
        // Copy: a reaction may close (and so erase) connections while we walk.
        std::vector<std::shared_ptr<Connection>> all;
        for (auto& [id, peer] : peers)
            all.push_back(peer.connection);
        for (auto& c : all)
            if (c->open)
                f(*c);
    }

    // ---- what connections report -------------------------------------------------------------

    void on_upgraded(Connection& c) override
    {
        if (!service_for(c).accepts(c.target))
            return disconnect(c, "license_not_found"); // RTM 3.4+: no organization_id, or a license_id
        // RTM: the login window runs from the moment the socket opens.
        arm(c.id, &Peer::login_timer, std::chrono::steady_clock::now() + cfg.login_window, [](MockServerCore& s, Connection& c) {
            if (!c.logged_in)
                s.disconnect(c, "connection_timeout");
        });
    }

    void on_ping(Connection& c) override
    {
        ++pings;
        c.last_traffic = std::chrono::steady_clock::now();
    }

    void on_closed(Connection& c) override { peers.erase(c.id); }

    void on_frame(Connection& c, std::string_view text) override;
    WebReply on_http(Connection& c, const WebRequest& req) override; // mock_web_api.ipp

    asio::any_io_executor ex;
    MockServerConfig cfg;
    asio::ip::tcp::acceptor acceptor;
    asio::steady_timer accept_pause_timer; ///< waits out a shortage of descriptors
    asio::ssl::context tls_ctx;
    std::unique_ptr<MockService> v3_0_service;
    std::unique_ptr<MockService> v3_6_service;
    MockService* last_login = nullptr;
    std::map<std::string, std::deque<Reaction>> scripts;
    std::function<void(const ReceivedRequest&)> observer;
    std::vector<ReceivedRequest> received;
    std::map<std::string, std::size_t, std::less<>> counts;
    std::vector<std::string> disconnect_reasons;
    std::size_t accepted = 0;
    std::size_t accept_failures = 0;
    std::size_t pings = 0;
    std::string tls_server_name; ///< SNI of the last TLS handshake
    std::vector<MockUpload> uploads; ///< files received by the Web API's upload_file

    /// Open connections with the server's timers for each.
    struct Peer {
        std::shared_ptr<Connection> connection;
        std::unique_ptr<asio::steady_timer> login_timer; ///< the login window
        std::unique_ptr<asio::steady_timer> idle_timer;  ///< the idle cut-off after login
        std::unique_ptr<asio::steady_timer> token_timer; ///< the login token's expiry (issued tokens)
    };
    std::map<std::size_t, Peer> peers;

private:
    void on_accept(asio::ip::tcp::socket socket)
    {
        error_code ignored;
        socket.set_option(asio::ip::tcp::no_delay(true), ignored);
        if (cfg.tls)
            tls_server_name.clear(); // the handshake sets it when the client sends SNI
        start(std::move(socket));
    }

    void start(asio::ip::tcp::socket socket)
    {
        auto c = std::make_shared<MockConnection>(weak_from_this(), std::move(socket), cfg.tls ? &tls_ctx : nullptr);
        c->id = ++accepted;
        c->handshake_headers = cfg.handshake_headers;
        peers[c->id] = Peer{c, std::make_unique<asio::steady_timer>(ex), std::make_unique<asio::steady_timer>(ex),
            std::make_unique<asio::steady_timer>(ex)};
        c->start();
    }

    /// Arms one of connection `id`'s timers; `fire(server, connection)` runs if it expires
    /// while the connection is open.
    template <class Fire>
    void arm(std::size_t id, std::unique_ptr<asio::steady_timer> Peer::*timer, std::chrono::steady_clock::time_point at, Fire fire)
    {
        auto it = peers.find(id);
        if (it == peers.end())
            return;
        auto& t = *(it->second.*timer);
        t.expires_at(at);
        t.async_wait([w = weak_from_this(), id, fire](error_code ec) {
            auto self = w.lock();
            if (ec || !self)
                return;
            if (auto p = self->peers.find(id); p != self->peers.end() && p->second.connection->open)
                fire(*self, *p->second.connection);
        });
    }

    void mark_logged_in(Connection& c)
    {
        c.logged_in = true;
        if (auto it = peers.find(c.id); it != peers.end())
            it->second.login_timer->cancel();
        c.last_traffic = std::chrono::steady_clock::now();
        arm_idle(c.id, c.last_traffic + cfg.idle_timeout);
    }

    /// RTM: a logged-in connection without inbound traffic for idle_timeout is closed.
    void arm_idle(std::size_t id, std::chrono::steady_clock::time_point at)
    {
        arm(id, &Peer::idle_timer, at, [](MockServerCore& s, Connection& c) {
            auto due = c.last_traffic + s.cfg.idle_timeout;
            if (std::chrono::steady_clock::now() < due)
                return s.arm_idle(c.id, due); // traffic came meanwhile
            s.disconnect(c, "connection_timeout");
        });
    }

    /// Checks a login token against the issued tokens; on success the service's customer is
    /// the token's, and the session ends when the token expires. Returns the refusal's text.
    const char* check_issued(Connection& c, std::string_view token, MockService& service)
    {
        constexpr std::string_view bearer = "Bearer ";
        if (token.substr(0, bearer.size()) != bearer)
            return "Invalid access token";
        IssuedTokens::Entry entry;
        switch (cfg.issued_tokens->check(token.substr(bearer.size()), &entry)) {
        case IssuedTokens::Status::valid: break;
        case IssuedTokens::Status::expired: return "Access token expired";
        case IssuedTokens::Status::revoked: return "Access token revoked";
        case IssuedTokens::Status::unknown:
            return cfg.accept_unissued_tokens && cfg.accept_token(token) ? nullptr : "Invalid access token";
        }
        service.state().set_customer_id(entry.entity_id);
        arm(c.id, &Peer::token_timer, entry.expires_at, [](MockServerCore& s, Connection& conn) {
            s.disconnect(conn, "access_token_expired");
        });
        return nullptr;
    }

    void react(Connection& c, const std::string& action, const std::string& request_id, const json& payload, Reaction r);
    enum class Reply { send, cut };
    void answer(Connection& c, const std::string& action, const std::string& request_id, const json& payload,
        Reply how = Reply::send);
};

inline void MockServerCore::on_frame(Connection& c, std::string_view text)
{
    c.last_traffic = std::chrono::steady_clock::now();
    bool too_deep = false;
    auto doc = rtm::detail::parse_json_bounded(text, max_json_nesting, too_deep);
    std::string request_id, action;
    if (doc.is_object()) { // whatever else is wrong, the reply names the request it answers
        if (auto it = doc.find("request_id"); it != doc.end() && it->is_string())
            request_id = it->get<std::string>();
        if (auto it = doc.find("action"); it != doc.end() && it->is_string())
            action = it->get<std::string>();
    }
    auto refuse = [&](const char* message, const char* type = "validation") {
        c.send(error_frame(action, request_id, type, message));
    };
    if (too_deep)
        return refuse("request nests too deeply");
    if (!doc.is_object() || action.empty())
        return refuse("malformed request");
    json payload = doc.contains("payload") ? doc["payload"] : json::object();
    if (!payload.is_object())
        return refuse("payload must be an object");
    // RTM 3.6: a request may name a later API version, never an earlier one than the connection's.
    if (auto v = doc.find("version"); v != doc.end() && !v->is_null()) {
        auto own = service_for(c).version();
        if (!v->is_string() || !version_at_least(v->get_ref<const std::string&>(), own.empty() ? "3.0" : own))
            return refuse("version must be \"X.Y\", not lower than the connection's", "unsupported_version");
    }
    if (c.unanswered >= max_pending_requests)
        return refuse("too many requests are pending on this connection", "pending_requests_limit_reached");
    ++counts[action];
    if (cfg.record_requests || observer) {
        auto version = service_for(c).version();
        ReceivedRequest req{c.id, action, request_id, payload.dump(), version.empty() ? "3.0" : std::string(version)};
        if (observer) // posted: it runs after the reaction and sees the state it produced
            asio::post(ex, [w = weak_from_this(), req] {
                if (auto self = w.lock(); self && self->observer)
                    self->observer(req);
            });
        if (cfg.record_requests)
            received.push_back(std::move(req));
    }

    Reaction r;
    if (auto it = scripts.find(action); it != scripts.end() && !it->second.empty()) {
        r = std::move(it->second.front());
        it->second.pop_front();
    }
    if (r.kind == Reaction::Kind::withhold)
        ++c.unanswered; // never answered: it keeps its slot for the connection's life
    if (r.delay == std::chrono::steady_clock::duration::zero())
        return react(c, action, request_id, payload, std::move(r));

    ++c.unanswered;
    auto timer = std::make_shared<asio::steady_timer>(ex, r.delay);
    std::weak_ptr<Connection> weak = peers.at(c.id).connection;
    timer->async_wait([self = shared_from_this(), timer, weak, action, request_id, payload, r = std::move(r)](error_code ec) mutable {
        auto conn = weak.lock();
        if (ec || !conn || !conn->open)
            return;
        --conn->unanswered;
        r.delay = {};
        self->react(*conn, action, request_id, payload, std::move(r));
    });
}

inline void MockServerCore::react(
    Connection& c, const std::string& action, const std::string& request_id, const json& payload, Reaction r)
{
    if (r.before)
        r.before();
    if (!c.open)
        return; // the hook closed the connection
    for (auto& p : r.pushes_before)
        send_push(c, p.action, p.payload_json, request_id);
    switch (r.kind) {
    case Reaction::Kind::answer: answer(c, action, request_id, payload); break;
    case Reaction::Kind::respond: c.send(response_frame(action, request_id, true, parse_or_empty(r.payload_json))); break;
    case Reaction::Kind::fail: {
        json err = {{"type", r.error_type}, {"message", r.error_message}};
        if (!r.error_data_json.empty())
            err["data"] = parse_or_empty(r.error_data_json);
        c.send(response_frame(action, request_id, false, {{"error", err}}));
        break;
    }
    case Reaction::Kind::withhold: break;
    case Reaction::Kind::garbage: c.send(r.raw_text); break;
    case Reaction::Kind::close: c.close(); return;
    case Reaction::Kind::cut: c.cut(); return;
    case Reaction::Kind::apply_then_cut: answer(c, action, request_id, payload, Reply::cut); return;
    }
    for (auto& p : r.pushes_after)
        send_push(c, p.action, p.payload_json, request_id);
}

inline void MockServerCore::answer(
    Connection& c, const std::string& action, const std::string& request_id, const json& payload, Reply how)
{
    // Reply::cut: every effect happens, the connection drops where the answer would be written.
    auto reply = [&](std::string frame) {
        if (how == Reply::cut)
            c.cut();
        else
            c.send(std::move(frame));
    };
    auto fail = [&](const char* type, const char* message) { reply(error_frame(action, request_id, type, message)); };
    auto& service = service_for(c);
    if (action == service.login_action()) {
        auto token = payload.find("token");
        if (token == payload.end() || !token->is_string())
            return fail("validation", "token is required");
        if (cfg.issued_tokens) {
            if (auto problem = check_issued(c, token->get<std::string>(), service))
                return fail("authentication", problem);
        } else if (!cfg.accept_token(token->get<std::string>())) {
            return fail("authentication", "Invalid access token");
        }
        // A second login on one connection is not specified by RTM; the mock accepts it.
        if (!c.logged_in)
            mark_logged_in(c);
        last_login = &service;
        if (auto pushes = payload.find("pushes"); pushes != payload.end())
            c.subscription = pushes->dump(); // per connection, as the service keeps it
        auto out = service.login(payload);
        reply(response_frame(action, request_id, true, std::move(out.payload)));
        return broadcast(out.pushes, &c, request_id, service);
    }
    if (action == service.ping_action()) // RTM: a normal success response; body not documented
        return reply(response_frame(action, request_id, true, json::object()));
    if (!c.logged_in)
        return fail("authorization", "login first");
    auto outcome = service.handle(action, payload);
    reply(response_frame(action, request_id, outcome.success, outcome.payload));
    broadcast(outcome.pushes, &c, request_id, service);
}

} // namespace livechat::rtm::testing::detail

#endif

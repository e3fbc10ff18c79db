// Copyright (c) 2026 livechat-rtm authors. Distributed under the MIT License (see LICENSE).
#ifndef LIVECHAT_RTM_TESTING_IMPL_MOCK_SERVER_IPP
#define LIVECHAT_RTM_TESTING_IMPL_MOCK_SERVER_IPP

#include <livechat/rtm/config.hpp>
#include <livechat/rtm/impl/internal/frame_codec.hpp>
#include <livechat/rtm/impl/internal/json_limits.hpp>
#include <livechat/rtm/testing/impl/mock_state.ipp>
#include <livechat/rtm/testing/impl/test_certificate.ipp>
#include <livechat/rtm/testing/mock_server.hpp>

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/ssl.hpp>
#include <boost/beast/websocket.hpp>
#include <boost/beast/websocket/ssl.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <deque>
#include <map>

namespace livechat::rtm::testing {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace websocket = boost::beast::websocket;
using nlohmann::json;

Reaction Reaction::respond(std::string payload_json)
{
    Reaction r;
    r.kind = Kind::respond;
    r.payload_json = std::move(payload_json);
    return r;
}

Reaction Reaction::fail(std::string type, std::string message, std::string data_json)
{
    Reaction r;
    r.kind = Kind::fail;
    r.error_type = std::move(type);
    r.error_message = std::move(message);
    r.error_data_json = std::move(data_json);
    return r;
}

Reaction Reaction::withhold()
{
    Reaction r;
    r.kind = Kind::withhold;
    return r;
}

Reaction Reaction::garbage(std::string text)
{
    Reaction r;
    r.kind = Kind::garbage;
    r.raw_text = std::move(text);
    return r;
}

Reaction Reaction::close()
{
    Reaction r;
    r.kind = Kind::close;
    return r;
}

Reaction Reaction::cut()
{
    Reaction r;
    r.kind = Kind::cut;
    return r;
}

Reaction& Reaction::push_before(std::string action, std::string payload_json)
{
    pushes_before.push_back({std::move(action), std::move(payload_json)});
    return *this;
}

Reaction& Reaction::push_after(std::string action, std::string payload_json)
{
    pushes_after.push_back({std::move(action), std::move(payload_json)});
    return *this;
}

namespace detail {

inline json parse_or_empty(const std::string& text)
{
    auto j = json::parse(text, nullptr, false);
    return j.is_discarded() ? json::object() : j;
}

inline std::string push_frame(const std::string& action, const std::string& payload_json,
    const std::string& request_id = {})
{
    json f = {{"action", action}, {"type", "push"}, {"payload", parse_or_empty(payload_json)}};
    if (!request_id.empty())
        f["request_id"] = request_id;
    return f.dump();
}

inline std::string response_frame(
    const std::string& action, const std::string& request_id, bool success, json payload)
{
    json f = {{"action", action}, {"type", "response"}, {"success", success},
        {"payload", std::move(payload)}};
    if (!request_id.empty())
        f["request_id"] = request_id;
    return f.dump();
}

/// One accepted connection, independent of ws/wss.
class Connection {
public:
    virtual ~Connection() = default;
    virtual void send(std::string text) = 0;
    virtual void close() = 0;
    virtual void cut() = 0;
    virtual void mark_logged_in() = 0;

    std::size_t id = 0;
    bool logged_in = false;
    bool open = true;
    std::size_t unanswered = 0; ///< requests held back (delayed or withheld) on this connection
};

/// RTM README 7: at most 10 requests pending per connection.
constexpr std::size_t max_pending_requests = 10;

} // namespace detail

struct MockServer::Impl : std::enable_shared_from_this<MockServer::Impl> {
    Impl(asio::any_io_executor ex, MockServerConfig c)
        : ex(ex), cfg(std::move(c)), acceptor(ex), tls_ctx(asio::ssl::context::tls_server),
          state(cfg.customer_id, json(cfg.customer_side_storage))
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
        tls_ctx.use_certificate_chain(asio::buffer(
            own ? std::string_view(cfg.certificate_pem) : std::string_view(detail::test_certificate)));
        tls_ctx.use_private_key(asio::buffer(own ? std::string_view(cfg.private_key_pem)
                                                 : std::string_view(detail::test_private_key)),
            asio::ssl::context::pem);
        // Remember the SNI name each client sends (the callback runs inside the handshake).
        SSL_CTX_set_tlsext_servername_arg(tls_ctx.native_handle(), this);
        SSL_CTX_set_tlsext_servername_callback(tls_ctx.native_handle(),
            +[](SSL* ssl, int*, void* arg) -> int {
                const char* name = SSL_get_servername(ssl, TLSEXT_NAMETYPE_host_name);
                static_cast<Impl*>(arg)->tls_server_name = name ? name : "";
                return SSL_TLSEXT_ERR_OK;
            });
        if (cfg.tls_context_setup)
            cfg.tls_context_setup(tls_ctx.native_handle());
    }

    void accept_next()
    {
        acceptor.async_accept([self = shared_from_this()](error_code ec, asio::ip::tcp::socket s) {
            if (ec)
                return; // stopped
            self->on_accept(std::move(s));
            self->accept_next();
        });
    }

    void on_accept(asio::ip::tcp::socket socket);

    // Called by connections.
    void on_frame(detail::Connection& c, std::string_view text);
    void on_closed(std::size_t id) { connections.erase(id); }

    void react(detail::Connection& c, const std::string& action, const std::string& request_id,
        const json& payload, Reaction r);
    void answer(detail::Connection& c, const std::string& action, const std::string& request_id,
        const json& payload);

    void disconnect(detail::Connection& c, const std::string& reason, const std::string& data = {})
    {
        json p = {{"reason", reason}};
        if (!data.empty())
            p["data"] = detail::parse_or_empty(data);
        disconnect_reasons.push_back(reason);
        c.send(detail::push_frame("customer_disconnected", p.dump()));
        c.close();
    }

    /// Sends pushes caused by a request: with its request_id to the requester, without to the
    /// customer's other logged-in connections (RTM README 4.3).
    void broadcast(const std::vector<detail::StatePush>& pushes, detail::Connection* requester,
        const std::string& request_id)
    {
        for (const auto& p : pushes) {
            auto text = p.payload.dump();
            for_each([&](detail::Connection& c) {
                if (!c.logged_in)
                    return;
                bool origin = &c == requester;
                c.send(detail::push_frame(p.action, text, origin ? request_id : std::string()));
            });
        }
    }

    template <class F>
    void for_each(F f)
    {
        // Copy: a reaction may close (and so erase) connections while we walk.
        std::vector<std::shared_ptr<detail::Connection>> all;
        for (auto& [id, c] : connections)
            all.push_back(c);
        for (auto& c : all)
            if (c->open)
                f(*c);
    }

    asio::any_io_executor ex;
    MockServerConfig cfg;
    asio::ip::tcp::acceptor acceptor;
    asio::ssl::context tls_ctx;
    std::map<std::size_t, std::shared_ptr<detail::Connection>> connections;
    std::map<std::string, std::deque<Reaction>> scripts;
    std::function<void(const ReceivedRequest&)> observer;
    std::vector<ReceivedRequest> received;
    std::map<std::string, std::size_t, std::less<>> counts;
    std::vector<std::string> disconnect_reasons;
    detail::MockState state;
    std::size_t accepted = 0;
    std::size_t pings = 0;
    bool stopped = false;
    std::string tls_server_name; ///< SNI of the last TLS handshake
};

namespace detail {

template <bool Tls>
class MockConnection final : public Connection,
                             public std::enable_shared_from_this<MockConnection<Tls>> {
    using next_layer = std::conditional_t<Tls, beast::ssl_stream<beast::tcp_stream>, beast::tcp_stream>;

public:
    MockConnection(std::weak_ptr<MockServer::Impl> server, asio::ip::tcp::socket socket,
        asio::ssl::context& ctx)
        : server_(std::move(server)), ws_(make(std::move(socket), ctx)),
          login_timer_(ws_.get_executor()), idle_timer_(ws_.get_executor())
    {
    }

    void start(const MockServerConfig& cfg)
    {
        login_window_ = cfg.login_window;
        idle_timeout_ = cfg.idle_timeout;
        beast::get_lowest_layer(ws_).expires_after(std::chrono::seconds(10));
        if constexpr (Tls) {
            ws_.next_layer().async_handshake(asio::ssl::stream_base::server,
                [self = this->shared_from_this()](error_code ec) {
                    if (ec)
                        return self->finish();
                    self->accept();
                });
        } else {
            accept();
        }
    }

    void send(std::string text) override
    {
        if (!open || closing_)
            return;
        outbox_.push_back(std::move(text));
        if (!writing_ && upgraded_)
            write_next();
    }

    void close() override
    {
        if (!open || closing_)
            return;
        closing_ = true;
        if (!writing_ && upgraded_)
            do_close();
    }

    void cut() override
    {
        error_code ignored;
        beast::get_lowest_layer(ws_).socket().close(ignored);
        finish();
    }

    void mark_logged_in() override
    {
        logged_in = true;
        login_timer_.cancel();
        last_traffic_ = std::chrono::steady_clock::now();
        arm_idle(last_traffic_ + idle_timeout_);
    }

private:
    static websocket::stream<next_layer> make(asio::ip::tcp::socket s, asio::ssl::context& ctx)
    {
        if constexpr (Tls)
            return websocket::stream<next_layer>(std::move(s), ctx);
        else
            return websocket::stream<next_layer>(std::move(s));
    }

    void accept()
    {
        beast::get_lowest_layer(ws_).expires_never();
        ws_.set_option(websocket::stream_base::timeout::suggested(beast::role_type::server));
        ws_.control_callback([this](websocket::frame_type kind, beast::string_view) {
            if (kind == websocket::frame_type::ping) {
                if (auto s = server_.lock())
                    ++s->pings;
                last_traffic_ = std::chrono::steady_clock::now();
            }
        });
        ws_.async_accept([self = this->shared_from_this()](error_code ec) {
            if (ec)
                return self->finish();
            // Until now the handshake owned the socket: what was sent or closed meanwhile (a
            // disconnect_all racing a new connection) goes out only now.
            self->upgraded_ = true;
            if (!self->outbox_.empty())
                self->write_next();
            else if (self->closing_)
                self->do_close();
            // RTM: the login window runs from the moment the socket opens.
            self->login_timer_.expires_after(self->login_window_);
            self->login_timer_.async_wait([self](error_code ec) {
                if (ec || self->logged_in || !self->open)
                    return;
                if (auto s = self->server_.lock())
                    s->disconnect(*self, "connection_timeout");
            });
            self->read_next();
        });
    }

    void arm_idle(std::chrono::steady_clock::time_point at)
    {
        idle_timer_.expires_at(at);
        idle_timer_.async_wait([self = this->shared_from_this()](error_code ec) {
            if (ec || !self->open)
                return;
            auto due = self->last_traffic_ + self->idle_timeout_;
            if (std::chrono::steady_clock::now() < due)
                return self->arm_idle(due); // traffic came meanwhile
            if (auto s = self->server_.lock())
                s->disconnect(*self, "connection_timeout");
        });
    }

    void read_next()
    {
        ws_.async_read(buffer_, [self = this->shared_from_this()](error_code ec, std::size_t) {
            if (ec)
                return self->finish();
            self->last_traffic_ = std::chrono::steady_clock::now();
            auto data = self->buffer_.cdata();
            std::string text(static_cast<const char*>(data.data()), data.size());
            self->buffer_.consume(self->buffer_.size());
            if (auto s = self->server_.lock())
                s->on_frame(*self, text);
            if (self->open)
                self->read_next();
        });
    }

    void write_next()
    {
        writing_ = true;
        ws_.async_write(asio::buffer(outbox_.front()),
            [self = this->shared_from_this()](error_code ec, std::size_t) {
                self->writing_ = false;
                if (ec)
                    return self->finish();
                self->outbox_.pop_front();
                if (!self->outbox_.empty())
                    self->write_next();
                else if (self->closing_)
                    self->do_close();
            });
    }

    void do_close()
    {
        ws_.async_close(websocket::close_code::normal,
            [self = this->shared_from_this()](error_code) { self->cut(); });
    }

    void finish()
    {
        if (!open)
            return;
        open = false;
        login_timer_.cancel();
        idle_timer_.cancel();
        error_code ignored;
        beast::get_lowest_layer(ws_).socket().close(ignored);
        if (auto s = server_.lock())
            s->on_closed(id);
    }

    std::weak_ptr<MockServer::Impl> server_;
    websocket::stream<next_layer> ws_;
    beast::flat_buffer buffer_;
    std::deque<std::string> outbox_;
    asio::steady_timer login_timer_;
    asio::steady_timer idle_timer_;
    std::chrono::steady_clock::duration login_window_{};
    std::chrono::steady_clock::duration idle_timeout_{};
    std::chrono::steady_clock::time_point last_traffic_{};
    bool writing_ = false;
    bool closing_ = false;
    bool upgraded_ = false; ///< the websocket handshake is done: frames may be written
};

} // namespace detail

inline void MockServer::Impl::on_accept(asio::ip::tcp::socket socket)
{
    error_code ignored;
    socket.set_option(asio::ip::tcp::no_delay(true), ignored);
    auto id = ++accepted;
    if (cfg.tls) {
        tls_server_name.clear(); // the handshake sets it when the client sends SNI
        auto c = std::make_shared<detail::MockConnection<true>>(
            weak_from_this(), std::move(socket), tls_ctx);
        c->id = id;
        connections[id] = c;
        c->start(cfg);
    } else {
        auto c = std::make_shared<detail::MockConnection<false>>(
            weak_from_this(), std::move(socket), tls_ctx);
        c->id = id;
        connections[id] = c;
        c->start(cfg);
    }
}

inline void MockServer::Impl::on_frame(detail::Connection& c, std::string_view text)
{
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
        c.send(detail::response_frame(action, request_id, false,
            {{"error", {{"type", type}, {"message", message}}}}));
    };
    if (too_deep)
        return refuse("request nests too deeply");
    if (!doc.is_object() || action.empty())
        return refuse("malformed request");
    json payload = doc.contains("payload") ? doc["payload"] : json::object();
    if (!payload.is_object())
        return refuse("payload must be an object");
    if (c.unanswered >= detail::max_pending_requests)
        return refuse("too many requests are pending on this connection", "pending_requests_limit_reached");
    ++counts[action];
    if (cfg.record_requests || observer) {
        ReceivedRequest req{c.id, action, request_id, payload.dump()};
        if (observer) // posted: it runs after the reaction and sees the state it produced
            asio::post(ex, [w = weak_from_this(), req] {
                if (auto self = w.lock(); self && self->observer && !self->stopped)
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
    std::weak_ptr<detail::Connection> weak = connections.at(c.id);
    timer->async_wait([self = shared_from_this(), timer, weak, action, request_id, payload,
                          r = std::move(r)](error_code ec) mutable {
        auto conn = weak.lock();
        if (ec || !conn || !conn->open)
            return;
        --conn->unanswered;
        r.delay = {};
        self->react(*conn, action, request_id, payload, std::move(r));
    });
}

inline void MockServer::Impl::react(detail::Connection& c, const std::string& action,
    const std::string& request_id, const json& payload, Reaction r)
{
    for (auto& p : r.pushes_before)
        c.send(detail::push_frame(p.action, p.payload_json, request_id));
    switch (r.kind) {
    case Reaction::Kind::answer: answer(c, action, request_id, payload); break;
    case Reaction::Kind::respond:
        c.send(detail::response_frame(
            action, request_id, true, detail::parse_or_empty(r.payload_json)));
        break;
    case Reaction::Kind::fail: {
        json err = {{"type", r.error_type}, {"message", r.error_message}};
        if (!r.error_data_json.empty())
            err["data"] = detail::parse_or_empty(r.error_data_json);
        c.send(detail::response_frame(action, request_id, false, {{"error", err}}));
        break;
    }
    case Reaction::Kind::withhold: break;
    case Reaction::Kind::garbage: c.send(r.raw_text); break;
    case Reaction::Kind::close: c.close(); return;
    case Reaction::Kind::cut: c.cut(); return;
    }
    for (auto& p : r.pushes_after)
        c.send(detail::push_frame(p.action, p.payload_json, request_id));
}

inline void MockServer::Impl::answer(detail::Connection& c, const std::string& action,
    const std::string& request_id, const json& payload)
{
    auto fail = [&](const char* type, const char* message) {
        c.send(detail::response_frame(action, request_id, false,
            {{"error", {{"type", type}, {"message", message}}}}));
    };
    if (action == "login") {
        auto token = payload.find("token");
        if (token == payload.end() || !token->is_string())
            return fail("validation", "token is required");
        if (!cfg.accept_token(token->get<std::string>()))
            return fail("authentication", "Invalid access token");
        // A second login on one connection is not specified by RTM; the mock accepts it.
        if (!c.logged_in)
            c.mark_logged_in();
        std::vector<detail::StatePush> pushes;
        auto out = state.login(payload, pushes);
        c.send(detail::response_frame(action, request_id, true, out));
        return broadcast(pushes, &c, request_id);
    }
    if (action == "ping") // RTM: a normal success response; body not documented
        return c.send(detail::response_frame(action, request_id, true, json::object()));
    if (!c.logged_in)
        return fail("authorization", "login first");
    auto outcome = state.handle(action, payload);
    c.send(detail::response_frame(action, request_id, outcome.success, outcome.payload));
    broadcast(outcome.pushes, &c, request_id);
}

MockServer::MockServer(asio::any_io_executor ex, MockServerConfig cfg)
    : impl_(std::make_shared<Impl>(std::move(ex), std::move(cfg)))
{
}

MockServer::~MockServer() { stop(); }

error_code MockServer::start()
{
    error_code ec;
    auto address = asio::ip::make_address(impl_->cfg.address, ec);
    if (ec)
        return ec;
    asio::ip::tcp::endpoint ep(address, impl_->cfg.port);
    impl_->acceptor.open(ep.protocol(), ec);
    if (!ec)
        impl_->acceptor.set_option(asio::socket_base::reuse_address(true), ec);
    if (!ec)
        impl_->acceptor.bind(ep, ec);
    if (!ec)
        impl_->acceptor.listen(asio::socket_base::max_listen_connections, ec);
    if (!ec)
        impl_->accept_next();
    return ec;
}

void MockServer::stop()
{
    error_code ignored;
    impl_->acceptor.close(ignored);
    impl_->for_each([](detail::Connection& c) { c.cut(); });
}

std::uint16_t MockServer::port() const
{
    error_code ec;
    auto ep = impl_->acceptor.local_endpoint(ec);
    return ec ? 0 : ep.port();
}

std::string MockServer::url(std::uint64_t license_id) const
{
    return std::string(impl_->cfg.tls ? "wss://" : "ws://") + impl_->cfg.address + ":" +
           std::to_string(port()) + "/v3.0/customer/rtm/ws?license_id=" + std::to_string(license_id);
}

const std::string& MockServer::test_certificate_pem()
{
    static const std::string pem = detail::test_certificate;
    return pem;
}

void MockServer::on_request(std::function<void(const ReceivedRequest&)> observer)
{
    impl_->observer = std::move(observer);
}

boost::asio::any_io_executor MockServer::get_executor() const { return impl_->ex; }

void MockServer::script(std::string action, Reaction reaction)
{
    impl_->scripts[std::move(action)].push_back(std::move(reaction));
}

void MockServer::push(std::string action, std::string payload_json)
{
    auto frame = detail::push_frame(action, payload_json);
    impl_->for_each([&](detail::Connection& c) {
        if (c.logged_in)
            c.send(frame);
    });
}

void MockServer::push_to_all(std::string action, std::string payload_json)
{
    auto frame = detail::push_frame(action, payload_json);
    impl_->for_each([&](detail::Connection& c) { c.send(frame); });
}

void MockServer::send_raw(std::string text)
{
    impl_->for_each([&](detail::Connection& c) { c.send(text); });
}

void MockServer::disconnect_all(std::string reason, std::string data_json)
{
    impl_->for_each([&](detail::Connection& c) { impl_->disconnect(c, reason, data_json); });
}

void MockServer::close_all()
{
    impl_->for_each([](detail::Connection& c) { c.close(); });
}

void MockServer::cut_all()
{
    impl_->for_each([](detail::Connection& c) { c.cut(); });
}

std::string MockServer::agent_send_message(const std::string& chat_id, const std::string& text)
{
    return agent_send_event(chat_id, json{{"type", "message"}, {"text", text}}.dump());
}

std::string MockServer::agent_send_event(const std::string& chat_id, const std::string& event_json)
{
    auto pushes = impl_->state.agent_event(chat_id, detail::parse_or_empty(event_json));
    impl_->broadcast(pushes, nullptr, {});
    for (const auto& p : pushes)
        if (p.action == "incoming_event")
            return p.payload["event"]["id"];
    return {};
}

void MockServer::agent_typing(const std::string& chat_id, bool is_typing)
{
    impl_->broadcast(impl_->state.agent_typing(chat_id, is_typing), nullptr, {});
}

void MockServer::agent_join(const std::string& chat_id)
{
    impl_->broadcast(impl_->state.agent_join(chat_id), nullptr, {});
}

void MockServer::agent_leave(const std::string& chat_id)
{
    impl_->broadcast(impl_->state.agent_leave(chat_id), nullptr, {});
}

void MockServer::agent_transfer(const std::string& chat_id, std::int64_t group)
{
    impl_->broadcast(impl_->state.agent_transfer(chat_id, group), nullptr, {});
}

void MockServer::agent_update_chat_properties(const std::string& chat_id, const std::string& properties_json)
{
    impl_->broadcast(impl_->state.agent_update_chat_properties(
                         chat_id, detail::parse_or_empty(properties_json)), nullptr, {});
}

void MockServer::agent_close_thread(const std::string& chat_id)
{
    impl_->broadcast(impl_->state.agent_close_thread(chat_id), nullptr, {});
}

std::vector<std::string> MockServer::chat_ids() const
{
    std::vector<std::string> ids;
    for (const auto& [id, chat] : impl_->state.chats())
        ids.push_back(id);
    return ids;
}

std::string MockServer::chat_json(const std::string& chat_id) const
{
    auto it = impl_->state.chats().find(chat_id);
    return it == impl_->state.chats().end() ? std::string() : it->second.dump();
}

std::string MockServer::customer_json() const { return impl_->state.customer().dump(); }
std::string MockServer::last_sneak_peek() const { return impl_->state.last_sneak_peek(); }

void MockServer::set_customer_id(std::string id) { impl_->state.set_customer_id(std::move(id)); }

void MockServer::set_group_status(std::int64_t group, std::string status)
{
    impl_->state.set_group_status(group, std::move(status));
}

const std::vector<ReceivedRequest>& MockServer::received() const { return impl_->received; }

std::size_t MockServer::count(std::string_view action) const
{
    auto it = impl_->counts.find(action);
    return it == impl_->counts.end() ? 0 : it->second;
}

std::size_t MockServer::control_pings() const { return impl_->pings; }
std::string MockServer::last_tls_server_name() const { return impl_->tls_server_name; }
std::size_t MockServer::connections_accepted() const { return impl_->accepted; }
std::size_t MockServer::open_connections() const { return impl_->connections.size(); }

std::size_t MockServer::logged_in_connections() const
{
    return static_cast<std::size_t>(std::count_if(impl_->connections.begin(),
        impl_->connections.end(), [](const auto& kv) { return kv.second->logged_in; }));
}

const std::vector<std::string>& MockServer::disconnect_reasons() const
{
    return impl_->disconnect_reasons;
}

} // namespace livechat::rtm::testing

#endif

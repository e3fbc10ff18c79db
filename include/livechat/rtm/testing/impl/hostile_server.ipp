// Copyright (c) 2026 livechat-rtm authors. Distributed under the MIT License (see LICENSE).
#ifndef LIVECHAT_RTM_TESTING_IMPL_HOSTILE_SERVER_IPP
#define LIVECHAT_RTM_TESTING_IMPL_HOSTILE_SERVER_IPP

#include <livechat/rtm/testing/hostile_server.hpp>
#include <livechat/rtm/testing/impl/accept_loop.hpp>
#include <livechat/rtm/testing/impl/websocket_wire.ipp>

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/write.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <map>

namespace livechat::rtm::testing {

namespace asio = boost::asio;

std::vector<HostileStep> HostileStep::handshake()
{
    HostileStep read, accept;
    read.kind = Kind::read_upgrade;
    accept.kind = Kind::accept_upgrade;
    return {read, accept};
}

std::vector<HostileStep> HostileStep::handshake_and_login(std::string login_payload_json)
{
    auto steps = handshake();
    steps.push_back(answer(std::move(login_payload_json)));
    return steps;
}

HostileStep HostileStep::raw(std::string bytes)
{
    HostileStep s;
    s.kind = Kind::send_raw;
    s.bytes = std::move(bytes);
    return s;
}

HostileStep HostileStep::text(std::string payload)
{
    HostileStep s;
    s.kind = Kind::send_text;
    s.bytes = std::move(payload);
    return s;
}

HostileStep HostileStep::truncated_frame(std::uint64_t announced, std::string sent)
{
    HostileStep s;
    s.kind = Kind::send_header_only;
    s.length = announced;
    s.bytes = std::move(sent);
    return s;
}

HostileStep HostileStep::read_frame()
{
    HostileStep s;
    s.kind = Kind::read_frame;
    return s;
}

HostileStep HostileStep::answer(std::string payload_json)
{
    HostileStep s;
    s.kind = Kind::answer_request;
    s.bytes = std::move(payload_json);
    return s;
}

namespace {
HostileStep simple(HostileStep::Kind k)
{
    HostileStep s;
    s.kind = k;
    return s;
}
} // namespace

HostileStep HostileStep::await_close() { return simple(Kind::await_close); }
HostileStep HostileStep::send_close() { return simple(Kind::send_close); }
HostileStep HostileStep::fin() { return simple(Kind::shutdown_send); }
HostileStep HostileStep::rst() { return simple(Kind::reset); }
HostileStep HostileStep::close() { return simple(Kind::close); }
HostileStep HostileStep::stall() { return simple(Kind::stall); }

HostileStep HostileStep::pause(std::chrono::steady_clock::duration d)
{
    HostileStep s;
    s.kind = Kind::pause;
    s.delay = d;
    return s;
}


struct HostileServer::Impl : std::enable_shared_from_this<HostileServer::Impl> {
    struct Connection;

    asio::any_io_executor ex;
    std::vector<HostileStep> script;
    asio::ip::tcp::acceptor acceptor;
    asio::steady_timer accept_pause_timer; ///< waits out a shortage of descriptors
    std::map<std::size_t, std::shared_ptr<Connection>> live;
    std::size_t accepted = 0, finished = 0, client_closed = 0, frames = 0;
    std::vector<std::string> texts;
    bool stopped = false;

    Impl(asio::any_io_executor e, std::vector<HostileStep> s)
        : ex(std::move(e)), script(std::move(s)), acceptor(ex), accept_pause_timer(ex)
    {
    }

    struct Connection : std::enable_shared_from_this<Connection> {
        std::weak_ptr<Impl> server;
        std::size_t id;
        asio::ip::tcp::socket socket;
        asio::steady_timer timer;
        std::string in;
        std::array<char, 16 * 1024> chunk{};
        std::size_t step = 0;
        bool done = false;

        Connection(std::shared_ptr<Impl> s, std::size_t i, asio::ip::tcp::socket sock)
            : server(s), id(i), socket(std::move(sock)), timer(s->ex)
        {
        }

        void next()
        {
            auto s = server.lock();
            if (!s || s->stopped || !socket.is_open())
                return end();
            if (step >= s->script.size()) {
                ++s->finished;
                return drain();
            }
            const HostileStep st = s->script[step++];
            using K = HostileStep::Kind;
            switch (st.kind) {
            case K::read_upgrade: return read_until_head();
            case K::accept_upgrade: {
                auto key = hostile_detail::header_value(upgrade_head, "Sec-WebSocket-Key");
                return write("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n"
                             "Connection: Upgrade\r\nSec-WebSocket-Accept: " +
                             hostile_detail::accept_key(key) + "\r\n\r\n");
            }
            case K::send_raw: return write(st.bytes);
            case K::send_text: return write(hostile_detail::frame_header(0x1, st.bytes.size()) + st.bytes);
            case K::send_header_only: return write(hostile_detail::frame_header(0x1, st.length) + st.bytes);
            case K::read_frame: return read_frame([self = shared_from_this()](const auto&) { self->next(); });
            case K::answer_request: return answer(st.bytes);
            case K::await_close: return await_close();
            case K::send_close: return write(hostile_detail::frame_header(0x8, 2) + std::string("\x03\xe8", 2));
            case K::shutdown_send: {
                error_code ignored;
                socket.shutdown(asio::ip::tcp::socket::shutdown_send, ignored);
                return next();
            }
            case K::reset: {
                error_code ignored;
                socket.set_option(asio::socket_base::linger(true, 0), ignored);
                socket.close(ignored);
                ++s->finished;
                return end();
            }
            case K::close: {
                error_code ignored;
                socket.shutdown(asio::ip::tcp::socket::shutdown_both, ignored);
                socket.close(ignored);
                ++s->finished;
                return end();
            }
            case K::pause:
                timer.expires_after(st.delay);
                return timer.async_wait([self = shared_from_this()](error_code ec) {
                    if (!ec)
                        self->next();
                });
            case K::stall: ++s->finished; return drain();
            }
        }

        std::string upgrade_head;

        void read_until_head()
        {
            if (auto at = in.find("\r\n\r\n"); at != std::string::npos) {
                upgrade_head = "\r\n" + in.substr(0, at + 2);
                in.erase(0, at + 4);
                return next();
            }
            if (in.size() > 64 * 1024)
                return end();
            read_more([self = shared_from_this()] { self->read_until_head(); });
        }

        template <class F>
        void read_frame(F then)
        {
            hostile_detail::ClientFrame f;
            bool broken = false;
            if (hostile_detail::take_frame(in, f, broken)) {
                if (auto s = server.lock()) {
                    ++s->frames;
                    if (f.opcode == 0x1)
                        s->texts.push_back(f.payload);
                }
                return then(f);
            }
            if (broken)
                return end();
            read_more([self = shared_from_this(), then] { self->read_frame(then); });
        }

        void answer(std::string payload_json)
        {
            read_frame([self = shared_from_this(), payload_json](const hostile_detail::ClientFrame& f) {
                if (f.opcode != 0x1) // a ping or a close: not the request we wait for
                    return f.opcode == 0x8 ? self->end() : self->answer(payload_json);
                // The payload goes in verbatim: a test may answer with any text at all.
                auto req = nlohmann::json::parse(f.payload, nullptr, false);
                std::string text = R"({"type":"response","success":true)";
                if (req.is_object()) {
                    if (auto a = req.find("action"); a != req.end())
                        text += ",\"action\":" + a->dump();
                    if (auto rid = req.find("request_id"); rid != req.end())
                        text += ",\"request_id\":" + rid->dump();
                }
                text += ",\"payload\":" + payload_json + "}";
                self->write(hostile_detail::frame_header(0x1, text.size()) + text);
            });
        }

        void await_close()
        {
            read_frame([self = shared_from_this()](const hostile_detail::ClientFrame& f) {
                if (f.opcode == 0x8)
                    return self->next();
                self->await_close();
            });
        }

        template <class F>
        void read_more(F then)
        {
            socket.async_read_some(asio::buffer(chunk),
                [self = shared_from_this(), then](error_code ec, std::size_t n) {
                    if (ec) {
                        if (auto s = self->server.lock(); s && !self->done)
                            ++s->client_closed;
                        return self->end();
                    }
                    self->in.append(self->chunk.data(), n);
                    then();
                });
        }

        /// After the script: keep the socket open, read and discard until the client leaves.
        void drain()
        {
            in.clear();
            read_more([self = shared_from_this()] { self->drain(); });
        }

        void write(std::string bytes)
        {
            auto data = std::make_shared<std::string>(std::move(bytes));
            asio::async_write(socket, asio::buffer(*data),
                [self = shared_from_this(), data](error_code ec, std::size_t) {
                    if (ec)
                        return self->end();
                    self->next();
                });
        }

        void end()
        {
            if (done)
                return;
            done = true;
            error_code ignored;
            timer.cancel();
            socket.close(ignored);
            if (auto s = server.lock())
                s->live.erase(id);
        }
    };

    void accept()
    {
        acceptor.async_accept([self = shared_from_this()](error_code ec, asio::ip::tcp::socket sock) {
            if (self->stopped)
                return;
            if (ec) {
                detail::retry_accept(ec, self->acceptor, self->accept_pause_timer, [self] {
                    if (!self->stopped)
                        self->accept();
                });
                return;
            }
            auto id = ++self->accepted;
            auto c = std::make_shared<Connection>(self, id, std::move(sock));
            self->live[id] = c;
            c->next();
            self->accept();
        });
    }
};

HostileServer::HostileServer(asio::any_io_executor ex, std::vector<HostileStep> script)
    : impl_(std::make_shared<Impl>(std::move(ex), std::move(script)))
{
}

HostileServer::~HostileServer() { stop(); }

error_code HostileServer::start()
{
    error_code ec;
    asio::ip::tcp::endpoint ep(asio::ip::make_address("127.0.0.1"), 0);
    impl_->acceptor.open(ep.protocol(), ec);
    if (!ec)
        impl_->acceptor.bind(ep, ec);
    if (!ec)
        impl_->acceptor.listen(asio::socket_base::max_listen_connections, ec);
    if (!ec)
        impl_->accept();
    return ec;
}

void HostileServer::stop()
{
    impl_->stopped = true;
    error_code ignored;
    impl_->acceptor.close(ignored);
    impl_->accept_pause_timer.cancel();
    auto live = std::move(impl_->live);
    impl_->live.clear();
    for (auto& [id, c] : live)
        c->end();
}

std::uint16_t HostileServer::port() const
{
    error_code ec;
    auto ep = impl_->acceptor.local_endpoint(ec);
    return ec ? 0 : ep.port();
}

std::string HostileServer::url(std::string_view api_version) const
{
    std::string base = "ws://127.0.0.1:" + std::to_string(port()) + "/v" + std::string(api_version) + "/customer/rtm/ws";
    return base + (api_version == "3.0" ? "?license_id=1" : "?organization_id=00000000-0000-4000-8000-000000000001");
}

std::size_t HostileServer::connections() const { return impl_->accepted; }
std::size_t HostileServer::scripts_finished() const { return impl_->finished; }
std::size_t HostileServer::closed_by_client() const { return impl_->client_closed; }
std::size_t HostileServer::frames_read() const { return impl_->frames; }
const std::vector<std::string>& HostileServer::texts_read() const { return impl_->texts; }

} // namespace livechat::rtm::testing

#endif

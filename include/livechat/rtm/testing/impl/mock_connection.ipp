// Copyright (c) 2026 livechat-rtm authors. Distributed under the MIT License (see LICENSE).
#ifndef LIVECHAT_RTM_TESTING_IMPL_MOCK_CONNECTION_IPP
#define LIVECHAT_RTM_TESTING_IMPL_MOCK_CONNECTION_IPP

// One accepted connection of the mock server, ws or wss, with Beast: TLS and websocket
// handshakes, whole text frames in, an ordered outbox out, close and cut. What the frames mean,
// and every protocol time-out, belong to the server (mock_server_core.ipp).

#include <livechat/rtm/impl/internal/any_stream.hpp>
#include <livechat/rtm/impl/internal/outbox.hpp>

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/ssl.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/websocket.hpp>
#include <boost/beast/websocket/ssl.hpp>

#include <chrono>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace livechat::rtm::testing::detail {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace websocket = boost::beast::websocket;

class Connection;

/// An HTTP request that is not a websocket upgrade (the Web API shares the RTM host).
using WebRequest = beast::http::request<beast::http::string_body>;

/// The answer to a WebRequest.
struct WebReply {
    unsigned status = 200;
    std::string body;
    std::string content_type = "application/json";
};

/// The largest HTTP request body the mock reads (an upload of just over 10 MB must arrive
/// whole, so that the server, not the socket, refuses it).
inline constexpr std::size_t max_web_request_body = 12 * 1024 * 1024;

/// What a connection reports to the server that accepted it (on the server's executor).
class ConnectionHost {
public:
    virtual ~ConnectionHost() = default;
    /// The websocket handshake is done.
    virtual void on_upgraded(Connection& c) = 0;
    /// One whole text or binary message.
    virtual void on_frame(Connection& c, std::string_view text) = 0;
    /// A websocket ping control frame.
    virtual void on_ping(Connection& c) = 0;
    /// The connection is gone; nothing is reported after this.
    virtual void on_closed(Connection& c) = 0;
    /// A plain HTTP request (the Web API): the answer is written, then the connection closes.
    virtual WebReply on_http(Connection& c, const WebRequest& request) = 0;
};

/// One accepted connection, independent of ws/wss.
class Connection {
public:
    virtual ~Connection() = default;
    /// Queues a text frame; frames go out in order.
    virtual void send(std::string text) = 0;
    /// Sends a close frame once the queued frames are out.
    virtual void close() = 0;
    /// Drops the TCP connection without a close frame.
    virtual void cut() = 0;

    std::size_t id = 0;
    bool open = true;
    std::string target; ///< path and query of the websocket handshake (picks the version)
    std::map<std::string, std::string> handshake_headers; ///< added to the upgrade response
    std::string subscription; ///< the login's `pushes` as JSON text (3.6), empty when absent
    // The server's view of the connection.
    bool logged_in = false;
    std::size_t unanswered = 0; ///< requests held back (delayed or withheld)
    std::chrono::steady_clock::time_point last_traffic{};
};

/// ws or wss is chosen per connection, at run time: Beast's server code is compiled once.
class MockConnection final : public Connection, public std::enable_shared_from_this<MockConnection> {
    using Stream = rtm::detail::AnyStream;

public:
    /// TLS with `ctx` when `ctx` is not null.
    MockConnection(std::weak_ptr<ConnectionHost> host, asio::ip::tcp::socket socket, asio::ssl::context* ctx)
        : host_(std::move(host)), ws_(std::move(socket), ctx)
    {
    }

    void start()
    {
        tcp().expires_after(std::chrono::seconds(10));
        if (auto* tls = ws_.next_layer().tls()) {
            tls->async_handshake(asio::ssl::stream_base::server,
                [self = this->shared_from_this()](boost::system::error_code ec) {
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
        outbox_.push(std::move(text));
        if (upgraded_)
            write_next();
    }

    void close() override
    {
        if (!open || closing_)
            return;
        closing_ = true;
        if (!outbox_.writing() && upgraded_)
            do_close();
    }

    void cut() override
    {
        boost::system::error_code ignored;
        tcp().socket().close(ignored);
        finish();
    }

private:
    beast::tcp_stream& tcp() noexcept { return ws_.next_layer().tcp(); }

    template <class F>
    void tell_host(F f)
    {
        if (auto h = host_.lock())
            f(*h);
    }

    void accept()
    {
        ws_.set_option(websocket::stream_base::timeout::suggested(beast::role_type::server));
        ws_.control_callback([this](websocket::frame_type kind, beast::string_view) {
            if (kind == websocket::frame_type::ping)
                tell_host([this](ConnectionHost& h) { h.on_ping(*this); });
        });
        // The handshake request is read first: its target picks the protocol version; a
        // request that is no upgrade is a Web API call.
        parser_.emplace();
        parser_->body_limit(max_web_request_body);
        beast::http::async_read(ws_.next_layer(), buffer_, *parser_,
            [self = this->shared_from_this()](boost::system::error_code ec, std::size_t) {
                if (ec)
                    return self->finish();
                self->upgrade_ = self->parser_->release();
                self->parser_.reset();
                self->target = std::string(self->upgrade_.target());
                if (!websocket::is_upgrade(self->upgrade_))
                    return self->answer_http();
                self->tcp().expires_never(); // the websocket's own timeouts from here
                if (!self->handshake_headers.empty())
                    self->ws_.set_option(websocket::stream_base::decorator(
                        [headers = self->handshake_headers](websocket::response_type& res) {
                            for (const auto& [name, value] : headers)
                                res.set(name, value);
                        }));
                self->ws_.async_accept(self->upgrade_, [self](boost::system::error_code ec) { self->upgraded(ec); });
            });
    }

    void answer_http()
    {
        WebReply reply{404, R"({"error":{"type":"not_found","message":"no such endpoint"}})"};
        tell_host([&](ConnectionHost& h) { reply = h.on_http(*this, upgrade_); });
        upgrade_ = {}; // an upload's memory goes now
        auto res = std::make_shared<beast::http::response<beast::http::string_body>>();
        res->result(reply.status);
        res->version(11);
        res->set(beast::http::field::content_type, reply.content_type);
        res->set(beast::http::field::connection, "close");
        res->body() = std::move(reply.body);
        res->prepare_payload();
        beast::http::async_write(ws_.next_layer(), *res, [self = this->shared_from_this(), res](boost::system::error_code, std::size_t) {
            self->finish();
        });
    }

    void upgraded(boost::system::error_code ec)
    {
        if (ec)
            return finish();
        // Until now the handshake owned the socket: what was sent or closed meanwhile (a
        // disconnect_all racing a new connection) goes out only now.
        upgraded_ = true;
        if (!outbox_.empty())
            write_next();
        else if (closing_)
            do_close();
        tell_host([this](ConnectionHost& h) { h.on_upgraded(*this); });
        read_next();
    }

    void read_next()
    {
        ws_.async_read(buffer_, [self = this->shared_from_this()](boost::system::error_code ec, std::size_t) {
            if (ec)
                return self->finish();
            auto data = self->buffer_.cdata();
            std::string text(static_cast<const char*>(data.data()), data.size());
            self->buffer_.consume(self->buffer_.size());
            self->tell_host([&](ConnectionHost& h) { h.on_frame(*self, text); });
            if (self->open)
                self->read_next();
        });
    }

    void write_next()
    {
        auto* message = outbox_.start();
        if (!message)
            return;
        ws_.async_write(asio::buffer(*message), [self = this->shared_from_this()](boost::system::error_code ec, std::size_t) {
            self->outbox_.finished();
            if (ec)
                return self->finish();
            if (!self->outbox_.empty())
                self->write_next();
            else if (self->closing_)
                self->do_close();
        });
    }

    void do_close()
    {
        ws_.async_close(websocket::close_code::normal,
            [self = this->shared_from_this()](boost::system::error_code) { self->cut(); });
    }

    void finish()
    {
        if (!open)
            return;
        open = false;
        boost::system::error_code ignored;
        tcp().socket().close(ignored);
        tell_host([this](ConnectionHost& h) { h.on_closed(*this); });
    }

    std::weak_ptr<ConnectionHost> host_;
    websocket::stream<Stream> ws_;
    beast::flat_buffer buffer_;
    std::optional<beast::http::request_parser<beast::http::string_body>> parser_;
    WebRequest upgrade_; ///< the handshake request (or the Web API request)
    rtm::detail::Outbox outbox_;
    bool closing_ = false;
    bool upgraded_ = false; ///< the websocket handshake is done: frames may be written
};

} // namespace livechat::rtm::testing::detail

#endif

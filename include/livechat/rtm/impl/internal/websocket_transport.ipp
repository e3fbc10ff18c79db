// Copyright (c) 2026 livechat-rtm authors. Distributed under the MIT License (see LICENSE).
#ifndef LIVECHAT_RTM_IMPL_INTERNAL_WEBSOCKET_TRANSPORT_IPP
#define LIVECHAT_RTM_IMPL_INTERNAL_WEBSOCKET_TRANSPORT_IPP

// The production transport: Beast websocket over TCP or TLS. Compiled once, in the library's
// own translation unit; users' code never includes this file.

#include <livechat/rtm/config.hpp>
#include <livechat/rtm/impl/internal/any_stream.hpp>
#include <livechat/rtm/impl/internal/outbox.hpp>
#include <livechat/rtm/impl/internal/tls_context.ipp>
#include <livechat/rtm/impl/internal/transport.hpp>

#include <boost/asio/bind_cancellation_slot.hpp>
#include <boost/asio/cancellation_signal.hpp>
#include <boost/asio/connect.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/ssl.hpp>
#include <boost/beast/websocket.hpp>
#include <boost/beast/websocket/ssl.hpp>

#include <cstdlib>
#include <deque>
#include <memory>
#include <string>

namespace livechat::rtm::detail {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace websocket = boost::beast::websocket;

struct TransportOptions {
    std::chrono::steady_clock::duration connect_timeout;
    std::chrono::steady_clock::duration close_timeout;
    std::size_t max_message_size;
    std::string user_agent;
};

inline bool is_ip_literal(const std::string& host)
{
    error_code ec;
    asio::ip::make_address(host, ec);
    return !ec;
}

class WebsocketTransport final : public Transport,
                                 public std::enable_shared_from_this<WebsocketTransport> {
    using next_layer = AnyStream;

public:
    WebsocketTransport(asio::any_io_executor ex, TransportOptions opts,
        std::shared_ptr<asio::ssl::context> tls_ctx, bool verify_peer)
        : opts_(std::move(opts)), tls_ctx_(std::move(tls_ctx)), verify_peer_(verify_peer),
          deadline_(ex), ws_(ex, tls_ctx_.get())
    {
    }

    void open(const Endpoint& endpoint, TransportEvents events) override
    {
        events_ = std::move(events);
        endpoint_ = endpoint;
        phase_ = Phase::opening;
        // The stream's kind was fixed when it was made (a TLS context or none): it must be the
        // one the URL asks for, so that wss:// can never go out as plain TCP.
        if (endpoint_.tls != (ws_.next_layer().tls() != nullptr)) {
            asio::post(deadline_.get_executor(),
                [self = this->shared_from_this()] { self->open_failed(error::invalid_config); });
            return;
        }
        deadline_.expires_after(opts_.connect_timeout);
        deadline_.async_wait([self = this->shared_from_this()](error_code ec) {
            if (!ec && self->phase_ == Phase::opening) {
                // Reported now, not when the aborted operations come back: a stuck Beast
                // operation must not be able to hold the open past connect_timeout.
                self->timed_out_ = true;
                self->open_failed(error::connect_timeout);
            }
        });
        // An address needs no resolver (and no trip through its background thread).
        error_code not_ip;
        auto address = asio::ip::make_address(endpoint_.host, not_ip);
        char* end = nullptr;
        auto port = std::strtoul(endpoint_.port.c_str(), &end, 10);
        if (!not_ip && !endpoint_.port.empty() && *end == '\0' && port <= 65535) {
            // One endpoint: connected directly, without building a result list to range over
            // (a shared vector and its copies of host and port, per connection).
            tcp().async_connect(asio::ip::tcp::endpoint(address, static_cast<unsigned short>(port)),
                [self = this->shared_from_this()](error_code ec) { self->on_connected(ec); });
            return;
        }
        resolver_ = std::make_unique<asio::ip::tcp::resolver>(deadline_.get_executor());
        resolver_->async_resolve(endpoint_.host, endpoint_.port,
            [self = this->shared_from_this()](error_code ec, asio::ip::tcp::resolver::results_type r) {
                self->resolver_.reset(); // its work is done: an open connection keeps none
                self->on_resolved(ec, std::move(r));
            });
    }

    void send(std::string message) override
    {
        if (phase_ != Phase::open)
            return; // the client fails the request itself when the line is down
        outbox_.push(std::move(message));
        write_next();
    }

    void ping() override
    {
        if (phase_ != Phase::open || pinging_)
            return;
        pinging_ = true;
        ws_.async_ping({}, cancellable(ping_cancel_, [self = this->shared_from_this()](error_code ec) {
            self->pinging_ = false;
            if (ec)
                self->fail(ec);
        }));
    }

    void close(error_code reason) override
    {
        if (phase_ == Phase::opening) {
            aborted_ = true;
            close_reason_ = reason;
            abort_socket();
            return;
        }
        if (phase_ != Phase::open)
            return;
        phase_ = Phase::closing;
        close_reason_ = reason;
        // Bound the closing handshake, whatever the peer does: at close_timeout the socket is
        // closed and the close is reported at once. Waiting for Beast's pending operations to
        // come back is not enough: a peer that truncates a frame, then answers our close
        // frame (which we read as payload) and sends FIN left them waiting on each other.
        deadline_.expires_after(opts_.close_timeout);
        deadline_.async_wait([self = this->shared_from_this()](error_code ec) {
            if (!ec && self->phase_ == Phase::closing)
                self->fail(websocket::error::closed); // reports close_reason_
        });
        ws_.async_close(websocket::close_code::normal,
            cancellable(close_cancel_, [self = this->shared_from_this()](error_code) {
                self->fail(websocket::error::closed); // reports close_reason_
            }));
    }

private:
    enum class Phase { idle, opening, open, closing, done };

    beast::tcp_stream& tcp() noexcept { return ws_.next_layer().tcp(); }

    void on_resolved(error_code ec, asio::ip::tcp::resolver::results_type results)
    {
        if (phase_ != Phase::opening)
            return; // timed out or aborted meanwhile: already reported
        if (ec)
            return open_failed(ec);
        tcp().async_connect(results,
            [self = this->shared_from_this()](error_code ec, const asio::ip::tcp::endpoint&) {
                self->on_connected(ec);
            });
    }

    void on_connected(error_code ec)
    {
        if (phase_ != Phase::opening)
            return; // timed out or aborted meanwhile: already reported
        if (ec)
            return open_failed(ec);
        // Requests are small and latency matters more than packet count.
        tcp().socket().set_option(asio::ip::tcp::no_delay(true), ec);
        if (auto* tls = ws_.next_layer().tls()) {
            auto& ssl = *tls;
            // SNI is for names only (RFC 6066); certificates for IP literals are checked by IP.
            if (!is_ip_literal(endpoint_.host) &&
                !SSL_set_tlsext_host_name(ssl.native_handle(), endpoint_.host.c_str()))
                return open_failed(error_code(static_cast<int>(::ERR_get_error()),
                    asio::error::get_ssl_category()));
            if (verify_peer_)
                ssl.set_verify_callback(asio::ssl::host_name_verification(endpoint_.host));
            ssl.async_handshake(asio::ssl::stream_base::client,
                [self = this->shared_from_this()](error_code ec) { self->on_tls(ec); });
        } else {
            on_tls({});
        }
    }

    void on_tls(error_code ec)
    {
        if (phase_ != Phase::opening)
            return; // timed out or aborted meanwhile: already reported
        if (ec)
            return open_failed(ec);
        // From here on the websocket layer owns time-outs; our deadline timer still bounds the
        // handshake, and the session's pings own liveness.
        tcp().expires_never();
        websocket::stream_base::timeout t{};
        // Beast uses this one value for the opening and the closing handshake: connect_timeout
        // now (our deadline timer bounds the whole open as well), close_timeout once open.
        t.handshake_timeout = opts_.connect_timeout;
        t.idle_timeout = websocket::stream_base::none();
        t.keep_alive_pings = false;
        ws_.set_option(t);
        // The stream is this transport's member and the decorator runs during the handshake
        // only: it reads the user agent from here instead of keeping a copy per connection.
        ws_.set_option(websocket::stream_base::decorator([this](websocket::request_type& req) {
            req.set(beast::http::field::user_agent, opts_.user_agent);
        }));
        // The size limit is ours (see on_read): Beast's own limit fails the connection with a
        // close handshake whose TLS teardown can replace `message_too_big` with another error.
        ws_.read_message_max(0);
        ws_.text(true);
        ws_.write_buffer_bytes(small_write_buffer);
        ws_.control_callback([this](websocket::frame_type kind, beast::string_view) {
            if (kind != websocket::frame_type::close && events_.on_control)
                events_.on_control();
        });
        std::string host = endpoint_.host;
        bool default_port = endpoint_.port == (endpoint_.tls ? "443" : "80");
        if (!default_port)
            host += ":" + endpoint_.port;
        response_ = std::make_unique<websocket::response_type>();
        ws_.async_handshake(*response_, host, endpoint_.target,
            [self = this->shared_from_this()](error_code ec) { self->on_handshake(ec); });
    }

    /// RTM: a version in its `legacy` or `deprecated` stage says until when in the upgrade
    /// response. The value comes from the server: cut to 64 printable ASCII characters.
    void report_lifecycle()
    {
        for (const char* name : {"Legacy", "Deprecation"}) {
            auto it = response_->find(name);
            if (!events_.on_lifecycle || it == response_->end())
                continue;
            std::string value;
            for (char c : it->value().substr(0, 64))
                value += c >= 0x20 && c < 0x7f ? c : '?';
            events_.on_lifecycle(name, value);
        }
        response_.reset(); // nothing else in it is needed: an idle connection keeps no headers
    }

    void on_handshake(error_code ec)
    {
        if (phase_ != Phase::opening)
            return; // timed out or aborted meanwhile: already reported
        if (ec)
            return open_failed(ec);
        if (aborted_)
            return open_failed(asio::error::operation_aborted);
        report_lifecycle();
        phase_ = Phase::open;
        deadline_.cancel();
        websocket::stream_base::timeout t{};
        t.handshake_timeout = opts_.close_timeout;
        t.idle_timeout = websocket::stream_base::none();
        t.keep_alive_pings = false;
        ws_.set_option(t);
        auto on_open = events_.on_open;
        read_next();
        on_open({});
    }

    void open_failed(error_code ec)
    {
        if (phase_ != Phase::opening)
            return;
        phase_ = Phase::done;
        deadline_.cancel();
        abort_socket();
        if (timed_out_)
            ec = error::connect_timeout;
        else if (aborted_)
            ec = close_reason_ ? close_reason_ : error_code(asio::error::operation_aborted);
        auto on_open = std::move(events_.on_open);
        events_ = {};
        if (on_open)
            on_open(ec);
    }

    void read_next()
    {
        constexpr std::size_t chunk = 64 * 1024;
        ws_.async_read_some(buffer_, chunk, cancellable(read_cancel_,
            [self = this->shared_from_this()](error_code ec, std::size_t) { self->on_read(ec); }));
    }

    void on_read(error_code ec)
    {
        if (ec)
            return fail(ec);
        if (phase_ == Phase::done)
            return;
        if (buffer_.size() > opts_.max_message_size)
            return fail(websocket::error::message_too_big);
        if (!ws_.is_message_done())
            return read_next(); // a message in several frames or chunks
        auto data = buffer_.cdata();
        if (events_.on_message) {
            // The app's push handlers and response completions run from here. One that throws
            // goes out of io_context::run() as Asio's handlers do; the connection reads on.
            try {
                events_.on_message(std::string_view(static_cast<const char*>(data.data()), data.size()));
            } catch (...) {
                message_done();
                throw;
            }
        }
        message_done();
    }

    void message_done()
    {
        buffer_.consume(buffer_.size());
        if (buffer_.capacity() > 64 * 1024)
            buffer_.shrink_to_fit(); // one big response must not pin its memory for hours
        // Once closing, async_close reads up to the peer's close frame itself; a read started
        // now would wait behind it forever.
        if (phase_ == Phase::open)
            read_next();
    }

    void write_next()
    {
        auto* message = outbox_.start();
        if (!message)
            return;
        // Beast masks every client frame through a buffer it keeps for the connection's life
        // (4 KiB by default), and writes a message that does not fit in one chunk per buffer.
        // Customers mostly write small frames: start at 512 bytes and move to the default for
        // good before the first larger message, so every message still takes exactly the write
        // calls it would with 4 KiB, and an idle customer holds 3.5 KiB less.
        if (message->size() > small_write_buffer && ws_.write_buffer_bytes() < large_write_buffer)
            ws_.write_buffer_bytes(large_write_buffer);
        ws_.async_write(asio::buffer(*message), cancellable(write_cancel_,
            [self = this->shared_from_this()](error_code ec, std::size_t) {
                self->outbox_.finished();
                if (self->phase_ == Phase::done)
                    return; // failed meanwhile (fail() emptied the outbox)
                if (ec)
                    return self->fail(ec);
                if (self->phase_ == Phase::open)
                    self->write_next();
            }));
    }

    void fail(error_code ec)
    {
        if (phase_ == Phase::done || phase_ == Phase::opening)
            return;
        bool we_closed = phase_ == Phase::closing;
        phase_ = Phase::done;
        deadline_.cancel();
        abort_socket();
        error_code reported = we_closed ? close_reason_ : normalize(ec);
        auto on_closed = std::move(events_.on_closed);
        events_ = {};
        outbox_.clear();
        release_suspended_operations();
        if (on_closed)
            on_closed(reported);
    }

    /// With the socket closed, operations waiting on the socket come back by themselves, but
    /// Beast can hold one websocket operation suspended behind another (a close waiting for a
    /// read that is stuck inside a truncated frame, ...). Such an operation would never finish:
    /// it would keep this transport alive and the io_context's work count up forever, so that
    /// `io_context::run()` never returns. Cancelling every operation's slot finishes them all
    /// (posted: their handlers must not run inside fail()).
    void release_suspended_operations()
    {
        asio::post(deadline_.get_executor(), [self = this->shared_from_this()] {
            for (auto* signal : {&self->read_cancel_, &self->write_cancel_, &self->ping_cancel_,
                     &self->close_cancel_})
                signal->emit(asio::cancellation_type::terminal);
        });
    }

    template <class Handler>
    static auto cancellable(asio::cancellation_signal& signal, Handler&& handler)
        -> asio::cancellation_slot_binder<std::decay_t<Handler>, asio::cancellation_slot>
    {
        return asio::bind_cancellation_slot(signal.slot(), std::forward<Handler>(handler));
    }

    static error_code normalize(error_code ec)
    {
        if (ec == websocket::error::message_too_big)
            return error::message_too_big;
        // A close frame, EOF, reset or an aborted socket all mean: the line went down.
        return error::connection_lost;
    }

    void abort_socket()
    {
        if (resolver_)
            resolver_->cancel();
        error_code ignored;
        auto& sock = tcp().socket();
        if (sock.is_open()) {
            sock.shutdown(asio::ip::tcp::socket::shutdown_both, ignored);
            sock.close(ignored);
        }
    }

    TransportOptions opts_;
    std::shared_ptr<asio::ssl::context> tls_ctx_;
    bool verify_peer_;
    std::unique_ptr<asio::ip::tcp::resolver> resolver_; ///< host names only, while resolving
    asio::steady_timer deadline_;
    websocket::stream<next_layer> ws_;
    std::unique_ptr<websocket::response_type> response_; ///< the upgrade response, until read
    static constexpr std::size_t small_write_buffer = 512, large_write_buffer = 4096;
    beast::flat_buffer buffer_;
    Outbox outbox_;
    // One per kind of operation that can be outstanding at once (see release_suspended_operations).
    asio::cancellation_signal read_cancel_, write_cancel_, ping_cancel_, close_cancel_;
    TransportEvents events_;
    Endpoint endpoint_;
    Phase phase_ = Phase::idle;
    error_code close_reason_;
    bool pinging_ = false;
    bool timed_out_ = false;
    bool aborted_ = false;
};

} // namespace livechat::rtm::detail

#endif

// The benchmark's server: a minimal Beast websocket server (ws and wss) that answers as the RTM
// service would, as cheaply as it can, so that the clients are what gets measured. It never
// parses JSON: it finds `action` and `request_id` by searching the frame text.
//
// Each connection speaks the version its path names (`/v3.6/` or else 3.0), as the service does:
//   login       -> a login response of that version
//   bench_push  -> a response, then payload.count `incoming_event` pushes (~250 bytes each)
//   anything    -> a send_event response of that version
#ifndef LIVECHAT_RTM_BENCH_SERVER_HPP
#define LIVECHAT_RTM_BENCH_SERVER_HPP

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <boost/beast/websocket.hpp>
#include <boost/beast/websocket/ssl.hpp>

#include <cstdlib>
#include <deque>
#include <memory>
#include <string>
#include <string_view>

namespace bench {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace websocket = beast::websocket;
using tcp = asio::ip::tcp;

/// The value of `"key":"..."` (or a bare number) in `text`, found without parsing.
inline std::string_view field(std::string_view text, std::string_view key)
{
    std::string pattern = "\"" + std::string(key) + "\":";
    auto at = text.find(pattern);
    if (at == std::string_view::npos)
        return {};
    at += pattern.size();
    if (at < text.size() && text[at] == '"') {
        auto end = text.find('"', at + 1);
        return end == std::string_view::npos ? std::string_view{} : text.substr(at + 1, end - at - 1);
    }
    auto end = text.find_first_of(",}", at);
    return text.substr(at, end == std::string_view::npos ? std::string_view::npos : end - at);
}

inline std::string response(std::string_view action, std::string_view request_id, std::string_view payload)
{
    std::string out;
    out.reserve(96 + payload.size());
    out.append(R"({"type":"response","success":true,"action":")").append(action);
    out.append(R"(","request_id":")").append(request_id).append(R"(","payload":)").append(payload);
    out.push_back('}');
    return out;
}

/// The `incoming_event` push; 3.6 pushes name their version in the envelope. Each push sent
/// gets its own event id (the 10 digits after `K600PKZON8_`, see next_push): a client drops an
/// event id it has already delivered, as the SDK does.
inline const std::string& push_frame(bool v3_6)
{
    static const std::string event =
        R"("action":"incoming_event","payload":{"chat_id":"PJ0MRSHTDG","thread_id":"K600PKZON8",)"
        R"("event":{"id":"K600PKZON8_0000000000","type":"message","text":"Your order left our warehouse this morning.",)"
        R"("author_id":"agent@example.com","order":1575892853242007,"timestamp":1700000000,)"
        R"("recipients":"all","properties":{}}}})";
    static const std::string v3_0_frame = R"({"type":"push",)" + event;
    static const std::string v3_6_frame = R"({"type":"push","version":"3.6",)" + event;
    return v3_6 ? v3_6_frame : v3_0_frame;
}

template <class Stream>
class ServerConnection : public std::enable_shared_from_this<ServerConnection<Stream>> {
public:
    template <class... Args>
    explicit ServerConnection(Args&&... args) : ws_(std::forward<Args>(args)...)
    {
    }

    void start()
    {
        if constexpr (std::is_same_v<Stream, beast::ssl_stream<beast::tcp_stream>>) {
            ws_.next_layer().async_handshake(asio::ssl::stream_base::server,
                [self = this->shared_from_this()](beast::error_code ec) {
                    if (!ec)
                        self->accept();
                });
        } else {
            accept();
        }
    }

private:
    void accept()
    {
        ws_.text(true);
        beast::http::async_read(ws_.next_layer(), in_, upgrade_, [self = this->shared_from_this()](beast::error_code ec, std::size_t) {
            if (ec)
                return;
            self->v3_6_ = self->upgrade_.target().find("/v3.6/") != beast::string_view::npos;
            self->ws_.async_accept(self->upgrade_, [self](beast::error_code ec) {
                if (!ec)
                    self->read();
            });
        });
    }

    void read()
    {
        ws_.async_read(in_, [self = this->shared_from_this()](beast::error_code ec, std::size_t) {
            if (ec)
                return;
            self->handle();
            self->in_.clear();
            self->read();
        });
    }

    void handle()
    {
        auto data = in_.cdata();
        std::string_view text(static_cast<const char*>(data.data()), data.size());
        auto action = field(text, "action");
        auto id = field(text, "request_id");
        if (action == "login" && v3_6_) {
            send(response(action, id, R"({"customer":{"id":"b7a4c9e2-0000-4000-8000-00000000c001"},)"
                                      R"("has_active_thread":false,"chats":[]})"));
        } else if (action == "login") {
            send(response(action, id, R"({"customer_id":"b7a4c9e2-0000-4000-8000-00000000c001",)"
                                      R"("has_active_thread":false,"chats":[]})"));
        } else if (action == "bench_push") {
            pushes_left_ += std::strtoull(std::string(field(text, "count")).c_str(), nullptr, 10);
            send(response(action, id, "{}")); // the pushes follow it
        } else if (v3_6_) {
            send(response(action, id, R"({"event_id":"K600PKZON8_8"})"));
        } else {
            send(response(action, id, R"({"thread_id":"K600PKZON8","event":{"id":"K600PKZON8_8",)"
                                      R"("type":"message","text":"ok","author_id":"b7a4c9e2",)"
                                      R"("order":1575892853242008,"timestamp":1700000000}})"));
        }
    }

    void send(std::string frame)
    {
        out_.push_back(std::move(frame));
        if (!writing_)
            write();
    }

    // One write at a time (Beast's rule); queued responses first, then pushes still owed.
    void write()
    {
        const std::string* next = nullptr;
        if (!out_.empty())
            next = &out_.front();
        else if (pushes_left_ > 0)
            next = &next_push();
        if (!next) {
            writing_ = false;
            return;
        }
        writing_ = true;
        bool queued = !out_.empty();
        ws_.async_write(asio::buffer(*next), [self = this->shared_from_this(), queued](beast::error_code ec, std::size_t) {
            if (ec)
                return;
            if (queued)
                self->out_.pop_front();
            else
                --self->pushes_left_;
            self->write();
        });
    }

    /// The push frame with the next event id, written in place (the frame keeps its size).
    const std::string& next_push()
    {
        if (push_.empty()) {
            push_ = push_frame(v3_6_);
            digits_ = push_.find("K600PKZON8_0000000000") + 11;
        }
        auto n = ++pushes_sent_;
        for (std::size_t i = 10; i-- > 0; n /= 10)
            push_[digits_ + i] = static_cast<char>('0' + n % 10);
        return push_;
    }

    websocket::stream<Stream> ws_;
    beast::flat_buffer in_;
    std::string push_;
    std::size_t digits_ = 0;
    std::uint64_t pushes_sent_ = 0;
    beast::http::request<beast::http::empty_body> upgrade_;
    bool v3_6_ = false;
    std::deque<std::string> out_;
    std::uint64_t pushes_left_ = 0;
    bool writing_ = false;
};

/// Listens on two loopback ports, ws and wss, on the given io_context.
class BenchServer {
public:
    BenchServer(asio::io_context& ioc, const char* cert_pem, const char* key_pem)
        : tls_(asio::ssl::context::tls_server), ws_(ioc, {asio::ip::make_address("127.0.0.1"), 0}),
          wss_(ioc, {asio::ip::make_address("127.0.0.1"), 0})
    {
        tls_.use_certificate_chain(asio::buffer(cert_pem, std::strlen(cert_pem)));
        tls_.use_private_key(asio::buffer(key_pem, std::strlen(key_pem)), asio::ssl::context::pem);
        accept(ws_, false);
        accept(wss_, true);
    }

    unsigned short ws_port() const { return ws_.local_endpoint().port(); }
    unsigned short wss_port() const { return wss_.local_endpoint().port(); }

private:
    void accept(tcp::acceptor& acceptor, bool tls)
    {
        acceptor.async_accept([this, &acceptor, tls](beast::error_code ec, tcp::socket socket) {
            if (ec)
                return;
            socket.set_option(tcp::no_delay(true));
            if (tls)
                std::make_shared<ServerConnection<beast::ssl_stream<beast::tcp_stream>>>(std::move(socket), tls_)->start();
            else
                std::make_shared<ServerConnection<beast::tcp_stream>>(std::move(socket))->start();
            accept(acceptor, tls);
        });
    }

    asio::ssl::context tls_;
    tcp::acceptor ws_;
    tcp::acceptor wss_;
};

} // namespace bench

#endif

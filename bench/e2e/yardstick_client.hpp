// The yardstick: what a competent hand-written client does with plain Beast and nlohmann/json.
// It builds each request as JSON, writes it, reads frames, parses each one, and matches a
// response to its request by request_id. No reconnects, no pings, no typed models, no
// correlation table beyond a counter: the floor the SDK is measured against.
#ifndef LIVECHAT_RTM_BENCH_YARDSTICK_CLIENT_HPP
#define LIVECHAT_RTM_BENCH_YARDSTICK_CLIENT_HPP

#include "bench_server.hpp"

#include <nlohmann/json.hpp>

#include <functional>

namespace bench {

template <bool Tls>
class YardstickClient {
    using Stream = std::conditional_t<Tls, beast::ssl_stream<beast::tcp_stream>, beast::tcp_stream>;

public:
    /// Called with every frame, parsed.
    using FrameHandler = std::function<void(const nlohmann::json&)>;

    YardstickClient(asio::io_context& ioc, asio::ssl::context& tls) : ws_(make(ioc, tls)) {}

    /// Connects, handshakes on `path` (which names the protocol version), logs in; then `done(ok)`.
    void open(unsigned short port, std::string path, std::function<void(bool)> done)
    {
        done_ = std::move(done);
        path_ = std::move(path);
        auto& tcp_layer = beast::get_lowest_layer(ws_);
        tcp_layer.async_connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), port),
            [this, port](beast::error_code ec) {
                if (ec)
                    return done_(false);
                beast::get_lowest_layer(ws_).socket().set_option(tcp::no_delay(true));
                if constexpr (Tls) {
                    ws_.next_layer().set_verify_callback(asio::ssl::host_name_verification("127.0.0.1"));
                    ws_.next_layer().async_handshake(asio::ssl::stream_base::client, [this, port](beast::error_code ec) {
                        if (ec)
                            return done_(false);
                        handshake(port);
                    });
                } else {
                    handshake(port);
                }
            });
    }

    /// Sends a request built as JSON; returns its request_id.
    std::uint64_t request(std::string_view action, nlohmann::json payload)
    {
        auto id = ++last_id_;
        nlohmann::json frame = {{"action", action}, {"request_id", std::to_string(id)}, {"payload", std::move(payload)}};
        out_.push_back(frame.dump());
        if (out_.size() == 1)
            write();
        return id;
    }

    /// Every frame read from now on goes to `handler`.
    void on_frame(FrameHandler handler) { handler_ = std::move(handler); }

private:
    static websocket::stream<Stream> make(asio::io_context& ioc, asio::ssl::context& tls)
    {
        if constexpr (Tls)
            return websocket::stream<Stream>(ioc, tls);
        else
            return websocket::stream<Stream>(ioc);
    }

    void handshake(unsigned short port)
    {
        ws_.text(true);
        ws_.async_handshake("127.0.0.1:" + std::to_string(port), path_,
            [this](beast::error_code ec) {
                if (ec)
                    return done_(false);
                on_frame([this](const nlohmann::json& f) { done_(f.value("success", false)); });
                request("login", {{"token", "Bearer bench"}});
                read();
            });
    }

    void read()
    {
        ws_.async_read(in_, [this](beast::error_code ec, std::size_t) {
            if (ec)
                return;
            auto data = in_.cdata();
            auto frame = nlohmann::json::parse(static_cast<const char*>(data.data()),
                static_cast<const char*>(data.data()) + data.size(), nullptr, false);
            in_.clear();
            if (handler_)
                handler_(frame);
            read();
        });
    }

    void write()
    {
        ws_.async_write(asio::buffer(out_.front()), [this](beast::error_code ec, std::size_t) {
            if (ec)
                return;
            out_.pop_front();
            if (!out_.empty())
                write();
        });
    }

    websocket::stream<Stream> ws_;
    beast::flat_buffer in_;
    std::deque<std::string> out_;
    std::uint64_t last_id_ = 0;
    std::string path_;
    std::function<void(bool)> done_;
    FrameHandler handler_;
};

} // namespace bench

#endif

// Copyright (c) 2026 livechat-rtm authors. Distributed under the MIT License (see LICENSE).
#ifndef LIVECHAT_RTM_IMPL_INTERNAL_HTTP_CLIENT_IPP
#define LIVECHAT_RTM_IMPL_INTERNAL_HTTP_CLIENT_IPP

#include <livechat/rtm/accounts/error.hpp>
#include <livechat/rtm/impl/internal/any_stream.hpp>
#include <livechat/rtm/impl/internal/http_client.hpp>
#include <livechat/rtm/impl/internal/http_parse.ipp>
#include <livechat/rtm/impl/internal/tls_context.ipp>

#include <boost/asio/bind_executor.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>

#include <algorithm>
#include <cctype>

namespace livechat::rtm::detail {

namespace http = boost::beast::http;

LIVECHAT_RTM_DECL std::shared_ptr<boost::asio::ssl::context> http_tls_context(const TlsOptions& tls, error_code& ec)
{
    return shared_tls_context(tls, ec);
}

/// One request over one connection, from resolving to the last byte of the response. HTTP or
/// HTTPS is decided at run time (a TLS context or none), so Beast's HTTP code is compiled once;
/// a request's cost is its round trips, not the indirect call per read and write.
class HttpExchange : public std::enable_shared_from_this<HttpExchange> {
    using Stream = AnyStream;

public:
    HttpExchange(asio::any_io_executor ex, std::shared_ptr<asio::ssl::context> tls, bool verify_peer,
        Endpoint endpoint, HttpRequest request, HttpLimits limits, std::string user_agent,
        HttpProgress progress, HttpHandler handler)
        : ex_(ex), tls_(std::move(tls)), verify_peer_(verify_peer), endpoint_(std::move(endpoint)),
          limits_(limits), progress_(std::move(progress)), handler_(std::move(handler)), resolver_(ex),
          deadline_(ex), stream_(ex, tls_.get())
    {
        request_.method_string(request.method);
        request_.target(request.target);
        request_.version(11);
        bool default_port = endpoint_.port == (tls_ ? "443" : "80");
        request_.set(http::field::host, (endpoint_.host.find(':') != std::string::npos ? "[" + endpoint_.host + "]" : endpoint_.host) +
                                            (default_port ? std::string() : ":" + endpoint_.port));
        request_.set(http::field::user_agent, user_agent);
        request_.set(http::field::connection, "close");
        for (auto& [name, value] : request.headers)
            request_.insert(name, value);
        request_.body() = std::move(request.body);
        request_.prepare_payload();
        configure(parser_, limits_);
    }

    void start()
    {
        auto slot = asio::get_associated_cancellation_slot(handler_);
        if (slot.is_connected()) {
            slot.assign([w = this->weak_from_this()](asio::cancellation_type type) {
                if (auto self = w.lock(); self && type != asio::cancellation_type::none)
                    asio::post(self->ex_, [self] { self->abort(asio::error::operation_aborted); });
            });
        }
        deadline_.expires_after(limits_.timeout);
        deadline_.async_wait([self = this->shared_from_this()](error_code ec) {
            if (!ec)
                self->abort(accounts::error::timeout);
        });
        resolver_.async_resolve(endpoint_.host, endpoint_.port,
            [self = this->shared_from_this()](error_code ec, asio::ip::tcp::resolver::results_type r) {
                if (ec)
                    return self->finish(ec);
                self->connect(r);
            });
    }

private:
    boost::beast::tcp_stream& tcp() { return stream_.tcp(); }

    void connect(const asio::ip::tcp::resolver::results_type& results)
    {
        tcp().async_connect(results, [self = this->shared_from_this()](error_code ec, const auto&) {
            if (ec)
                return self->finish(ec);
            error_code ignored;
            self->tcp().socket().set_option(asio::ip::tcp::no_delay(true), ignored);
            self->handshake();
        });
    }

    void handshake()
    {
        if (stream_.tls()) {
            auto& ssl = *stream_.tls();
            // SNI, and the certificate must name the host (not just chain to a trusted root).
            if (!SSL_set_tlsext_host_name(ssl.native_handle(), endpoint_.host.c_str()))
                return finish(error_code(static_cast<int>(::ERR_get_error()), asio::error::get_ssl_category()));
            if (verify_peer_)
                ssl.set_verify_callback(asio::ssl::host_name_verification(endpoint_.host));
            ssl.async_handshake(asio::ssl::stream_base::client, [self = this->shared_from_this()](error_code ec) {
                if (ec)
                    return self->finish(ec);
                self->write_header();
            });
        } else {
            write_header();
        }
    }

    void write_header()
    {
        serializer_.emplace(request_);
        serializer_->limit(64 * 1024); // a large body goes out in steps, each reported
        http::async_write_header(stream_, *serializer_, [self = this->shared_from_this()](error_code ec, std::size_t) {
            if (ec)
                return self->finish(ec);
            self->write_body();
        });
    }

    void write_body()
    {
        if (serializer_->is_done())
            return read();
        http::async_write_some(stream_, *serializer_, [self = this->shared_from_this()](error_code ec, std::size_t n) {
            if (ec)
                return self->finish(ec);
            self->sent_ += n;
            if (self->progress_)
                self->progress_(std::min<std::uint64_t>(self->sent_, self->request_.body().size()), self->request_.body().size());
            self->write_body();
        });
    }

    void read()
    {
        http::async_read(stream_, buffer_, parser_, [self = this->shared_from_this()](error_code ec, std::size_t) {
            if (ec)
                return self->finish(classify_parse_error(ec));
            self->finish({});
        });
    }

    /// A deadline or a cancellation: close the socket; the pending operation ends with an
    /// error and `finish` reports `reason` instead of it.
    void abort(error_code reason)
    {
        if (done_ || reason_)
            return;
        reason_ = reason;
        resolver_.cancel();
        error_code ignored;
        tcp().socket().close(ignored);
    }

    void finish(error_code ec)
    {
        if (done_)
            return;
        done_ = true;
        deadline_.cancel();
        if (reason_)
            ec = reason_;
        auto slot = asio::get_associated_cancellation_slot(handler_);
        if (slot.is_connected())
            slot.clear();
        HttpResponse response;
        if (!ec)
            response = to_response(parser_);
        error_code ignored;
        tcp().socket().close(ignored);
        auto hex = asio::get_associated_executor(handler_, ex_);
        asio::post(ex_, asio::bind_executor(hex, [h = std::move(handler_), ec, r = std::move(response)]() mutable {
            std::move(h)(ec, std::move(r));
        }));
    }

    asio::any_io_executor ex_;
    std::shared_ptr<asio::ssl::context> tls_;
    bool verify_peer_;
    Endpoint endpoint_;
    HttpLimits limits_;
    HttpProgress progress_;
    HttpHandler handler_;
    asio::ip::tcp::resolver resolver_;
    asio::steady_timer deadline_;
    Stream stream_;
    http::request<http::string_body> request_;
    std::optional<http::request_serializer<http::string_body>> serializer_;
    boost::beast::flat_buffer buffer_;
    ResponseParser parser_;
    std::uint64_t sent_ = 0;
    error_code reason_;
    bool done_ = false;
};

LIVECHAT_RTM_DECL void start_http(asio::any_io_executor ex, std::shared_ptr<asio::ssl::context> tls,
    bool verify_peer, Endpoint endpoint, HttpRequest request, HttpLimits limits, std::string user_agent,
    HttpProgress progress, HttpHandler handler)
{
    if (endpoint.tls && !tls) {
        auto hex = asio::get_associated_executor(handler, ex);
        return asio::post(ex, asio::bind_executor(hex, [h = std::move(handler)]() mutable {
            std::move(h)(make_error_code(accounts::error::invalid_config), HttpResponse{});
        }));
    }
    if (!endpoint.tls) { // plain HTTP: no TLS context, nothing to verify
        tls.reset();
        verify_peer = false;
    }
    std::make_shared<HttpExchange>(ex, std::move(tls), verify_peer, std::move(endpoint), std::move(request), limits,
        std::move(user_agent), std::move(progress), std::move(handler))->start();
}

} // namespace livechat::rtm::detail

#endif

// Copyright (c) 2026 livechat-rtm authors. Distributed under the MIT License (see LICENSE).
#ifndef LIVECHAT_RTM_TESTING_IMPL_MOCK_ACCOUNTS_SERVER_IPP
#define LIVECHAT_RTM_TESTING_IMPL_MOCK_ACCOUNTS_SERVER_IPP

// The mock Accounts API over HTTP(S): one short-lived connection per request
// (AccountsConnection), faults played on the wire, and MockAccountsServer's functions. What
// the service answers is in mock_accounts_core.ipp.

#include <livechat/rtm/impl/internal/any_stream.hpp>
#include <livechat/rtm/testing/impl/mock_accounts_core.ipp>

#include <boost/asio/steady_timer.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/ssl.hpp>

namespace livechat::rtm::testing {
namespace detail {

/// One accepted connection: reads one request, answers it (or plays a fault), closes. HTTP or
/// HTTPS is chosen per connection, at run time: Beast's HTTP code is compiled once.
class AccountsConnection final : public AccountsConnectionBase,
                                 public std::enable_shared_from_this<AccountsConnection> {
    using Stream = rtm::detail::AnyStream;

public:
    /// TLS with `ctx` when `ctx` is not null.
    AccountsConnection(std::weak_ptr<MockAccountsCore> core, asio::ip::tcp::socket s, asio::ssl::context* ctx)
        : core_(std::move(core)), stream_(std::move(s), ctx),
          timer_(stream_.get_executor())
    {
        parser_.body_limit(1024 * 1024);
    }

    void start()
    {
        if (auto* tls = stream_.tls()) {
            tls->async_handshake(asio::ssl::stream_base::server, [self = this->shared_from_this()](error_code ec) {
                if (!ec)
                    self->read();
                else
                    self->close();
            });
        } else {
            read();
        }
    }

    void close() override
    {
        error_code ignored;
        timer_.cancel();
        stream_.tcp().socket().close(ignored);
        if (auto core = core_.lock())
            core->forget(this);
    }

private:
    void read()
    {
        http::async_read(stream_, buffer_, parser_, [self = this->shared_from_this()](error_code ec, std::size_t) {
            if (ec)
                return self->close();
            self->on_request();
        });
    }

    void on_request()
    {
        auto core = core_.lock();
        if (!core)
            return close();
        std::optional<AccountsFault> fault;
        if (!core->faults.empty()) {
            fault = std::move(core->faults.front());
            core->faults.pop_front();
        }
        using K = AccountsFault::Kind;
        auto kind = fault ? fault->kind : K::respond;
        if (fault && kind != K::legacy && kind != K::trickle) { // recorded here: no grant runs
            AccountsRequest rec;
            rec.method = std::string(parser_.get().method_string());
            rec.target = std::string(parser_.get().target());
            rec.status = kind == K::respond ? fault->status : kind == K::endless ? 200 : 0;
            core->requests.push_back(std::move(rec));
        }
        if (fault && kind == K::respond)
            return write(response_text(AccountsAnswer{fault->status, fault->body, {}}));
        if (kind == K::stall)
            return; // kept open by the server's list until stop()
        if (kind == K::cut)
            return close();
        if (kind == K::endless)
            return endless();
        if (kind == K::raw) { // written whole; the connection stays open (kept by the server's list)
            pending_ = std::move(fault->body);
            return asio::async_write(stream_, asio::buffer(pending_), [self = this->shared_from_this()](error_code, std::size_t) {});
        }
        auto answer = core->grant(parser_.get(), kind == K::legacy);
        if (kind == K::trickle) {
            pending_ = response_text(answer);
            delay_ = fault->delay;
            return trickle();
        }
        write(response_text(answer));
    }

    void write(std::string text)
    {
        pending_ = std::move(text);
        asio::async_write(stream_, asio::buffer(pending_), [self = this->shared_from_this()](error_code, std::size_t) {
            self->close();
        });
    }

    void trickle()
    {
        if (sent_ >= pending_.size())
            return close();
        asio::async_write(stream_, asio::buffer(pending_.data() + sent_, 1), [self = this->shared_from_this()](error_code ec, std::size_t) {
            if (ec)
                return self->close();
            ++self->sent_;
            self->timer_.expires_after(self->delay_);
            self->timer_.async_wait([self](error_code wait_ec) {
                if (!wait_ec)
                    self->trickle();
            });
        });
    }

    void endless()
    {
        if (sent_ == 0)
            pending_ = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n";
        else
            pending_.assign(16 * 1024, ' ');
        // Bounded: 64 MiB, far beyond any client limit.
        if (sent_ > 64 * 1024 * 1024)
            return close();
        asio::async_write(stream_, asio::buffer(pending_), [self = this->shared_from_this()](error_code ec, std::size_t n) {
            if (ec)
                return self->close();
            self->sent_ += n;
            self->endless();
        });
    }

    std::weak_ptr<MockAccountsCore> core_;
    Stream stream_;
    asio::steady_timer timer_;
    beast::flat_buffer buffer_;
    http::request_parser<http::string_body> parser_;
    std::string pending_;
    std::size_t sent_ = 0;
    std::chrono::milliseconds delay_{10};
};

inline void MockAccountsCore::accept_next()
{
    acceptor.async_accept([w = weak_from_this()](error_code ec, asio::ip::tcp::socket s) {
        auto self = w.lock();
        if (!self)
            return;
        if (ec) {
            retry_accept(ec, self->acceptor, self->accept_pause_timer, [w] {
                if (auto self = w.lock(); self && self->acceptor.is_open())
                    self->accept_next();
            });
            return;
        }
        auto conn = std::make_shared<AccountsConnection>(self, std::move(s), self->cfg.tls ? &self->tls_ctx : nullptr);
        self->connections.push_back(conn);
        conn->start();
        self->accept_next();
    });
}

} // namespace detail

MockAccountsServer::MockAccountsServer(boost::asio::any_io_executor ex, MockAccountsConfig cfg)
    : impl_(std::make_shared<detail::MockAccountsCore>(ex, std::move(cfg)))
{
}

MockAccountsServer::~MockAccountsServer() { impl_->stop(); }

error_code MockAccountsServer::start() { return impl_->start(); }
void MockAccountsServer::stop() { impl_->stop(); }

std::uint16_t MockAccountsServer::port() const
{
    error_code ec;
    auto ep = impl_->acceptor.local_endpoint(ec);
    return ec ? 0 : ep.port();
}

std::string MockAccountsServer::url() const
{
    return std::string(impl_->cfg.tls ? "https" : "http") + "://127.0.0.1:" + std::to_string(port());
}

void MockAccountsServer::fail_next(AccountsFault fault) { impl_->faults.push_back(std::move(fault)); }
void MockAccountsServer::set_token_lifetime(std::chrono::seconds lifetime) { impl_->cfg.token_lifetime = lifetime; }
void MockAccountsServer::forget_customer(const std::string& entity_id) { impl_->customers.erase(entity_id); }
const std::vector<AccountsRequest>& MockAccountsServer::requests() const { return impl_->requests; }
std::size_t MockAccountsServer::tokens_issued() const { return impl_->issued; }
std::size_t MockAccountsServer::customers() const { return impl_->customers.size(); }
std::shared_ptr<IssuedTokens> MockAccountsServer::issued_tokens() const { return impl_->cfg.issued_tokens; }

} // namespace livechat::rtm::testing

#endif

// Copyright (c) 2026 livechat-rtm authors. Distributed under the MIT License (see LICENSE).
#ifndef LIVECHAT_RTM_TESTING_MOCK_ACCOUNTS_SERVER_HPP
#define LIVECHAT_RTM_TESTING_MOCK_ACCOUNTS_SERVER_HPP

// A stand-in for the Customer Accounts API (customer-auth.md section 4): an HTTP(S) server on
// loopback with the cookie and agent_token grants, configurable token lifetimes and regions,
// recorded requests with secrets redacted, and fault injection.

#include <livechat/rtm/error.hpp>
#include <livechat/rtm/testing/issued_tokens.hpp>

#include <boost/asio/any_io_executor.hpp>

#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

namespace livechat::rtm::testing {

namespace detail {
class MockAccountsCore;
}

/// Settings of the mock Accounts server.
struct MockAccountsConfig {
    bool tls = false; ///< serve https:// with the mock RTM server's test certificate
    std::string address = "127.0.0.1"; ///< The address to listen on (loopback).
    std::uint16_t port = 0; ///< 0 picks a free port
    /// Accepted client ids; empty accepts any (an unknown one: `unauthorized_client`).
    std::set<std::string> client_ids;
    /// The organization of the cookie grant; empty accepts any non-empty one.
    std::string organization_id;
    /// Agent tokens the agent_token grant accepts, each with whether it has `customers:own`.
    std::map<std::string, bool> agent_tokens;
    /// The lifetime of issued tokens (a request's `expires_in` overrides it), down to seconds.
    std::chrono::seconds token_lifetime{28800};
    /// The token prefix (`dal`, `fra`, `fra-a`); empty issues tokens without one.
    std::string region = "dal";
    /// Give a new `__lc_cst` on every cookie grant (the old one stops working).
    bool rotate_cst = false;
    /// An unknown or forged cookie pair gets `identity_exception` `unauthorized` instead of a
    /// new customer.
    bool reject_unknown_cookies = false;
    /// The table of issued tokens; created when empty. Give the same one to
    /// `MockServerConfig::issued_tokens` so the RTM mock checks these tokens.
    std::shared_ptr<IssuedTokens> issued_tokens;
};

/// One way to answer the next request badly.
struct AccountsFault {
    /// What happens.
    enum class Kind {
        respond, ///< answer `status` with `body` (e.g. 500 and "", 200 and an oauth_exception)
        stall,   ///< read the request, never answer
        cut,     ///< read the request, close the connection without answering
        trickle, ///< answer correctly, one byte per `delay`
        endless, ///< a 200 without length whose body never ends (until the client gives up)
        legacy,  ///< answer correctly, but with `expires_id` and without `organization_id`
        raw,     ///< write `body` as the whole response (any bytes), then stall until stopped
    };
    Kind kind = Kind::respond; ///< Which fault.
    unsigned status = 500; ///< respond: the status
    std::string body;      ///< respond: the body
    std::chrono::milliseconds delay{10}; ///< trickle: the pause between bytes

    /// `status` with `body`.
    static AccountsFault respond(unsigned status, std::string body = {})
    {
        AccountsFault f;
        f.status = status;
        f.body = std::move(body);
        return f;
    }
    /// An `oauth_exception` body (`value`) with `status`.
    static AccountsFault oauth(std::string value, unsigned status = 401);
    /// An `identity_exception` body (`value`) with `status`.
    static AccountsFault identity(std::string value, unsigned status = 200);
    /// No answer at all.
    static AccountsFault stall() { return of(Kind::stall); }
    /// The connection closed instead of an answer.
    static AccountsFault cut() { return of(Kind::cut); }
    /// A correct answer, one byte per `delay`.
    static AccountsFault trickle(std::chrono::milliseconds delay)
    {
        auto f = of(Kind::trickle);
        f.delay = delay;
        return f;
    }
    /// A body without end.
    static AccountsFault endless() { return of(Kind::endless); }
    /// A correct answer in the 2019 shape.
    static AccountsFault legacy() { return of(Kind::legacy); }
    /// `bytes` as they are, e.g. a Content-Length that does not match the body; the
    /// connection then stays open and silent.
    static AccountsFault raw(std::string bytes)
    {
        auto f = of(Kind::raw);
        f.body = std::move(bytes);
        return f;
    }

private:
    static AccountsFault of(Kind k)
    {
        AccountsFault f;
        f.kind = k;
        return f;
    }
};

/// One request the mock received, with secrets redacted: the agent token, the `__lc_cst`
/// value and identity codes read `<redacted>`.
struct AccountsRequest {
    std::string method; ///< `POST`, ...
    std::string target; ///< path and query
    std::string authorization; ///< `Bearer <redacted>` or empty
    std::string cookie;        ///< the Cookie header, `__lc_cst` value redacted, or empty
    std::string content_type;  ///< the Content-Type header
    std::string body;          ///< the JSON body, secrets redacted
    std::string grant_type;    ///< the body's `grant_type`
    std::string entity_id;     ///< the customer the grant answered for (empty on failure)
    unsigned status = 0;       ///< the status answered (0: none)
};

/// The mock Customer Accounts API.
///
/// Thread safety: use it on its executor. Lifetime: destroying it closes every connection.
class MockAccountsServer {
public:
    /// A stopped server on `ex`; `start()` listens.
    explicit MockAccountsServer(boost::asio::any_io_executor ex, MockAccountsConfig cfg = {});
    ~MockAccountsServer();
    MockAccountsServer(const MockAccountsServer&) = delete;
    MockAccountsServer& operator=(const MockAccountsServer&) = delete;

    /// Binds and starts accepting; returns the bind error, if any.
    error_code start();
    /// Stops accepting and closes every connection.
    void stop();
    /// The bound port (0 before `start()`).
    std::uint16_t port() const;
    /// `http[s]://127.0.0.1:<port>`: the base URL for `AccountsConfig::url`.
    std::string url() const;

    /// The next request gets `fault` (queued: first added, first used).
    void fail_next(AccountsFault fault);
    /// Changes the lifetime of tokens issued from now on.
    void set_token_lifetime(std::chrono::seconds lifetime);
    /// Forgets a customer: its cookies stop working (as if `__lc_cst` were lost server-side).
    void forget_customer(const std::string& entity_id);

    /// Every request received, in order.
    const std::vector<AccountsRequest>& requests() const;
    /// Tokens issued by successful grants.
    std::size_t tokens_issued() const;
    /// Customers created so far.
    std::size_t customers() const;
    /// The table of issued tokens (share it with the mock RTM server).
    std::shared_ptr<IssuedTokens> issued_tokens() const;

private:
    std::shared_ptr<detail::MockAccountsCore> impl_;
};

} // namespace livechat::rtm::testing

#endif

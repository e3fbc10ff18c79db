// Copyright (c) 2026 livechat-rtm authors. Distributed under the MIT License (see LICENSE).
#ifndef LIVECHAT_RTM_ACCOUNTS_TOKEN_CACHE_HPP
#define LIVECHAT_RTM_ACCOUNTS_TOKEN_CACHE_HPP

// Customer tokens out of the box: a cache that gets tokens from the Accounts API, keeps the
// customer's identity in a CredentialStore, and plugs into ClientConfig::token_provider.

#include <livechat/rtm/accounts/client.hpp>
#include <livechat/rtm/accounts/credential_store.hpp>
#include <livechat/rtm/config.hpp>
#include <livechat/rtm/reconnect.hpp>

#include <boost/asio/any_completion_handler.hpp>
#include <boost/asio/async_result.hpp>
#include <boost/asio/deferred.hpp>

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <optional>

namespace livechat::rtm::accounts {

/// What the cache asks for and how it keeps it.
struct TokenCacheOptions {
    /// The grant: `cookie` for an app with one customer, `agent_token` for a backend.
    GrantType grant = GrantType::cookie;
    /// cookie: the organization (required).
    std::string organization_id;
    /// cookie: a group-separated identity's group, or empty.
    std::string group_id;
    /// agent_token: the agent's OAuth token with `customers:own`. A secret of servers: never
    /// ship it in a customer-facing app.
    std::string agent_token;
    /// agent_token: the customer; empty takes the stored one, or creates a new customer and
    /// stores it.
    std::string entity_id;
    /// Keeps the identity between runs; an in-memory store when empty.
    std::shared_ptr<CredentialStore> store;
    /// A cached token with less than this left is replaced before it is handed out (the
    /// official SDK's hour).
    std::chrono::steady_clock::duration refresh_margin = std::chrono::hours(1);
    /// Asks for tokens of this lifetime (`expires_in`); zero leaves it to the server (8 h).
    std::chrono::seconds token_lifetime{0};
    /// Attempts per token, counting the first: network errors, 5xx, `server_error` and
    /// `temporarily_unavailable` (`is_transient`) are tried again after `retry` delays.
    unsigned max_attempts = 5;
    /// Delays between attempts (jittered exponential, as for reconnects).
    Backoff retry{std::chrono::milliseconds(500), std::chrono::milliseconds(30'000)};
    /// Values in [0, 1) for the jitter; a seeded PRNG when empty.
    std::function<double()> random;
};

namespace detail {
class TokenCacheCore;
using TokenHandler = boost::asio::any_completion_handler<void(error_code, CustomerToken)>;
LIVECHAT_RTM_DECL std::shared_ptr<TokenCacheCore> make_token_cache(
    boost::asio::any_io_executor ex, AccountsConfig accounts, TokenCacheOptions opts);
LIVECHAT_RTM_DECL void start_get_token(const std::shared_ptr<TokenCacheCore>& core, TokenReason why,
    Diagnostics* diag, TokenHandler handler);
LIVECHAT_RTM_DECL void cancel_cache(const std::shared_ptr<TokenCacheCore>& core);
LIVECHAT_RTM_DECL void invalidate_cache(const std::shared_ptr<TokenCacheCore>& core);
LIVECHAT_RTM_DECL std::optional<CustomerToken> cached_token(const TokenCacheCore& core);
LIVECHAT_RTM_DECL std::size_t grants_of(const TokenCacheCore& core) noexcept;
} // namespace detail

/// A caching customer-token source.
///
/// - **Single flight**: any number of concurrent asks share one Accounts request.
/// - **Refresh**: a cached token is handed out while more than `refresh_margin` is left;
///   asks saying `token_rejected` or `token_expired` (the RTM client says so after an
///   `authentication` login error or an `access_token_expired` / `access_token_revoked`
///   disconnect) always get a new one.
/// - **Identity**: the store's identity is used and updated after every grant (new cookies
///   replace the old). A grant that answers for another customer than the stored one fails
///   with `identity_changed`; the store keeps the old identity.
/// - **Retries**: transient errors are retried with jittered back-off up to `max_attempts`;
///   other errors (`invalid_client`, `identity_exception`s, ...) are reported at once.
///
/// **Thread safety**: every member may be called from any thread; the state lives on a strand
/// of the executor. Handlers run through their associated executor. **Lifetime**: the object is
/// a handle; `provider()` and pending operations keep the cache alive. **Cancellation**: per
/// operation (terminal/partial/total: the waiter completes with `operation_aborted`; the shared
/// request goes on for the others), or `cancel()` for everything.
class CustomerTokenCache {
public:
    /// A cache getting tokens from `accounts` as `opts` say. Nothing is requested yet.
    CustomerTokenCache(boost::asio::any_io_executor ex, AccountsConfig accounts, TokenCacheOptions opts)
        : core_(detail::make_token_cache(ex, std::move(accounts), std::move(opts)))
    {
    }

    /// A token for a login for reason `why`. Handler: `void(error_code, CustomerToken)`.
    template <class Token = boost::asio::deferred_t>
    auto async_get_token(TokenReason why, Token&& token = {})
    {
        return get(why, nullptr, std::forward<Token>(token));
    }
    /// As above, with the Accounts API's error text in `diag` (it must outlive the call).
    template <class Token = boost::asio::deferred_t>
    auto async_get_token(TokenReason why, Diagnostics& diag, Token&& token = {})
    {
        return get(why, &diag, std::forward<Token>(token));
    }

    /// The provider for `ClientConfig::token_provider` (it shares this cache).
    TokenProvider provider() const
    {
        return [core = core_](TokenReason why, TokenCallback done) {
            detail::start_get_token(core, why, nullptr,
                [done = std::move(done)](error_code ec, CustomerToken t) { done(ec, std::move(t.access_token)); });
        };
    }

    /// Drops the cached token: the next ask makes a new grant.
    void invalidate() { detail::invalidate_cache(core_); }
    /// Completes every waiting ask with `operation_aborted` and stops the request and retries.
    void cancel() { detail::cancel_cache(core_); }
    /// The cached token, if any.
    std::optional<CustomerToken> cached() const { return detail::cached_token(*core_); }
    /// Grant requests sent so far (retries included).
    std::size_t grants() const noexcept { return detail::grants_of(*core_); }

private:
    template <class Token>
    auto get(TokenReason why, Diagnostics* diag, Token&& token)
    {
        return boost::asio::async_initiate<Token, void(error_code, CustomerToken)>(
            [core = core_, why, diag](auto handler) { detail::start_get_token(core, why, diag, std::move(handler)); },
            token);
    }

    std::shared_ptr<detail::TokenCacheCore> core_;
};

} // namespace livechat::rtm::accounts

#endif

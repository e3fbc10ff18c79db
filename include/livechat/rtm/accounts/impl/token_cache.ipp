// Copyright (c) 2026 livechat-rtm authors. Distributed under the MIT License (see LICENSE).
#ifndef LIVECHAT_RTM_ACCOUNTS_IMPL_TOKEN_CACHE_IPP
#define LIVECHAT_RTM_ACCOUNTS_IMPL_TOKEN_CACHE_IPP

#include <livechat/rtm/accounts/token_cache.hpp>
#include <livechat/rtm/impl/internal/seed.hpp>

#include <boost/asio/bind_cancellation_slot.hpp>
#include <boost/asio/bind_executor.hpp>
#include <boost/asio/cancellation_signal.hpp>
#include <boost/asio/dispatch.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>

#include <atomic>
#include <cstdint>
#include <list>
#include <mutex>
#include <random>

namespace livechat::rtm::accounts::detail {

namespace asio = boost::asio;

class TokenCacheCore : public std::enable_shared_from_this<TokenCacheCore> {
public:
    TokenCacheCore(asio::any_io_executor ex, AccountsConfig accounts, TokenCacheOptions opts)
        : strand_(asio::make_strand(ex)), client_(strand_, std::move(accounts)), opts_(std::move(opts)),
          retry_timer_(strand_), rng_(static_cast<std::minstd_rand::result_type>(rtm::detail::fresh_seed()))
    {
        if (!opts_.store)
            opts_.store = std::make_shared<MemoryCredentialStore>();
    }

    void get(TokenReason why, Diagnostics* diag, TokenHandler handler)
    {
        asio::dispatch(strand_, [self = shared_from_this(), why, diag, h = std::move(handler)]() mutable {
            self->on_get(why, diag, std::move(h));
        });
    }

    void cancel()
    {
        asio::dispatch(strand_, [self = shared_from_this()] {
            self->request_cancel_.emit(asio::cancellation_type::terminal);
            self->retry_timer_.cancel();
            self->fail_all(asio::error::operation_aborted);
        });
    }

    void invalidate()
    {
        asio::dispatch(strand_, [self = shared_from_this()] { self->set_token(std::nullopt); });
    }

    std::optional<CustomerToken> cached() const
    {
        std::lock_guard<std::mutex> lock(snapshot_mutex_);
        return snapshot_;
    }

    std::size_t grants() const noexcept { return grants_.load(); }

private:
    struct Waiter {
        TokenHandler handler;
        Diagnostics* diag;
        std::uint64_t id;
    };

    void on_get(TokenReason why, Diagnostics* diag, TokenHandler handler)
    {
        if (why == TokenReason::token_rejected || why == TokenReason::token_expired)
            set_token(std::nullopt); // that one is done for, whatever is left of its time
        if (token_ && token_->expires_at - std::chrono::steady_clock::now() > opts_.refresh_margin)
            return complete(std::move(handler), diag, {}, *token_, {});
        auto& waiter = waiters_.emplace_back(Waiter{std::move(handler), diag, ++last_waiter_});
        // An ask cancelled alone leaves the shared request to the others.
        auto slot = asio::get_associated_cancellation_slot(waiter.handler);
        if (slot.is_connected()) {
            slot.assign([w = weak_from_this(), id = waiter.id](asio::cancellation_type type) {
                if (type == asio::cancellation_type::none)
                    return;
                if (auto self = w.lock())
                    asio::dispatch(self->strand_, [self, id] { self->abandon(id); });
            });
        }
        if (!fetching_) {
            fetching_ = true;
            attempt_ = 0;
            send();
        }
    }

    /// Drops waiter `id` (cancelled) if it is still waiting.
    void abandon(std::uint64_t id)
    {
        for (auto w = waiters_.begin(); w != waiters_.end(); ++w) {
            if (w->id == id) {
                auto waiter = std::move(*w);
                waiters_.erase(w);
                return complete(std::move(waiter.handler), waiter.diag, asio::error::operation_aborted, {}, {});
            }
        }
    }

    /// The grant to ask for, from the options and the stored identity.
    error_code make_request(GrantRequest& req, Diagnostics& diag)
    {
        if (!loaded_) {
            if (auto ec = opts_.store->load(identity_)) {
                diag.client_message = "the credential store could not be read: " + ec.message();
                return ec;
            }
            loaded_ = true;
        }
        if (identity_ && opts_.grant == GrantType::cookie &&
            (identity_->organization_id != opts_.organization_id || identity_->group_id != opts_.group_id)) {
            diag.client_message = "the credential store holds a customer of organization '" + identity_->organization_id +
                                  "', not of '" + opts_.organization_id + "'";
            return error::identity_changed;
        }
        switch (opts_.grant) {
        case GrantType::cookie:
            req = GrantRequest::cookie(opts_.organization_id, identity_ ? identity_->cookies : Cookies{});
            req.group_id = opts_.group_id;
            break;
        case GrantType::agent_token:
            req = GrantRequest::agent(opts_.agent_token, expected_entity());
            break;
        case GrantType::identity_token:
            diag.client_message = "the token cache cannot renew identity_token grants (one-time codes)";
            return error::invalid_config;
        }
        req.expires_in = opts_.token_lifetime;
        return {};
    }

    std::string expected_entity() const
    {
        if (!opts_.entity_id.empty())
            return opts_.entity_id;
        return identity_ ? identity_->entity_id : std::string();
    }

    void send()
    {
        GrantRequest req;
        diag_.clear();
        if (auto ec = make_request(req, diag_))
            return finish(ec, {});
        ++grants_;
        client_.async_request_token(std::move(req), diag_,
            asio::bind_cancellation_slot(request_cancel_.slot(),
                asio::bind_executor(strand_, [self = shared_from_this()](error_code ec, TokenGrant grant) {
                    self->on_grant(ec, std::move(grant));
                })));
    }

    void on_grant(error_code ec, TokenGrant grant)
    {
        if (!fetching_)
            return; // cancelled meanwhile
        if (ec) {
            if (is_transient(ec) && ++attempt_ < std::max(1u, opts_.max_attempts)) {
                double r = opts_.random ? opts_.random() : std::uniform_real_distribution<double>(0, 1)(rng_);
                retry_timer_.expires_after(backoff_delay(opts_.retry, attempt_ - 1, false, r));
                return retry_timer_.async_wait([self = shared_from_this()](error_code wait_ec) {
                    if (!wait_ec && self->fetching_)
                        self->send();
                });
            }
            return finish(ec, {});
        }
        auto expected = expected_entity();
        if (!expected.empty() && !grant.token.entity_id.empty() && grant.token.entity_id != expected) {
            diag_.client_message = "the Accounts API answered for customer '" + grant.token.entity_id +
                                   "', but the stored customer is '" + expected + "'";
            return finish(error::identity_changed, {});
        }
        StoredIdentity next = identity_.value_or(StoredIdentity{});
        next.organization_id = opts_.grant == GrantType::cookie ? opts_.organization_id : grant.token.organization_id;
        next.group_id = opts_.group_id;
        if (!grant.token.entity_id.empty())
            next.entity_id = grant.token.entity_id;
        if (!grant.cookies.lc_cid.empty())
            next.cookies.lc_cid = grant.cookies.lc_cid;
        if (!grant.cookies.lc_cst.empty())
            next.cookies.lc_cst = grant.cookies.lc_cst;
        if (!identity_ || !(*identity_ == next)) {
            if (auto store_ec = opts_.store->save(next)) {
                // The token works, but the customer would be lost with this run: say so.
                diag_.client_message = "the credential store could not be written: " + store_ec.message();
                return finish(store_ec, {});
            }
            identity_ = std::move(next);
        }
        set_token(grant.token);
        finish({}, std::move(grant.token));
    }

    void finish(error_code ec, CustomerToken token)
    {
        fetching_ = false;
        auto waiting = std::move(waiters_);
        waiters_.clear();
        for (auto& w : waiting)
            complete(std::move(w.handler), w.diag, ec, token, diag_);
    }

    void fail_all(error_code ec)
    {
        fetching_ = false;
        diag_.clear();
        finish(ec, {});
    }

    void set_token(std::optional<CustomerToken> t)
    {
        token_ = t;
        std::lock_guard<std::mutex> lock(snapshot_mutex_);
        snapshot_ = std::move(t);
    }

    void complete(TokenHandler h, Diagnostics* diag, error_code ec, CustomerToken token, const Diagnostics& text)
    {
        if (diag)
            *diag = text;
        auto slot = asio::get_associated_cancellation_slot(h);
        if (slot.is_connected())
            slot.clear();
        auto hex = asio::get_associated_executor(h, strand_);
        asio::post(strand_, asio::bind_executor(hex, [h = std::move(h), ec, t = std::move(token)]() mutable {
            std::move(h)(ec, std::move(t));
        }));
    }

    asio::strand<asio::any_io_executor> strand_;
    AccountsClient client_;
    TokenCacheOptions opts_;
    asio::steady_timer retry_timer_;
    asio::cancellation_signal request_cancel_;
    std::minstd_rand rng_;
    std::list<Waiter> waiters_;
    std::uint64_t last_waiter_ = 0;
    std::optional<CustomerToken> token_;
    std::optional<StoredIdentity> identity_;
    bool loaded_ = false;
    bool fetching_ = false;
    unsigned attempt_ = 0;
    Diagnostics diag_; ///< the current request's text, shared by its waiters
    std::atomic<std::size_t> grants_{0};
    mutable std::mutex snapshot_mutex_; ///< guards `snapshot_` for `cached()` from any thread
    std::optional<CustomerToken> snapshot_;
};

LIVECHAT_RTM_DECL std::shared_ptr<TokenCacheCore> make_token_cache(
    asio::any_io_executor ex, AccountsConfig accounts, TokenCacheOptions opts)
{
    return std::make_shared<TokenCacheCore>(ex, std::move(accounts), std::move(opts));
}

LIVECHAT_RTM_DECL void start_get_token(const std::shared_ptr<TokenCacheCore>& core, TokenReason why,
    Diagnostics* diag, TokenHandler handler)
{
    core->get(why, diag, std::move(handler));
}

LIVECHAT_RTM_DECL void cancel_cache(const std::shared_ptr<TokenCacheCore>& core) { core->cancel(); }
LIVECHAT_RTM_DECL void invalidate_cache(const std::shared_ptr<TokenCacheCore>& core) { core->invalidate(); }
LIVECHAT_RTM_DECL std::optional<CustomerToken> cached_token(const TokenCacheCore& core) { return core.cached(); }
LIVECHAT_RTM_DECL std::size_t grants_of(const TokenCacheCore& core) noexcept { return core.grants(); }

} // namespace livechat::rtm::accounts::detail

#endif

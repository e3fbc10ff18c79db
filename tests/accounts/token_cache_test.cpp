// The caching token provider: single flight, refresh, identity, retries; and the RTM client
// logging in with its tokens against the mock RTM server sharing the issued-token table.

#include "accounts_support.hpp"

#include <livechat/rtm/client.hpp>
#include <livechat/rtm/default_version.hpp>

#include <boost/asio/bind_cancellation_slot.hpp>
#include <boost/asio/cancellation_signal.hpp>

namespace {

using namespace accounts_test;
using livechat::rtm::TokenReason;

class TokenCacheFixture : public AccountsFixture {
protected:
    accounts::TokenCacheOptions cookie_options()
    {
        accounts::TokenCacheOptions o;
        o.organization_id = organization;
        o.store = store;
        o.retry.min_delay = 5ms;
        o.retry.max_delay = 20ms;
        o.random = [] { return 0.0; };
        return o;
    }

    Answer<accounts::CustomerToken> get(accounts::CustomerTokenCache& cache, TokenReason why = TokenReason::first_login)
    {
        return complete_once<accounts::CustomerToken>(ioc, [&](livechat::rtm::Diagnostics& diag, auto done) {
            cache.async_get_token(why, diag, done);
        });
    }

    std::shared_ptr<accounts::MemoryCredentialStore> store = std::make_shared<accounts::MemoryCredentialStore>();
};

TEST_F(TokenCacheFixture, ASecondRunWithTheStoredCookiesIsTheSameCustomer)
{
    std::string first_entity;
    {
        accounts::CustomerTokenCache cache(ioc.get_executor(), accounts_config(), cookie_options());
        auto a = get(cache);
        ASSERT_FALSE(a.ec) << a.ec.message();
        first_entity = a.value.entity_id;
    }
    std::optional<accounts::StoredIdentity> kept;
    ASSERT_FALSE(store->load(kept));
    ASSERT_TRUE(kept);
    EXPECT_EQ(kept->entity_id, first_entity);
    EXPECT_EQ(kept->organization_id, organization);
    EXPECT_FALSE(kept->cookies.lc_cst.empty());

    accounts::CustomerTokenCache next_run(ioc.get_executor(), accounts_config(), cookie_options());
    auto b = get(next_run);
    ASSERT_FALSE(b.ec);
    EXPECT_EQ(b.value.entity_id, first_entity);
    EXPECT_EQ(server.customers(), 1u);
    EXPECT_EQ(server.tokens_issued(), 2u);
}

TEST_F(TokenCacheFixture, RotatedCookiesReplaceTheStoredOnes)
{
    auto cfg = mock_config();
    cfg.rotate_cst = true;
    testing_ns::MockAccountsServer rotating(ioc.get_executor(), cfg);
    ASSERT_FALSE(rotating.start());
    auto acfg = accounts_config();
    acfg.url = rotating.url();
    accounts::CustomerTokenCache cache(ioc.get_executor(), acfg, cookie_options());
    ASSERT_FALSE(get(cache).ec);
    std::optional<accounts::StoredIdentity> before, after;
    store->load(before);
    auto again = get(cache, TokenReason::token_expired);
    ASSERT_FALSE(again.ec) << again.diag.server_message;
    store->load(after);
    EXPECT_NE(before->cookies.lc_cst, after->cookies.lc_cst);
    EXPECT_EQ(before->entity_id, after->entity_id);
}

TEST_F(TokenCacheFixture, AChangedCustomerIsReportedAndTheStoredOneKept)
{
    accounts::CustomerTokenCache cache(ioc.get_executor(), accounts_config(), cookie_options());
    auto a = get(cache);
    ASSERT_FALSE(a.ec);
    server.forget_customer(a.value.entity_id); // the server no longer knows the cookies: a new customer
    auto b = get(cache, TokenReason::token_rejected);
    EXPECT_EQ(b.ec, accounts::error::identity_changed);
    EXPECT_NE(b.diag.client_message.find(a.value.entity_id), std::string::npos);
    std::optional<accounts::StoredIdentity> kept;
    store->load(kept);
    EXPECT_EQ(kept->entity_id, a.value.entity_id) << "never silently switched";
}

TEST_F(TokenCacheFixture, AStoreOfAnotherOrganizationIsNotUsed)
{
    store->save({"another-org", "", "someone", {"someone", "secret"}});
    accounts::CustomerTokenCache cache(ioc.get_executor(), accounts_config(), cookie_options());
    EXPECT_EQ(get(cache).ec, accounts::error::identity_changed);
    EXPECT_TRUE(server.requests().empty());
}

TEST_F(TokenCacheFixture, TenConcurrentAsksMakeOneRequest)
{
    accounts::CustomerTokenCache cache(ioc.get_executor(), accounts_config(), cookie_options());
    std::vector<std::string> tokens;
    for (int i = 0; i < 10; ++i)
        cache.async_get_token(TokenReason::first_login, [&](error_code ec, accounts::CustomerToken t) {
            EXPECT_FALSE(ec);
            tokens.push_back(t.access_token);
        });
    ASSERT_TRUE(rtm_test::run_until(ioc, [&] { return tokens.size() == 10; }));
    EXPECT_EQ(server.requests().size(), 1u);
    EXPECT_EQ(cache.grants(), 1u);
    EXPECT_EQ(std::count(tokens.begin(), tokens.end(), tokens.front()), 10);
    // Cached now: another ask makes no request.
    ASSERT_FALSE(get(cache).ec);
    EXPECT_EQ(server.requests().size(), 1u);
}

TEST_F(TokenCacheFixture, ATokenNearItsEndOrRejectedIsReplaced)
{
    auto opts = cookie_options();
    opts.refresh_margin = 1h;
    opts.token_lifetime = std::chrono::seconds(1800); // less than the margin: every ask refreshes
    accounts::CustomerTokenCache short_lived(ioc.get_executor(), accounts_config(), opts);
    ASSERT_FALSE(get(short_lived).ec);
    ASSERT_FALSE(get(short_lived).ec);
    EXPECT_EQ(server.tokens_issued(), 2u);

    accounts::CustomerTokenCache cache(ioc.get_executor(), accounts_config(), cookie_options());
    auto a = get(cache);
    EXPECT_EQ(get(cache, TokenReason::reconnect).value.access_token, a.value.access_token);
    EXPECT_NE(get(cache, TokenReason::token_rejected).value.access_token, a.value.access_token);
    EXPECT_NE(get(cache, TokenReason::token_expired).value.access_token, a.value.access_token);
    EXPECT_EQ(server.tokens_issued(), 5u);
}

TEST_F(TokenCacheFixture, TransientErrorsAreRetriedWithBackoffThenSucceed)
{
    server.fail_next(accounts_fault::respond(500));
    server.fail_next(accounts_fault::oauth("temporarily_unavailable", 503));
    server.fail_next(accounts_fault::cut());
    accounts::CustomerTokenCache cache(ioc.get_executor(), accounts_config(), cookie_options());
    auto a = get(cache);
    ASSERT_FALSE(a.ec) << a.ec.message();
    EXPECT_EQ(cache.grants(), 4u);
    EXPECT_EQ(server.requests().size(), 4u);
}

TEST_F(TokenCacheFixture, RetriesStopAtTheLimitAndFatalErrorsAtOnce)
{
    auto opts = cookie_options();
    opts.max_attempts = 2;
    accounts::CustomerTokenCache cache(ioc.get_executor(), accounts_config(), opts);
    server.fail_next(accounts_fault::respond(500));
    server.fail_next(accounts_fault::respond(500));
    EXPECT_EQ(get(cache).ec, accounts::error::http_unavailable);
    EXPECT_EQ(cache.grants(), 2u);

    server.fail_next(accounts_fault::oauth("invalid_client"));
    auto fatal = get(cache);
    EXPECT_EQ(fatal.ec, accounts::error::invalid_client);
    EXPECT_EQ(fatal.diag.server_type, "invalid_client");
    EXPECT_EQ(cache.grants(), 3u) << "a fatal error is not retried";
}

TEST_F(TokenCacheFixture, AStalledServerTimesOutAndIsReported)
{
    auto cfg = accounts_config();
    cfg.timeout = 200ms;
    auto opts = cookie_options();
    opts.max_attempts = 1;
    accounts::CustomerTokenCache cache(ioc.get_executor(), cfg, opts);
    server.fail_next(accounts_fault::stall());
    EXPECT_EQ(get(cache).ec, accounts::error::timeout);
}

TEST_F(TokenCacheFixture, OneCancelledAskLeavesTheRequestToTheOthers)
{
    server.fail_next(accounts_fault::trickle(1ms));
    accounts::CustomerTokenCache cache(ioc.get_executor(), accounts_config(), cookie_options());
    boost::asio::cancellation_signal cancel;
    rtm_test::Outcome<accounts::CustomerToken> cancelled, kept;
    cache.async_get_token(TokenReason::first_login, boost::asio::bind_cancellation_slot(cancel.slot(), cancelled.handler()));
    cache.async_get_token(TokenReason::first_login, kept.handler());
    ASSERT_TRUE(rtm_test::run_until(ioc, [&] { return !server.requests().empty(); }));
    cancel.emit(boost::asio::cancellation_type::terminal);
    ASSERT_TRUE(rtm_test::run_until(ioc, [&] { return cancelled.done() && kept.done(); }));
    EXPECT_EQ(cancelled.ec, boost::asio::error::operation_aborted);
    EXPECT_FALSE(kept.ec) << kept.ec.message();
    EXPECT_EQ(cache.grants(), 1u);
}

TEST_F(TokenCacheFixture, TheAgentGrantKeepsTheCustomerItCreated)
{
    auto opts = cookie_options();
    opts.grant = accounts::GrantType::agent_token;
    opts.agent_token = agent_token;
    accounts::CustomerTokenCache cache(ioc.get_executor(), accounts_config(), opts);
    auto a = get(cache);
    ASSERT_FALSE(a.ec) << a.diag.server_type;
    auto b = get(cache, TokenReason::token_expired);
    ASSERT_FALSE(b.ec);
    EXPECT_EQ(a.value.entity_id, b.value.entity_id);
    std::optional<accounts::StoredIdentity> kept;
    store->load(kept);
    EXPECT_EQ(kept->entity_id, a.value.entity_id);
    EXPECT_TRUE(kept->cookies.empty());
}

// ---- the RTM client with the cache's tokens ---------------------------------------------------

class TokensWithRtm : public TokenCacheFixture {
protected:
    TokensWithRtm() : rtm_server(ioc.get_executor(), rtm_config(server.issued_tokens()))
    {
        EXPECT_FALSE(rtm_server.start());
    }

    static testing_ns::MockServerConfig rtm_config(std::shared_ptr<testing_ns::IssuedTokens> tokens)
    {
        testing_ns::MockServerConfig c;
        c.issued_tokens = std::move(tokens);
        return c;
    }

    livechat::rtm::ClientConfig client_config(accounts::CustomerTokenCache& cache)
    {
        auto cfg = rtm_test::fast_config(rtm_server);
        cfg.url = rtm_server.url_v3_6();
        cfg.token_provider = cache.provider();
        cfg.reconnect.enabled = true;
        cfg.reconnect.backoff.min_delay = 1ms;
        cfg.reconnect.backoff.slow_min_delay = 1ms;
        cfg.reconnect.random = [] { return 0.0; };
        return cfg;
    }

    testing_ns::MockServer rtm_server;
};

TEST_F(TokensWithRtm, EachExpiryLeadsToExactlyOneNewGrantAndOneRelogin)
{
    server.set_token_lifetime(std::chrono::seconds(2));
    auto opts = cookie_options();
    opts.refresh_margin = 100ms;
    accounts::CustomerTokenCache cache(ioc.get_executor(), accounts_config(), opts);
    livechat::rtm::RtmClient client(ioc.get_executor(), client_config(cache));
    std::vector<livechat::rtm::TokenReason> asked;
    rtm_test::RunOutcome run;
    client.async_run(run.handler());
    // Two expiries: three logins, three grants.
    ASSERT_TRUE(rtm_test::run_until(ioc, [&] { return rtm_server.count("login") == 3 &&
                                                       client.state() == livechat::rtm::SessionState::ready; },
        9000ms));
    EXPECT_EQ(server.tokens_issued(), 3u);
    EXPECT_EQ(cache.grants(), 3u);
    EXPECT_EQ(std::count(rtm_server.disconnect_reasons().begin(), rtm_server.disconnect_reasons().end(),
                  "access_token_expired"), 2);
    client.cancel();
    ASSERT_TRUE(rtm_test::run_until(ioc, [&] { return run.done(); }));
}

TEST_F(TokensWithRtm, TheRtmLoginIsTheAccountsCustomer)
{
    accounts::CustomerTokenCache cache(ioc.get_executor(), accounts_config(), cookie_options());
    livechat::rtm::RtmClient client(ioc.get_executor(), client_config(cache));
    rtm_test::RunOutcome run;
    client.async_run(run.handler());
    rtm_test::Outcome<livechat::rtm::v3_6::LoginResponse> login;
    client.async_login({}, login.handler());
    ASSERT_TRUE(rtm_test::run_until(ioc, [&] { return login.done(); }));
    ASSERT_FALSE(login.ec) << login.ec.message();
    EXPECT_EQ(login.value.customer.id, cache.cached()->entity_id);
    client.cancel();
    ASSERT_TRUE(rtm_test::run_until(ioc, [&] { return run.done(); }));
}

TEST_F(TokensWithRtm, AFatalAccountsErrorEndsTheRun)
{
    server.fail_next(accounts_fault::oauth("invalid_client"));
    accounts::CustomerTokenCache cache(ioc.get_executor(), accounts_config(), cookie_options());
    livechat::rtm::RtmClient client(ioc.get_executor(), client_config(cache));
    rtm_test::RunOutcome run;
    client.async_run(run.handler());
    ASSERT_TRUE(rtm_test::run_until(ioc, [&] { return run.done(); }));
    EXPECT_EQ(run.ec, accounts::error::invalid_client);
    EXPECT_EQ(rtm_server.count("login"), 0u);
}

TEST_F(TokensWithRtm, AnUnknownOrExpiredTokenIsRefusedAtLogin)
{
    auto cfg = rtm_test::fast_config(rtm_server);
    cfg.url = rtm_server.url_v3_6();
    cfg.token_provider = livechat::rtm::static_token("dal:never-issued");
    livechat::rtm::RtmClient client(ioc.get_executor(), cfg);
    rtm_test::RunOutcome run;
    client.async_run(run.handler());
    ASSERT_TRUE(rtm_test::run_until(ioc, [&] { return run.done(); }));
    EXPECT_EQ(run.ec, livechat::rtm::error::authentication);
}

} // namespace

// No secret of the token paths reaches any trace, diagnostics or error text: access tokens,
// `__lc_cst`, the agent token (Authorization) and the Cookie header's values.

#include "accounts_support.hpp"

#include <livechat/rtm/default_version.hpp>

#include <nlohmann/json.hpp>

namespace {

using namespace accounts_test;

class SecretsFixture : public AccountsFixture {
protected:
    /// Every text a user could log: traces, diagnostics, error messages, the mock's records.
    std::vector<std::string> texts;
    /// Every secret seen on the wire or handed to the SDK.
    std::vector<std::string> secrets{agent_token};

    void keep(const livechat::rtm::Diagnostics& d, error_code ec)
    {
        for (const auto* t : {&d.server_type, &d.server_message, &d.server_data, &d.client_message})
            texts.push_back(*t);
        texts.push_back(ec.message());
    }

    accounts::AccountsConfig traced()
    {
        auto cfg = accounts_config();
        cfg.trace = [this](std::string_view line) { texts.emplace_back(line); };
        return cfg;
    }

    void expect_no_secret()
    {
        for (const auto& r : server.requests())
            for (const auto* t : {&r.authorization, &r.cookie, &r.body, &r.target})
                texts.push_back(*t);
        ASSERT_GT(texts.size(), 20u);
        for (const auto& secret : secrets) {
            ASSERT_GE(secret.size(), 8u);
            for (const auto& text : texts)
                EXPECT_EQ(text.find(secret), std::string::npos) << "secret in: " << text;
        }
    }
};

TEST_F(SecretsFixture, NoTraceOrErrorTextHoldsASecret)
{
    // Grants that succeed: their tokens and cookies become secrets to look for.
    auto first = grant(accounts::GrantRequest::cookie(organization), traced());
    ASSERT_FALSE(first.ec);
    keep(first.diag, first.ec);
    secrets.push_back(first.value.token.access_token);
    secrets.push_back(first.value.cookies.lc_cst);
    auto agent = grant(accounts::GrantRequest::agent(agent_token), traced());
    ASSERT_FALSE(agent.ec);
    secrets.push_back(agent.value.token.access_token);

    // A server that echoes what it got into its error text, in every field it has.
    auto echo = [](const std::string& what) {
        return accounts_fault::respond(401, nlohmann::json{{"oauth_exception", "invalid_request " + what},
                                                {"exception_description", "got " + what + ", \"" + what + "\""}}.dump());
    };
    server.fail_next(echo("Authorization: Bearer " + agent_token));
    auto echoed = grant(accounts::GrantRequest::agent(agent_token), traced());
    EXPECT_EQ(echoed.ec, accounts::error::oauth_other);
    keep(echoed.diag, echoed.ec);
    server.fail_next(echo("Cookie: __lc_cid=x; __lc_cst=" + first.value.cookies.lc_cst));
    auto echoed_cookie = grant(accounts::GrantRequest::cookie(organization, first.value.cookies), traced());
    EXPECT_EQ(echoed_cookie.ec, accounts::error::oauth_other);
    keep(echoed_cookie.diag, echoed_cookie.ec);

    // Faults: each error text is kept.
    auto cfg = traced();
    cfg.timeout = 200ms;
    for (auto fault : {accounts_fault::stall(), accounts_fault::cut(), accounts_fault::respond(500, "oops"),
             accounts_fault::identity("unauthorized")}) {
        server.fail_next(fault);
        auto r = grant(accounts::GrantRequest::cookie(organization, first.value.cookies), cfg);
        EXPECT_TRUE(r.ec);
        keep(r.diag, r.ec);
    }

    // The RTM client on the cache's tokens: frame traces and the run's diagnostics.
    testing_ns::MockServerConfig rc;
    rc.issued_tokens = server.issued_tokens();
    testing_ns::MockServer rtm_server(ioc.get_executor(), rc);
    ASSERT_FALSE(rtm_server.start());
    accounts::TokenCacheOptions opts;
    opts.organization_id = organization;
    accounts::CustomerTokenCache cache(ioc.get_executor(), traced(), opts);
    auto ccfg = rtm_test::fast_config(rtm_server);
    ccfg.url = rtm_server.url_v3_6();
    ccfg.token_provider = cache.provider();
    ccfg.frame_trace = [this](livechat::rtm::FrameDirection, std::string_view text) { texts.emplace_back(text); };
    livechat::rtm::RtmClient client(ioc.get_executor(), ccfg);
    rtm_test::RunOutcome run;
    client.async_run(run.handler());
    ASSERT_TRUE(rtm_test::run_until(ioc, [&] { return client.state() == livechat::rtm::SessionState::ready; }));
    secrets.push_back(cache.cached()->access_token);
    rtm_server.disconnect_all("access_token_revoked");
    ASSERT_TRUE(rtm_test::run_until(ioc, [&] { return run.done(); }));
    keep(client.diagnostics(), run.ec);

    expect_no_secret();
}

} // namespace

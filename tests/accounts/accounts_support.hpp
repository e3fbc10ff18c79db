// Shared by the Accounts tests: a mock Accounts server and one-call grants.
#ifndef LIVECHAT_RTM_TESTS_ACCOUNTS_SUPPORT_HPP
#define LIVECHAT_RTM_TESTS_ACCOUNTS_SUPPORT_HPP

#include <livechat/rtm/accounts/client.hpp>
#include <livechat/rtm/accounts/credential_store.hpp>
#include <livechat/rtm/accounts/token_cache.hpp>
#include <livechat/rtm/testing/mock_accounts_server.hpp>

#include "test_support.hpp"

#include <gtest/gtest.h>

namespace accounts_test {

using namespace std::chrono_literals;
namespace accounts = livechat::rtm::accounts;
namespace testing_ns = livechat::rtm::testing;
using accounts_fault = testing_ns::AccountsFault;
using livechat::rtm::error_code;

inline const std::string organization = "390e44e6-f1e6-4368-a6dd-74a14508c2e0";
inline const std::string client_id = "9cbf3a968289727cb3cdfe83ab1d9836";
inline const std::string agent_token = "dal:agent-secret-with-customers-own";
inline const std::string weak_agent_token = "dal:agent-secret-without-scope";

/// An outcome with its diagnostics.
template <class T>
struct Answer {
    error_code ec;
    T value{};
    livechat::rtm::Diagnostics diag;
};

/// Starts one operation (`start(diag, handler)`), runs `ioc` until it completes (bounded) and
/// checks that it completed exactly once.
template <class T, class Start>
Answer<T> complete_once(boost::asio::io_context& ioc, Start start, std::chrono::milliseconds limit = 10000ms)
{
    Answer<T> a;
    int calls = 0;
    start(a.diag, [&](error_code ec, T v) {
        ++calls;
        a.ec = ec;
        a.value = std::move(v);
    });
    EXPECT_TRUE(rtm_test::run_until(ioc, [&] { return calls > 0; }, limit));
    EXPECT_EQ(calls, 1);
    return a;
}

class AccountsFixture : public ::testing::Test {
protected:
    AccountsFixture() : server(ioc.get_executor(), mock_config()) { EXPECT_FALSE(server.start()); }

    static testing_ns::MockAccountsConfig mock_config()
    {
        testing_ns::MockAccountsConfig c;
        c.client_ids = {client_id};
        c.organization_id = organization;
        c.agent_tokens = {{agent_token, true}, {weak_agent_token, false}};
        return c;
    }

    accounts::AccountsConfig accounts_config() const
    {
        accounts::AccountsConfig c;
        c.url = server.url();
        c.client_id = client_id;
        c.timeout = 2s;
        return c;
    }

    /// One grant, run to its end (bounded).
    Answer<accounts::TokenGrant> grant(const accounts::GrantRequest& req)
    {
        return grant(req, accounts_config());
    }
    Answer<accounts::TokenGrant> grant(const accounts::GrantRequest& req, const accounts::AccountsConfig& cfg)
    {
        accounts::AccountsClient client(ioc.get_executor(), cfg);
        return complete_once<accounts::TokenGrant>(ioc, [&](livechat::rtm::Diagnostics& diag, auto done) {
            client.async_request_token(req, diag, done);
        });
    }

    boost::asio::io_context ioc;
    testing_ns::MockAccountsServer server;
};

} // namespace accounts_test

#endif

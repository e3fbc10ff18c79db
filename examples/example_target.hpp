// Shared by the examples: where to connect and how to get tokens. With no option, an in-process
// mock server with a scripted agent and a mock Accounts API (no LiveChat account needed); with
// --organization-id ID (3.6), --license-id N (v3.0) or --url URL, the real service, with a
// token (--token T, --token-file F) or tokens of its own from the Accounts API (--client-id C,
// with --identity-file F to stay the same customer across runs).
#ifndef LIVECHAT_RTM_EXAMPLES_EXAMPLE_TARGET_HPP
#define LIVECHAT_RTM_EXAMPLES_EXAMPLE_TARGET_HPP

#include "api_version.hpp"

#include <livechat/rtm/accounts/token_cache.hpp>
#include <livechat/rtm/config.hpp>
#include <livechat/rtm/testing/mock_accounts_server.hpp>
#include <livechat/rtm/testing/mock_server.hpp>
#include <livechat/rtm/web/client.hpp>
#include <livechat/rtm/testing/scripted_agent.hpp>

#include <boost/asio/any_io_executor.hpp>

#include <cstdlib>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

namespace examples {

namespace rtm = livechat::rtm;

/// The endpoint and token of a run, and the mock service when there is one.
struct Target {
    rtm::ClientConfig config;           ///< url or license_id, and a token provider, filled in
    rtm::web::WebApiConfig web;         ///< the Web API of the same account and tokens (files)
    std::vector<std::string> rest;      ///< arguments the target did not consume
    std::unique_ptr<rtm::testing::MockAccountsServer> accounts_mock;
    std::unique_ptr<rtm::testing::MockServer> mock;
    std::unique_ptr<rtm::accounts::CustomerTokenCache> tokens; ///< with --client-id, and on the mock
    std::unique_ptr<rtm::testing::ScriptedAgent> agent;
    std::string description;            ///< for the banner
    std::string identity_file;          ///< with --client-id: where the customer is kept, else empty

    /// Stops the mock services (when there are any), so that `run()` returns.
    void stop_mock()
    {
        if (mock)
            mock->stop();
        if (accounts_mock)
            accounts_mock->stop();
    }
};

inline const char* target_usage()
{
    return "  (no option)        chat with a scripted agent on an in-process mock server\n"
           "  --organization-id ID  the real service (3.6), organization ID (needs a token)\n"
           "  --license-id N     the real service (v3.0 builds), license N (needs a token)\n"
           "  --url URL          any ws:// or wss:// endpoint (needs a token)\n"
           "  --token T          the customer access token\n"
           "  --token-file F     read the token from F\n"
           "  --client-id C      get tokens from the Accounts API instead (with --organization-id)\n"
           "  --identity-file F  keep the customer in F across runs (with --client-id)\n";
}

/// Reads the target options from the command line; on a problem prints it and returns nullopt.
/// `default_identity_file`: where --client-id keeps the customer when --identity-file is not
/// given (empty: nowhere, a new customer each run).
inline std::optional<Target> make_target(boost::asio::any_io_executor ex, int argc, char** argv,
    std::string default_identity_file = {})
{
    Target t;
    std::string token, client_id, identity_file;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        bool has_value = i + 1 < argc;
        if (a == "--license-id" && has_value)
            t.config.license_id = std::strtoull(argv[++i], nullptr, 10);
        else if (a == "--organization-id" && has_value)
            t.config.organization_id = argv[++i];
        else if (a == "--url" && has_value)
            t.config.url = argv[++i];
        else if (a == "--token" && has_value)
            token = argv[++i];
        else if (a == "--client-id" && has_value)
            client_id = argv[++i];
        else if (a == "--identity-file" && has_value)
            identity_file = argv[++i];
        else if (a == "--token-file" && has_value) {
            std::ifstream in(argv[++i]);
            std::getline(in, token);
            if (!in) {
                std::cerr << "cannot read the token file\n";
                return std::nullopt;
            }
        } else
            t.rest.push_back(a);
    }
    if (!client_id.empty())
        t.identity_file = identity_file.empty() ? default_identity_file : identity_file;
    // The Web API speaks for the same account as the RTM connection.
    t.web.api_version = std::string(api::Version::name);
    t.web.organization_id = t.config.organization_id;
    t.web.license_id = t.config.license_id;
    if (!t.config.url.empty() || t.config.license_id != 0 || !t.config.organization_id.empty()) {
        if (!client_id.empty() && !t.config.organization_id.empty()) {
            rtm::accounts::AccountsConfig accounts;
            accounts.client_id = client_id;
            rtm::accounts::TokenCacheOptions opts;
            opts.organization_id = t.config.organization_id;
            if (!t.identity_file.empty())
                opts.store = std::make_shared<rtm::accounts::FileCredentialStore>(t.identity_file);
            t.tokens = std::make_unique<rtm::accounts::CustomerTokenCache>(ex, accounts, opts);
            t.config.token_provider = t.tokens->provider();
        } else if (token.empty()) {
            std::cerr << "a token is required for the real service (--token, --token-file, or --client-id "
                         "with --organization-id)\n";
            return std::nullopt;
        } else {
            t.config.token_provider = rtm::static_token(token);
        }
        t.web.token_provider = t.config.token_provider;
        t.description = !t.config.url.empty()              ? t.config.url
                        : !t.config.organization_id.empty() ? "LiveChat, organization " + t.config.organization_id
                                                            : "LiveChat, license " + std::to_string(t.config.license_id);
        return t;
    }
    // The mock service: RTM and Web API on one port, and an Accounts API issuing the tokens
    // both check, so the example gets its tokens as a real app does (cookie grant).
    rtm::testing::MockAccountsConfig accounts_cfg;
    accounts_cfg.issued_tokens = std::make_shared<rtm::testing::IssuedTokens>();
    rtm::testing::MockServerConfig mock_cfg;
    mock_cfg.issued_tokens = accounts_cfg.issued_tokens;
    t.accounts_mock = std::make_unique<rtm::testing::MockAccountsServer>(ex, accounts_cfg);
    t.mock = std::make_unique<rtm::testing::MockServer>(ex, mock_cfg);
    if (auto ec = t.mock->start(); ec || (ec = t.accounts_mock->start())) {
        std::cerr << "cannot start the mock server: " << ec.message() << "\n";
        return std::nullopt;
    }
    t.agent = std::make_unique<rtm::testing::ScriptedAgent>(*t.mock);
    // The mock serves both versions; the URL's path picks the one this build speaks.
    t.config.url = api::Version::name == "3.0" ? t.mock->url() : t.mock->url_v3_6();
    rtm::accounts::AccountsConfig accounts;
    accounts.url = t.accounts_mock->url();
    accounts.client_id = "example-client";
    rtm::accounts::TokenCacheOptions opts;
    opts.organization_id = "00000000-0000-4000-8000-000000000001"; // the mock's, as in url_v3_6()
    t.tokens = std::make_unique<rtm::accounts::CustomerTokenCache>(ex, accounts, opts);
    t.config.token_provider = t.tokens->provider();
    t.web.url = t.mock->web_url();
    t.web.organization_id = opts.organization_id;
    t.web.license_id = 1;
    t.web.token_provider = t.config.token_provider;
    t.description = t.config.url + " (bundled mock server, scripted agent)";
    return t;
}

} // namespace examples

#endif

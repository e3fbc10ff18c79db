// Shared by the examples: where to connect. With no option, an in-process mock server with a
// scripted agent (no LiveChat account needed); with --organization-id ID (3.6), --license-id N
// (v3.0) or --url URL and a token (--token T or --token-file F), the real service.
#ifndef LIVECHAT_RTM_EXAMPLES_EXAMPLE_TARGET_HPP
#define LIVECHAT_RTM_EXAMPLES_EXAMPLE_TARGET_HPP

#include "api_version.hpp"

#include <livechat/rtm/config.hpp>
#include <livechat/rtm/testing/mock_server.hpp>
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
    std::vector<std::string> rest;      ///< arguments the target did not consume
    std::unique_ptr<rtm::testing::MockServer> mock;
    std::unique_ptr<rtm::testing::ScriptedAgent> agent;
    std::string description;            ///< for the banner
};

inline const char* target_usage()
{
    return "  (no option)        chat with a scripted agent on an in-process mock server\n"
           "  --organization-id ID  the real service (3.6), organization ID (needs a token)\n"
           "  --license-id N     the real service (v3.0 builds), license N (needs a token)\n"
           "  --url URL          any ws:// or wss:// endpoint (needs a token)\n"
           "  --token T          the customer access token\n"
           "  --token-file F     read the token from F\n";
}

/// Reads the target options from the command line; on a problem prints it and returns nullopt.
inline std::optional<Target> make_target(boost::asio::any_io_executor ex, int argc, char** argv)
{
    Target t;
    std::string token;
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
    if (!t.config.url.empty() || t.config.license_id != 0 || !t.config.organization_id.empty()) {
        if (token.empty()) {
            std::cerr << "a token is required for the real service (--token or --token-file)\n";
            return std::nullopt;
        }
        t.config.token_provider = rtm::static_token(token);
        t.description = !t.config.url.empty()              ? t.config.url
                        : !t.config.organization_id.empty() ? "LiveChat, organization " + t.config.organization_id
                                                            : "LiveChat, license " + std::to_string(t.config.license_id);
        return t;
    }
    t.mock = std::make_unique<rtm::testing::MockServer>(ex);
    if (auto ec = t.mock->start()) {
        std::cerr << "cannot start the mock server: " << ec.message() << "\n";
        return std::nullopt;
    }
    t.agent = std::make_unique<rtm::testing::ScriptedAgent>(*t.mock);
    // The mock serves both versions; the URL's path picks the one this build speaks.
    t.config.url = api::Version::name == "3.0" ? t.mock->url() : t.mock->url_v3_6();
    t.config.token_provider = rtm::static_token("mock-customer-token");
    t.description = t.config.url + " (bundled mock server, scripted agent)";
    return t;
}

} // namespace examples

#endif

// rtm-mock-server: the bundled mock LiveChat RTM service as a standalone program, for trying
// clients (rtm-cli, your app) by hand. Runs until SIGINT or SIGTERM.

#include <livechat/rtm/testing/mock_accounts_server.hpp>
#include <livechat/rtm/testing/mock_server.hpp>
#include <livechat/rtm/testing/scripted_agent.hpp>

#include <boost/asio/io_context.hpp>
#include <boost/asio/signal_set.hpp>

#include <algorithm>
#include <chrono>
#include <memory>
#include <cstdlib>
#include <fstream>
#include <optional>
#include <iostream>
#include <string>

namespace {

void usage()
{
    std::cerr << "usage: rtm-mock-server [--port N] [--tls [--write-ca FILE]] [--agent]\n"
                 "                       [--login-window-ms N] [--idle-ms N] [--token-lifetime S]\n"
                 "Serves the mock RTM API, its Web API and a mock Customer Accounts API on 127.0.0.1\n"
                 "and prints four lines on stdout: the v3.0 and v3.6 RTM URLs, the Web API base and\n"
                 "the Accounts API base. Tokens from the Accounts API (any client id and organization)\n"
                 "expire after --token-lifetime seconds (default 28800); other tokens are accepted too.\n"
                 "  --tls            serve wss:// with the bundled test certificate\n"
                 "  --write-ca FILE  write that certificate (PEM) to FILE, for rtm-cli --ca-file\n"
                 "  --agent          a scripted agent answers every customer message\n";
}

} // namespace

int main(int argc, char** argv)
{
    livechat::rtm::testing::MockServerConfig cfg;
    livechat::rtm::testing::MockAccountsConfig accounts_cfg;
    cfg.record_requests = false; // a long-running server must not keep every request it saw
    bool agent = false;
    std::string ca_file;
    for (int i = 1; i < argc; ++i) {
        std::string arg = argv[i];
        auto next = [&]() -> long {
            if (i + 1 >= argc) {
                usage();
                std::exit(2);
            }
            return std::strtol(argv[++i], nullptr, 10);
        };
        if (arg == "--port")
            cfg.port = static_cast<std::uint16_t>(next());
        else if (arg == "--tls")
            cfg.tls = true;
        else if (arg == "--agent")
            agent = true;
        else if (arg == "--write-ca" && i + 1 < argc)
            ca_file = argv[++i];
        else if (arg == "--login-window-ms")
            cfg.login_window = std::chrono::milliseconds(next());
        else if (arg == "--idle-ms")
            cfg.idle_timeout = std::chrono::milliseconds(next());
        else if (arg == "--token-lifetime")
            accounts_cfg.token_lifetime = std::chrono::seconds(std::max(1L, next()));
        else {
            usage();
            return arg == "--help" || arg == "-h" ? 0 : 2;
        }
    }

    boost::asio::io_context ioc;
    // One token table: the RTM and Web APIs check what the Accounts API issued.
    accounts_cfg.tls = cfg.tls;
    accounts_cfg.issued_tokens = std::make_shared<livechat::rtm::testing::IssuedTokens>();
    cfg.issued_tokens = accounts_cfg.issued_tokens;
    cfg.accept_unissued_tokens = true;
    livechat::rtm::testing::MockServer server(ioc.get_executor(), cfg);
    livechat::rtm::testing::MockAccountsServer accounts(ioc.get_executor(), accounts_cfg);
    if (auto ec = server.start(); ec || (ec = accounts.start())) {
        std::cerr << "rtm-mock-server: cannot listen: " << ec.message() << "\n";
        return 1;
    }
    if (!ca_file.empty()) {
        std::ofstream(ca_file) << livechat::rtm::testing::MockServer::test_certificate_pem();
    }
    std::optional<livechat::rtm::testing::ScriptedAgent> scripted;
    if (agent)
        scripted.emplace(server);
    // Both versions at once: the v3.0 URL first (as before), then the v3.6 one, then the Web
    // API and the Accounts API.
    std::cout << server.url() << "\n" << server.url_v3_6() << "\n" << server.web_url() << "\n" << accounts.url() << std::endl;
    boost::asio::signal_set signals(ioc, SIGINT, SIGTERM);
    signals.async_wait([&](auto, int) {
        server.stop();
        accounts.stop();
        ioc.stop();
    });
    ioc.run();
    return 0;
}

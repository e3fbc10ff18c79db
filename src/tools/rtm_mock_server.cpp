// rtm-mock-server: the bundled mock LiveChat RTM service as a standalone program, for trying
// clients (rtm-cli, your app) by hand. Runs until SIGINT or SIGTERM.

#include <livechat/rtm/testing/mock_server.hpp>

#include <boost/asio/io_context.hpp>
#include <boost/asio/signal_set.hpp>

#include <chrono>
#include <cstdlib>
#include <iostream>
#include <string>

namespace {

void usage()
{
    std::cerr << "usage: rtm-mock-server [--port N] [--tls] [--login-window-ms N] [--idle-ms N]\n"
                 "Serves the mock RTM API on 127.0.0.1 and prints its URL on stdout.\n";
}

} // namespace

int main(int argc, char** argv)
{
    livechat::rtm::testing::MockServerConfig cfg;
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
        else if (arg == "--login-window-ms")
            cfg.login_window = std::chrono::milliseconds(next());
        else if (arg == "--idle-ms")
            cfg.idle_timeout = std::chrono::milliseconds(next());
        else {
            usage();
            return arg == "--help" || arg == "-h" ? 0 : 2;
        }
    }

    boost::asio::io_context ioc;
    livechat::rtm::testing::MockServer server(ioc.get_executor(), cfg);
    if (auto ec = server.start()) {
        std::cerr << "rtm-mock-server: cannot listen: " << ec.message() << "\n";
        return 1;
    }
    std::cout << server.url() << std::endl;
    boost::asio::signal_set signals(ioc, SIGINT, SIGTERM);
    signals.async_wait([&](auto, int) {
        server.stop();
        ioc.stop();
    });
    ioc.run();
    return 0;
}

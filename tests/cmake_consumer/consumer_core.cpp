// A user's program that links the client library alone (no testing library, no server): it
// runs a client whose first connection is refused and exits 0 when async_run reports that
// the way the documentation says (the reconnect policy turned off).

#include <livechat/rtm.hpp>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>

#include <iostream>

int main()
{
    namespace rtm = livechat::rtm;
    boost::asio::io_context ioc;
    // A port nobody listens on: bind one, note it, close it.
    boost::asio::ip::tcp::acceptor probe(ioc, {boost::asio::ip::make_address("127.0.0.1"), 0});
    auto port = probe.local_endpoint().port();
    probe.close();

    rtm::ClientConfig cfg;
    cfg.url = "ws://127.0.0.1:" + std::to_string(port) + "/v3.6/customer/rtm/ws?organization_id=consumer";
    cfg.token_provider = rtm::static_token("consumer");
    cfg.reconnect.enabled = false;
    rtm::RtmClient client(ioc, cfg);
    rtm::error_code result;
    bool done = false;
    client.async_run([&](rtm::error_code ec) {
        result = ec;
        done = true;
    });
    ioc.run_for(std::chrono::seconds(20));
    std::cout << "async_run: " << (done ? result.message() : "did not complete") << "\n";
    return done && result ? 0 : 1;
}

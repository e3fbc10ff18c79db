// Compile-cost probe: a file that includes Beast's websocket and SSL headers and builds an
// asynchronous wss client (connect, TLS and websocket handshakes, read, write), which is what
// a user's file would cost if our public headers exposed Beast.
#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/ssl.hpp>
#include <boost/beast/websocket.hpp>
#include <boost/beast/websocket/ssl.hpp>

#include <memory>
#include <string>

namespace asio = boost::asio;
namespace beast = boost::beast;

struct Client : std::enable_shared_from_this<Client> {
    Client(asio::io_context& ioc, asio::ssl::context& ctx) : resolver(ioc), ws(ioc, ctx) {}
    asio::ip::tcp::resolver resolver;
    beast::websocket::stream<beast::ssl_stream<beast::tcp_stream>> ws;
    beast::flat_buffer buffer;
    std::string out = R"({"action":"login","payload":{}})";

    void run()
    {
        resolver.async_resolve("example.com", "443", [self = shared_from_this()](beast::error_code ec, auto results) {
            if (ec)
                return;
            beast::get_lowest_layer(self->ws).async_connect(results, [self](beast::error_code ec, auto) {
                if (ec)
                    return;
                self->ws.next_layer().async_handshake(asio::ssl::stream_base::client, [self](beast::error_code ec) {
                    if (ec)
                        return;
                    self->ws.async_handshake("example.com", "/", [self](beast::error_code ec) {
                        if (ec)
                            return;
                        self->ws.async_write(asio::buffer(self->out), [self](beast::error_code, std::size_t) {
                            self->ws.async_read(self->buffer, [self](beast::error_code, std::size_t) {});
                        });
                    });
                });
            });
        });
    }
};

void user_code(asio::io_context& ioc)
{
    static asio::ssl::context ctx(asio::ssl::context::tls_client);
    std::make_shared<Client>(ioc, ctx)->run();
}

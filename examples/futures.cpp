// futures: the typed API with std::future, for code that is not asynchronous itself. The
// io_context runs on its own thread; the main thread starts operations with asio::use_future
// and waits on them. (Never wait on a future from the io_context's own thread: it would wait
// for itself.)
//
//   futures                                    against the bundled mock server
//   futures --organization-id ID --token-file F   against LiveChat (3.6)

#include "example_target.hpp"

#include <livechat/rtm.hpp>

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/use_future.hpp>

#include <future>
#include <iostream>
#include <thread>

namespace asio = boost::asio;
namespace rtm = livechat::rtm;
namespace api = examples::api; // v3_6, or v3_0 in the _v3_0 build

/// Starts an operation on the client's executor (the client, like every Asio I/O object, is
/// not thread-safe) and waits here for its result; errors are thrown as system_error.
template <class Start>
auto on_io_thread(api::RtmClient& client, Start start)
{
    return asio::post(client.get_executor(), asio::use_future(std::move(start))).get().get();
}

int main(int argc, char** argv)
{
    asio::io_context ioc;
    auto target = examples::make_target(ioc.get_executor(), argc, argv);
    if (!target)
        return 2;
    api::RtmClient client(ioc, target->config);

    // The agent's first message arrives as a push on the I/O thread; a promise hands it over.
    std::promise<std::string> agent_said;
    std::string me; // written before the chat starts, read by the push handler after
    bool answered = false;
    auto sub = client.pushes().on<api::IncomingEvent>([&](const api::IncomingEvent& push) {
        const auto* m = examples::message_of(push);
        if (m && m->author_id != me && !answered) {
            answered = true;
            agent_said.set_value(m->text);
        }
    });
    client.async_run([](rtm::error_code ec) { std::cout << "run ended: " << ec.message() << "\n"; });

    auto work = asio::make_work_guard(ioc);
    std::thread io([&] { ioc.run(); });
    int exit_code = 0;
    try {
        // Each call blocks this thread until the operation completes.
        auto login = on_io_thread(client, [&] { return client.async_login({}, asio::use_future); });
        me = examples::customer_of(login);
        std::cout << "logged in as " << me << "\n";
        auto started = on_io_thread(client, [&] {
            return api::async_start_chat_with_message(client, "Hello from futures!", asio::use_future);
        });
        auto chat = examples::chat_of(started);
        std::cout << "chat " << chat << " started; waiting for the agent\n";
        auto reply = agent_said.get_future();
        if (reply.wait_for(std::chrono::seconds(30)) != std::future_status::ready)
            throw std::runtime_error("the agent did not answer within 30 s");
        std::cout << "agent: " << reply.get() << "\n";
        on_io_thread(client, [&] {
            return api::async_send_message(client, chat, "Thank you!", asio::use_future);
        });
        std::cout << "sent: Thank you!\n";
    } catch (const std::exception& e) {
        std::cerr << "failed: " << e.what() << "\n";
        exit_code = 1;
    }
    on_io_thread(client, [&] { return client.async_stop(asio::use_future); });
    if (target->mock) // the mock server is not thread-safe either
        asio::post(ioc, [&] { target->stop_mock(); });
    work.reset();
    io.join();
    return exit_code;
}

// multi_customer: many customers in one process, on one io_context and one thread, as a bridge
// or a load generator holds them. Each customer logs in, sends a few requests one after
// another, and the program reports how long logging in and the requests took.
//
//   multi_customer 200                 200 customers against the bundled mock server
//   multi_customer 50 --requests 20    ... each sending 20 requests
//   multi_customer 10 --organization-id ID --token-file F   against LiveChat (one token, 10 sessions)

#include "example_target.hpp"

#include <livechat/rtm.hpp>

#include <boost/asio/io_context.hpp>

#include <algorithm>
#include <chrono>
#include <iostream>
#include <list>
#include <string>
#include <vector>

namespace asio = boost::asio;
namespace rtm = livechat::rtm;
namespace api = examples::api; // v3_6, or v3_0 in the _v3_0 build
using Clock = std::chrono::steady_clock;

/// One customer: logs in, then sends `requests` requests, each after the previous answer.
struct Customer {
    Customer(asio::io_context& ioc, const rtm::ClientConfig& cfg) : client(ioc, cfg) {}

    void start(int requests, std::function<void(Customer&)> done)
    {
        started = Clock::now();
        client.async_run([](rtm::error_code) {});
        client.async_login({}, [this, requests, done](rtm::error_code ec, api::LoginResponse) {
            logged_in = Clock::now();
            if (ec) {
                error = ec;
                return done(*this);
            }
            next(requests, done);
        });
    }

    void next(int left, std::function<void(Customer&)> done)
    {
        if (left == 0)
            return done(*this);
        auto sent = Clock::now();
        client.async_execute<examples::ListChats>(examples::ListChats::request{},
            [this, left, done, sent](rtm::error_code ec, examples::ListChats::response) {
                latencies.push_back(Clock::now() - sent);
                if (ec) {
                    error = ec;
                    return done(*this);
                }
                next(left - 1, done);
            });
    }

    api::RtmClient client;
    Clock::time_point started, logged_in;
    std::vector<Clock::duration> latencies;
    rtm::error_code error;
};

double ms(Clock::duration d) { return std::chrono::duration<double, std::milli>(d).count(); }

int main(int argc, char** argv)
{
    asio::io_context ioc;
    auto target = examples::make_target(ioc.get_executor(), argc, argv);
    if (!target)
        return 2;
    int count = 100, requests = 5;
    for (std::size_t i = 0; i < target->rest.size(); ++i) {
        if (target->rest[i] == "--requests" && i + 1 < target->rest.size())
            requests = std::stoi(target->rest[++i]);
        else if (target->rest[i].find_first_not_of("0123456789") == std::string::npos)
            count = std::stoi(target->rest[i]);
        else {
            std::cerr << "usage: multi_customer [COUNT] [--requests N] [options]\n" << examples::target_usage();
            return 2;
        }
    }
    if (count <= 0 || requests < 0) {
        std::cerr << "COUNT must be positive and --requests not negative\n";
        return 2;
    }
    std::cout << count << " customers, " << requests << " requests each: " << target->description << "\n";

    std::list<Customer> customers; // a list: customers never move once created
    int finished = 0, failed = 0;
    auto begin = Clock::now();
    for (int i = 0; i < count; ++i) {
        customers.emplace_back(ioc, target->config).start(requests, [&](Customer& c) {
            if (c.error) {
                ++failed;
                std::cerr << "a customer failed: " << c.error.message() << "\n";
            }
            c.client.async_stop([](rtm::error_code) {});
            if (++finished == count && target->mock)
                target->stop_mock();
        });
    }
    ioc.run();
    auto total = Clock::now() - begin;

    std::vector<Clock::duration> logins, latencies;
    for (auto& c : customers) {
        logins.push_back(c.logged_in - c.started);
        latencies.insert(latencies.end(), c.latencies.begin(), c.latencies.end());
    }
    auto report = [](const char* what, std::vector<Clock::duration>& v) {
        if (v.empty())
            return;
        std::sort(v.begin(), v.end());
        std::cout << what << ": median " << ms(v[v.size() / 2]) << " ms, 99th percentile "
                  << ms(v[v.size() * 99 / 100]) << " ms, max " << ms(v.back()) << " ms\n";
    };
    report("connect + login", logins);
    report("request round trip", latencies);
    std::cout << latencies.size() << " requests in " << ms(total) << " ms; " << failed << " customers failed\n";
    return failed == 0 ? 0 : 1;
}

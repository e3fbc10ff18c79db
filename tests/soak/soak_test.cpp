// Soak: several clients keep requests flowing while the mock server cuts and evicts their
// connections at random, and an agent keeps writing into the customer's chat. Bounded by
// LIVECHAT_RTM_SOAK_SECONDS (default 3; `ctest -L soak` with 60 for the long run). Reports
// issued / ok / error / pending requests, reconnects, the process RSS at start and end, and
// the agent's messages delivered (live or recovered after a re-login), duplicated and lost, and
// the customer's messages sent with delivery::exactly_once. Pending must be 0: every request
// completes exactly once; duplicated and lost must be 0: every client's handler gets every
// agent message exactly once, and the server holds every customer message exactly once.

#include "test_support.hpp"

#include <livechat/rtm.hpp>

#include <boost/asio/steady_timer.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <map>
#include <random>
#include <unistd.h>

namespace asio = boost::asio;
namespace rtm = livechat::rtm;
using namespace rtm_test;
using rtm::json;

namespace {

long rss_kib()
{
    std::ifstream statm("/proc/self/statm");
    long pages = 0, resident = 0;
    statm >> pages >> resident;
    return resident * (sysconf(_SC_PAGESIZE) / 1024);
}

struct Counters {
    long issued = 0, ok = 0, failed = 0, completions = 0, reconnects = 0;
};

/// The agent's messages one client's handler received: how often each, and how.
struct Inbox {
    std::map<long, int> count;
    long live = 0, recovered = 0;
};

} // namespace

TEST(Soak, EveryRequestCompletesExactlyOnceUnderRandomCuts)
{
    const char* env = std::getenv("LIVECHAT_RTM_SOAK_SECONDS");
    const auto seconds = std::chrono::seconds(env ? std::max(1, std::atoi(env)) : 3);
    constexpr int clients = 5;
    constexpr int outstanding = 8; // per client: below and above the in-flight limit of 10 overall

    asio::io_context ioc;
    rtm::testing::MockServerConfig mc;
    mc.record_requests = false; // RSS should show the clients, not the mock's request log
    rtm::testing::MockServer server(ioc.get_executor(), mc);
    ASSERT_FALSE(server.start());
    const long rss_start = rss_kib();

    Counters n;
    std::vector<std::unique_ptr<rtm::v3_0::RtmClient>> pool;
    int runs_ended = 0;
    auto deadline = std::chrono::steady_clock::now() + seconds;
    std::string chat;                     // the customer's chat, once started
    std::map<std::string, int> sent;      // the customer's exactly-once messages: completions each
    std::map<std::string, long> send_errors; // a failed send's error message: how often
    std::function<void(rtm::v3_0::RtmClient&)> issue = [&](rtm::v3_0::RtmClient& c) {
        ++n.issued;
        auto again = [&](rtm::error_code ec) {
            ++n.completions;
            ec ? ++n.failed : ++n.ok;
            if (std::chrono::steady_clock::now() < deadline)
                issue(c);
        };
        if (chat.empty() || n.issued % 4 != 0)
            return c.async_call("get_chats_summary", json::object(), [again](rtm::error_code ec, json) { again(ec); });
        // Every fourth request is a message of the customer's, sent exactly once (the clients'
        // ClientConfig::delivery).
        auto text = "customer-" + std::to_string(sent.size());
        sent[text] = 0;
        c.async_call("send_event", json{{"chat_id", chat}, {"event", {{"type", "message"}, {"text", text}}}},
            [&, again, text](rtm::error_code ec, json) {
                ++sent[text];
                if (ec)
                    ++send_errors[ec.message()];
                again(ec);
            });
    };
    std::vector<Inbox> inbox(clients);
    std::map<std::string, long> report_errors; // RecoveryReport::ec's message: how often
    std::vector<rtm::Subscription> subscriptions;
    for (int i = 0; i < clients; ++i) {
        auto cfg = fast_config(server);
        cfg.reconnect.enabled = true;
        cfg.reconnect.backoff.min_delay = std::chrono::milliseconds(2);
        cfg.reconnect.backoff.max_delay = std::chrono::milliseconds(50);
        cfg.request_timeout = std::chrono::milliseconds(500);
        cfg.delivery = rtm::delivery::exactly_once; // recovery is on by default
        // The storm writes over 100 events a second into one chat and cuts every few hundred
        // milliseconds: a client can lag behind by more than the default 200 events per chat.
        // Bounds have tests of their own; here every missed event must arrive.
        cfg.recovery.max_events_per_chat = 100'000;
        pool.push_back(std::make_unique<rtm::v3_0::RtmClient>(ioc, cfg));
        auto& c = *pool.back();
        c.on_reconnecting([&](auto, const auto&) { ++n.reconnects; });
        c.on_recovery([&](const rtm::RecoveryReport& r) { ++report_errors[r.ec.message()]; });
        subscriptions.push_back(c.pushes().on("incoming_event", [&inbox, i](const rtm::RawPush& p) {
            const auto& e = p.payload["event"];
            if (!e.is_object() || e.value("text", "").rfind("agent-", 0) != 0)
                return;
            ++inbox[i].count[std::stol(e.value("text", "").substr(6))];
            p.recovered ? ++inbox[i].recovered : ++inbox[i].live;
        }));
        c.async_run([&](rtm::error_code) { ++runs_ended; });
        for (int k = 0; k < outstanding; ++k)
            issue(c);
    }

    // The customer's chat, known to every client before the storm begins.
    Outcome<json> started;
    pool[0]->async_call("start_chat", json{{"chat", json::object()}}, started.handler());
    ASSERT_TRUE(run_until(ioc, [&] { return started.done(); }));
    ASSERT_FALSE(started.ec) << started.ec.message();
    chat = started.value["chat"]["id"];
    long written = 0;
    auto write = [&] { ASSERT_FALSE(server.agent_send_message(chat, "agent-" + std::to_string(written++)).empty()); };
    write();
    ASSERT_TRUE(run_until(ioc, [&] {
        return std::all_of(inbox.begin(), inbox.end(), [](const Inbox& b) { return b.count.size() == 1; });
    }));

    std::mt19937 rng(12345); // a fixed seed: the same storm every run
    asio::steady_timer chaos(ioc);
    std::function<void()> strike = [&] {
        chaos.expires_after(std::chrono::milliseconds(std::uniform_int_distribution<>(100, 400)(rng)));
        chaos.async_wait([&](rtm::error_code ec) {
            if (ec || std::chrono::steady_clock::now() >= deadline)
                return;
            if (rng() % 3 == 0)
                server.disconnect_all("connection_evicted");
            else
                server.cut_all();
            strike();
        });
    };
    strike();
    asio::steady_timer agent(ioc); // writes whether the customer's connections are up or not
    std::function<void()> keep_writing = [&] {
        agent.expires_after(std::chrono::milliseconds(std::uniform_int_distribution<>(5, 25)(rng)));
        agent.async_wait([&](rtm::error_code ec) {
            if (ec || std::chrono::steady_clock::now() >= deadline)
                return;
            write();
            keep_writing();
        });
    };
    keep_writing();

    run_until(ioc, [] { return false; }, std::chrono::duration_cast<std::chrono::milliseconds>(seconds));
    // The storm is over: every client comes back and catches up, live or recovered.
    auto caught_up = [&] {
        return std::all_of(inbox.begin(), inbox.end(), [&](const Inbox& b) {
            return static_cast<long>(b.count.size()) == written;
        });
    };
    run_until(ioc, [&] { return caught_up() && n.completions == n.issued; }, std::chrono::seconds(10));
    // The server's record of the customer's messages, before the clients go.
    std::map<std::string, int> stored;
    const auto stored_chat = json::parse(server.chat_json(chat)); // named: a temporary's member would dangle
    for (const auto& t : stored_chat["threads"])
        for (const auto& e : t["events"])
            if (e.value("text", "").rfind("customer-", 0) == 0)
                ++stored[e.value("text", "")];
    for (auto& c : pool)
        c->cancel();
    ASSERT_TRUE(run_until(ioc, [&] { return runs_ended == clients && n.completions == n.issued; },
        std::chrono::seconds(10)));
    pool.clear();
    server.stop();
    const long rss_end = rss_kib();

    const long pending = n.issued - n.completions;
    long delivered = 0, recovered = 0, duplicated = 0, lost = 0;
    long sends_twice = 0, sends_stored_twice = 0, sends_missing = 0;
    for (const auto& [text, completions] : sent) {
        sends_twice += completions != 1 ? 1 : 0;
        sends_stored_twice += stored[text] > 1 ? 1 : 0;
        sends_missing += stored[text] == 0 ? 1 : 0;
    }
    for (const auto& b : inbox) {
        recovered += b.recovered;
        for (const auto& [k, times] : b.count) {
            delivered += times;
            duplicated += times - 1;
        }
        lost += written - static_cast<long>(b.count.size());
    }
    long sends_failed = 0;
    for (const auto& [what, times] : send_errors)
        sends_failed += times;
    // "3 x "message" 1 x "other"": how often each error message was seen.
    auto tally = [](const std::map<std::string, long>& counts) {
        std::string out;
        for (const auto& [what, times] : counts)
            out += " " + std::to_string(times) + " x \"" + what + "\"";
        return out;
    };
    std::cout << "soak: " << seconds.count() << " s, " << clients << " clients\n"
              << "soak: requests issued " << n.issued << ", completed ok " << n.ok
              << ", completed with error " << n.failed << ", left pending " << pending << "\n"
              << "soak: reconnects " << n.reconnects << "\n"
              << "soak: RSS start " << rss_start << " KiB, end " << rss_end << " KiB\n"
              << "soak: agent messages written " << written << ", delivered to " << clients << " clients "
              << delivered << " (recovered after a re-login " << recovered << "), duplicated " << duplicated
              << ", lost " << lost << "\n"
              << "soak: customer messages sent exactly once " << sent.size() << ", failed " << sends_failed
              << ", completed other than once " << sends_twice << ", stored twice " << sends_stored_twice
              << ", not stored " << sends_missing << "\n"
              << "soak: failed sends:" << tally(send_errors) << "\n"
              << "soak: recovery reports:" << tally(report_errors) << "\n";
    EXPECT_EQ(pending, 0);
    EXPECT_EQ(n.completions, n.ok + n.failed);
    EXPECT_GT(n.ok, 0);
    EXPECT_GT(n.reconnects, 0);
    EXPECT_EQ(duplicated, 0);
    EXPECT_EQ(lost, 0);
    EXPECT_GT(recovered, 0); // the storm did cut clients off while the agent wrote
    EXPECT_GT(sent.size(), 0u);
    EXPECT_EQ(sends_failed, 0);
    EXPECT_EQ(sends_twice, 0);
    EXPECT_EQ(sends_stored_twice, 0);
    EXPECT_EQ(sends_missing, 0);
}

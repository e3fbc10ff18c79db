// Recovery after a re-login (issue 15), on both versions: the agent writes while the customer
// is cut off, and after the reconnect the app's handlers get every missed event once, in
// order, marked recovered, before anything live that comes later.

#include "test_support.hpp"
#include "version_traits.hpp"

#include <livechat/rtm.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <memory>

namespace rtm = livechat::rtm;
using namespace rtm_test;
using rtm::error_code;
using rtm::json;
using rtm::testing::MockServer;
using rtm::testing::Reaction;
using S = rtm::SessionState;

namespace {

/// One event the app's handler received.
struct Seen {
    std::string text;
    bool recovered;
};

template <class V>
class Recovery : public ::testing::Test {
protected:
    void start(std::function<void(rtm::ClientConfig&)> tweak = {})
    {
        server = std::make_unique<MockServer>(ioc.get_executor());
        ASSERT_FALSE(server->start());
        auto cfg = fast_config(*server);
        cfg.url = V::url(*server);
        cfg.reconnect.enabled = true;
        cfg.reconnect.backoff.min_delay = std::chrono::milliseconds(5);
        cfg.reconnect.backoff.max_delay = std::chrono::milliseconds(20);
        cfg.reconnect.random = [] { return 0.0; };
        if (tweak)
            tweak(cfg);
        client = std::make_unique<typename V::Client>(ioc, cfg);
        events = client->pushes().on("incoming_event", [this](const rtm::RawPush& p) {
            const auto& e = p.payload["event"];
            if (e.is_object() && e.value("type", "") == "message")
                seen.push_back({e.value("text", ""), p.recovered});
        });
        closed = client->pushes().on(V::closed_push, [this](const rtm::RawPush& p) { closings.push_back(p.recovered); });
        client->on_recovery([this](const rtm::RecoveryReport& r) { reports.push_back(r); });
        client->async_run([this](error_code ec) { run_ec = ec; });
        ASSERT_TRUE(logged_in(1));
        Outcome<json> started;
        client->async_call("start_chat", json{{"chat", json::object()}}, started.handler());
        ASSERT_TRUE(run_until(ioc, [&] { return started.done(); }));
        ASSERT_FALSE(started.ec) << started.ec.message();
        const auto& v = started.value;
        chat = v.contains("chat_id") ? v["chat_id"].template get<std::string>() : v["chat"]["id"].template get<std::string>();
    }

    bool logged_in(std::size_t logins)
    {
        return run_until(ioc, [&] { return server->count("login") >= logins && client->state() == S::ready; });
    }

    /// The agent writes `text`; returns once the app's handler has it (live).
    void live(const std::string& text)
    {
        auto before = seen.size();
        ASSERT_FALSE(server->agent_send_message(chat, text).empty());
        ASSERT_TRUE(run_until(ioc, [&] { return seen.size() > before; }));
    }

    /// Cuts the line; the agent writes `texts` while the customer is away.
    void cut_and_write(const std::vector<std::string>& texts)
    {
        server->cut_all();
        for (const auto& t : texts)
            ASSERT_FALSE(server->agent_send_message(chat, t).empty());
    }

    std::vector<std::string> texts() const
    {
        std::vector<std::string> out;
        for (const auto& s : seen)
            out.push_back(s.text);
        return out;
    }

    boost::asio::io_context ioc;
    std::unique_ptr<MockServer> server;
    std::unique_ptr<typename V::Client> client;
    rtm::Subscription events, closed;
    std::string chat;
    std::vector<Seen> seen;
    std::vector<bool> closings;
    std::vector<rtm::RecoveryReport> reports;
    error_code run_ec;
};

using Versions = ::testing::Types<V30, V36>;
TYPED_TEST_SUITE(Recovery, Versions, VersionNames);

} // namespace

TYPED_TEST(Recovery, FiveMessagesWrittenWhileCutOffArriveOnceInOrderBeforeTheNextLiveOne)
{
    this->start();
    int typed = 0, typed_recovered = 0; // the typed handler sees the mark too
    auto sub = this->client->pushes().template on<typename TypeParam::IncomingEvent>(
        [&](const typename TypeParam::IncomingEvent&, const rtm::RawPush& raw) {
            ++typed;
            typed_recovered += raw.recovered ? 1 : 0;
        });
    this->live("before");
    this->cut_and_write({"m1", "m2", "m3", "m4", "m5"});
    ASSERT_TRUE(this->logged_in(2));
    ASSERT_TRUE(run_until(this->ioc, [&] { return this->seen.size() == 6; }));
    this->live("after");
    EXPECT_EQ(this->texts(), (std::vector<std::string>{"before", "m1", "m2", "m3", "m4", "m5", "after"}));
    for (std::size_t i = 0; i < this->seen.size(); ++i)
        EXPECT_EQ(this->seen[i].recovered, i >= 1 && i <= 5) << i;
    EXPECT_EQ(typed_recovered, 5);
    EXPECT_GE(typed, 7);
    ASSERT_TRUE(run_until(this->ioc, [&] { return !this->reports.empty(); }));
    ASSERT_EQ(this->reports.size(), 1u);
    EXPECT_EQ(this->reports[0].chat_id, this->chat);
    EXPECT_EQ(this->reports[0].recovered, 5u);
    EXPECT_EQ(this->reports[0].skipped, 0u);
    EXPECT_FALSE(this->reports[0].ec) << this->reports[0].ec.message();
}

TYPED_TEST(Recovery, ALivePushThatRacesTheRecoveryIsDeliveredOnce)
{
    int racing_frames = 0; // the event reaches the client twice: live, and in the history
    this->start([&](rtm::ClientConfig& cfg) {
        cfg.frame_trace = [&](rtm::FrameDirection d, std::string_view text) {
            if (d == rtm::FrameDirection::received && text.find("\"racing\"") != std::string_view::npos)
                ++racing_frames;
        };
    });
    this->live("before");
    // The agent writes just before the server answers the history request: the event comes
    // live (held back) and in the history.
    this->server->script(TypeParam::history_action,
        Reaction::answer().first([this] { this->server->agent_send_message(this->chat, "racing"); }));
    this->cut_and_write({"m1"});
    ASSERT_TRUE(this->logged_in(2));
    ASSERT_TRUE(run_until(this->ioc, [&] { return this->seen.size() >= 3 && !this->reports.empty(); }));
    this->live("after");
    EXPECT_EQ(this->texts(), (std::vector<std::string>{"before", "m1", "racing", "after"}));
    EXPECT_TRUE(this->seen[2].recovered);
    EXPECT_EQ(racing_frames, 2);
}

TYPED_TEST(Recovery, ACutDuringTheRecoveryIsRecoveredAtTheNextLogin)
{
    this->start();
    this->live("before");
    this->server->script(TypeParam::history_action, Reaction::cut());
    this->cut_and_write({"m1", "m2", "m3"});
    ASSERT_TRUE(this->logged_in(3));
    ASSERT_TRUE(run_until(this->ioc, [&] { return this->seen.size() == 4; }));
    this->live("after");
    EXPECT_EQ(this->texts(), (std::vector<std::string>{"before", "m1", "m2", "m3", "after"}));
    ASSERT_TRUE(run_until(this->ioc, [&] { return this->reports.size() == 2; }));
    EXPECT_EQ(this->reports[0].ec, rtm::error::connection_lost);
    EXPECT_FALSE(this->reports[1].ec);
    EXPECT_EQ(this->reports[1].recovered, 3u);
}

TYPED_TEST(Recovery, AThreadClosedWhileCutOffIsDeliveredAsRecovered)
{
    this->start();
    this->live("before");
    this->cut_and_write({"last words"});
    this->server->agent_close_thread(this->chat);
    ASSERT_TRUE(this->logged_in(2));
    ASSERT_TRUE(run_until(this->ioc, [&] { return this->closings.size() == 1 && !this->reports.empty(); }));
    EXPECT_TRUE(this->closings[0]);
    EXPECT_EQ(this->texts(), (std::vector<std::string>{"before", "last words"}));
    EXPECT_FALSE(this->reports[0].ec);
}

TYPED_TEST(Recovery, StopsAtItsBoundsAndReportsWhatItSkipped)
{
    this->start([](rtm::ClientConfig& cfg) { cfg.recovery.max_events_per_chat = 3; });
    this->live("before");
    this->cut_and_write({"m1", "m2", "m3", "m4", "m5", "m6", "m7", "m8"});
    ASSERT_TRUE(this->logged_in(2));
    ASSERT_TRUE(run_until(this->ioc, [&] { return !this->reports.empty(); }));
    EXPECT_EQ(this->texts(), (std::vector<std::string>{"before", "m6", "m7", "m8"}));
    EXPECT_EQ(this->reports[0].recovered, 3u);
    EXPECT_EQ(this->reports[0].skipped, 5u);
    EXPECT_EQ(this->reports[0].ec, rtm::error::recovery_incomplete);
}

TYPED_TEST(Recovery, SwitchedOffNothingIsFetchedOrRecovered)
{
    this->start([](rtm::ClientConfig& cfg) { cfg.recovery.enabled = false; });
    this->live("before");
    this->cut_and_write({"m1"});
    ASSERT_TRUE(this->logged_in(2));
    this->live("after");
    EXPECT_EQ(this->texts(), (std::vector<std::string>{"before", "after"}));
    EXPECT_EQ(this->server->count(TypeParam::history_action), 0u);
    EXPECT_TRUE(this->reports.empty());
}

TYPED_TEST(Recovery, TheFirstLoginFetchesNothing)
{
    this->start();
    this->live("before");
    EXPECT_EQ(this->server->count(TypeParam::history_action), 0u);
    EXPECT_EQ(this->server->count("get_chat_threads_summary"), 0u);
}

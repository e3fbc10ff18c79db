// The session store across an app restart (issue 15), on both versions: a send the previous
// process could not finish is delivered once by the next one, and the next one recovers what
// its chats received while no process was running.

#include "test_support.hpp"
#include "version_traits.hpp"

#include <livechat/rtm.hpp>

#include <gtest/gtest.h>

#include <cstdlib>
#include <memory>
#include <sys/wait.h>
#include <unistd.h>

namespace rtm = livechat::rtm;
using namespace rtm_test;
using rtm::error_code;
using rtm::json;
using rtm::testing::MockServer;
using rtm::testing::Reaction;
using S = rtm::SessionState;

namespace {

template <class V>
class SessionStore : public ::testing::Test {
protected:
    SessionStore()
    {
        char tmpl[] = "/tmp/livechat-session-XXXXXX";
        dir = ::mkdtemp(tmpl);
        path = dir + "/session.json";
        server = std::make_unique<MockServer>(ioc.get_executor());
        EXPECT_FALSE(server->start());
    }
    ~SessionStore() override { std::system(("rm -rf '" + dir + "'").c_str()); }

    /// A client of "this process", with the store at `path`.
    rtm::ClientConfig config(std::function<void(rtm::ClientConfig&)> tweak = {}) const
    {
        auto cfg = fast_config(*server);
        cfg.url = V::url(*server);
        cfg.delivery = rtm::delivery::exactly_once;
        cfg.session_store = std::make_shared<rtm::FileSessionStore>(path);
        if (tweak)
            tweak(cfg);
        return cfg;
    }

    std::unique_ptr<typename V::Client> run(const rtm::ClientConfig& cfg)
    {
        auto c = std::make_unique<typename V::Client>(ioc, cfg);
        c->on_restored_send([this](const rtm::RestoredSend& r) { restored.push_back(r); });
        events.push_back(c->pushes().on("incoming_event", [this](const rtm::RawPush& p) {
            const auto& e = p.payload["event"];
            if (e.is_object() && e.value("type", "") == "message")
                seen.emplace_back(e.value("text", ""), p.recovered);
        }));
        c->async_run([](error_code) {});
        EXPECT_TRUE(run_until(ioc, [&] { return c->state() == S::ready; }));
        return c;
    }

    void start_chat(typename V::Client& c)
    {
        Outcome<json> started;
        c.async_call("start_chat", json{{"chat", json::object()}}, started.handler());
        ASSERT_TRUE(run_until(ioc, [&] { return started.done(); }));
        ASSERT_FALSE(started.ec) << started.ec.message();
        const auto& v = started.value;
        chat = v.contains("chat_id") ? v["chat_id"].template get<std::string>() : v["chat"]["id"].template get<std::string>();
    }

    void send(typename V::Client& c, const std::string& text, Outcome<json>& out)
    {
        c.async_call("send_event", json{{"chat_id", chat}, {"event", {{"type", "message"}, {"text", text}}}}, out.handler());
    }

    rtm::StoredSession stored_session() const
    {
        rtm::StoredSession s;
        rtm::FileSessionStore(path).load(s);
        return s;
    }

    /// How many events of the server's chat carry `text`.
    std::size_t stored(const std::string& text) const
    {
        auto c = json::parse(server->chat_json(chat));
        std::size_t n = 0;
        for (const auto& t : c["threads"])
            for (const auto& e : t["events"])
                n += e.value("text", "") == text ? 1 : 0;
        return n;
    }

    std::string dir, path;
    boost::asio::io_context ioc;
    std::unique_ptr<MockServer> server;
    std::string chat;
    std::vector<rtm::RestoredSend> restored;
    std::vector<rtm::Subscription> events;
    std::vector<std::pair<std::string, bool>> seen;
};

using Versions = ::testing::Types<V30, V36>;
TYPED_TEST_SUITE(SessionStore, Versions, VersionNames);

} // namespace

// The first process queues a message while it cannot reach the server (this process does not
// serve it meanwhile) and ends without running a destructor; the next one delivers it once.
TYPED_TEST(SessionStore, AnUnsentMessageIsDeliveredOnceByTheNextProcess)
{
    {
        auto first = this->run(this->config());
        this->start_chat(*first);
    }
    auto cfg = this->config();
    pid_t child = ::fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
        boost::asio::io_context ioc;
        typename TypeParam::Client c(ioc, cfg);
        c.async_run([](error_code) {});
        c.async_call("send_event",
            json{{"chat_id", this->chat}, {"event", {{"type", "message"}, {"text", "written before the end"}}}},
            [](error_code, json) {});
        bool saved = run_until(ioc, [&] { return this->stored_session().outbox.size() == 1; });
        ::_exit(saved ? 0 : 1); // the process ends here: no destructor, no completion
    }
    int status = 0;
    ASSERT_EQ(::waitpid(child, &status, 0), child);
    ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << "the first process did not save its send";
    EXPECT_EQ(this->stored("written before the end"), 0u);

    auto next = this->run(this->config());
    ASSERT_TRUE(run_until(this->ioc, [&] { return !this->restored.empty(); }));
    ASSERT_EQ(this->restored.size(), 1u);
    EXPECT_FALSE(this->restored[0].ec) << this->restored[0].ec.message();
    EXPECT_EQ(this->restored[0].chat_id, this->chat);
    EXPECT_FALSE(this->restored[0].response.empty());
    EXPECT_EQ(this->stored("written before the end"), 1u);
    EXPECT_TRUE(this->stored_session().outbox.empty()); // settled: the store forgets it
}

// The server stored the event, the answer was lost, and the app closed before the client could
// look: the next process finds it and does not send it again.
TYPED_TEST(SessionStore, ASendTheServerStoredIsFoundByTheNextProcessNotSentAgain)
{
    Outcome<json> sent; // outlives the client: its destruction completes the send
    {
        auto first = this->run(this->config([](rtm::ClientConfig& c) {
            c.reconnect.enabled = true;
            c.reconnect.backoff.min_delay = std::chrono::hours(1); // it never gets to look
            c.reconnect.backoff.max_delay = std::chrono::hours(1);
        }));
        this->start_chat(*first);
        this->server->script("send_event", Reaction::apply_then_cut());
        this->send(*first, "stored, answer lost", sent);
        ASSERT_TRUE(run_until(this->ioc, [&] { return first->state() == S::backing_off; }));
        EXPECT_FALSE(sent.done()); // waiting for the next login's look-up
        EXPECT_EQ(this->stored_session().outbox.size(), 1u);
    } // the app closes: the send completes with operation_aborted, the store keeps it
    ASSERT_TRUE(run_until(this->ioc, [&] { return sent.done(); }));
    EXPECT_EQ(sent.calls, 1);
    EXPECT_EQ(sent.ec, boost::asio::error::operation_aborted) << sent.ec.message();
    EXPECT_EQ(this->stored_session().outbox.size(), 1u);

    auto next = this->run(this->config());
    ASSERT_TRUE(run_until(this->ioc, [&] { return !this->restored.empty(); }));
    EXPECT_FALSE(this->restored.at(0).ec) << this->restored[0].ec.message();
    EXPECT_EQ(this->server->count("send_event"), 1u); // looked up, not sent again
    EXPECT_EQ(this->stored("stored, answer lost"), 1u);
    EXPECT_TRUE(this->stored_session().outbox.empty());
}

TYPED_TEST(SessionStore, TheNextProcessRecoversWhatItsChatsReceivedMeanwhile)
{
    {
        auto first = this->run(this->config());
        this->start_chat(*first);
        ASSERT_FALSE(this->server->agent_send_message(this->chat, "one").empty());
        ASSERT_TRUE(run_until(this->ioc, [&] { return this->seen.size() == 1; }));
    }
    auto saved = this->stored_session();
    ASSERT_EQ(saved.chats.size(), 1u);
    EXPECT_EQ(saved.chats[0].chat_id, this->chat);
    EXPECT_FALSE(saved.customer_id.empty());
    ASSERT_FALSE(this->server->agent_send_message(this->chat, "two").empty());
    ASSERT_FALSE(this->server->agent_send_message(this->chat, "three").empty());

    auto next = this->run(this->config());
    ASSERT_TRUE(run_until(this->ioc, [&] { return this->seen.size() == 3; }));
    using Seen = std::vector<std::pair<std::string, bool>>;
    EXPECT_EQ(this->seen, (Seen{{"one", false}, {"two", true}, {"three", true}}));
    // Without a store the next process would start from its own login and never see them.
}

TYPED_TEST(SessionStore, AnotherCustomersStoreIsReportedAndReplacedNotUsed)
{
    rtm::StoredSession other;
    other.customer_id = "someone-else";
    other.outbox.push_back({"CHAT", "rtm-not-mine", "send_event",
        R"({"chat_id":"CHAT","event":{"type":"message","text":"not mine","custom_id":"rtm-not-mine"}})"});
    other.chats.push_back({"CHAT", "T", "E"});
    ASSERT_FALSE(rtm::FileSessionStore(this->path).save(other));

    auto c = this->run(this->config());
    ASSERT_TRUE(run_until(this->ioc, [&] { return !this->restored.empty(); }));
    EXPECT_EQ(this->restored[0].ec, rtm::error::customer_changed);
    EXPECT_EQ(this->restored[0].custom_id, "rtm-not-mine");
    EXPECT_EQ(this->server->count("send_event"), 0u);
    auto now = this->stored_session();
    EXPECT_NE(now.customer_id, "someone-else");
    EXPECT_TRUE(now.outbox.empty());
    EXPECT_TRUE(now.chats.empty());
}

// A store file is input like any other: a kept send must be the event send it says it is (its
// action and payload naming its chat and custom_id), or it is reported and never sent.
TYPED_TEST(SessionStore, AStoredSendThatIsNotTheEventSendItClaimsIsRefusedNotSent)
{
    {
        auto first = this->run(this->config());
        this->start_chat(*first);
    }
    auto saved = this->stored_session();
    const auto& chat = this->chat;
    auto payload = [&](const std::string& custom) {
        return json{{"chat_id", chat}, {"event", {{"type", "message"}, {"text", "forged"}, {"custom_id", custom}}}}.dump();
    };
    saved.outbox.push_back({chat, "rtm-a", "deactivate_chat", json{{"id", chat}}.dump()}); // another action
    saved.outbox.push_back({chat, "rtm-b", "send_event", payload("rtm-other")});           // another custom_id
    saved.outbox.push_back({"ANOTHER-CHAT", "rtm-c", "send_event", payload("rtm-c")});      // another chat
    ASSERT_FALSE(rtm::FileSessionStore(this->path).save(saved));

    auto next = this->run(this->config());
    ASSERT_TRUE(run_until(this->ioc, [&] { return this->restored.size() == 3; }));
    for (const auto& r : this->restored)
        EXPECT_EQ(r.ec, rtm::error::store_corrupt) << r.custom_id;
    EXPECT_EQ(this->server->count("send_event"), 0u);
    EXPECT_EQ(this->server->count("deactivate_chat"), 0u);
    EXPECT_EQ(this->stored("forged"), 0u);
    EXPECT_TRUE(this->stored_session().outbox.empty());
}

// The recovery after a re-login, without I/O: what it asks for, where it stops, what it
// delivers and reports. The version's history readers are the real ones (v3.6: list_threads;
// v3.0: get_chat_threads_summary, then get_chat_threads).

#include <livechat/rtm/impl/internal/recovery.hpp>
#include <livechat/rtm/v3_0/version.hpp>
#include <livechat/rtm/v3_6/version.hpp>

#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <vector>

namespace rtm = livechat::rtm;
namespace detail = livechat::rtm::detail;
using nlohmann::json;

namespace {

const auto now = std::chrono::system_clock::now();

json event(const std::string& id, const std::string& text = "hi")
{
    return {{"id", id}, {"type", "message"}, {"text", text}, {"created_at", "2099-01-01T00:00:00.000000Z"}};
}

json thread(const std::string& id, std::vector<json> events, bool active = true)
{
    return {{"id", id}, {"active", active}, {"events", events}};
}

/// A v3.6 recovery whose first login has happened, with `chat` seen up to `last`.
struct Fixture {
    explicit Fixture(rtm::RecoveryOptions o = {}, const detail::Protocol& p = rtm::v3_6::Version::protocol())
        : recovery(o, p)
    {
        recovery.begin(json::object(), now); // the first login: nothing to do
    }
    void saw(const std::string& chat, const std::string& thread_id, const std::string& event_id)
    {
        detail::ChatActivity a;
        a.chat_id = chat;
        a.thread_id = thread_id;
        a.event_id = event_id;
        recovery.saw(a);
    }
    /// Ids of the events a step delivers.
    static std::vector<std::string> ids(const detail::RecoveryStep& s)
    {
        std::vector<std::string> out;
        for (const auto& p : s.pushes)
            out.push_back(p.payload.contains("event") ? p.payload["event"]["id"].get<std::string>()
                                                      : std::string(p.action));
        return out;
    }
    detail::Recovery recovery;
};

} // namespace

TEST(Recovery, TheFirstLoginStartsNoRoundAndLaterOnesReadEveryChatHeardOf)
{
    detail::Recovery r({}, rtm::v3_6::Version::protocol());
    detail::ChatActivity a;
    a.chat_id = "C1";
    a.event_id = "e1";
    r.saw(a);
    EXPECT_FALSE(r.begin(json::object(), now));
    EXPECT_FALSE(r.holding());
    EXPECT_TRUE(r.begin(json::object(), now));
    EXPECT_TRUE(r.holding());
    auto s = r.step();
    ASSERT_TRUE(s.request);
    EXPECT_EQ(s.request->action, "list_threads");
    EXPECT_EQ(s.request->payload, (json{{"chat_id", "C1"}, {"sort_order", "desc"}, {"limit", 5}}));
}

TEST(Recovery, AnEventThatComesTwiceIsDroppedTheSecondTime)
{
    Fixture f;
    detail::ChatActivity a;
    a.chat_id = "C1";
    a.event_id = "e1";
    EXPECT_TRUE(f.recovery.saw(a));
    EXPECT_FALSE(f.recovery.saw(a));
    a.event_id = "e2";
    EXPECT_TRUE(f.recovery.saw(a));
    a.event_id = {}; // a push about the chat without an event always passes
    EXPECT_TRUE(f.recovery.saw(a));
}

TEST(Recovery, PagesBackToTheLastReceivedEventAndDeliversWhatFollowsOldestFirst)
{
    Fixture f;
    f.saw("C1", "T1", "e2");
    ASSERT_TRUE(f.recovery.begin(json::object(), now));
    auto s = f.recovery.step();
    ASSERT_TRUE(s.request);
    json page1 = {{"threads", {thread("T3", {event("e5"), event("e6")})}}, {"next_page_id", "p2"}};
    ASSERT_TRUE(f.recovery.answer({}, &page1, s));
    s = f.recovery.step();
    ASSERT_TRUE(s.request); // e2 not reached yet: the next page
    EXPECT_EQ(s.request->payload, (json{{"chat_id", "C1"}, {"page_id", "p2"}}));
    json page2 = {{"threads", {thread("T2", {event("e3"), event("e4")}, false), thread("T1", {event("e1"), event("e2")}, false)}}};
    ASSERT_TRUE(f.recovery.answer({}, &page2, s));
    s = f.recovery.step();
    EXPECT_FALSE(s.request);
    EXPECT_EQ(Fixture::ids(s), (std::vector<std::string>{"e3", "e4", "e5", "e6"}));
    EXPECT_EQ(s.pushes[0].action, "incoming_event");
    EXPECT_EQ(s.pushes[0].payload["thread_id"], "T2");
    EXPECT_EQ(s.pushes[0].payload["chat_id"], "C1");
    ASSERT_EQ(s.reports.size(), 1u);
    EXPECT_EQ(s.reports[0].recovered, 4u);
    EXPECT_FALSE(s.reports[0].ec);
    EXPECT_TRUE(f.recovery.step().done);
    // Delivered once: the same events coming live now are dropped.
    detail::ChatActivity a;
    a.chat_id = "C1";
    a.event_id = "e6";
    EXPECT_FALSE(f.recovery.saw(a));
}

TEST(Recovery, StopsAfterItsRequestBoundAndSaysSo)
{
    rtm::RecoveryOptions o;
    o.max_requests_per_chat = 1;
    Fixture f(o);
    f.saw("C1", "T1", "e1");
    ASSERT_TRUE(f.recovery.begin(json::object(), now));
    auto s = f.recovery.step();
    json page1 = {{"threads", {thread("T9", {event("e8"), event("e9")})}}, {"next_page_id", "p2"}};
    ASSERT_TRUE(f.recovery.answer({}, &page1, s));
    s = f.recovery.step();
    EXPECT_FALSE(s.request);
    EXPECT_EQ(Fixture::ids(s), (std::vector<std::string>{"e8", "e9"}));
    ASSERT_EQ(s.reports.size(), 1u);
    EXPECT_EQ(s.reports[0].ec, rtm::error::recovery_incomplete);
}

TEST(Recovery, ChatsBeyondTheBoundAreReportedNotRead)
{
    rtm::RecoveryOptions o;
    o.max_chats = 1;
    Fixture f(o);
    f.saw("C1", "T1", "e1");
    f.saw("C2", "T2", "e2"); // heard of last: read first
    ASSERT_TRUE(f.recovery.begin(json{{"chats", {{{"chat_id", "C3"}, {"has_unread_events", true}},
                                                 {{"chat_id", "C4"}, {"has_unread_events", false}}}}},
        now));
    auto s = f.recovery.step();
    ASSERT_TRUE(s.request);
    EXPECT_EQ(s.request->payload["chat_id"], "C2");
    json empty = {{"threads", json::array()}};
    ASSERT_TRUE(f.recovery.answer({}, &empty, s));
    s = f.recovery.step(); // C2's report
    ASSERT_EQ(s.reports.size(), 1u);
    s = f.recovery.step(); // C1 and the unread C3 are over the bound
    ASSERT_EQ(s.reports.size(), 2u);
    EXPECT_EQ(s.reports[0].chat_id, "C1");
    EXPECT_EQ(s.reports[1].chat_id, "C3");
    EXPECT_EQ(s.reports[1].ec, rtm::error::recovery_incomplete);
    EXPECT_TRUE(f.recovery.step().done);
}

TEST(Recovery, AnUnreadChatNeverHeardOfCountsFromTheFirstLogin)
{
    Fixture f;
    ASSERT_TRUE(f.recovery.begin(json{{"chats", {{{"chat_id", "C7"}, {"has_unread_events", true}}}}}, now));
    auto s = f.recovery.step();
    json old = event("old");
    old["created_at"] = "2001-01-01T00:00:00.000000Z"; // before the first login
    json page = {{"threads", {thread("T1", {old, event("new")})}}, {"next_page_id", "p2"}};
    ASSERT_TRUE(f.recovery.answer({}, &page, s));
    s = f.recovery.step();
    EXPECT_FALSE(s.request); // the baseline was reached: no second page
    EXPECT_EQ(Fixture::ids(s), (std::vector<std::string>{"new"}));
    EXPECT_FALSE(s.reports.at(0).ec);
}

TEST(Recovery, AMalformedOrFailedAnswerFailsItsChatAndTheNextIsRead)
{
    Fixture f;
    f.saw("C1", "T1", "e1");
    f.saw("C2", "T2", "e2");
    ASSERT_TRUE(f.recovery.begin(json::object(), now));
    auto s = f.recovery.step();
    json bad = {{"threads", {{{"id", 5}}}}};
    ASSERT_TRUE(f.recovery.answer({}, &bad, s));
    ASSERT_EQ(s.reports.size(), 1u);
    EXPECT_EQ(s.reports[0].ec, rtm::error::malformed_payload);
    s = f.recovery.step();
    ASSERT_TRUE(s.request);
    ASSERT_TRUE(f.recovery.answer(rtm::error::not_found, nullptr, s));
    EXPECT_EQ(s.reports.at(0).ec, rtm::error::not_found);
    EXPECT_TRUE(f.recovery.step().done);
}

TEST(Recovery, ARequestThatTimedOutIsAskedAgainWhileTheBudgetLasts)
{
    rtm::RecoveryOptions o;
    o.max_requests_per_chat = 2;
    Fixture f(o);
    f.saw("C1", "T1", "e1");
    ASSERT_TRUE(f.recovery.begin(json::object(), now));
    auto first = f.recovery.step();
    ASSERT_TRUE(first.request);
    detail::RecoveryStep s;
    ASSERT_TRUE(f.recovery.answer(rtm::error::deadline_exceeded, nullptr, s));
    ASSERT_TRUE(s.request); // the same question again
    EXPECT_EQ(s.request->payload, first.request->payload);
    EXPECT_TRUE(s.reports.empty());
    detail::RecoveryStep last;
    ASSERT_TRUE(f.recovery.answer(rtm::error::request_timeout, nullptr, last)); // budget spent
    ASSERT_EQ(last.reports.size(), 1u);
    EXPECT_EQ(last.reports[0].ec, rtm::error::request_timeout);
    EXPECT_FALSE(last.request);
}

TEST(Recovery, ALostConnectionEndsTheRoundButThePushesStayHeld)
{
    Fixture f;
    f.saw("C1", "T1", "e1");
    ASSERT_TRUE(f.recovery.begin(json::object(), now));
    auto s = f.recovery.step();
    auto round = f.recovery.round();
    EXPECT_TRUE(f.recovery.hold("frame"));
    EXPECT_FALSE(f.recovery.answer(rtm::error::connection_lost, nullptr, s));
    EXPECT_NE(f.recovery.round(), round); // a late answer is recognised as stale
    EXPECT_TRUE(f.recovery.holding());
    ASSERT_TRUE(f.recovery.begin(json::object(), now)); // the next re-login reads C1 again
    EXPECT_TRUE(f.recovery.step().request);
    EXPECT_EQ(f.recovery.release(), std::vector<std::string>{"frame"});
    EXPECT_FALSE(f.recovery.holding());
}

TEST(Recovery, HoldsABoundedNumberOfPushes)
{
    rtm::RecoveryOptions o;
    o.max_held_pushes = 2;
    Fixture f(o);
    f.saw("C1", "T1", "e1");
    ASSERT_TRUE(f.recovery.begin(json::object(), now));
    EXPECT_TRUE(f.recovery.hold("a"));
    EXPECT_TRUE(f.recovery.hold("b"));
    EXPECT_FALSE(f.recovery.hold("c"));
    auto reports = f.recovery.abandon();
    ASSERT_EQ(reports.size(), 1u);
    EXPECT_EQ(reports[0].ec, rtm::error::recovery_incomplete);
    EXPECT_EQ(f.recovery.release().size(), 2u);
}

TEST(Recovery, AClosedThreadTheAppKnewIsReportedOnceAsAState)
{
    Fixture f;
    f.saw("C1", "T1", "e1");
    ASSERT_TRUE(f.recovery.begin(json::object(), now));
    auto s = f.recovery.step();
    json page = {{"threads", {thread("T1", {event("e1"), event("e2")}, false)}}};
    ASSERT_TRUE(f.recovery.answer({}, &page, s));
    s = f.recovery.step();
    EXPECT_EQ(Fixture::ids(s), (std::vector<std::string>{"e2", "chat_deactivated"}));
    EXPECT_EQ(s.pushes[1].payload, (json{{"chat_id", "C1"}, {"thread_id", "T1"}}));
    // The next round finds the same closed thread: nothing new.
    EXPECT_TRUE(f.recovery.step().done);
    ASSERT_TRUE(f.recovery.begin(json::object(), now));
    s = f.recovery.step();
    ASSERT_TRUE(f.recovery.answer({}, &page, s));
    s = f.recovery.step();
    EXPECT_TRUE(s.pushes.empty());
}

TEST(Recovery, RemembersABoundedNumberOfChats)
{
    Fixture f;
    for (int i = 0; i < 1000; ++i)
        f.saw("C" + std::to_string(i), "T", "e" + std::to_string(i));
    ASSERT_TRUE(f.recovery.begin(json::object(), now));
    std::size_t chats = 0;
    for (int guard = 0; guard < 10000; ++guard) {
        auto s = f.recovery.step();
        chats += s.reports.size();
        if (s.done)
            break;
        if (s.request) {
            json empty = {{"threads", json::array()}};
            f.recovery.answer({}, &empty, s);
            chats += s.reports.size();
        }
    }
    EXPECT_EQ(chats, detail::Recovery::max_chats_remembered);
}

TEST(Recovery, V30ReadsThreadIdsThenTheThreadsNewestFirst)
{
    Fixture f({}, rtm::v3_0::Version::protocol());
    f.saw("C1", "T1", "e1");
    ASSERT_TRUE(f.recovery.begin(json::object(), now));
    auto s = f.recovery.step();
    ASSERT_TRUE(s.request);
    EXPECT_EQ(s.request->action, "get_chat_threads_summary");
    EXPECT_EQ(s.request->payload, (json{{"chat_id", "C1"}, {"offset", 0}, {"limit", 5}}));
    json summary = {{"threads_summary", {{{"id", "T1"}, {"order", 1}}, {{"id", "T2"}, {"order", 2}}}},
        {"total_threads", 2}};
    ASSERT_TRUE(f.recovery.answer({}, &summary, s));
    s = f.recovery.step();
    ASSERT_TRUE(s.request);
    EXPECT_EQ(s.request->action, "get_chat_threads");
    EXPECT_EQ(s.request->payload["thread_ids"], (json{"T2", "T1"}));
    json threads = {{"chat", {{"id", "C1"}, {"threads", {thread("T1", {event("e1")}, false), thread("T2", {event("e2")})}}}}};
    ASSERT_TRUE(f.recovery.answer({}, &threads, s));
    s = f.recovery.step();
    EXPECT_EQ(Fixture::ids(s), (std::vector<std::string>{"e2"}));
    EXPECT_FALSE(s.reports.at(0).ec);
}

namespace {

/// Where every node of `j` is, as JSON pointers (the root included).
void pointers_of(const json& j, const json::json_pointer& at, std::vector<json::json_pointer>& out)
{
    out.push_back(at);
    if (j.is_object())
        for (auto it = j.begin(); it != j.end(); ++it)
            pointers_of(it.value(), at / it.key(), out);
    else if (j.is_array())
        for (std::size_t i = 0; i < j.size(); ++i)
            pointers_of(j[i], at / i, out);
}

/// A recovery of chat C1 (seen up to e1) that gets `answers` in turn, for as long as it asks.
void recover_with(const detail::Protocol& protocol, const std::vector<json>& answers)
{
    Fixture f({}, protocol);
    f.saw("C1", "T1", "e1");
    if (!f.recovery.begin(json::object(), now))
        return;
    for (const auto& answer : answers) {
        auto s = f.recovery.step();
        if (!s.request || !f.recovery.answer({}, &answer, s))
            return;
    }
    (void)f.recovery.step();
}

} // namespace

// A hostile server's history: every node of a valid answer in turn becomes a value of each other
// JSON type. The chat's recovery may fail; nothing throws (an exception would leave the client's
// io_context through run()). v3.0's reader matched thread ids with value("id", ...), which throws
// on a numeric id.
TEST(Recovery, AHistoryAnswerOfAnyShapeNeverThrows)
{
    const std::vector<json> others = {json("x"), json(5), json(-1), json(18446744073709551615ull), json(1.5),
        json(1e300), json(true), json(nullptr), json::object(), json::array({1})};
    json summary = {{"threads_summary", {{{"id", "T2"}, {"order", 2}}, {{"id", "T1"}, {"order", 1}}}}, {"total_threads", 2}};
    json threads = {{"chat", {{"id", "C1"}, {"threads", {thread("T1", {event("e1")}, false), thread("T2", {event("e2")})}}}}};
    json list = {{"threads", {thread("T2", {event("e2")}), thread("T1", {event("e1")}, false)}}, {"next_page_id", "P2"}};
    struct Case {
        const char* name;
        const detail::Protocol& protocol;
        std::vector<json> answers;
        std::size_t mutated; // which answer's nodes change
    };
    const Case cases[] = {
        {"3.0 summary", rtm::v3_0::Version::protocol(), {summary, threads}, 0},
        {"3.0 threads", rtm::v3_0::Version::protocol(), {summary, threads}, 1},
        {"3.6 list_threads", rtm::v3_6::Version::protocol(), {list, list}, 0},
    };
    int tried = 0;
    for (const auto& c : cases) {
        std::vector<json::json_pointer> nodes;
        pointers_of(c.answers[c.mutated], json::json_pointer(), nodes);
        for (const auto& node : nodes)
            for (const auto& other : others) {
                auto answers = c.answers;
                answers[c.mutated][node] = other;
                EXPECT_NO_THROW(recover_with(c.protocol, answers)) << c.name << " " << node.to_string() << " = " << other;
                ++tried;
            }
    }
    EXPECT_GT(tried, 400);
}

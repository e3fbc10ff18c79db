#include <livechat/rtm/push_dispatcher.hpp>

#include <nlohmann/json.hpp>

#include <gtest/gtest.h>

#include <string>
#include <vector>

using namespace livechat::rtm;

namespace {
const nlohmann::json empty = nlohmann::json::object();
RawPush push_named(std::string_view action) { return RawPush{action, std::nullopt, empty, "{}"}; }
} // namespace

TEST(PushDispatcher, DeliversToHandlersOfThatName)
{
    PushDispatcher d;
    int events = 0, typing = 0;
    auto a = d.on("incoming_event", [&](const RawPush&) { ++events; });
    auto b = d.on("incoming_typing_indicator", [&](const RawPush&) { ++typing; });
    d.dispatch(push_named("incoming_event"));
    EXPECT_EQ(events, 1);
    EXPECT_EQ(typing, 0);
}

TEST(PushDispatcher, RunsSeveralHandlersInRegistrationOrder)
{
    PushDispatcher d;
    std::vector<int> order;
    auto a = d.on("x", [&](const RawPush&) { order.push_back(1); });
    auto b = d.on("x", [&](const RawPush&) { order.push_back(2); });
    d.dispatch(push_named("x"));
    EXPECT_EQ(order, (std::vector<int>{1, 2}));
}

TEST(PushDispatcher, UnsubscribesWhenSubscriptionIsDestroyed)
{
    PushDispatcher d;
    int n = 0;
    {
        auto s = d.on("x", [&](const RawPush&) { ++n; });
        EXPECT_TRUE(s.active());
        EXPECT_EQ(d.handler_count("x"), 1u);
    }
    d.dispatch(push_named("x"));
    EXPECT_EQ(n, 0);
    EXPECT_EQ(d.handler_count("x"), 0u);
}

TEST(PushDispatcher, SendsUnhandledPushesToTheUnknownSink)
{
    PushDispatcher d;
    std::vector<std::string> unknown;
    auto u = d.on_unknown([&](const RawPush& p) { unknown.emplace_back(p.action); });
    auto a = d.on("known", [](const RawPush&) {});
    d.dispatch(push_named("known"));
    d.dispatch(push_named("brand_new_push"));
    EXPECT_EQ(unknown, std::vector<std::string>{"brand_new_push"});
}

TEST(PushDispatcher, AnyHandlerSeesEveryPush)
{
    PushDispatcher d;
    int n = 0;
    auto s = d.on_any([&](const RawPush&) { ++n; });
    auto a = d.on("a", [](const RawPush&) {});
    d.dispatch(push_named("a"));
    d.dispatch(push_named("b"));
    EXPECT_EQ(n, 2);
}

TEST(PushDispatcher, HandlerMayUnsubscribeItselfDuringDispatch)
{
    PushDispatcher d;
    int n = 0, other = 0;
    Subscription self;
    self = d.on("x", [&](const RawPush&) {
        ++n;
        self.reset();
    });
    auto s2 = d.on("x", [&](const RawPush&) { ++other; });
    d.dispatch(push_named("x"));
    d.dispatch(push_named("x"));
    EXPECT_EQ(n, 1);
    EXPECT_EQ(other, 2);
}

TEST(PushDispatcher, HandlerAddedDuringDispatchSeesOnlyTheNextPush)
{
    PushDispatcher d;
    int late = 0;
    Subscription added;
    auto s = d.on("x", [&](const RawPush&) {
        if (!added.active())
            added = d.on("x", [&](const RawPush&) { ++late; });
    });
    d.dispatch(push_named("x"));
    EXPECT_EQ(late, 0);
    d.dispatch(push_named("x"));
    EXPECT_EQ(late, 1);
}

TEST(PushDispatcher, SubscriptionOutlivingDispatcherIsHarmless)
{
    Subscription s;
    {
        PushDispatcher d;
        s = d.on("x", [](const RawPush&) {});
    }
    EXPECT_FALSE(s.active());
    s.reset();
}

TEST(PushDispatcher, MovedSubscriptionKeepsTheHandler)
{
    PushDispatcher d;
    int n = 0;
    auto a = d.on("x", [&](const RawPush&) { ++n; });
    Subscription b = std::move(a);
    EXPECT_FALSE(a.active());
    d.dispatch(push_named("x"));
    EXPECT_EQ(n, 1);
}

TEST(PushDispatcher, PassesRequestIdAndPayload)
{
    PushDispatcher d;
    auto payload = nlohmann::json{{"chat_id", "C1"}};
    std::string got;
    std::string rid;
    auto s = d.on("incoming_chat_thread", [&](const RawPush& p) {
        got = p.payload["chat_id"];
        rid = std::string(p.request_id.value_or(""));
    });
    d.dispatch(RawPush{"incoming_chat_thread", std::string_view("5"), payload, "{}"});
    EXPECT_EQ(got, "C1");
    EXPECT_EQ(rid, "5");
}

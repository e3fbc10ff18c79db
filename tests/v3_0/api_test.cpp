// Every typed v3.0 method against the stateful mock server, every push over the wire into a
// typed handler, client-side validation, and a whole conversation from typed calls only.

#include "json_mutation.hpp"
#include "test_support.hpp"
#include "v3_0_push_types.hpp"

#include <livechat/rtm.hpp>

#include <gtest/gtest.h>

#include <optional>

namespace asio = boost::asio;
namespace rtm = livechat::rtm;
namespace v3 = livechat::rtm::v3_0;
using namespace rtm_test;
using rtm::error_code;
using rtm::json;
using rtm::testing::MockServer;
using rtm::testing::MockServerConfig;

namespace {

class Api : public ::testing::Test {
protected:
    void SetUp() override { start(); }

    void start(MockServerConfig mc = {})
    {
        server = std::make_unique<MockServer>(ioc.get_executor(), mc);
        ASSERT_FALSE(server->start());
        client = std::make_unique<rtm::v3_0::RtmClient>(ioc, fast_config(*server));
        client->async_run([this](error_code ec) { run_ec = ec; });
        ASSERT_TRUE(run_until(ioc, [&] { return client->state() == rtm::SessionState::ready; }));
    }

    /// Sends a typed request and waits (bounded) for its one completion.
    template <class Action>
    std::pair<error_code, typename Action::response> call(
        typename Action::request req, rtm::Diagnostics* diag = nullptr)
    {
        std::optional<std::pair<error_code, typename Action::response>> out;
        auto handler = [&](error_code ec, typename Action::response r) { out.emplace(ec, std::move(r)); };
        if (diag)
            client->async_execute<Action>(std::move(req), *diag, handler);
        else
            client->async_execute<Action>(std::move(req), handler);
        EXPECT_TRUE(run_until(ioc, [&] { return out.has_value(); })) << Action::name;
        return out.value_or(std::pair{error_code(rtm::error::deadline_exceeded), typename Action::response{}});
    }

    /// Collects every typed push of type P.
    template <class P>
    struct Collector {
        std::vector<P> seen;
        std::vector<std::string> request_ids;
        rtm::Subscription sub;
    };
    template <class P>
    std::shared_ptr<Collector<P>> collect()
    {
        auto c = std::make_shared<Collector<P>>();
        c->sub = client->pushes().on<P>([c = c.get()](const P& p) { c->seen.push_back(p); });
        // The raw view tells whether our request_id came along.
        raw_subs.push_back(client->pushes().on(std::string(P::name), [c = c.get()](const rtm::RawPush& p) {
            c->request_ids.emplace_back(p.request_id.value_or(""));
        }));
        return c;
    }

    template <class C>
    void wait_for(const C& collector, std::size_t n = 1)
    {
        ASSERT_TRUE(run_until(ioc, [&] { return collector->seen.size() >= n; }));
    }

    v3::Chat start_chat_with(std::string text)
    {
        auto [ec, r] = call<v3::StartChat>(start_request(std::move(text)));
        EXPECT_FALSE(ec) << ec.message();
        return r.chat;
    }

    static v3::StartChatRequest start_request(std::string text)
    {
        v3::Message m;
        m.text = std::move(text);
        m.custom_id = "c-1";
        v3::StartChatRequest req;
        req.chat = v3::StartChatData{};
        req.chat->thread = v3::InitialThread{{v3::Event(m)}, {}};
        return req;
    }

    asio::io_context ioc;
    std::unique_ptr<MockServer> server;
    std::unique_ptr<rtm::v3_0::RtmClient> client;
    std::vector<rtm::Subscription> raw_subs;
    error_code run_ec;
};

} // namespace

TEST_F(Api, GetChatsSummaryListsTheCustomersChats)
{
    auto [ec0, empty] = call<v3::GetChatsSummary>({});
    ASSERT_FALSE(ec0);
    EXPECT_EQ(empty.total_chats, 0);
    auto chat = start_chat_with("Hello");
    auto [ec, r] = call<v3::GetChatsSummary>({0, 25});
    ASSERT_FALSE(ec) << ec.message();
    ASSERT_EQ(r.chats_summary.size(), 1u);
    EXPECT_EQ(r.total_chats, 1);
    EXPECT_EQ(r.chats_summary[0].id, chat.id);
    EXPECT_TRUE(r.chats_summary[0].active.value_or(false));
    ASSERT_TRUE(r.chats_summary[0].last_event_per_type.count("message"));
    EXPECT_EQ(std::get<v3::Message>(r.chats_summary[0].last_event_per_type["message"].event).text, "Hello");
}

TEST_F(Api, StartChatAnswersAndPushesIncomingChatThreadWithOurRequestId)
{
    auto pushes = collect<v3::IncomingChatThread>();
    auto chat = start_chat_with("Hi there");
    ASSERT_TRUE(chat.thread);
    EXPECT_TRUE(chat.thread->active);
    ASSERT_EQ(chat.thread->events.size(), 1u);
    const auto& event = std::get<v3::Message>(chat.thread->events[0]);
    EXPECT_EQ(event.text, "Hi there");
    EXPECT_EQ(event.custom_id, "c-1");
    EXPECT_FALSE(event.id.empty());
    EXPECT_GT(*event.order, std::int64_t{1} << 32); // 64-bit order survives
    wait_for(pushes);
    EXPECT_EQ(pushes->seen[0].chat.id, chat.id);
    EXPECT_EQ(pushes->request_ids[0], server->received().back().request_id);
    auto [ec, again] = call<v3::StartChat>(start_request("second"));
    EXPECT_EQ(ec, rtm::error::chat_already_active);
}

TEST_F(Api, GetChatThreadsAndTheirSummary)
{
    auto chat = start_chat_with("one");
    auto [sec, summary] = call<v3::GetChatThreadsSummary>({chat.id, std::nullopt, std::nullopt});
    ASSERT_FALSE(sec) << sec.message();
    ASSERT_EQ(summary.threads_summary.size(), 1u);
    EXPECT_EQ(summary.total_threads, 1);
    EXPECT_EQ(summary.threads_summary[0].total_events, 1);
    auto [ec, r] = call<v3::GetChatThreads>({chat.id, {summary.threads_summary[0].id}});
    ASSERT_FALSE(ec) << ec.message();
    ASSERT_EQ(r.chat.threads.size(), 1u);
    EXPECT_EQ(r.chat.threads[0].events.size(), 1u);
    auto [nec, none] = call<v3::GetChatThreads>({rtm::ChatId("nope"), {}});
    EXPECT_EQ(nec, rtm::error::not_found);
}

TEST_F(Api, CloseThreadPushesTheClosingEventAndThreadClosed)
{
    auto events = collect<v3::IncomingEvent>();
    auto closed = collect<v3::ThreadClosed>();
    auto chat = start_chat_with("bye");
    auto [ec, r] = call<v3::CloseThread>({chat.id});
    ASSERT_FALSE(ec) << ec.message();
    wait_for(closed);
    EXPECT_EQ(closed->seen[0].thread_id, chat.thread->id);
    ASSERT_FALSE(events->seen.empty());
    EXPECT_TRUE(std::holds_alternative<v3::SystemMessage>(*events->seen.back().event));
}

TEST_F(Api, ActivateChatStartsANewThreadInAClosedChat)
{
    auto pushes = collect<v3::IncomingChatThread>();
    auto chat = start_chat_with("first");
    v3::ActivateChatRequest req;
    req.chat.id = chat.id;
    auto [busy, r0] = call<v3::ActivateChat>(req);
    EXPECT_EQ(busy, rtm::error::chat_already_active);
    ASSERT_FALSE(call<v3::CloseThread>({chat.id}).first);
    auto [ec, r] = call<v3::ActivateChat>(req);
    ASSERT_FALSE(ec) << ec.message();
    ASSERT_EQ(r.chat.threads.size(), 1u);
    EXPECT_NE(r.chat.threads[0].id, chat.thread->id);
    wait_for(pushes, 2);
}

TEST_F(Api, SendEventStoresTheMessageAndPushesIt)
{
    auto events = collect<v3::IncomingEvent>();
    auto chat = start_chat_with("start");
    std::optional<std::pair<error_code, v3::SendEventResponse>> sent;
    v3::async_send_message(*client, chat.id, "Where is my order?",
        [&](error_code ec, v3::SendEventResponse r) { sent.emplace(ec, std::move(r)); });
    ASSERT_TRUE(run_until(ioc, [&] { return sent.has_value(); }));
    ASSERT_FALSE(sent->first) << sent->first.message();
    EXPECT_EQ(sent->second.thread_id, chat.thread->id);
    const auto& stored = std::get<v3::Message>(sent->second.event);
    EXPECT_EQ(stored.text, "Where is my order?");
    EXPECT_EQ(stored.author_id, json::parse(server->customer_json())["id"].get<std::string>());
    wait_for(events);
    EXPECT_EQ(v3::base_of(*events->seen.back().event).id, stored.id);
}

TEST_F(Api, SendEventToAClosedChatOpensAThreadUnlessActiveIsRequired)
{
    auto threads = collect<v3::IncomingChatThread>();
    auto chat = start_chat_with("x");
    ASSERT_FALSE(call<v3::CloseThread>({chat.id}).first);
    v3::Message m;
    m.text = "again";
    auto [refused, r0] = call<v3::SendEvent>({chat.id, m, std::nullopt, true});
    EXPECT_EQ(refused, rtm::error::validation);
    auto [ec, r] = call<v3::SendEvent>({chat.id, m, std::nullopt, std::nullopt});
    ASSERT_FALSE(ec) << ec.message();
    EXPECT_NE(r.thread_id, chat.thread->id);
    wait_for(threads, 2);
}

TEST_F(Api, RichMessagePostbackTogglesTheButton)
{
    auto postbacks = collect<v3::IncomingRichMessagePostback>();
    auto updated = collect<v3::EventUpdated>();
    auto chat = start_chat_with("options?");
    auto event_id = server->agent_send_event(chat.id.str(), R"({"type":"rich_message","template_id":"quick_replies",
        "elements":[{"title":"Pick","buttons":[{"text":"Yes","postback_id":"yes","user_ids":[]}]}]})");
    ASSERT_FALSE(event_id.empty());
    v3::SendRichMessagePostbackRequest req{chat.id, chat.thread->id, rtm::EventId(event_id), {"yes", true}};
    ASSERT_FALSE(call<v3::SendRichMessagePostback>(req).first);
    wait_for(postbacks);
    wait_for(updated);
    EXPECT_EQ(postbacks->seen[0].postback_id, "yes");
    EXPECT_TRUE(postbacks->seen[0].toggled);
    const auto& rich = std::get<v3::RichMessage>(*updated->seen[0].event);
    EXPECT_EQ(rich.elements[0].buttons[0].user_ids.size(), 1u);
}

TEST_F(Api, SneakPeekReachesTheService)
{
    auto chat = start_chat_with("typing...");
    ASSERT_FALSE(call<v3::SendSneakPeek>({chat.id, "I would like to ask"}).first);
    EXPECT_EQ(server->last_sneak_peek(), "I would like to ask");
}

TEST_F(Api, PropertiesAreUpdatedAndDeletedOnEveryLevel)
{
    auto chat_updates = collect<v3::ChatPropertiesUpdated>();
    auto chat_deletes = collect<v3::ChatPropertiesDeleted>();
    auto thread_updates = collect<v3::ChatThreadPropertiesUpdated>();
    auto thread_deletes = collect<v3::ChatThreadPropertiesDeleted>();
    auto event_updates = collect<v3::EventPropertiesUpdated>();
    auto event_deletes = collect<v3::EventPropertiesDeleted>();
    auto chat = start_chat_with("rate me");
    auto thread = chat.thread->id;
    auto event = v3::base_of(chat.thread->events[0]).id;
    v3::Properties rating{{"rating", {{"score", std::int64_t{1}}, {"comment", std::string("Great")}}}};
    v3::PropertyNames names{{"rating", {"comment"}}};
    ASSERT_FALSE(call<v3::UpdateChatProperties>({chat.id, rating}).first);
    ASSERT_FALSE(call<v3::DeleteChatProperties>({chat.id, names}).first);
    ASSERT_FALSE(call<v3::UpdateChatThreadProperties>({chat.id, thread, rating}).first);
    ASSERT_FALSE(call<v3::DeleteChatThreadProperties>({chat.id, thread, names}).first);
    ASSERT_FALSE(call<v3::UpdateEventProperties>({chat.id, thread, event, rating}).first);
    ASSERT_FALSE(call<v3::DeleteEventProperties>({chat.id, thread, event, names}).first);
    wait_for(event_deletes);
    // Pushes carry the v3.0 response form {"value": x}; the typed layer unwraps it.
    EXPECT_EQ(std::get<std::int64_t>(chat_updates->seen[0].properties["rating"]["score"]), 1);
    EXPECT_EQ(std::get<std::string>(thread_updates->seen[0].properties["rating"]["comment"]), "Great");
    EXPECT_EQ(event_updates->seen[0].event_id, event);
    EXPECT_EQ(chat_deletes->seen[0].properties["rating"], std::vector<std::string>{"comment"});
    EXPECT_EQ(thread_deletes->seen.size(), 1u);
    auto stored = json::parse(server->chat_json(chat.id.str()));
    EXPECT_EQ(stored["properties"], json::parse(R"({"rating":{"score":1}})"));
    auto [ec, r] = call<v3::GetChatThreads>({chat.id, {thread}});
    ASSERT_FALSE(ec);
    EXPECT_EQ(std::get<std::int64_t>(r.chat.properties["rating"]["score"]), 1);
}

TEST_F(Api, LastSeenTimestampIsStoredAndPushed)
{
    auto pushes = collect<v3::LastSeenTimestampUpdated>();
    auto chat = start_chat_with("seen?");
    auto [ec, r] = call<v3::UpdateLastSeenTimestamp>({chat.id, 1700000000});
    ASSERT_FALSE(ec);
    EXPECT_EQ(r.timestamp, 1700000000);
    wait_for(pushes);
    EXPECT_EQ(pushes->seen[0].timestamp, 1700000000);
}

TEST_F(Api, CustomerDataMethodsUpdateTheCustomer)
{
    auto updates = collect<v3::CustomerUpdated>();
    auto pages = collect<v3::CustomerPageUpdated>();
    v3::UpdateCustomerRequest req;
    req.name = "Ann";
    req.email = "ann@example.com";
    auto [ec, r] = call<v3::UpdateCustomer>(req);
    ASSERT_FALSE(ec) << ec.message();
    EXPECT_EQ(r.customer.name, "Ann");
    ASSERT_FALSE(call<v3::SetCustomerFields>({{{"plan", "gold"}}}).first);
    ASSERT_FALSE(call<v3::UpdateCustomerPage>({"https://shop.example/cart", "Cart"}).first);
    wait_for(updates, 2);
    wait_for(pages);
    EXPECT_EQ(updates->seen[1].customer.fields.at("plan"), "gold");
    EXPECT_EQ(pages->seen[0].title, "Cart");
    auto [bad, r2] = call<v3::UpdateCustomer>({});
    EXPECT_EQ(bad, rtm::error::validation); // at least one field, checked locally
}

TEST_F(Api, GroupStatusPredictedAgentUrlDetailsAndForms)
{
    server->set_group_status(5, "offline");
    auto [ec, status] = call<v3::GetGroupsStatus>({true, {}});
    ASSERT_FALSE(ec);
    EXPECT_EQ(status.groups_status["0"], v3::GroupStatus::online);
    EXPECT_EQ(status.groups_status["5"], v3::GroupStatus::offline);
    auto [aec, agent] = call<v3::GetPredictedAgent>({});
    ASSERT_FALSE(aec);
    EXPECT_EQ(agent.agent.id.str(), "agent@mock.livechat");
    EXPECT_EQ(call<v3::GetPredictedAgent>({5}).first, rtm::error::group_offline);
    auto [uec, url] = call<v3::GetUrlDetails>({"https://shop.example/p/1"});
    ASSERT_FALSE(uec);
    EXPECT_EQ(url.url, "https://shop.example/p/1");
    EXPECT_EQ(url.image_width, 200);
    auto [fec, form] = call<v3::GetForm>({0, "prechat"});
    ASSERT_FALSE(fec);
    ASSERT_TRUE(form.form);
    EXPECT_EQ(form.form->fields[3].type, v3::FormFieldType::radio);
    auto [pec, post] = call<v3::GetForm>({0, "postchat"});
    ASSERT_FALSE(pec);
    EXPECT_FALSE(post.enabled);
    EXPECT_FALSE(call<v3::Ping>({}).first);
}

TEST_F(Api, ClientSideLimitsRejectBeforeSending)
{
    auto chat = start_chat_with("limits");
    auto before = server->received().size();
    rtm::Diagnostics diag;
    v3::Message big;
    big.text = std::string(16 * 1024 + 1, 'x');
    EXPECT_EQ(call<v3::SendEvent>({chat.id, big, std::nullopt, std::nullopt}, &diag).first, rtm::error::validation);
    EXPECT_NE(diag.client_message.find("event.text"), std::string::npos);
    v3::RichMessage rich;
    rich.elements.resize(11);
    EXPECT_EQ(call<v3::SendEvent>({chat.id, rich, std::nullopt, std::nullopt}, &diag).first, rtm::error::validation);
    EXPECT_EQ(diag.client_message, "event.elements must hold 1 to 10 elements");
    rich.elements.resize(1);
    rich.elements[0].buttons.resize(12);
    EXPECT_EQ(call<v3::SendEvent>({chat.id, rich, std::nullopt, std::nullopt}, &diag).first, rtm::error::validation);
    EXPECT_EQ(call<v3::GetChatsSummary>({0, 26}, &diag).first, rtm::error::validation);
    EXPECT_EQ(diag.client_message, "limit must be between 1 and 25");
    EXPECT_EQ(call<v3::GetChatsSummary>({101, 10}).first, rtm::error::validation);
    EXPECT_EQ(call<v3::GetChatThreadsSummary>({chat.id, 0, 101}).first, rtm::error::validation);
    EXPECT_EQ(call<v3::GetGroupsStatus>({std::nullopt, {}}).first, rtm::error::validation);
    EXPECT_EQ(server->received().size(), before); // nothing went out
    v3::Message exact;
    exact.text = std::string(16 * 1024, 'y'); // exactly the limit is fine
    EXPECT_FALSE(call<v3::SendEvent>({chat.id, exact, std::nullopt, std::nullopt}).first);
}

TEST_F(Api, AgentHooksProduceTheirPushes)
{
    auto added = collect<v3::ChatUserAdded>();
    auto typing = collect<v3::IncomingTypingIndicator>();
    auto transferred = collect<v3::ChatTransferred>();
    auto props = collect<v3::ChatPropertiesUpdated>();
    auto removed = collect<v3::ChatUserRemoved>();
    auto closed = collect<v3::ThreadClosed>();
    auto chat = start_chat_with("agent?");
    auto id = chat.id.str();
    server->agent_join(id);
    server->agent_typing(id, true);
    server->agent_transfer(id, 2);
    server->agent_update_chat_properties(id, R"({"routing":{"idle":false}})");
    server->agent_leave(id);
    server->agent_close_thread(id);
    wait_for(closed);
    EXPECT_EQ(added->seen.at(0).user.type, v3::UserType::agent);
    EXPECT_TRUE(typing->seen.at(0).typing_indicator.is_typing);
    EXPECT_EQ(transferred->seen.at(0).group_ids, std::vector<std::int64_t>{2});
    EXPECT_FALSE(std::get<bool>(props->seen.at(0).properties["routing"]["idle"]));
    EXPECT_EQ(removed->seen.at(0).user_id, "agent@mock.livechat");
    EXPECT_EQ(closed->seen.at(0).user_id, "agent@mock.livechat");
}

TEST_F(Api, EveryPushArrivesInItsTypedHandler)
{
    for (auto& entry : load_fixture("pushes.json")) {
        std::string action = entry["action"];
        if (action == "customer_disconnected")
            continue; // ends the connection; covered by the client tests
        json seen;
        rtm::Subscription sub;
        ASSERT_TRUE(with_push_type(action, [&](auto tag) {
            using P = decltype(tag);
            sub = client->pushes().on<P>([&](const P& p) { encode_payload(seen, p); });
        })) << action;
        server->push(action, entry["payload"].dump());
        ASSERT_TRUE(run_until(ioc, [&] { return !seen.is_null(); })) << action;
        EXPECT_EQ(seen, entry["payload"]) << action;
    }
}

TEST(ApiStorage, CustomerSideStorageIsPushedAfterLogin)
{
    asio::io_context ioc;
    MockServerConfig mc;
    mc.customer_side_storage = {{"visits", "3"}};
    MockServer server(ioc.get_executor(), mc);
    ASSERT_FALSE(server.start());
    rtm::v3_0::RtmClient client(ioc, fast_config(server));
    std::optional<v3::CustomerSideStorageUpdated> storage;
    auto sub = client.pushes().on<v3::CustomerSideStorageUpdated>(
        [&](const v3::CustomerSideStorageUpdated& p) { storage = p; });
    client.async_run([](error_code) {});
    ASSERT_TRUE(run_until(ioc, [&] { return storage.has_value(); }));
    EXPECT_EQ(storage->customer_side_storage.at("visits"), "3");
    client.cancel();
}

TEST_F(Api, AWholeConversationFromTypedCallsOnly)
{
    // Pre-chat form, start, agent joins and answers with a rich message, the customer clicks a
    // button, sneak peek, properties, last seen, close, and the history read back.
    auto [fec, form] = call<v3::GetForm>({0, "prechat"});
    ASSERT_FALSE(fec);
    ASSERT_TRUE(form.enabled && form.form);
    v3::FilledForm filled;
    filled.form_id = form.form->id;
    v3::FilledFormField name;
    name.type = v3::FormFieldType::name;
    name.id = form.form->fields[1].id;
    name.label = "Name";
    name.text_answer = "Ann";
    v3::FilledFormField topic;
    topic.type = v3::FormFieldType::radio;
    topic.id = form.form->fields[3].id;
    topic.option_answer = v3::FormAnswer{"1", std::nullopt, "Shipping"};
    filled.fields = {name, topic};
    v3::Message hello;
    hello.text = "Hello, where is my parcel?";
    v3::StartChatRequest start;
    start.chat = v3::StartChatData{};
    start.chat->thread = v3::InitialThread{{filled, hello}, {}};
    auto [sec, started] = call<v3::StartChat>(start);
    ASSERT_FALSE(sec) << sec.message();
    auto chat_id = started.chat.id;
    auto thread_id = started.chat.thread->id;

    auto incoming = collect<v3::IncomingEvent>();
    auto joined = collect<v3::ChatUserAdded>();
    server->agent_join(chat_id.str());
    auto rich_id = server->agent_send_event(chat_id.str(), R"({"type":"rich_message","template_id":"cards",
        "elements":[{"title":"Track your parcel?","buttons":[
          {"text":"Yes","postback_id":"track_yes","user_ids":[],"type":"message","value":"Yes"},
          {"text":"No","postback_id":"track_no","user_ids":[]}]}]})");
    wait_for(joined);
    wait_for(incoming);
    ASSERT_TRUE(std::holds_alternative<v3::RichMessage>(*incoming->seen.back().event));

    ASSERT_FALSE(call<v3::SendRichMessagePostback>(
        {chat_id, thread_id, rtm::EventId(rich_id), {"track_yes", true}}).first);
    ASSERT_FALSE(call<v3::SendSneakPeek>({chat_id, "Thank"}).first);
    std::optional<error_code> sent;
    v3::async_send_message(*client, chat_id, "Thank you!", [&](error_code ec, auto) { sent = ec; });
    ASSERT_TRUE(run_until(ioc, [&] { return sent.has_value(); }));
    ASSERT_FALSE(*sent);
    v3::Properties rating{{"rating", {{"score", std::int64_t{1}}}}};
    ASSERT_FALSE(call<v3::UpdateChatThreadProperties>({chat_id, thread_id, rating}).first);
    std::optional<error_code> seen;
    v3::async_mark_seen(*client, chat_id, [&](error_code ec, auto) { seen = ec; });
    ASSERT_TRUE(run_until(ioc, [&] { return seen.has_value(); }));
    ASSERT_FALSE(*seen);
    ASSERT_FALSE(call<v3::CloseThread>({chat_id}).first);

    auto [hec, history] = call<v3::GetChatThreads>({chat_id, {thread_id}});
    ASSERT_FALSE(hec) << hec.message();
    ASSERT_EQ(history.chat.threads.size(), 1u);
    const auto& t = history.chat.threads[0];
    EXPECT_FALSE(t.active);
    ASSERT_EQ(t.events.size(), 5u); // form, hello, rich message, thank you, closing message
    EXPECT_TRUE(std::holds_alternative<v3::FilledForm>(t.events[0]));
    EXPECT_EQ(std::get<v3::FilledForm>(t.events[0]).fields[1].option_answer->label, "Shipping");
    const auto& rich = std::get<v3::RichMessage>(t.events[2]);
    EXPECT_EQ(rich.elements[0].buttons[0].user_ids.size(), 1u); // the click is remembered
    EXPECT_EQ(std::get<v3::Message>(t.events[3]).text, "Thank you!");
    EXPECT_TRUE(std::holds_alternative<v3::SystemMessage>(t.events[4]));
    EXPECT_EQ(std::get<std::int64_t>(t.properties.at("rating").at("score")), 1);
    EXPECT_EQ(server->last_sneak_peek(), "Thank");
}

// The typed v3.6 client against the mock server's 3.6 service: a whole conversation from
// typed calls only, the login's application and push subscription, pushes carrying their
// version, paging with page_id, and a URL that names another version.

#include "test_support.hpp"

#include <livechat/rtm.hpp>
#include <livechat/rtm/impl/internal/frame_codec.hpp>
#include <livechat/rtm/impl/internal/protocol.hpp>
#include <livechat/rtm/raw.hpp>
#include <livechat/rtm/v3_6/actions.hpp>
#include <livechat/rtm/v3_6/pagination.hpp>
#include <livechat/rtm/v3_6/pushes.hpp>
#include <livechat/rtm/v3_6/version.hpp>

#include <boost/asio/bind_cancellation_slot.hpp>

#include <gtest/gtest.h>

#include <optional>

namespace rtm = livechat::rtm;
namespace v36 = livechat::rtm::v3_6;
using namespace rtm_test;
using rtm::error_code;
using rtm::json;
using rtm::testing::MockServer;
using rtm::testing::MockServerConfig;

namespace {

rtm::ClientConfig config_3_6(const MockServer& server)
{
    auto cfg = fast_config(server);
    cfg.url = server.url_v3_6();
    return cfg;
}

class Api36 : public ::testing::Test {
protected:
    void SetUp() override
    {
        MockServerConfig mc;
        mc.record_requests = true;
        server = std::make_unique<MockServer>(ioc.get_executor(), mc);
        ASSERT_FALSE(server->start());
        client = std::make_unique<v36::RtmClient>(ioc, config_3_6(*server));
        versions = client->pushes().on_any([this](const rtm::RawPush& p) {
            push_versions.emplace_back(p.version.value_or("(none)"));
        });
        client->async_run([this](error_code ec) { run_ec = ec; });
        ASSERT_TRUE(run_until(ioc, [&] { return client->state() == rtm::SessionState::ready; }));
    }

    template <class Action>
    std::pair<error_code, typename Action::response> call(typename Action::request req)
    {
        std::optional<std::pair<error_code, typename Action::response>> out;
        client->async_execute<Action>(std::move(req),
            [&](error_code ec, typename Action::response r) { out.emplace(ec, std::move(r)); });
        EXPECT_TRUE(run_until(ioc, [&] { return out.has_value(); })) << Action::name;
        return out.value_or(std::pair{error_code(rtm::error::deadline_exceeded), typename Action::response{}});
    }

    template <class P>
    std::shared_ptr<std::vector<P>> collect()
    {
        auto seen = std::make_shared<std::vector<P>>();
        subs.push_back(client->pushes().on<P>([seen](const P& p) { seen->push_back(p); }));
        return seen;
    }

    template <class V>
    void wait_for(const V& seen, std::size_t n = 1)
    {
        ASSERT_TRUE(run_until(ioc, [&] { return seen->size() >= n; }));
    }

    static v36::Event message(std::string text)
    {
        v36::Message m;
        m.text = std::move(text);
        return m;
    }

    boost::asio::io_context ioc;
    std::unique_ptr<MockServer> server;
    std::unique_ptr<v36::RtmClient> client;
    std::vector<rtm::Subscription> subs;
    rtm::Subscription versions;
    std::vector<std::string> push_versions;
    std::optional<error_code> run_ec;
};

} // namespace

TEST_F(Api36, LoginNamesTheSdkAndReturnsTheCustomer)
{
    std::optional<std::pair<error_code, v36::LoginResponse>> login;
    // The client logged in by itself; a second login shows the typed response.
    client->async_login({}, [&](error_code ec, v36::LoginResponse r) { login.emplace(ec, std::move(r)); });
    ASSERT_TRUE(run_until(ioc, [&] { return login.has_value(); }));
    ASSERT_FALSE(login->first) << login->first.message();
    EXPECT_FALSE(login->second.customer.id.empty());
    auto first = json::parse(server->received().at(0).payload_json);
    EXPECT_EQ(server->received().at(0).action, "login");
    EXPECT_EQ(first["application"]["name"], std::string(v36::sdk_application_name));
    EXPECT_EQ(first["application"]["version"], LIVECHAT_RTM_VERSION_STRING);
    EXPECT_EQ(first["token"], "Bearer good-token");
}

TEST(Login36, TheSdkNamesItselfOnlyWhereTheAppDidNot)
{
    const auto& v36_rules = v36::Version::protocol();
    json own{{"application", {{"name", "kiosk"}, {"version", "2"}}}};
    EXPECT_TRUE(v36_rules.login_defaults(own).empty());
    auto frame = json::parse(livechat::rtm::detail::encode_request("login", "1", json{{"token", "Bearer t"}}, {},
        v36_rules.login_defaults(json{{"token", "Bearer t"}})));
    EXPECT_EQ(frame["payload"]["application"]["name"], std::string(v36::sdk_application_name));
    EXPECT_EQ(frame["payload"]["application"]["version"], LIVECHAT_RTM_VERSION_STRING);
    EXPECT_EQ(frame["payload"]["token"], "Bearer t");
    // v3.0 has no such field.
    EXPECT_TRUE(livechat::rtm::v3_0::Version::protocol().login_defaults(json::object()).empty());
}

TEST_F(Api36, AWholeConversationWithTypedCallsOnly)
{
    auto greetings = collect<v36::IncomingGreeting>();
    server->agent_greeting("Need help?");
    wait_for(greetings);
    const auto& greeting = greetings->at(0).greeting;
    ASSERT_TRUE(greeting.event);
    EXPECT_EQ(std::get<v36::Message>(*greeting.event).text, "Need help?");
    auto accepted = collect<v36::GreetingAccepted>();
    ASSERT_FALSE(call<v36::AcceptGreeting>({greeting.id, greeting.unique_id}).first);
    wait_for(accepted);

    auto chats = collect<v36::IncomingChat>();
    v36::StartChatRequest start;
    start.chat.emplace();
    start.chat->thread.emplace();
    start.chat->thread->events.push_back(message("Hello from 3.6"));
    auto [ec, started] = call<v36::StartChat>(start);
    ASSERT_FALSE(ec) << ec.message();
    ASSERT_EQ(started.event_ids.size(), 1u);
    wait_for(chats);
    const auto chat_id = started.chat_id;
    EXPECT_EQ(chats->at(0).chat.thread->events.size(), 1u);
    EXPECT_TRUE(rtm::v3_6::base_of(chats->at(0).chat.thread->events[0]).created_at);

    auto queue = collect<v36::QueuePositionUpdated>();
    server->agent_queue_position(chat_id.str(), 2, 60);
    wait_for(queue);
    EXPECT_EQ(queue->at(0).queue.position, 2);

    auto thinking = collect<v36::IncomingThinkingIndicator>();
    auto previews = collect<v36::IncomingEventPreview>();
    auto events = collect<v36::IncomingEvent>();
    server->agent_thinking(chat_id.str());
    server->agent_event_preview(chat_id.str(), "Let me che");
    server->agent_send_message(chat_id.str(), "Let me check that for you");
    wait_for(events);
    wait_for(thinking);
    wait_for(previews);
    EXPECT_EQ(std::get<v36::Message>(events->at(0).event).text, "Let me check that for you");
    EXPECT_TRUE(rtm::v3_6::base_of(previews->at(0).event).id.empty()); // previews have no id

    v36::File file;
    file.url = "https://cdn.livechat-files.com/api/file/lc/att/1/abc/receipt.pdf";
    auto [file_ec, sent_file] = call<v36::SendEvent>({chat_id, file, std::nullopt});
    ASSERT_FALSE(file_ec) << file_ec.message();
    auto [msg_ec, sent] = call<v36::SendEvent>({chat_id, message("oops, wrong file"), std::nullopt});
    ASSERT_FALSE(msg_ec);

    auto deleted = collect<v36::EventDeleted>();
    auto [get_ec, chat] = call<v36::GetChat>({chat_id, std::nullopt});
    ASSERT_FALSE(get_ec) << get_ec.message();
    const auto thread_id = chat.thread->id;
    ASSERT_FALSE(call<v36::DeleteEvent>({chat_id, thread_id, sent.event_id}).first);
    wait_for(deleted);
    EXPECT_EQ(deleted->at(0).event_id, sent.event_id);

    auto props = collect<v36::ChatPropertiesUpdated>();
    v36::Properties p;
    p["rating"]["score"] = std::int64_t{5};
    ASSERT_FALSE(call<v36::UpdateChatProperties>({chat_id, p}).first);
    wait_for(props);
    EXPECT_EQ(std::get<std::int64_t>(props->at(0).properties.at("rating").at("score")), 5);

    auto seen = collect<v36::EventsMarkedAsSeen>();
    auto now = std::chrono::time_point_cast<std::chrono::microseconds>(std::chrono::system_clock::now());
    ASSERT_FALSE(call<v36::MarkEventsAsSeen>({chat_id, now}).first);
    wait_for(seen);
    EXPECT_EQ(seen->at(0).seen_up_to, now); // microseconds survive the round trip

    auto closed = collect<v36::ChatDeactivated>();
    ASSERT_FALSE(call<v36::DeactivateChat>({chat_id}).first);
    wait_for(closed);

    v36::ResumeChatRequest resume;
    resume.chat.id = chat_id;
    auto [resume_ec, resumed] = call<v36::ResumeChat>(resume);
    ASSERT_FALSE(resume_ec) << resume_ec.message();
    EXPECT_NE(resumed.thread_id, thread_id);
    ASSERT_FALSE(call<v36::DeactivateChat>({chat_id}).first);
    for (int i = 0; i < 3; ++i) {
        ASSERT_FALSE(call<v36::ResumeChat>(resume).first);
        ASSERT_FALSE(call<v36::DeactivateChat>({chat_id}).first);
    }

    // History, two threads per page, walked with page_id cursors only.
    v36::ListThreadsRequest first;
    first.chat_id = chat_id;
    first.limit = 2;
    auto [page_ec, page] = call<v36::ListThreads>(first);
    ASSERT_FALSE(page_ec) << page_ec.message();
    std::size_t threads = page.threads.size();
    for (int guard = 0; page.next_page_id && guard < 10; ++guard) {
        v36::ListThreadsRequest next;
        next.chat_id = chat_id;
        next.page_id = page.next_page_id;
        auto [next_ec, next_page] = call<v36::ListThreads>(next);
        ASSERT_FALSE(next_ec) << next_ec.message();
        page = std::move(next_page);
        threads += page.threads.size();
    }
    EXPECT_EQ(threads, 5u);
    EXPECT_EQ(page.found_threads, 5);

    // The helper walks the same pages by itself.
    std::optional<std::pair<error_code, std::vector<v36::Thread>>> all;
    v36::async_list_all_threads(*client, first, [&](error_code e, std::vector<v36::Thread> t) { all.emplace(e, std::move(t)); });
    ASSERT_TRUE(run_until(ioc, [&] { return all.has_value(); }));
    ASSERT_FALSE(all->first) << all->first.message();
    EXPECT_EQ(all->second.size(), 5u);

    auto [list_ec, list] = call<v36::ListChats>({});
    ASSERT_FALSE(list_ec);
    ASSERT_EQ(list.chats_summary.size(), 1u);
    EXPECT_TRUE(list.chats_summary[0].last_thread_created_at);

    for (const auto& v : push_versions)
        EXPECT_EQ(v, "3.6"); // every 3.6 push says its version
    EXPECT_FALSE(push_versions.empty());
}

TEST_F(Api36, WelcomeMessageAndCustomerData)
{
    auto welcome = collect<v36::IncomingWelcomeMessage>();
    server->set_welcome_message("Welcome aboard");
    auto [ec, r] = call<v36::RequestWelcomeMessage>({});
    ASSERT_FALSE(ec) << ec.message();
    ASSERT_TRUE(r.predicted_agent);
    wait_for(welcome);
    EXPECT_EQ(std::get<v36::Message>(*welcome->at(0).event).text, "Welcome aboard");

    auto updated = collect<v36::CustomerUpdated>();
    v36::UpdateCustomerRequest u;
    u.name = "Thomas";
    u.address = v36::Address{std::nullopt, std::string("Wroclaw"), std::nullopt, std::nullopt, std::nullopt};
    u.session_fields = {{{"plan", "pro"}}};
    ASSERT_FALSE(call<v36::UpdateCustomer>(u).first);
    wait_for(updated);
    auto [get_ec, customer] = call<v36::GetCustomer>({});
    ASSERT_FALSE(get_ec);
    EXPECT_EQ(customer.name, "Thomas");
    EXPECT_EQ(customer.address->city, "Wroclaw");
    EXPECT_EQ(customer.session_fields.at(0).at("plan"), "pro");
}

TEST_F(Api36, PageIdWithLimitFailsLocallyAndNothingIsSent)
{
    auto before = server->received().size();
    v36::ListChatsRequest r;
    r.page_id = "1:2:d";
    r.limit = 2;
    auto [ec, out] = call<v36::ListChats>(r);
    EXPECT_EQ(ec, rtm::error::validation);
    EXPECT_EQ(server->received().size(), before);
}

TEST(Api36Url, AUrlOfAnotherVersionIsRefusedBeforeConnecting)
{
    boost::asio::io_context ioc;
    MockServer server(ioc.get_executor());
    ASSERT_FALSE(server.start());
    auto cfg = fast_config(server); // a /v3.0/ URL
    v36::RtmClient client(ioc, cfg);
    std::optional<error_code> ran;
    client.async_run([&](error_code ec) { ran = ec; });
    ASSERT_TRUE(run_until(ioc, [&] { return ran.has_value(); }));
    EXPECT_EQ(*ran, rtm::error::invalid_config);
    EXPECT_NE(client.diagnostics().client_message.find("v3.0"), std::string::npos) << client.diagnostics().client_message;
    EXPECT_EQ(server.connections_accepted(), 0u);
}

TEST(Api36Url, A3_6UrlWithoutOrganizationIsRefusedByTheService)
{
    boost::asio::io_context ioc;
    MockServer server(ioc.get_executor());
    ASSERT_FALSE(server.start());
    auto cfg = fast_config(server);
    cfg.url = "ws://127.0.0.1:" + std::to_string(server.port()) + "/v3.6/customer/rtm/ws?license_id=1";
    v36::RtmClient client(ioc, cfg);
    std::optional<error_code> ran;
    client.async_run([&](error_code ec) { ran = ec; });
    ASSERT_TRUE(run_until(ioc, [&] { return ran.has_value(); }));
    EXPECT_EQ(*ran, rtm::error::disconnected_by_server);
    EXPECT_EQ(server.disconnect_reasons().at(0), "license_not_found");
}

TEST(Api36Url, TheDefaultUrlCarriesTheOrganization)
{
    boost::asio::io_context ioc;
    rtm::ClientConfig cfg;
    cfg.token_provider = rtm::static_token("t");
    cfg.license_id = 1; // not what 3.6 needs
    v36::RtmClient client(ioc, cfg);
    std::optional<error_code> ran;
    client.async_run([&](error_code ec) { ran = ec; });
    ASSERT_TRUE(run_until(ioc, [&] { return ran.has_value(); }));
    EXPECT_EQ(*ran, rtm::error::invalid_config);
    EXPECT_NE(client.diagnostics().client_message.find("organization_id"), std::string::npos);
}

TEST(Api36Envelope, ARequestMayRunUnderALaterVersionNeverAnEarlierOne)
{
    boost::asio::io_context ioc;
    MockServer server(ioc.get_executor());
    ASSERT_FALSE(server.start());
    auto cfg = config_3_6(server);
    std::vector<std::string> sent;
    cfg.frame_trace = [&](rtm::FrameDirection d, std::string_view text) {
        if (d == rtm::FrameDirection::sent)
            sent.emplace_back(text);
    };
    v36::RtmClient client(ioc, cfg);
    client.async_run([](error_code) {});
    ASSERT_TRUE(run_until(ioc, [&] { return client.state() == rtm::SessionState::ready; }));

    std::optional<error_code> later, lower, garbage;
    client.async_execute<v36::ListChats>({}, rtm::RequestOptions{"3.7"}, [&](error_code ec, auto) { later = ec; });
    rtm::Diagnostics why;
    client.async_execute<v36::ListChats>({}, rtm::RequestOptions{"3.5", &why}, [&](error_code ec, auto) { lower = ec; });
    client.async_call("list_chats", json::object(), rtm::RequestOptions{"three"}, [&](error_code ec, json) { garbage = ec; });
    ASSERT_TRUE(run_until(ioc, [&] { return later && lower && garbage; }));
    EXPECT_FALSE(*later) << later->message();
    EXPECT_EQ(*lower, rtm::error::validation);
    EXPECT_NE(why.client_message.find("lower than the connection's 3.6"), std::string::npos) << why.client_message;
    EXPECT_EQ(*garbage, rtm::error::validation);
    auto with_version = std::count_if(sent.begin(), sent.end(), [](const std::string& f) {
        return json::parse(f).value("version", "") == "3.7";
    });
    EXPECT_EQ(with_version, 1); // the refused ones were never sent
}

TEST(Api36Envelope, LifecycleHeadersOfTheHandshakeReachTheApplication)
{
    boost::asio::io_context ioc;
    MockServerConfig mc;
    mc.handshake_headers = {{"Deprecation", "2026-12-31"}};
    MockServer server(ioc.get_executor(), mc);
    ASSERT_FALSE(server.start());
    auto cfg = config_3_6(server);
    std::vector<std::pair<std::string, std::string>> notices;
    cfg.lifecycle_notice = [&](std::string_view h, std::string_view v) { notices.emplace_back(h, v); };
    v36::RtmClient client(ioc, cfg);
    client.async_run([](error_code) {});
    ASSERT_TRUE(run_until(ioc, [&] { return client.state() == rtm::SessionState::ready; }));
    ASSERT_EQ(notices.size(), 1u);
    EXPECT_EQ(notices[0].first, "Deprecation");
    EXPECT_EQ(notices[0].second, "2026-12-31");
}

TEST_F(Api36, PageWalkStopsAtTheFirstErrorAndAtARepeatedCursor)
{
    using rtm::testing::Reaction;
    server->script("list_chats", Reaction::respond(R"({"chats_summary":[],"total_chats":0,"next_page_id":"same"})"));
    server->script("list_chats", Reaction::respond(R"({"chats_summary":[],"total_chats":0,"next_page_id":"same"})"));
    std::optional<error_code> looped;
    v36::async_list_all_chats(*client, {}, [&](error_code ec, std::vector<v36::ChatSummary>) { looped = ec; });
    ASSERT_TRUE(run_until(ioc, [&] { return looped.has_value(); }));
    EXPECT_EQ(*looped, rtm::error::malformed_payload);

    server->script("list_chats", Reaction::respond(R"({"chats_summary":[],"total_chats":0,"next_page_id":"p2"})"));
    server->script("list_chats", Reaction::fail("internal", "boom"));
    std::optional<error_code> failed;
    v36::async_list_all_chats(*client, {}, [&](error_code ec, std::vector<v36::ChatSummary>) { failed = ec; });
    ASSERT_TRUE(run_until(ioc, [&] { return failed.has_value(); }));
    EXPECT_EQ(*failed, rtm::error::internal);
}

TEST_F(Api36, PageWalkIsCancellable)
{
    using rtm::testing::Reaction;
    server->script("list_chats", Reaction::withhold());
    boost::asio::cancellation_signal cancel;
    std::optional<error_code> walked;
    v36::async_list_all_chats(*client, {},
        boost::asio::bind_cancellation_slot(cancel.slot(),
            [&](error_code ec, std::vector<v36::ChatSummary>) { walked = ec; }));
    ASSERT_TRUE(run_until(ioc, [&] { return server->count("list_chats") == 1; }));
    cancel.emit(boost::asio::cancellation_type::terminal);
    ASSERT_TRUE(run_until(ioc, [&] { return walked.has_value(); }));
    EXPECT_EQ(*walked, boost::asio::error::operation_aborted);
}

TEST(Api36Pushes, TheLoginsSubscriptionChoosesThePushesOfThatConnection)
{
    boost::asio::io_context ioc;
    MockServer server(ioc.get_executor());
    ASSERT_FALSE(server.start());
    auto cfg = config_3_6(server);
    cfg.auto_login = false;
    v36::RtmClient client(ioc, cfg);
    std::vector<std::string> seen;
    auto all = client.pushes().on_any([&](const rtm::RawPush& p) { seen.emplace_back(p.action); });
    client.async_run([](error_code) {});
    // Asked for before the connection is even open: the login starts as soon as it is.
    v36::LoginRequest login;
    login.pushes = v36::PushSubscription{{"3.6", {"incoming_event"}}};
    std::optional<error_code> logged;
    client.async_login(login, [&](error_code ec, v36::LoginResponse) { logged = ec; });
    ASSERT_TRUE(run_until(ioc, [&] { return logged.has_value(); }));
    ASSERT_FALSE(*logged) << logged->message();

    std::optional<v36::StartChatResponse> started;
    v36::async_start_chat_with_message(client, "hi", [&](error_code ec, v36::StartChatResponse r) {
        ASSERT_FALSE(ec) << ec.message();
        started = r;
    });
    ASSERT_TRUE(run_until(ioc, [&] { return started.has_value(); }));
    server.agent_send_message(started->chat_id.str(), "hello");
    ASSERT_TRUE(run_until(ioc, [&] { return !seen.empty(); }));
    // incoming_chat and user_added_to_chat were not asked for; the agent's message was.
    EXPECT_EQ(seen, std::vector<std::string>{"incoming_event"});
}

TEST_F(Api36, EveryOtherMethodAgainstTheMockWithItsPushes)
{
    v36::StartChatRequest start;
    start.chat.emplace();
    start.chat->thread.emplace();
    start.chat->thread->events.push_back(message("hi"));
    auto [ec, started] = call<v36::StartChat>(start);
    ASSERT_FALSE(ec) << ec.message();
    const auto chat = started.chat_id;
    const auto thread = started.thread_id;
    const auto event = started.event_ids.at(0);

    // A rich message from the agent, and the customer's click on its button.
    auto rich_id = server->agent_send_event(chat.str(), R"({"type":"rich_message","template_id":"quick_replies",
        "elements":[{"title":"Pick","buttons":[{"text":"Yes","type":"message","value":"Yes","postback_id":"yes","user_ids":[]}]}]})");
    ASSERT_FALSE(rich_id.empty());
    auto postbacks = collect<v36::IncomingRichMessagePostback>();
    v36::SendRichMessagePostbackRequest click{chat, thread, rtm::EventId(rich_id), {"yes", true, "message", "Yes", std::nullopt}};
    ASSERT_FALSE(call<v36::SendRichMessagePostback>(click).first);
    wait_for(postbacks);
    EXPECT_EQ(postbacks->at(0).postback.id, "yes");

    ASSERT_FALSE(call<v36::SendSneakPeek>({chat, "typing this"}).first);
    EXPECT_EQ(server->last_sneak_peek(), "typing this");

    // Properties at each level, set and deleted, each with its push.
    v36::Properties p;
    p["ns"]["flag"] = true;
    v36::PropertyNames names{{"ns", {"flag"}}};
    auto chat_deleted = collect<v36::ChatPropertiesDeleted>();
    auto thread_updated = collect<v36::ThreadPropertiesUpdated>();
    auto thread_deleted = collect<v36::ThreadPropertiesDeleted>();
    auto event_updated = collect<v36::EventPropertiesUpdated>();
    auto event_deleted = collect<v36::EventPropertiesDeleted>();
    ASSERT_FALSE(call<v36::UpdateChatProperties>({chat, p}).first);
    ASSERT_FALSE(call<v36::DeleteChatProperties>({chat, names}).first);
    ASSERT_FALSE(call<v36::UpdateThreadProperties>({chat, thread, p}).first);
    ASSERT_FALSE(call<v36::DeleteThreadProperties>({chat, thread, names}).first);
    ASSERT_FALSE(call<v36::UpdateEventProperties>({chat, thread, event, p}).first);
    ASSERT_FALSE(call<v36::DeleteEventProperties>({chat, thread, event, names}).first);
    wait_for(event_deleted);
    EXPECT_EQ(chat_deleted->size(), 1u);
    EXPECT_TRUE(std::get<bool>(thread_updated->at(0).properties.at("ns").at("flag")));
    EXPECT_EQ(thread_deleted->at(0).properties.at("ns"), std::vector<std::string>{"flag"});
    EXPECT_EQ(event_updated->at(0).event_id, event);

    // Customer data.
    auto updated = collect<v36::CustomerUpdated>();
    ASSERT_FALSE(call<v36::SetCustomerSessionFields>({{{{"plan", "pro"}}, {{"seat", "3"}}}}).first);
    wait_for(updated);
    ASSERT_EQ(updated->at(0).customer.session_fields.size(), 2u);
    ASSERT_FALSE(call<v36::UpdateCustomerPage>({"https://shop.example/cart", std::string("Cart")}).first);

    // Status, forms, predictions, URL info.
    auto [groups_ec, groups] = call<v36::ListGroupStatuses>({true, {}});
    ASSERT_FALSE(groups_ec);
    EXPECT_EQ(groups.groups_status.at("0"), v36::GroupStatus::online);
    auto [form_ec, form] = call<v36::GetForm>({0, "prechat"});
    ASSERT_FALSE(form_ec);
    EXPECT_TRUE(form.enabled);
    ASSERT_TRUE(form.form);
    EXPECT_FALSE(form.form->fields.empty());
    auto [agent_ec, agent] = call<v36::GetPredictedAgent>({});
    ASSERT_FALSE(agent_ec);
    EXPECT_EQ(agent.agent.id.str(), "agent@mock.livechat");
    auto [url_ec, info] = call<v36::GetUrlInfo>({"https://example.com"});
    ASSERT_FALSE(url_ec);
    EXPECT_EQ(info.url, "https://example.com");

    // Greetings: a click on its button, then a dismissal; an unknown one is refused.
    auto greetings = collect<v36::IncomingGreeting>();
    auto canceled = collect<v36::GreetingCanceled>();
    server->agent_greeting("Deals today");
    wait_for(greetings);
    const auto& g = greetings->at(0).greeting;
    ASSERT_FALSE(call<v36::SendGreetingButtonClicked>({g.unique_id, "button-1"}).first);
    ASSERT_FALSE(call<v36::CancelGreeting>({g.unique_id}).first);
    wait_for(canceled);
    EXPECT_EQ(call<v36::CancelGreeting>({g.unique_id}).first, rtm::error::greeting_not_found);

    // Keep-alive and the experimental page focus actions.
    EXPECT_FALSE(call<v36::Ping>({}).first);
    EXPECT_FALSE(call<v36::ActivateCustomerPage>({}).first);
    EXPECT_FALSE(call<v36::DeactivateCustomerPage>({}).first);
}

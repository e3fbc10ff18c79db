// The Customer Chat Web API client against the mock (served on the RTM port): uploads with
// limits, progress and cancellation; the Web-only methods; tokens refreshed on refusal.

#include "accounts_support.hpp"

#include <livechat/rtm/default_version.hpp>
#include <livechat/rtm/v3_6/send_file.hpp>
#include <livechat/rtm/v3_6/web.hpp>
#include <livechat/rtm/web/client.hpp>

#include <boost/asio/bind_cancellation_slot.hpp>
#include <boost/asio/cancellation_signal.hpp>

#include <nlohmann/json.hpp>

namespace {

using namespace accounts_test;
namespace web = livechat::rtm::web;
namespace v36 = livechat::rtm::v3_6;
using livechat::rtm::Diagnostics;

const std::string mock_organization = "00000000-0000-4000-8000-000000000001"; // MockServer::url_v3_6(1)

class WebApiFixture : public ::testing::Test {
protected:
    WebApiFixture() : rtm_server(ioc.get_executor()) { EXPECT_FALSE(rtm_server.start()); }

    web::WebApiConfig web_config()
    {
        web::WebApiConfig c;
        c.url = rtm_server.web_url();
        c.organization_id = mock_organization;
        c.token_provider = livechat::rtm::static_token("dal:good-token");
        c.timeout = 5s;
        c.upload_timeout = 5s;
        return c;
    }

    static web::UploadFile file_of(std::size_t size, std::string name = "photo.png")
    {
        web::UploadFile f;
        f.name = std::move(name);
        f.content_type = "image/png";
        f.data.assign(size, 'p');
        return f;
    }

    /// One operation, started by `start(diag, handler)`, run to its end.
    template <class T, class Start>
    Answer<T> wait(Start start)
    {
        return complete_once<T>(ioc, std::move(start));
    }

    boost::asio::io_context ioc;
    testing_ns::MockServer rtm_server;
};

TEST_F(WebApiFixture, NineMegabytesUploadWithMonotonicProgressAndTheUrlGoesInAFileEvent)
{
    // A chat over RTM to send the file into.
    auto cfg = rtm_test::fast_config(rtm_server);
    cfg.url = rtm_server.url_v3_6();
    livechat::rtm::RtmClient client(ioc.get_executor(), cfg);
    rtm_test::RunOutcome run;
    client.async_run(run.handler());
    rtm_test::Outcome<v36::StartChatResponse> chat;
    v36::async_start_chat_with_message(client, "hello", chat.handler());
    ASSERT_TRUE(rtm_test::run_until(ioc, [&] { return chat.done(); }));
    ASSERT_FALSE(chat.ec) << chat.ec.message();

    web::WebApiClient api(ioc.get_executor(), web_config());
    std::vector<std::pair<std::uint64_t, std::uint64_t>> progress;
    constexpr std::size_t size = 9 * 1024 * 1024;
    rtm_test::Outcome<v36::SendEventResponse> sent;
    v36::async_send_file(api, client, chat.value.chat_id, file_of(size),
        [&](std::uint64_t done, std::uint64_t total) { progress.emplace_back(done, total); }, sent.handler());
    ASSERT_TRUE(rtm_test::run_until(ioc, [&] { return sent.done(); }, 10000ms));
    ASSERT_FALSE(sent.ec) << sent.ec.message();

    ASSERT_EQ(rtm_server.uploads().size(), 1u);
    EXPECT_EQ(rtm_server.uploads()[0].size, size);
    EXPECT_EQ(rtm_server.uploads()[0].name, "photo.png");
    ASSERT_FALSE(progress.empty());
    for (std::size_t i = 1; i < progress.size(); ++i)
        EXPECT_GE(progress[i].first, progress[i - 1].first);
    EXPECT_EQ(progress.back(), std::make_pair(std::uint64_t(size), std::uint64_t(size)));
    EXPECT_GT(progress.size(), 2u) << "a large file is reported in steps";

    auto stored = nlohmann::json::parse(rtm_server.chat_json(chat.value.chat_id.str()));
    EXPECT_NE(stored.dump().find(rtm_server.uploads()[0].url), std::string::npos) << "the file event holds the URL";
    client.cancel();
    ASSERT_TRUE(rtm_test::run_until(ioc, [&] { return run.done(); }));
}

TEST_F(WebApiFixture, ElevenMegabytesFailBeforeSending)
{
    web::WebApiClient api(ioc.get_executor(), web_config());
    Diagnostics diag;
    auto r = wait<web::UploadedFile>([&](auto&, auto done) { api.async_upload_file(file_of(11 * 1024 * 1024), {}, diag, done); });
    EXPECT_EQ(r.ec, livechat::rtm::error::entity_too_large);
    EXPECT_NE(diag.client_message.find("10 MB"), std::string::npos);
    EXPECT_EQ(rtm_server.count("upload_file"), 0u);
    EXPECT_EQ(rtm_server.connections_accepted(), 0u) << "nothing was sent";
}

TEST_F(WebApiFixture, CancellingMidUploadCompletesWithOperationAborted)
{
    web::WebApiClient api(ioc.get_executor(), web_config());
    boost::asio::cancellation_signal cancel;
    rtm_test::Outcome<web::UploadedFile> out;
    bool emitted = false;
    api.async_upload_file(file_of(9 * 1024 * 1024),
        [&](std::uint64_t done, std::uint64_t total) {
            if (!emitted && done > 0 && done < total) {
                emitted = true;
                cancel.emit(boost::asio::cancellation_type::terminal);
            }
        },
        boost::asio::bind_cancellation_slot(cancel.slot(), out.handler()));
    ASSERT_TRUE(rtm_test::run_until(ioc, [&] { return out.done(); }, 10000ms));
    EXPECT_TRUE(emitted);
    EXPECT_EQ(out.ec, boost::asio::error::operation_aborted);
    EXPECT_TRUE(rtm_server.uploads().empty());
    rtm_test::run_until(ioc, [] { return false; }, 50ms);
    EXPECT_EQ(out.calls, 1);
}

TEST_F(WebApiFixture, ExecutablesAreRefusedByTheServer)
{
    web::WebApiClient api(ioc.get_executor(), web_config());
    Diagnostics diag;
    auto r = wait<web::UploadedFile>([&](auto&, auto done) { api.async_upload_file(file_of(100, "setup.EXE"), {}, diag, done); });
    EXPECT_EQ(r.ec, livechat::rtm::error::validation);
    EXPECT_EQ(diag.server_type, "validation");
    EXPECT_NE(diag.server_message.find("executable"), std::string::npos);
}

TEST_F(WebApiFixture, EveryWebOnlyMethodIsTyped)
{
    web::WebApiClient api(ioc.get_executor(), web_config());
    auto dyn = wait<v36::GetDynamicConfigurationResponse>([&](auto&, auto done) {
        v36::GetDynamicConfigurationRequest req;
        req.group_id = 0;
        req.url = "https://example.com/shop?a=1&b=2";
        api.async_execute<v36::GetDynamicConfiguration>(req, done);
    });
    ASSERT_FALSE(dyn.ec) << dyn.ec.message() << " " << dyn.diag.client_message;
    EXPECT_EQ(dyn.value.config_version, "mock.1");
    EXPECT_EQ(dyn.value.domain_allowed, true);
    EXPECT_NE(dyn.value.raw.text.find("localization_version"), std::string::npos);
    EXPECT_EQ(rtm_server.received().back().payload_json.find("example.com") != std::string::npos, true)
        << "GET parameters travel in the query";

    auto conf = wait<v36::GetConfigurationResponse>([&](auto&, auto done) {
        api.async_execute<v36::GetConfiguration>(v36::GetConfigurationRequest{0, *dyn.value.config_version}, done);
    });
    ASSERT_FALSE(conf.ec);
    EXPECT_NE(conf.value.raw.text.find("ticket_form"), std::string::npos);

    auto loc = wait<v36::GetLocalizationResponse>([&](auto&, auto done) {
        api.async_execute<v36::GetLocalization>(v36::GetLocalizationRequest{0, "en", "mock.1"}, done);
    });
    ASSERT_FALSE(loc.ec);
    EXPECT_EQ(loc.value.phrases.at("Chat_now"), "Chat now");

    auto license = wait<v36::Properties>([&](auto&, auto done) {
        api.async_execute<v36::ListLicenseProperties>(v36::ListLicensePropertiesRequest{std::string("mock"), {}}, done);
    });
    ASSERT_FALSE(license.ec);
    EXPECT_EQ(license.value.size(), 1u);
    EXPECT_TRUE(license.value.count("mock"));

    auto group = wait<v36::Properties>([&](auto&, auto done) {
        api.async_execute<v36::ListGroupProperties>(v36::ListGroupPropertiesRequest{0, {}, {}}, done);
    });
    ASSERT_FALSE(group.ec);
    EXPECT_EQ(group.value.size(), 2u);

    auto goals = wait<v36::Empty>([&](auto&, auto done) {
        api.async_execute<v36::CheckGoals>(v36::CheckGoalsRequest{"https://example.com", 0, {{{"plan", "gold"}}}}, done);
    });
    EXPECT_FALSE(goals.ec) << goals.ec.message();
    auto verify = wait<v36::Empty>([&](auto&, auto done) {
        api.async_execute<v36::RequestEmailVerification>(v36::RequestEmailVerificationRequest{"https://example.com/ok"}, done);
    });
    EXPECT_FALSE(verify.ec);

    // A stated limit is checked before sending.
    Diagnostics diag;
    auto bad = wait<v36::Empty>([&](auto&, auto done) {
        api.async_execute<v36::RequestEmailVerification>(v36::RequestEmailVerificationRequest{}, diag, done);
    });
    EXPECT_EQ(bad.ec, livechat::rtm::error::validation);
    EXPECT_EQ(diag.client_message, "callback_uri is required");
}

// The mock read a properties namespace with value("namespace", std::string()), which threw on
// anything but a string: the digits of a query (the mock reads them back as a number) or a number
// in a body. The exception left the io_context the mock runs on. Now a string, or a query's
// digits, names the namespace; an object is a validation error.
TEST_F(WebApiFixture, TheMockAnswersAPropertiesNamespaceOfAnyType)
{
    web::WebApiClient api(ioc.get_executor(), web_config());
    auto digits = wait<v36::Properties>([&](auto&, auto done) {
        api.async_execute<v36::ListLicenseProperties>(v36::ListLicensePropertiesRequest{std::string("5"), {}}, done);
    });
    EXPECT_FALSE(digits.ec) << digits.ec.message();
    EXPECT_TRUE(digits.value.empty());
    for (const auto& ns : {nlohmann::json(5), nlohmann::json(true)}) {
        auto r = wait<nlohmann::json>([&](auto&, auto done) {
            api.async_call("list_license_properties", nlohmann::json{{"namespace", ns}}, done);
        });
        EXPECT_FALSE(r.ec) << ns << ": " << r.ec.message();
        EXPECT_EQ(r.value, nlohmann::json::object()) << ns;
    }
    auto object = wait<nlohmann::json>([&](auto&, auto done) {
        api.async_call("list_license_properties", nlohmann::json{{"namespace", nlohmann::json::object()}}, done);
    });
    EXPECT_TRUE(object.ec);
    EXPECT_EQ(object.value["error"]["type"], "validation") << object.value;
}

TEST_F(WebApiFixture, RtmMethodsWorkOverTheWebApiOnTheSameMemory)
{
    web::WebApiClient api(ioc.get_executor(), web_config());
    auto started = wait<v36::StartChatResponse>([&](auto&, auto done) {
        api.async_execute<v36::StartChat>(v36::StartChatRequest{}, done);
    });
    ASSERT_FALSE(started.ec) << started.ec.message();
    auto listed = wait<v36::ListChatsResponse>([&](auto&, auto done) {
        api.async_execute<v36::ListChats>(v36::ListChatsRequest{}, done);
    });
    ASSERT_FALSE(listed.ec);
    ASSERT_EQ(listed.value.chats_summary.size(), 1u);
    EXPECT_EQ(listed.value.chats_summary[0].id, started.value.chat_id);
    auto raw = wait<nlohmann::json>([&](auto&, auto done) { api.async_call("no_such_action", nlohmann::json::object(), done); });
    EXPECT_TRUE(raw.ec);
    EXPECT_TRUE(raw.value.contains("error"));
}

TEST_F(WebApiFixture, V3_0UploadsAndCallsWithItsOwnShapes)
{
    auto cfg = web_config();
    cfg.api_version = "3.0";
    cfg.organization_id.clear();
    cfg.license_id = 1;
    web::WebApiClient api(ioc.get_executor(), cfg);
    auto up = wait<web::UploadedFile>([&](auto&, auto done) { api.async_upload_file(file_of(1000, "a.txt"), {}, done); });
    ASSERT_FALSE(up.ec) << up.ec.message();
    auto chat = wait<nlohmann::json>([&](auto&, auto done) { api.async_call("start_chat", nlohmann::json::object(), done); });
    ASSERT_FALSE(chat.ec) << chat.value.dump();
    auto chat_id = chat.value["chat"]["id"].get<std::string>();
    auto sent = wait<nlohmann::json>([&](auto&, auto done) {
        api.async_call("send_event", nlohmann::json{{"chat_id", chat_id}, {"event", {{"type", "file"}, {"url", up.value.url}}}}, done);
    });
    EXPECT_FALSE(sent.ec) << sent.value.dump();
    ASSERT_FALSE(rtm_server.received().empty());
    EXPECT_EQ(rtm_server.received().back().version, "3.0");
    EXPECT_NE(rtm_server.received().back().payload_json.find(up.value.url), std::string::npos)
        << "the 3.0 body's payload wrapper was understood";
}

TEST_F(WebApiFixture, BadSettingsFailBeforeAnythingIsSent)
{
    auto cfg = web_config();
    cfg.organization_id.clear();
    web::WebApiClient no_org(ioc.get_executor(), cfg);
    Diagnostics diag;
    auto r = wait<v36::Empty>([&](auto&, auto done) {
        no_org.async_execute<v36::RequestEmailVerification>(v36::RequestEmailVerificationRequest{"x"}, diag, done);
    });
    EXPECT_EQ(r.ec, accounts::error::invalid_config);
    EXPECT_NE(diag.client_message.find("organization_id"), std::string::npos);
    cfg = web_config();
    cfg.url = "http://api.example.com";
    web::WebApiClient plain(ioc.get_executor(), cfg);
    EXPECT_EQ((wait<web::UploadedFile>([&](auto&, auto done) { plain.async_upload_file(file_of(1), {}, done); }).ec),
        accounts::error::invalid_config);
    EXPECT_EQ(rtm_server.connections_accepted(), 0u);
}

class WebWithTokens : public AccountsFixture {
protected:
    WebWithTokens() : rtm_server(ioc.get_executor(), rtm_config(server.issued_tokens())) { EXPECT_FALSE(rtm_server.start()); }
    static testing_ns::MockServerConfig rtm_config(std::shared_ptr<testing_ns::IssuedTokens> tokens)
    {
        testing_ns::MockServerConfig c;
        c.issued_tokens = std::move(tokens);
        return c;
    }
    testing_ns::MockServer rtm_server;
};

TEST_F(WebWithTokens, ARefusedTokenIsReplacedOnceAndTheRequestRepeated)
{
    accounts::TokenCacheOptions opts;
    opts.organization_id = organization;
    accounts::CustomerTokenCache cache(ioc.get_executor(), accounts_config(), opts);
    web::WebApiConfig cfg;
    cfg.url = rtm_server.web_url();
    cfg.organization_id = mock_organization;
    cfg.token_provider = cache.provider();
    web::WebApiClient api(ioc.get_executor(), cfg);
    rtm_test::Outcome<v36::ListChatsResponse> first;
    api.async_execute<v36::ListChats>(v36::ListChatsRequest{}, first.handler());
    ASSERT_TRUE(rtm_test::run_until(ioc, [&] { return first.done(); }));
    ASSERT_FALSE(first.ec) << first.ec.message();
    EXPECT_EQ(cache.grants(), 1u);

    server.issued_tokens()->revoke(cache.cached()->access_token);
    rtm_test::Outcome<v36::ListChatsResponse> second;
    api.async_execute<v36::ListChats>(v36::ListChatsRequest{}, second.handler());
    ASSERT_TRUE(rtm_test::run_until(ioc, [&] { return second.done(); }));
    EXPECT_FALSE(second.ec) << second.ec.message();
    EXPECT_EQ(cache.grants(), 2u) << "one new grant after the refusal";
    EXPECT_EQ(rtm_server.count("list_chats"), 2u) << "the refused attempt stops at authentication; its repeat is served";
}

} // namespace

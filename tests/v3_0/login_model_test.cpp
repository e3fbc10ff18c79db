#include <livechat/rtm/v3_0/login.hpp>

#include <nlohmann/json.hpp>

#include <gtest/gtest.h>

using namespace livechat::rtm;
using nlohmann::json;

TEST(LoginModel, EncodesEveryRequestFieldOfTheSpec)
{
    v3_0::LoginRequest req;
    req.token = "Bearer dal:abc";
    req.group_id = 0;
    req.customer = v3_0::LoginCustomer{"Ann", std::nullopt, std::nullopt, {{"plan", "gold"}}};
    req.customer_page = v3_0::CustomerPage{"https://shop.example/cart", "Cart"};
    req.referrer = "https://ref.example";
    req.customer_side_storage = std::map<std::string, std::string>{{"visits", "3"}};
    req.is_mobile = false;
    json j;
    v3_0::encode_payload(j, req);
    EXPECT_EQ(j, json::parse(R"({"token":"Bearer dal:abc","group_id":0,
        "customer":{"name":"Ann","fields":{"plan":"gold"}},
        "customer_page":{"url":"https://shop.example/cart","title":"Cart"},
        "referrer":"https://ref.example","customer_side_storage":{"visits":"3"},
        "is_mobile":false})"));
}

TEST(LoginModel, LeavesOutUnsetFields)
{
    json j;
    v3_0::encode_payload(j, v3_0::LoginRequest{});
    EXPECT_EQ(j, json::object());
}

TEST(LoginModel, DecodesTheSpecResponse)
{
    auto in = json::parse(R"({"customer_id":"5d2b6c7e","has_active_thread":false,
        "chats":[{"chat_id":"Q8W2JX4Z1M","has_unread_events":true}],
        "__priv_dynamic_config":{"online_groups_ids":[0]},"future_field":1})");
    v3_0::LoginResponse out;
    Diagnostics d;
    ASSERT_FALSE(v3_0::decode_payload(in, out, d)) << d.client_message;
    EXPECT_EQ(out.customer_id.str(), "5d2b6c7e");
    EXPECT_FALSE(out.has_active_thread);
    ASSERT_EQ(out.chats.size(), 1u);
    EXPECT_EQ(out.chats[0].chat_id, ChatId("Q8W2JX4Z1M"));
    EXPECT_TRUE(out.chats[0].has_unread_events);
    EXPECT_EQ(json::parse(out.dynamic_config)["online_groups_ids"][0], 0);
}

TEST(LoginModel, MissingCustomerIdIsMalformedWithPath)
{
    v3_0::LoginResponse out;
    Diagnostics d;
    EXPECT_EQ(v3_0::decode_payload(json::parse(R"({"chats":[]})"), out, d), error::malformed_payload);
    EXPECT_EQ(d.client_message, "payload.customer_id must be present");
}

TEST(LoginModel, WrongTypesAreMalformedWithPath)
{
    struct Case {
        const char* json;
        const char* message;
    } cases[] = {
        {R"({"customer_id":5})", "payload.customer_id must be a string"},
        {R"({"customer_id":"c","has_active_thread":"no"})", "payload.has_active_thread must be a boolean"},
        {R"({"customer_id":"c","chats":{}})", "payload.chats must be an array"},
        {R"({"customer_id":"c","chats":[1]})", "payload.chats[0] must be an object"},
        {R"({"customer_id":"c","chats":[{"chat_id":"a"},{"has_unread_events":true}]})",
            "payload.chats[1].chat_id must be present"},
        {R"([])", "payload must be an object"},
    };
    for (const auto& c : cases) {
        v3_0::LoginResponse out;
        Diagnostics d;
        EXPECT_EQ(v3_0::decode_payload(json::parse(c.json), out, d), error::malformed_payload) << c.json;
        EXPECT_EQ(d.client_message, c.message) << c.json;
    }
}

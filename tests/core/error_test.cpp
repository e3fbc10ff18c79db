#include <livechat/rtm/error.hpp>

#include <boost/asio/error.hpp>

#include <gtest/gtest.h>

namespace rtm = livechat::rtm;

TEST(Error, CategoryIsNamedLivechatRtm)
{
    rtm::error_code ec = rtm::error::login_timeout;
    EXPECT_STREQ(ec.category().name(), "livechat.rtm");
    EXPECT_EQ(ec.value(), 1);
    EXPECT_FALSE(ec.message().empty());
}

TEST(Error, ServerTypesMapBothWays)
{
    EXPECT_EQ(rtm::error_from_server_type("authentication"), rtm::error::authentication);
    EXPECT_EQ(rtm::error_from_server_type("group_offline"), rtm::error::group_offline);
    EXPECT_EQ(rtm::error_from_server_type("chat_already_active"), rtm::error::chat_already_active);
    EXPECT_EQ(rtm::server_type_name(rtm::error::misdirected_request), "misdirected_request");
    EXPECT_EQ(rtm::server_type_name(rtm::error::login_timeout), "");
}

TEST(Error, UnknownServerTypeIsServerOther)
{
    EXPECT_EQ(rtm::error_from_server_type("brand_new_error"), rtm::error::server_other);
    EXPECT_EQ(rtm::error_from_server_type(""), rtm::error::server_other);
}

TEST(Error, EveryEnumeratorHasAMessage)
{
    for (int v = 1; v <= 15; ++v)
        EXPECT_EQ(rtm::error_code(v, rtm::error_category()).message().find("unknown"), std::string::npos) << v;
    for (int v = 100; v <= 129; ++v)
        EXPECT_EQ(rtm::error_code(v, rtm::error_category()).message().find("unknown livechat"), std::string::npos) << v;
}

TEST(Error, RetryableCodesAreTransient)
{
    EXPECT_TRUE(rtm::is_retryable(rtm::error::connection_lost));
    EXPECT_TRUE(rtm::is_retryable(rtm::error::too_many_requests));
    EXPECT_TRUE(rtm::is_retryable(boost::asio::error::connection_refused));
    EXPECT_FALSE(rtm::is_retryable(rtm::error::authentication));
    EXPECT_FALSE(rtm::is_retryable(rtm::error::validation));
    EXPECT_FALSE(rtm::is_retryable(rtm::error::customer_banned));
}

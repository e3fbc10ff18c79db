#include <livechat/rtm/impl/internal/config_check.hpp>
#include <livechat/rtm/impl/internal/url.hpp>
#include <livechat/rtm/v3_0/version.hpp>

#include <gtest/gtest.h>

using namespace livechat::rtm;
using namespace livechat::rtm::detail;

namespace {
/// The URL a v3.0 client connects to.
std::string effective_url(const ClientConfig& cfg)
{
    std::string problem;
    return detail::effective_url(cfg, v3_0::Version::protocol(), problem);
}
} // namespace

TEST(Url, BuildsTheV30DefaultFromLicenseId)
{
    ClientConfig cfg;
    cfg.license_id = 1234567;
    EXPECT_EQ(effective_url(cfg), "wss://api.livechatinc.com/v3.0/customer/rtm/ws?license_id=1234567");
    cfg.url = "ws://127.0.0.1:9/x";
    EXPECT_EQ(effective_url(cfg), "ws://127.0.0.1:9/x");
}

TEST(Url, ParsesSecureUrlWithDefaultPort)
{
    auto ep = parse_url("wss://api.livechatinc.com/v3.0/customer/rtm/ws?license_id=1");
    ASSERT_TRUE(ep);
    EXPECT_TRUE(ep->tls);
    EXPECT_EQ(ep->host, "api.livechatinc.com");
    EXPECT_EQ(ep->port, "443");
    EXPECT_EQ(ep->target, "/v3.0/customer/rtm/ws?license_id=1");
}

TEST(Url, ParsesPlainUrlWithPortAndNoPath)
{
    auto ep = parse_url("ws://127.0.0.1:8080");
    ASSERT_TRUE(ep);
    EXPECT_FALSE(ep->tls);
    EXPECT_EQ(ep->port, "8080");
    EXPECT_EQ(ep->target, "/");
}

TEST(Url, ParsesIpv6Literal)
{
    auto ep = parse_url("ws://[::1]:9000/ws");
    ASSERT_TRUE(ep);
    EXPECT_EQ(ep->host, "::1");
    EXPECT_EQ(ep->port, "9000");
}

TEST(Url, RejectsWhatItCannotUse)
{
    for (const char* bad : {"http://x/", "wss://", "ws://:80/", "ws://h:99999/", "ws://h:8a/",
             "ws://user@h/", "ws://h/#frag", "ws://[::1/", "ws://h:65536/", "ws://h:123456/",
             "ws://h:-1/", "ws://[::1]:70000/"})
        EXPECT_FALSE(parse_url(bad)) << bad;
}

TEST(Url, TakesEveryPortUpTo65535)
{
    for (const char* port : {"1", "08080", "65535"}) {
        auto ep = parse_url(std::string("ws://h:") + port + "/");
        ASSERT_TRUE(ep) << port;
        EXPECT_EQ(ep->port, port);
    }
}

// A user's translation unit: the umbrella header plus one call. It must compile without a
// single Beast or OpenSSL header (check_includes.cmake also inspects the include trace).
#include <livechat/rtm.hpp>
#include <livechat/rtm/raw.hpp>

#include <boost/asio/io_context.hpp>

#if defined(BOOST_BEAST_CORE_DETAIL_CONFIG_HPP) || defined(BOOST_BEAST_VERSION_HPP)
#error "a public livechat-rtm header included Beast"
#endif
#if defined(OPENSSL_SSL_H) || defined(HEADER_SSL_H)
#error "a public livechat-rtm header included OpenSSL"
#endif

int make_one_call()
{
    boost::asio::io_context ioc;
    livechat::rtm::ClientConfig cfg;
    cfg.organization_id = "00000000-0000-4000-8000-000000000001";
    cfg.token_provider = livechat::rtm::static_token("token");
    livechat::rtm::RtmClient client(ioc, cfg);
    client.async_run([](livechat::rtm::error_code) {});
    client.async_login({}, [](livechat::rtm::error_code, livechat::rtm::v3_6::LoginResponse) {});
    client.async_call("list_chats", livechat::rtm::json{{"limit", 5}},
        [](livechat::rtm::error_code, livechat::rtm::json) {});
    return 0;
}

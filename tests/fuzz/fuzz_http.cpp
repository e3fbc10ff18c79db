// libFuzzer harness: HTTP responses of the Accounts and Web APIs as the client reads them:
// status line, headers (Set-Cookie among them), chunked and unbounded bodies under the
// client's limits, then the token response and its errors.
#include <livechat/rtm/accounts/impl/error.ipp>
#include <livechat/rtm/accounts/impl/response.hpp>
#include <livechat/rtm/impl/internal/http_parse.ipp>

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    namespace rd = livechat::rtm::detail;
    namespace accounts = livechat::rtm::accounts;
    std::string_view raw(reinterpret_cast<const char*>(data), size);
    rd::HttpLimits limits;
    limits.max_body_size = 4096;
    limits.max_header_size = 2048;
    rd::HttpResponse res;
    if (rd::parse_http_response(raw, limits, res))
        return 0;
    if (res.body.size() > limits.max_body_size)
        __builtin_trap(); // the limit holds whatever the framing says
    accounts::TokenGrant grant;
    livechat::rtm::Diagnostics diag;
    auto ec = accounts::detail::read_token_response(res, grant, diag);
    if (!ec) {
        if (grant.token.access_token.empty() || grant.token.expires_in.count() < 0 ||
            grant.token.expires_in.count() > 366LL * 24 * 3600)
            __builtin_trap(); // a success always has a token and a sane lifetime
        for (const auto* v : {&grant.cookies.lc_cid, &grant.cookies.lc_cst})
            if (!accounts::detail::cookie_value_ok(*v))
                __builtin_trap(); // a cookie the SDK keeps can be sent back as it is
    } else if (diag.server_type.size() > accounts::detail::max_server_text ||
               diag.server_message.size() > accounts::detail::max_server_text) {
        __builtin_trap(); // server text is bounded
    }
    return 0;
}

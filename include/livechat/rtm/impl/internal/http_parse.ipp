// Copyright (c) 2026 livechat-rtm authors. Distributed under the MIT License (see LICENSE).
#ifndef LIVECHAT_RTM_IMPL_INTERNAL_HTTP_PARSE_IPP
#define LIVECHAT_RTM_IMPL_INTERNAL_HTTP_PARSE_IPP

// Reading HTTP responses with Beast's parser under the client's limits: shared by the HTTP
// client and the fuzz harness (no sockets, no OpenSSL).

#include <livechat/rtm/accounts/error.hpp>
#include <livechat/rtm/impl/internal/http_client.hpp>

#include <boost/beast/http.hpp>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <limits>

namespace livechat::rtm::detail {

namespace http = boost::beast::http;

inline bool equals_ignoring_case(std::string_view a, std::string_view b) noexcept
{
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
        return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
    });
}

LIVECHAT_RTM_DECL std::vector<std::string_view> HttpResponse::values(std::string_view name) const
{
    std::vector<std::string_view> out;
    for (const auto& [n, v] : headers)
        if (equals_ignoring_case(n, name))
            out.emplace_back(v);
    return out;
}

LIVECHAT_RTM_DECL std::string_view HttpResponse::value(std::string_view name) const
{
    for (const auto& [n, v] : headers)
        if (equals_ignoring_case(n, name))
            return v;
    return {};
}

using ResponseParser = http::response_parser<http::string_body>;

/// The parser every response goes through, bounded by `limits`.
inline void configure(ResponseParser& p, const HttpLimits& limits)
{
    p.header_limit(static_cast<std::uint32_t>(std::min<std::size_t>(limits.max_header_size, std::numeric_limits<std::uint32_t>::max())));
    p.body_limit(limits.max_body_size);
}

inline HttpResponse to_response(ResponseParser& p)
{
    auto& msg = p.get();
    HttpResponse out;
    out.status = msg.result_int();
    for (const auto& field : msg)
        out.headers.emplace_back(std::string(field.name_string()), std::string(field.value()));
    out.body = std::move(msg.body());
    return out;
}

/// Parser errors as the accounts category names them.
inline error_code classify_parse_error(error_code ec)
{
    if (ec == http::error::body_limit || ec == http::error::header_limit || ec == http::error::buffer_overflow)
        return accounts::error::response_too_large;
    // A line cut before or during the response stays what it is (worth another try); a
    // response that breaks HTTP's grammar is malformed.
    if (ec == http::error::end_of_stream || ec == http::error::partial_message)
        return ec;
    if (ec.category() == http::make_error_code(http::error::bad_version).category())
        return accounts::error::malformed_response;
    return ec;
}

LIVECHAT_RTM_DECL error_code parse_http_response(std::string_view raw, const HttpLimits& limits, HttpResponse& out)
{
    ResponseParser parser;
    configure(parser, limits);
    parser.eager(true);
    error_code ec;
    std::size_t used = parser.put(boost::asio::buffer(raw.data(), raw.size()), ec);
    if (!ec && !parser.is_done()) {
        if (used == raw.size())
            parser.put_eof(ec); // a body that runs to the end of the connection ends here
        else
            ec = http::error::partial_message;
    }
    if (!ec && !parser.is_done())
        ec = http::error::partial_message;
    if (ec)
        return classify_parse_error(ec);
    out = to_response(parser);
    return {};
}

} // namespace livechat::rtm::detail

#endif

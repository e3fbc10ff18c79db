// Copyright (c) 2026 livechat-rtm authors. Distributed under the MIT License (see LICENSE).
#ifndef LIVECHAT_RTM_ACCOUNTS_IMPL_ERROR_IPP
#define LIVECHAT_RTM_ACCOUNTS_IMPL_ERROR_IPP

#include <livechat/rtm/accounts/error.hpp>

#include <boost/asio/error.hpp>
#include <boost/asio/ssl/error.hpp>

#include <array>
#include <string>

namespace livechat::rtm::accounts {
namespace detail {

struct ExceptionName {
    error value;
    std::string_view name;
};

// customer-auth.md 1.4: the documented oauth_exception values.
inline constexpr std::array<ExceptionName, 12> oauth_names{{
    {error::bad_request, "bad_request"},
    {error::invalid_request, "invalid_request"},
    {error::unauthorized_client, "unauthorized_client"},
    {error::access_denied, "access_denied"},
    {error::server_error, "server_error"},
    {error::temporarily_unavailable, "temporarily_unavailable"},
    {error::unsupported_grant_type, "unsupported_grant_type"},
    {error::invalid_grant, "invalid_grant"},
    {error::invalid_client, "invalid_client"},
    {error::forbidden, "forbidden"},
    {error::conflict, "conflict"},
    {error::resource_not_found, "resource_not_found"},
}};

// customer-auth.md 1.4: identity_exception values named by the troubleshooting pages.
inline constexpr std::array<ExceptionName, 5> identity_names{{
    {error::identity_unauthorized, "unauthorized"},
    {error::identity_access_denied, "access_denied"},
    {error::identity_lost, "identity_lost"},
    {error::identity_server_error, "server_error"},
    {error::identity_invalid_request, "invalid_request"},
}};

inline const char* message_of(error e) noexcept
{
    switch (e) {
    case error::invalid_config: return "the accounts client configuration is invalid";
    case error::timeout: return "the accounts server did not answer in time";
    case error::response_too_large: return "the accounts server's response is larger than allowed";
    case error::malformed_response: return "the accounts server's response is not a token response";
    case error::http_error: return "the accounts server refused the request";
    case error::http_unavailable: return "the accounts server is unavailable";
    case error::redirect_refused: return "the accounts server redirected; redirects are not followed";
    case error::identity_changed: return "the accounts server answered for another customer than the stored one";
    case error::store_failed: return "the credential store could not be read or written";
    case error::store_corrupt: return "the credential store does not hold a valid identity";
    case error::oauth_other: return "the accounts server reported an unknown oauth_exception";
    case error::identity_other: return "the accounts server reported an unknown identity_exception";
    default: break;
    }
    return nullptr;
}

class ErrorCategory final : public boost::system::error_category {
public:
    const char* name() const noexcept override { return "livechat.accounts"; }

    std::string message(int ev) const override
    {
        auto e = static_cast<error>(ev);
        if (const char* text = message_of(e))
            return text;
        for (const auto& n : oauth_names)
            if (n.value == e)
                return "oauth_exception '" + std::string(n.name) + "'";
        for (const auto& n : identity_names)
            if (n.value == e)
                return "identity_exception '" + std::string(n.name) + "'";
        return "unknown livechat.accounts error " + std::to_string(ev);
    }
};

} // namespace detail

LIVECHAT_RTM_DECL const boost::system::error_category& error_category() noexcept
{
    static const detail::ErrorCategory category;
    return category;
}

LIVECHAT_RTM_DECL error error_from_oauth_exception(std::string_view value) noexcept
{
    for (const auto& n : detail::oauth_names)
        if (n.name == value)
            return n.value;
    return error::oauth_other;
}

LIVECHAT_RTM_DECL error error_from_identity_exception(std::string_view value) noexcept
{
    for (const auto& n : detail::identity_names)
        if (n.name == value)
            return n.value;
    return error::identity_other;
}

LIVECHAT_RTM_DECL bool is_transient(error_code ec) noexcept
{
    if (!ec || ec == boost::asio::error::operation_aborted)
        return false;
    if (ec.category() == error_category()) {
        switch (static_cast<error>(ec.value())) {
        case error::timeout:
        case error::http_unavailable:
        case error::server_error:
        case error::temporarily_unavailable:
        case error::identity_server_error: return true;
        default: return false;
        }
    }
    if (ec.category() == rtm::error_category())
        return rtm::is_retryable(ec);
    // A certificate the SDK refused stays refused; resolver and socket failures may pass.
    return ec.category() != boost::asio::error::get_ssl_category();
}

} // namespace livechat::rtm::accounts

#endif

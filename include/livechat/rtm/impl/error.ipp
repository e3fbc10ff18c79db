// Copyright (c) 2026 livechat-rtm authors. Distributed under the MIT License (see LICENSE).
#ifndef LIVECHAT_RTM_IMPL_ERROR_IPP
#define LIVECHAT_RTM_IMPL_ERROR_IPP

#include <livechat/rtm/error.hpp>

#include <boost/system/errc.hpp>

#include <array>
#include <string>
#include <utility>

namespace livechat::rtm {
namespace detail {

struct ServerErrorName {
    error value;
    std::string_view name;
};

// RTM: README.md section 5 (v3.0 table, 3.1+ additions, SDK-observed names).
inline constexpr std::array<ServerErrorName, 30> server_error_names{{
    {error::authentication, "authentication"},
    {error::authorization, "authorization"},
    {error::validation, "validation"},
    {error::not_found, "not_found"},
    {error::too_many_requests, "too_many_requests"},
    {error::request_timeout, "request_timeout"},
    {error::service_unavailable, "service_unavailable"},
    {error::internal, "internal"},
    {error::server_other, ""},
    {error::customer_banned, "customer_banned"},
    {error::license_expired, "license_expired"},
    {error::unsupported_version, "unsupported_version"},
    {error::misdirected_request, "misdirected_request"},
    {error::group_unavailable, "group_unavailable"},
    {error::entity_too_large, "entity_too_large"},
    {error::group_offline, "group_offline"},
    {error::users_limit_reached, "users_limit_reached"},
    {error::wrong_product_version, "wrong_product_version"},
    {error::license_not_found, "license_not_found"},
    {error::group_not_found, "group_not_found"},
    {error::greeting_not_found, "greeting_not_found"},
    {error::groups_offline, "groups_offline"},
    {error::pending_requests_limit_reached, "pending_requests_limit_reached"},
    {error::chat_inactive, "chat_inactive"},
    {error::limit_reached, "limit_reached"},
    {error::not_allowed, "not_allowed"},
    {error::chat_anonymized, "chat_anonymized"},
    {error::chat_already_active, "chat_already_active"},
    {error::chat_limit_reached, "chat_limit_reached"},
    {error::customer_session_fields_limit_reached, "customer_session_fields_limit_reached"},
}};

inline const char* client_error_message(error e) noexcept
{
    switch (e) {
    case error::login_timeout: return "no successful login within the authorization window";
    case error::ping_timeout: return "no traffic from the server for about two ping intervals";
    case error::connection_lost: return "the connection was lost while the request was pending";
    case error::malformed_frame: return "an inbound frame is not a valid RTM frame";
    case error::malformed_payload: return "a payload lacks a required field or has a wrong type";
    case error::not_running: return "the client is not running";
    case error::disconnected_by_server: return "the server disconnected the customer";
    case error::deadline_exceeded: return "the request timed out on the client side";
    case error::message_too_big: return "an inbound message exceeded the configured maximum";
    case error::invalid_config: return "the client configuration is invalid";
    case error::token_provider_failed: return "the token provider did not supply a token";
    case error::connect_timeout: return "connecting to the server timed out";
    case error::already_running: return "the client is already running";
    case error::customer_changed: return "a re-login returned a different customer id";
    case error::request_queue_full: return "too many requests are waiting to be sent";
    case error::nesting_too_deep: return "an inbound JSON text is nested too deeply";
    case error::recovery_incomplete: return "recovery after a re-login stopped at one of its bounds";
    case error::store_failed: return "the session store could not be read or written";
    case error::store_corrupt: return "the session store does not hold a stored session";
    default: return nullptr;
    }
}

class ErrorCategory final : public boost::system::error_category {
public:
    const char* name() const noexcept override { return "livechat.rtm"; }

    std::string message(int ev) const override
    {
        auto e = static_cast<error>(ev);
        if (const char* text = client_error_message(e))
            return text;
        if (e == error::server_other)
            return "the server reported an error of a type this SDK does not know";
        auto name = server_type_name(e);
        if (!name.empty())
            return "the server reported error '" + std::string(name) + "'";
        return "unknown livechat.rtm error " + std::to_string(ev);
    }
};

} // namespace detail

LIVECHAT_RTM_DECL const boost::system::error_category& error_category() noexcept
{
    static const detail::ErrorCategory category;
    return category;
}

LIVECHAT_RTM_DECL error error_from_server_type(std::string_view type) noexcept
{
    for (const auto& entry : detail::server_error_names)
        if (!entry.name.empty() && entry.name == type)
            return entry.value;
    return error::server_other;
}

LIVECHAT_RTM_DECL std::string_view server_type_name(error e) noexcept
{
    for (const auto& entry : detail::server_error_names)
        if (entry.value == e)
            return entry.name;
    return {};
}

LIVECHAT_RTM_DECL bool is_retryable(error_code ec) noexcept
{
    if (ec.category() == error_category()) {
        switch (static_cast<error>(ec.value())) {
        case error::ping_timeout:
        case error::connection_lost:
        case error::deadline_exceeded:
        case error::connect_timeout:
        case error::login_timeout:
        case error::too_many_requests:
        case error::request_timeout:
        case error::service_unavailable:
        case error::internal:
        case error::pending_requests_limit_reached: return true;
        default: return false;
        }
    }
    // Network-level failures (refused, reset, unreachable) are worth another try.
    return ec == boost::system::errc::connection_refused ||
           ec == boost::system::errc::connection_reset ||
           ec == boost::system::errc::connection_aborted ||
           ec == boost::system::errc::network_unreachable ||
           ec == boost::system::errc::host_unreachable || ec == boost::system::errc::timed_out;
}

} // namespace livechat::rtm

#endif

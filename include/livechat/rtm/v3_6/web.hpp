// Copyright (c) 2026 livechat-rtm authors. Distributed under the MIT License (see LICENSE).
#ifndef LIVECHAT_RTM_V3_6_WEB_HPP
#define LIVECHAT_RTM_V3_6_WEB_HPP

// The v3.6 methods that exist on the Customer Chat Web API only (v3.6.md section 2, "Not RTM
// in 3.6"; methods.md section 4), sent with `web::WebApiClient::async_execute<Action>`.
// `upload_file` is `WebApiClient::async_upload_file`. The spec gives these methods' requests;
// of their responses it names only a few fields, so each response types those and keeps the
// whole payload as JSON text too (`raw`).

#include <livechat/rtm/detail/codec_decl.hpp>
#include <livechat/rtm/open_enum.hpp>
#include <livechat/rtm/v3_6/actions.hpp>
#include <livechat/rtm/v3_6/common.hpp>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace livechat::rtm::v3_6 {

/// `get_dynamic_configuration` (GET): what a widget needs to ask for its configuration.
struct GetDynamicConfigurationRequest {
    std::optional<std::int64_t> group_id; ///< The group; the default group when absent.
    std::optional<std::string> url;       ///< The page the widget is on.
    std::optional<std::string> channel_type; ///< The channel type.
    std::optional<bool> test;             ///< Treat the request as a test.
};
/// The response of `get_dynamic_configuration`.
struct GetDynamicConfigurationResponse {
    std::optional<std::int64_t> group_id;           ///< The group the configuration is for.
    std::optional<bool> client_limit_exceeded;      ///< The license's customer limit is reached.
    std::optional<bool> domain_allowed;             ///< The page's domain may show the widget.
    std::optional<std::string> config_version;      ///< Pass to `get_configuration`.
    std::optional<std::string> localization_version; ///< Pass to `get_localization`.
    std::optional<std::string> language;            ///< The group's language.
    RawJson raw; ///< The whole payload (3.6 changed its shape for non-LiveChat widgets).
};

/// `get_configuration` (GET): the widget configuration of a group in a version.
struct GetConfigurationRequest {
    std::int64_t group_id = 0; ///< The group.
    std::string version;       ///< `config_version` from `get_dynamic_configuration`.
};
/// The response of `get_configuration`: a large widget description, kept whole.
struct GetConfigurationResponse {
    RawJson raw; ///< The whole payload.
};

/// `get_localization` (GET): the widget's phrases in a language.
struct GetLocalizationRequest {
    std::int64_t group_id = 0; ///< The group.
    std::string language;      ///< The language (e.g. `en`).
    std::string version;       ///< `localization_version` from `get_dynamic_configuration`.
};
/// The response of `get_localization`: phrase id to translated text.
struct GetLocalizationResponse {
    std::map<std::string, std::string> phrases; ///< The phrases.
};

/// `list_license_properties`: the license's properties, optionally one namespace or name.
struct ListLicensePropertiesRequest {
    std::optional<std::string> namespace_; ///< `namespace`: only this namespace.
    std::optional<std::string> name;       ///< Only properties with this name.
};
/// `list_group_properties`: a group's properties.
struct ListGroupPropertiesRequest {
    std::int64_t id = 0;                   ///< The group.
    std::optional<std::string> namespace_; ///< `namespace`: only this namespace.
    std::optional<std::string> name;       ///< Only properties with this name.
};

/// `check_goals`: for customers who are not connected (e.g. the customer limit is reached).
struct CheckGoalsRequest {
    std::string page_url;         ///< The page the customer is on.
    std::int64_t group_id = 0;    ///< The group.
    SessionFields session_fields; ///< 3.6: one-key objects (v3.0 sent `customer_fields`).
};

/// `request_email_verification`: mails the customer a link confirming their address.
struct RequestEmailVerificationRequest {
    std::string callback_uri; ///< Where the link leads after the confirmation.
};

/// Marks an action as one the Web API takes as a GET with query parameters.
struct WebGet {};

#define LIVECHAT_RTM_V3_6_WEB_ACTION(Type, wire, Request, Response, Method)                      \
    /** The Web-only `wire` method. */                                                           \
    struct Type {                                                                                \
        static constexpr std::string_view name = wire; /**< The wire name. */                   \
        using request = Request;                       /**< The request type. */                \
        using response = Response;                     /**< The response type. */               \
        using version = Version;                       /**< The protocol version. */            \
        using http_method = Method;                    /**< WebGet, or void for POST. */         \
    };

LIVECHAT_RTM_V3_6_WEB_ACTION(GetDynamicConfiguration, "get_dynamic_configuration", GetDynamicConfigurationRequest,
    GetDynamicConfigurationResponse, WebGet)
LIVECHAT_RTM_V3_6_WEB_ACTION(GetConfiguration, "get_configuration", GetConfigurationRequest, GetConfigurationResponse, WebGet)
LIVECHAT_RTM_V3_6_WEB_ACTION(GetLocalization, "get_localization", GetLocalizationRequest, GetLocalizationResponse, WebGet)
LIVECHAT_RTM_V3_6_WEB_ACTION(ListLicenseProperties, "list_license_properties", ListLicensePropertiesRequest, Properties, void)
LIVECHAT_RTM_V3_6_WEB_ACTION(ListGroupProperties, "list_group_properties", ListGroupPropertiesRequest, Properties, void)
LIVECHAT_RTM_V3_6_WEB_ACTION(CheckGoals, "check_goals", CheckGoalsRequest, Empty, void)
LIVECHAT_RTM_V3_6_WEB_ACTION(RequestEmailVerification, "request_email_verification", RequestEmailVerificationRequest, Empty, void)

#undef LIVECHAT_RTM_V3_6_WEB_ACTION

LIVECHAT_RTM_DECLARE_REQUEST_CODEC(GetDynamicConfigurationRequest)
LIVECHAT_RTM_DECLARE_PAYLOAD_CODEC(GetDynamicConfigurationResponse)
LIVECHAT_RTM_DECLARE_REQUEST_CODEC(GetConfigurationRequest)
LIVECHAT_RTM_DECLARE_PAYLOAD_CODEC(GetConfigurationResponse)
LIVECHAT_RTM_DECLARE_REQUEST_CODEC(GetLocalizationRequest)
LIVECHAT_RTM_DECLARE_PAYLOAD_CODEC(GetLocalizationResponse)
LIVECHAT_RTM_DECLARE_REQUEST_CODEC(ListLicensePropertiesRequest)
LIVECHAT_RTM_DECLARE_REQUEST_CODEC(ListGroupPropertiesRequest)
LIVECHAT_RTM_DECLARE_REQUEST_CODEC(CheckGoalsRequest)
LIVECHAT_RTM_DECLARE_REQUEST_CODEC(RequestEmailVerificationRequest)

} // namespace livechat::rtm::v3_6

#endif

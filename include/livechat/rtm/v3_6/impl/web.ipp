// Copyright (c) 2026 livechat-rtm authors. Distributed under the MIT License (see LICENSE).
#ifndef LIVECHAT_RTM_IMPL_V3_6_WEB_IPP
#define LIVECHAT_RTM_IMPL_V3_6_WEB_IPP

// Field lists of the v3.6 Web-only methods (v3.6.md section 2, methods.md section 4).

#include <livechat/rtm/v3_6/impl/actions.ipp>
#include <livechat/rtm/v3_6/web.hpp>

namespace livechat::rtm::v3_6 {

LIVECHAT_RTM_FIELDS(GetDynamicConfigurationRequest)
{
    io("group_id", s.group_id);
    io("url", s.url);
    io("channel_type", s.channel_type);
    io("test", s.test);
}
inline void read_struct(ModelReader& r, const json& j, GetDynamicConfigurationResponse& out)
{
    r.optional_field(j, "group_id", out.group_id);
    r.optional_field(j, "client_limit_exceeded", out.client_limit_exceeded);
    r.optional_field(j, "domain_allowed", out.domain_allowed);
    r.optional_field(j, "config_version", out.config_version);
    r.optional_field(j, "localization_version", out.localization_version);
    r.optional_field(j, "language", out.language);
    r.value(j, out.raw);
}
inline void write_struct(json& j, const GetDynamicConfigurationResponse& in)
{
    if (!in.raw.text.empty())
        j = json::parse(in.raw.text, nullptr, false);
    if (!j.is_object())
        j = json::object();
    put(j, "group_id", in.group_id);
    put(j, "client_limit_exceeded", in.client_limit_exceeded);
    put(j, "domain_allowed", in.domain_allowed);
    put(j, "config_version", in.config_version);
    put(j, "localization_version", in.localization_version);
    put(j, "language", in.language);
}

LIVECHAT_RTM_FIELDS(GetConfigurationRequest)
{
    io("group_id", s.group_id);
    io("version", s.version);
}
inline void read_struct(ModelReader& r, const json& j, GetConfigurationResponse& out) { r.value(j, out.raw); }
inline void write_struct(json& j, const GetConfigurationResponse& in)
{
    j = in.raw.text.empty() ? json::object() : json::parse(in.raw.text, nullptr, false);
}

LIVECHAT_RTM_FIELDS(GetLocalizationRequest)
{
    io("group_id", s.group_id);
    io("language", s.language);
    io("version", s.version);
}
inline void read_struct(ModelReader& r, const json& j, GetLocalizationResponse& out) { r.value(j, out.phrases); }
inline void write_struct(json& j, const GetLocalizationResponse& in) { detail::write_value(j, in.phrases); }

LIVECHAT_RTM_FIELDS(ListLicensePropertiesRequest)
{
    io("namespace", s.namespace_);
    io("name", s.name);
}
LIVECHAT_RTM_FIELDS(ListGroupPropertiesRequest)
{
    io("id", s.id);
    io("namespace", s.namespace_);
    io("name", s.name);
}
LIVECHAT_RTM_FIELDS(CheckGoalsRequest)
{
    io("page_url", s.page_url);
    io("group_id", s.group_id);
    io("session_fields", s.session_fields);
}
LIVECHAT_RTM_FIELDS(RequestEmailVerificationRequest) { io("callback_uri", s.callback_uri); }

LIVECHAT_RTM_DECL error_code validate_request(const GetDynamicConfigurationRequest&, Diagnostics&) { return {}; }
LIVECHAT_RTM_DECL error_code validate_request(const GetConfigurationRequest& r, Diagnostics& d)
{
    return r.version.empty() ? invalid(d, "version is required (config_version of get_dynamic_configuration)")
                             : error_code{};
}
LIVECHAT_RTM_DECL error_code validate_request(const GetLocalizationRequest& r, Diagnostics& d)
{
    if (r.language.empty())
        return invalid(d, "language is required");
    return r.version.empty() ? invalid(d, "version is required (localization_version of get_dynamic_configuration)")
                             : error_code{};
}
LIVECHAT_RTM_DECL error_code validate_request(const ListLicensePropertiesRequest&, Diagnostics&) { return {}; }
LIVECHAT_RTM_DECL error_code validate_request(const ListGroupPropertiesRequest&, Diagnostics&) { return {}; }
LIVECHAT_RTM_DECL error_code validate_request(const CheckGoalsRequest& r, Diagnostics& d)
{
    return r.page_url.empty() ? invalid(d, "page_url is required") : error_code{};
}
LIVECHAT_RTM_DECL error_code validate_request(const RequestEmailVerificationRequest& r, Diagnostics& d)
{
    return r.callback_uri.empty() ? invalid(d, "callback_uri is required") : error_code{};
}

LIVECHAT_RTM_DEFINE_PAYLOAD_CODEC(GetDynamicConfigurationRequest)
LIVECHAT_RTM_DEFINE_PAYLOAD_CODEC(GetDynamicConfigurationResponse)
LIVECHAT_RTM_DEFINE_PAYLOAD_CODEC(GetConfigurationRequest)
LIVECHAT_RTM_DEFINE_PAYLOAD_CODEC(GetConfigurationResponse)
LIVECHAT_RTM_DEFINE_PAYLOAD_CODEC(GetLocalizationRequest)
LIVECHAT_RTM_DEFINE_PAYLOAD_CODEC(GetLocalizationResponse)
LIVECHAT_RTM_DEFINE_PAYLOAD_CODEC(ListLicensePropertiesRequest)
LIVECHAT_RTM_DEFINE_PAYLOAD_CODEC(ListGroupPropertiesRequest)
LIVECHAT_RTM_DEFINE_PAYLOAD_CODEC(CheckGoalsRequest)
LIVECHAT_RTM_DEFINE_PAYLOAD_CODEC(RequestEmailVerificationRequest)

} // namespace livechat::rtm::v3_6

#endif

// Copyright (c) 2026 livechat-rtm authors. Distributed under the MIT License (see LICENSE).
#ifndef LIVECHAT_RTM_IMPL_V3_0_MODEL_COMMON_IPP
#define LIVECHAT_RTM_IMPL_V3_0_MODEL_COMMON_IPP

// What every v3.0 field list needs: property values, enum names, users and access.

#include <livechat/rtm/impl/internal/model_codec.hpp>
#include <livechat/rtm/v3_0/json.hpp>

namespace livechat::rtm {

// PropertyValue is a std::variant of rtm types: its ADL functions live here.
// RTM v3.0: responses and pushes wrap values as {"value": x}; requests do not. Accept both.
inline void read_variant(detail::ModelReader& r, const nlohmann::json& j, v3_0::PropertyValue& out)
{
    const nlohmann::json* v = &j;
    if (j.is_object() && j.size() == 1 && j.contains("value"))
        v = &j["value"];
    if (v->is_boolean())
        out = v->get<bool>();
    else if (detail::is_int64(*v))
        out = v->get<std::int64_t>(); // larger values stay raw JSON instead of wrapping
    else if (v->is_string())
        out = v->get<std::string>();
    else
        r.value(*v, out.emplace<RawJson>());
}

inline void write_variant(nlohmann::json& j, const v3_0::PropertyValue& v)
{
    std::visit([&j](const auto& x) { detail::write_value(j, x); }, v);
}

} // namespace livechat::rtm

namespace livechat::rtm::v3_0 {

using detail::ModelReader;
using detail::NamedValue;
using detail::put;
using detail::put_always;
using nlohmann::json;

inline const std::vector<NamedValue<UserType>>& enum_names(UserType)
{
    static const std::vector<NamedValue<UserType>> names{
        {UserType::customer, "customer"}, {UserType::agent, "agent"}};
    return names;
}

inline const std::vector<NamedValue<FormFieldType>>& enum_names(FormFieldType)
{
    using F = FormFieldType;
    static const std::vector<NamedValue<F>> names{{F::header, "header"}, {F::name, "name"},
        {F::email, "email"}, {F::question, "question"}, {F::textarea, "textarea"},
        {F::radio, "radio"}, {F::select, "select"}, {F::checkbox, "checkbox"},
        {F::group_chooser, "group_chooser"}, {F::rating, "rating"}, {F::subject, "subject"},
        {F::checkbox_for_email, "checkbox_for_email"}};
    return names;
}

// ---- Properties (classes derived from std::map: read and written as their map) -------------------

inline void read_struct(ModelReader& r, const json& j, Properties& p) { r.value(j, static_cast<Properties::map&>(p)); }
inline void write_struct(json& j, const Properties& p) { detail::write_value(j, static_cast<const Properties::map&>(p)); }
inline void read_struct(ModelReader& r, const json& j, PropertyNames& p) { r.value(j, static_cast<PropertyNames::map&>(p)); }
inline void write_struct(json& j, const PropertyNames& p) { detail::write_value(j, static_cast<const PropertyNames::map&>(p)); }

// ---- Access, users ------------------------------------------------------------------------------

inline void read_struct(ModelReader& r, const json& j, Access& a)
{
    r.required_field(j, "group_ids", a.group_ids);
}
inline void write_struct(json& j, const Access& a) { put_always(j, "group_ids", a.group_ids); }

inline void read_struct(ModelReader& r, const json& j, User& u)
{
    r.field(j, "id", u.id);
    r.field(j, "type", u.type);
    r.field(j, "name", u.name);
    r.field(j, "email", u.email);
    r.field(j, "avatar", u.avatar);
    r.field(j, "job_title", u.job_title);
    r.field(j, "is_bot", u.is_bot);
    r.field(j, "present", u.present);
    r.field(j, "last_seen_timestamp", u.last_seen_timestamp);
    r.field(j, "fields", u.fields);
}
inline void write_struct(json& j, const User& u)
{
    put(j, "id", u.id);
    put(j, "type", u.type);
    put(j, "name", u.name);
    put(j, "email", u.email);
    put(j, "avatar", u.avatar);
    put(j, "job_title", u.job_title);
    put(j, "is_bot", u.is_bot);
    put(j, "present", u.present);
    put(j, "last_seen_timestamp", u.last_seen_timestamp);
    put(j, "fields", u.fields);
}

inline void read_struct(ModelReader& r, const json& j, AgentInfo& a)
{
    r.field(j, "id", a.id);
    r.field(j, "name", a.name);
    r.field(j, "type", a.type);
    r.field(j, "avatar", a.avatar);
    r.field(j, "job_title", a.job_title);
    r.field(j, "is_bot", a.is_bot);
}
inline void write_struct(json& j, const AgentInfo& a)
{
    put(j, "id", a.id);
    put(j, "name", a.name);
    put(j, "type", a.type);
    put(j, "avatar", a.avatar);
    put(j, "job_title", a.job_title);
    put(j, "is_bot", a.is_bot);
}

} // namespace livechat::rtm::v3_0

#endif

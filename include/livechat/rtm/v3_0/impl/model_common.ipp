// Copyright (c) 2026 livechat-rtm authors. Distributed under the MIT License (see LICENSE).
#ifndef LIVECHAT_RTM_IMPL_V3_0_MODEL_COMMON_IPP
#define LIVECHAT_RTM_IMPL_V3_0_MODEL_COMMON_IPP

// What every v3.0 field list needs: property values, enum names, users and access.

#include <livechat/rtm/impl/internal/field_list.hpp>
#include <livechat/rtm/v3_0/json.hpp>

namespace livechat::rtm::v3_0 {

using detail::ModelReader;
using detail::NamedValue;
using detail::put;
using detail::put_always;
using detail::always;
using detail::lenient;
using detail::omit_empty;
using detail::required;
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

// RTM v3.0: responses and pushes wrap values as {"value": x}; requests do not. Accept both.
inline void read_property_value(ModelReader& r, const json& j, PropertyValue& out)
{
    const json* v = &j;
    if (j.is_object() && j.size() == 1 && j.contains("value"))
        v = &j["value"];
    detail::read_plain_property(r, *v, out);
}

inline void read_struct(ModelReader& r, const json& j, Properties& p)
{
    r.each(j, p, [&r](const json& ns, std::map<std::string, PropertyValue>& values) {
        r.each(ns, values, [&r](const json& v, PropertyValue& out) { read_property_value(r, v, out); });
    });
}
/// Written in the request form (bare values).
inline void write_struct(json& j, const Properties& p) { detail::write_plain_properties(j, p); }
inline void read_struct(ModelReader& r, const json& j, PropertyNames& p) { r.value(j, static_cast<PropertyNames::map&>(p)); }
inline void write_struct(json& j, const PropertyNames& p) { detail::write_value(j, static_cast<const PropertyNames::map&>(p)); }

// ---- Access, users ------------------------------------------------------------------------------

LIVECHAT_RTM_FIELDS(Access)
{
    io("group_ids", s.group_ids, required | always);
}

LIVECHAT_RTM_FIELDS(User)
{
    io("id", s.id);
    io("type", s.type);
    io("name", s.name);
    io("email", s.email);
    io("avatar", s.avatar);
    io("job_title", s.job_title);
    io("is_bot", s.is_bot);
    io("present", s.present);
    io("last_seen_timestamp", s.last_seen_timestamp);
    io("fields", s.fields);
}

LIVECHAT_RTM_FIELDS(AgentInfo)
{
    io("id", s.id);
    io("name", s.name);
    io("type", s.type);
    io("avatar", s.avatar);
    io("job_title", s.job_title);
    io("is_bot", s.is_bot);
}

} // namespace livechat::rtm::v3_0

#endif

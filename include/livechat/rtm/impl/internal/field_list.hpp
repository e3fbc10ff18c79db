// Copyright (c) 2026 livechat-rtm authors. Distributed under the MIT License (see LICENSE).
#ifndef LIVECHAT_RTM_IMPL_INTERNAL_FIELD_LIST_HPP
#define LIVECHAT_RTM_IMPL_INTERNAL_FIELD_LIST_HPP

// A structure's fields, listed once for both directions:
//
//   LIVECHAT_RTM_FIELDS(Thread)
//   {
//       io("id", s.id);
//       io("user_ids", s.user_ids, always);
//   }
//
// The reader and the writer below are the two `io`s; ModelReader and write_value use a list
// wherever a type has one. Nothing is looked up at run time: each list is a template the
// compiler expands into the same calls a hand-written read_struct / write_struct would make.

#include <livechat/rtm/impl/internal/model_codec.hpp>

namespace livechat::rtm::detail {

template <class T>
struct is_open_enum : std::false_type {};
template <class E>
struct is_open_enum<OpenEnum<E>> : std::true_type {};

/// How one field of a list differs from the default (absent or null reads as empty or fails
/// for a required scalar; empty optionals and containers are not written).
enum FieldRule : unsigned {
    lenient = 1,  ///< a value of the wrong type reads as empty instead of failing
    required = 2, ///< absent or null fails, even for an optional or a container
    always = 4,   ///< written even when empty (arrays the spec requires)
    omit_empty = 8, ///< an empty string (or open enum) is not written, and reads back from absent
};

template <class T>
void read_fields(ModelReader& r, const json& j, T& out)
{
    auto io = [&r, &j](std::string_view key, auto& field, unsigned rules = 0) {
        if (rules & omit_empty) {
            auto it = j.find(key);
            if (it == j.end() || it->is_null())
                return; // written only when not empty: absent means empty
        }
        if (rules & required)
            r.required_field(j, key, field);
        else if (rules & lenient)
            r.optional_field(j, key, field);
        else
            r.field(j, key, field);
    };
    fields(io, out);
}

template <class T>
void write_fields(json& j, const T& v)
{
    auto io = [&j](const char* key, const auto& field, unsigned rules = 0) {
        using F = std::decay_t<decltype(field)>;
        if constexpr (std::is_same_v<F, std::string>) {
            if ((rules & omit_empty) && field.empty())
                return;
        } else if constexpr (is_open_enum<F>::value) {
            if ((rules & omit_empty) && field.raw.empty() && static_cast<int>(field.value) == 0)
                return;
        }
        if (rules & always)
            put_always(j, key, field);
        else
            put(j, key, field);
    };
    fields(io, v);
}

} // namespace livechat::rtm::detail

/// Lists the fields of `Type` once, for reading and writing: the body calls `io(key,
/// s.member)` (or `io(key, s.member, rules)` with FieldRule flags) per field, in wire order.
/// `s` is the object, const when writing.
#define LIVECHAT_RTM_FIELDS(Type)                                                                  \
    template <class IO, class Self,                                                              \
        std::enable_if_t<std::is_same_v<std::remove_const_t<Self>, Type>, int> = 0>              \
    void fields(IO& io, Self& s)

#endif

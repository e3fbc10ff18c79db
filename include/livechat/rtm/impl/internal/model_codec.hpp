// Copyright (c) 2026 livechat-rtm authors. Distributed under the MIT License (see LICENSE).
#ifndef LIVECHAT_RTM_IMPL_INTERNAL_MODEL_CODEC_HPP
#define LIVECHAT_RTM_IMPL_INTERNAL_MODEL_CODEC_HPP

// Type-driven JSON mapping for typed models, version-agnostic. A model lists its fields once
// for both directions (LIVECHAT_RTM_FIELDS, field_list.hpp); the few with rules no list can
// say (a field whose type depends on another, a wrapper that may or may not be there) have
// their own read_struct / write_struct overloads, found by ADL. This file supplies the value
// types: strings, integers, ids, open enums, optionals, vectors, maps. Decoding
// never throws: the first missing or ill-typed field becomes `error::malformed_payload` with
// its JSON path in Diagnostics. Absent and null are treated alike.

#include <livechat/rtm/diagnostics.hpp>
#include <livechat/rtm/error.hpp>
#include <livechat/rtm/ids.hpp>
#include <livechat/rtm/impl/internal/json_limits.hpp>
#include <livechat/rtm/open_enum.hpp>
#include <livechat/rtm/timestamp.hpp>

#include <boost/container/small_vector.hpp>
#include <nlohmann/json.hpp>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <variant>
#include <vector>

namespace livechat::rtm::detail {

using nlohmann::json;

template <class T>
struct is_optional : std::false_type {};
template <class T>
struct is_optional<std::optional<T>> : std::true_type {};
/// Vectors, maps and types derived from them (absent means empty).
template <class T, class = void>
struct is_container : std::false_type {};
template <class T>
struct is_container<T, std::void_t<typename T::value_type, decltype(std::declval<const T&>().empty())>>
    : std::bool_constant<!std::is_same_v<T, std::string>> {};

/// One wire name of an open enum. Each enum supplies, by ADL,
/// `const std::vector<NamedValue<E>>& enum_names(E)`.
template <class E>
struct NamedValue {
    E value;
    const char* name;
};

template <class E>
std::string_view enum_name(E v)
{
    for (const auto& n : enum_names(E{}))
        if (n.value == v)
            return n.name;
    return {};
}

// ---- field lists (field_list.hpp) -----------------------------------------------------------

/// Accepts any field: the probe that tells whether a type has a field list.
struct FieldProbe {
    template <class... A>
    void operator()(A&&...) const
    {
    }
};
template <class T, class = void>
struct has_fields : std::false_type {};
template <class T>
struct has_fields<T, std::void_t<decltype(fields(std::declval<FieldProbe&>(), std::declval<T&>()))>>
    : std::true_type {};

class ModelReader;
template <class T>
void read_fields(ModelReader& r, const json& j, T& out);
template <class T>
void write_fields(json& j, const T& v);

class ModelReader {
public:
    explicit ModelReader(Diagnostics& diag, std::string root = "payload")
        : diag_(diag), root_(std::move(root))
    {
    }

    error_code result() const { return ec_; }
    bool ok() const { return !ec_; }

    /// Reads `obj[key]` into `out`. Optionals and containers may be absent; anything else is
    /// required.
    template <class T>
    void field(const json& obj, std::string_view key, T& out)
    {
        if (ec_)
            return;
        auto it = obj.find(key);
        auto mark = push(key);
        if (it == obj.end() || it->is_null()) {
            if constexpr (!is_optional<T>::value && !is_container<T>::value)
                fail("present");
        } else {
            value(*it, out);
        }
        pop(mark);
    }

    /// Like field(), but a container must be present too (it may be empty).
    template <class T>
    void required_field(const json& obj, std::string_view key, T& out)
    {
        if (ec_)
            return;
        auto it = obj.find(key);
        auto mark = push(key);
        if (it == obj.end() || it->is_null())
            fail("present");
        else
            value(*it, out);
        pop(mark);
    }

    /// Like field(), but leaves a default-initialized `out` alone when absent.
    template <class T>
    void optional_field(const json& obj, std::string_view key, T& out)
    {
        if (ec_)
            return;
        auto it = obj.find(key);
        if (it == obj.end() || it->is_null())
            return;
        auto mark = push(key);
        value(*it, out);
        pop(mark);
    }

    bool expect_object(const json& j) { return j.is_object() || fail("an object"); }

    /// Runs f() with `key` appended to the path (for fields read from a nested object by hand).
    template <class F>
    void within(std::string_view key, F&& f)
    {
        auto mark = push(key);
        f();
        pop(mark);
    }

    void value(const json& j, std::string& out)
    {
        if (!j.is_string())
            return void(fail("a string"));
        out = j.get_ref<const std::string&>();
    }
    void value(const json& j, bool& out)
    {
        if (!j.is_boolean())
            return void(fail("a boolean"));
        out = j.get<bool>();
    }
    void value(const json& j, std::int64_t& out)
    {
        if (!j.is_number_integer())
            return void(fail("an integer"));
        if (!is_int64(j))
            return void(fail("an integer within the signed 64-bit range"));
        out = j.get<std::int64_t>();
    }
    void value(const json& j, double& out)
    {
        if (!j.is_number())
            return void(fail("a number"));
        out = j.get<double>();
    }
    /// RFC 3339 text (protocol 3.6 `datetime`).
    void value(const json& j, Timestamp& out)
    {
        if (!j.is_string())
            return void(fail("an RFC 3339 time string"));
        auto t = parse_timestamp(j.get_ref<const std::string&>());
        if (!t)
            return void(fail("an RFC 3339 time (YYYY-MM-DDTHH:MM:SS.ffffffZ)"));
        out = *t;
    }
    template <class Tag>
    void value(const json& j, Id<Tag>& out)
    {
        std::string s;
        value(j, s);
        out = Id<Tag>(std::move(s));
    }
    void value(const json& j, RawJson& out)
    {
        out.text = j.dump(-1, ' ', false, json::error_handler_t::replace);
    }
    template <class E>
    void value(const json& j, OpenEnum<E>& out)
    {
        if (!j.is_string())
            return void(fail("a string"));
        out.raw = j.get<std::string>();
        out.value = E::unknown;
        for (const auto& n : enum_names(E{}))
            if (out.raw == n.name)
                out.value = n.value;
    }
    template <class T>
    void value(const json& j, std::optional<T>& out)
    {
        out.emplace();
        value(j, *out);
    }
    template <class T>
    void value(const json& j, std::vector<T>& out)
    {
        if (!j.is_array())
            return void(fail("an array"));
        out.clear();
        out.reserve(j.size());
        for (std::size_t i = 0; i < j.size() && !ec_; ++i) {
            auto mark = steps_.size();
            steps_.push_back({{}, i, true});
            out.emplace_back();
            value(j[i], out.back());
            pop(mark);
        }
    }
    template <class V>
    void value(const json& j, std::map<std::string, V>& out)
    {
        each(j, out, [this](const json& element, V& slot) { value(element, slot); });
    }
    /// Reads a JSON object into a map, each value with `read(const json&, V&)` (for values
    /// whose rules belong to one protocol version), keys on the path.
    template <class V, class Read>
    void each(const json& j, std::map<std::string, V>& out, Read&& read)
    {
        if (!j.is_object())
            return void(fail("an object"));
        out.clear();
        for (auto it = j.begin(); it != j.end() && !ec_; ++it) {
            auto mark = push(it.key());
            read(it.value(), out[it.key()]);
            pop(mark);
        }
    }
    /// Variants (events): a `read_variant(ModelReader&, const json&, V&)` found by ADL.
    template <class... Ts>
    void value(const json& j, std::variant<Ts...>& out)
    {
        read_variant(*this, j, out);
    }
    /// Structs: their field list, or a `read_struct(ModelReader&, const json&, T&)` found by ADL.
    template <class T, class = std::enable_if_t<std::is_class_v<T>>, class = void>
    void value(const json& j, T& out)
    {
        if (!expect_object(j))
            return;
        if constexpr (has_fields<T>::value)
            read_fields(*this, j, out);
        else
            read_struct(*this, j, out);
    }

    /// Records the first problem: "<path> must be <expected>".
    bool fail(const char* expected)
    {
        if (!ec_) {
            ec_ = error::malformed_payload;
            diag_.client_message = path() + " must be " + expected;
        }
        return false;
    }

    /// Where the reader is, as "payload.chat.users[2].id".
    std::string path() const
    {
        std::string out = root_;
        for (const auto& s : steps_) {
            if (s.element)
                out.append("[").append(std::to_string(s.index)).append("]");
            else
                out.append(".").append(s.key);
        }
        return out;
    }

private:
    /// One step of the path: a key, or an array element. The path is spelled out only when a
    /// problem is reported: decoding a push or response steps through dozens of fields, and
    /// appending each key to a string cost more than looking the field up.
    struct Step {
        std::string_view key; ///< into a field list's literal or the document's own key
        std::size_t index = 0;
        bool element = false;
    };

    std::size_t push(std::string_view key)
    {
        steps_.push_back({key, 0, false});
        return steps_.size() - 1;
    }
    void pop(std::size_t mark) { steps_.resize(mark); }

    Diagnostics& diag_;
    std::string root_;
    boost::container::small_vector<Step, 8> steps_; // models nest a few levels: no allocation
    error_code ec_;
};

// ---- writing ---------------------------------------------------------------------------------

// Declared first so that each overload sees all the others.
template <class T>
void write_value(json& j, const std::vector<T>& v);
template <class V>
void write_value(json& j, const std::map<std::string, V>& v);
template <class... Ts>
void write_value(json& j, const std::variant<Ts...>& v);
template <class T, class = std::enable_if_t<std::is_class_v<T>>, class = void>
void write_value(json& j, const T& v);

inline void write_value(json& j, const std::string& v) { j = v; }
inline void write_value(json& j, bool v) { j = v; }
inline void write_value(json& j, std::int64_t v) { j = v; }
inline void write_value(json& j, double v) { j = v; }
inline void write_value(json& j, Timestamp v) { j = format_timestamp(v); }
template <class Tag>
void write_value(json& j, const Id<Tag>& v)
{
    j = v.str();
}
inline void write_value(json& j, const RawJson& v)
{
    j = json::parse(v.text, nullptr, false);
    if (j.is_discarded()) // never send invalid JSON: an unparsable raw value becomes null
        j = nullptr;
}
template <class E>
void write_value(json& j, const OpenEnum<E>& v)
{
    // The value set in code wins; an unknown value goes back out as it came in.
    if (v.value == E::unknown)
        j = v.raw;
    else
        j = std::string(enum_name(v.value));
}
template <class T>
void write_value(json& j, const std::vector<T>& v)
{
    j = json::array();
    for (const auto& x : v)
        write_value(j.emplace_back(), x);
}
template <class V>
void write_value(json& j, const std::map<std::string, V>& v)
{
    j = json::object();
    for (const auto& [k, x] : v)
        write_value(j[k], x);
}
template <class... Ts>
void write_value(json& j, const std::variant<Ts...>& v)
{
    write_variant(j, v);
}
template <class T, class, class>
void write_value(json& j, const T& v)
{
    j = json::object();
    if constexpr (has_fields<T>::value)
        write_fields(j, v);
    else
        write_struct(j, v);
}

// ---- properties (every version: namespace -> name -> value) -------------------------------

/// Reads one property value as it stands: a boolean, a signed 64-bit integer or a string as
/// such; anything else (larger integers included, instead of wrapping) kept as raw JSON.
/// `Value` is a version's variant of those four.
template <class Value>
void read_plain_property(ModelReader& r, const json& v, Value& out)
{
    if (v.is_boolean())
        out = v.get<bool>();
    else if (is_int64(v))
        out = v.get<std::int64_t>();
    else if (v.is_string())
        out = v.get<std::string>();
    else
        r.value(v, out.template emplace<RawJson>());
}

/// Writes properties `{"ns": {"name": value}}` with bare values.
template <class Properties>
void write_plain_properties(json& j, const Properties& p)
{
    for (const auto& [ns, values] : p) {
        auto& out = j[ns] = json::object();
        for (const auto& [name, value] : values)
            std::visit([&out, &name = name](const auto& x) { write_value(out[name], x); }, value);
    }
}

/// Writes `obj[key]` unless the value is an empty optional or an empty container.
template <class T>
void put(json& obj, const char* key, const T& v)
{
    if constexpr (is_optional<T>::value) {
        if (v)
            write_value(obj[key], *v);
    } else if constexpr (is_container<T>::value) {
        if (!v.empty())
            write_value(obj[key], v);
    } else {
        write_value(obj[key], v);
    }
}

/// Writes `obj[key]` always (required arrays and maps, even when empty); an empty optional
/// still has nothing to write.
template <class T>
void put_always(json& obj, const char* key, const T& v)
{
    if constexpr (is_optional<T>::value) {
        if (v)
            write_value(obj[key], *v);
    } else {
        write_value(obj[key], v);
    }
}

} // namespace livechat::rtm::detail

/// Defines what LIVECHAT_RTM_DECLARE_PAYLOAD_CODEC declared, in the type's namespace, from its
/// field list or its read_struct / write_struct (or read_variant / write_variant) overloads.
#define LIVECHAT_RTM_DEFINE_PAYLOAD_CODEC(Type)                                                    \
    LIVECHAT_RTM_DECL ::livechat::rtm::error_code decode_payload(                                \
        const nlohmann::json& in, Type& out, ::livechat::rtm::Diagnostics& diag)                 \
    {                                                                                            \
        ::livechat::rtm::detail::ModelReader r(diag);                                            \
        r.value(in, out);                                                                        \
        return r.result();                                                                       \
    }                                                                                            \
    LIVECHAT_RTM_DECL void encode_payload(nlohmann::json& out, const Type& in)                   \
    {                                                                                            \
        ::livechat::rtm::detail::write_value(out, in);                                           \
    }

#endif

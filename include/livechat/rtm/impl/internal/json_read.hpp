// Copyright (c) 2026 livechat-rtm authors. Distributed under the MIT License (see LICENSE).
#ifndef LIVECHAT_RTM_IMPL_INTERNAL_JSON_READ_HPP
#define LIVECHAT_RTM_IMPL_INTERNAL_JSON_READ_HPP

// Checked field access for model decoders: a missing required field or a wrong type becomes
// `error::malformed_payload` with the field's path in diagnostics, never an exception.

#include <livechat/rtm/diagnostics.hpp>
#include <livechat/rtm/error.hpp>

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <string_view>

namespace livechat::rtm::detail {

class JsonReader {
public:
    explicit JsonReader(Diagnostics& diag) : diag_(diag) {}

    error_code result() const { return ec_; }

    bool object(const nlohmann::json& j, std::string_view path)
    {
        return j.is_object() || fail(path, "an object");
    }
    bool array(const nlohmann::json& j, std::string_view path)
    {
        return j.is_array() || fail(path, "an array");
    }

    template <class T>
    bool required(const nlohmann::json& obj, const char* key, T& out, std::string_view parent)
    {
        auto it = obj.find(key);
        if (it == obj.end() || it->is_null())
            return fail(join(parent, key), "present");
        return read(*it, out, parent, key);
    }

    /// Leaves `out` untouched when the field is absent or null.
    template <class T>
    bool optional(const nlohmann::json& obj, const char* key, T& out, std::string_view parent)
    {
        auto it = obj.find(key);
        if (it == obj.end() || it->is_null())
            return true;
        return read(*it, out, parent, key);
    }

private:
    static std::string join(std::string_view parent, const char* key)
    {
        std::string path(parent);
        path += '.';
        path += key;
        return path;
    }

    bool read(const nlohmann::json& j, std::string& out, std::string_view parent, const char* key)
    {
        if (!j.is_string())
            return fail(join(parent, key), "a string");
        out = j.get<std::string>();
        return true;
    }
    bool read(const nlohmann::json& j, bool& out, std::string_view parent, const char* key)
    {
        if (!j.is_boolean())
            return fail(join(parent, key), "a boolean");
        out = j.get<bool>();
        return true;
    }
    bool read(const nlohmann::json& j, std::int64_t& out, std::string_view parent, const char* key)
    {
        if (!j.is_number_integer())
            return fail(join(parent, key), "an integer");
        out = j.get<std::int64_t>();
        return true;
    }

    bool fail(std::string_view path, const char* expected)
    {
        if (!ec_) { // the first problem is the one worth reporting
            ec_ = error::malformed_payload;
            diag_.client_message = std::string(path) + " must be " + expected;
        }
        return false;
    }

    Diagnostics& diag_;
    error_code ec_;
};

} // namespace livechat::rtm::detail

#endif

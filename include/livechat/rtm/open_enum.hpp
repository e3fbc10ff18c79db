// Copyright (c) 2026 livechat-rtm authors. Distributed under the MIT License (see LICENSE).
#ifndef LIVECHAT_RTM_OPEN_ENUM_HPP
#define LIVECHAT_RTM_OPEN_ENUM_HPP

// Version-agnostic value types of the typed models.

#include <string>

namespace livechat::rtm {

/// Any JSON value the SDK does not interpret (`custom` event content, unknown events,
/// `__priv_` blobs), kept as compact JSON text. Parse it with your JSON library.
struct RawJson {
    std::string text; ///< The JSON text, exactly as received (or to be sent).
};

/// An enumeration that keeps values it does not know: `value` is `E::unknown` and `raw`
/// holds the string as the server sent it, so nothing is lost when the service adds values.
/// `E` must have an enumerator named `unknown`.
template <class E>
struct OpenEnum {
    E value = E::unknown; ///< The known value, or `unknown`.
    std::string raw; ///< the wire string; empty for values set in code (the name is used)

    OpenEnum() = default;
    /// A known value (implicit, so `type = UserType::agent` reads naturally).
    OpenEnum(E v) : value(v) {} // NOLINT(google-explicit-constructor): `type = UserType::agent`
    /// True when the value is `b`.
    friend bool operator==(const OpenEnum& a, E b) { return a.value == b; }
    /// True when the value is not `b`.
    friend bool operator!=(const OpenEnum& a, E b) { return a.value != b; }
};

} // namespace livechat::rtm

#endif

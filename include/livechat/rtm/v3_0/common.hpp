// Copyright (c) 2026 livechat-rtm authors. Distributed under the MIT License (see LICENSE).
#ifndef LIVECHAT_RTM_V3_0_COMMON_HPP
#define LIVECHAT_RTM_V3_0_COMMON_HPP

// Small building blocks of the v3.0 data structures (spec: data-structures.md sections 1-3).

#include <livechat/rtm/ids.hpp>
#include <livechat/rtm/open_enum.hpp>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace livechat::rtm::v3_0 {

using rtm::OpenEnum;
using rtm::RawJson;

/// Which agents may see a resource (group 0: all agents).
struct Access {
    std::vector<std::int64_t> group_ids; ///< The groups that may see the chat or thread.
};

/// One property value. v3.0 properties are int, bool or string; anything else is kept raw.
using PropertyValue = std::variant<bool, std::int64_t, std::string, RawJson>;

/// Properties by namespace and name. Responses and pushes in v3.0 wrap each value as
/// `{"value": x}`; the decoder accepts both that and the plain request form, and the encoder
/// writes the request form `{"ns": {"name": x}}`.
/// (A class rather than an alias so that its functions are found in this namespace.)
struct Properties : std::map<std::string, std::map<std::string, PropertyValue>> {
    using map::map;
};

/// Names of deleted properties by namespace: `{"ns": ["name1", "name2"]}`.
struct PropertyNames : std::map<std::string, std::vector<std::string>> {
    using map::map;
};

/// The value-only customer storage the server asks clients to persist and echo at login.
using CustomerSideStorage = std::map<std::string, std::string>;

} // namespace livechat::rtm::v3_0

#endif

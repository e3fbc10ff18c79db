// Copyright (c) 2026 livechat-rtm authors. Distributed under the MIT License (see LICENSE).
#ifndef LIVECHAT_RTM_V3_6_COMMON_HPP
#define LIVECHAT_RTM_V3_6_COMMON_HPP

// Building blocks of the v3.6 data structures (spec: v3.6.md section 4). What 3.6 did not
// change is the v3.0 type itself, named here: access, property names, open enums, form
// fields, filled-form answers, rich-message buttons, the typing indicator.

#include <livechat/rtm/ids.hpp>
#include <livechat/rtm/open_enum.hpp>
#include <livechat/rtm/timestamp.hpp>
#include <livechat/rtm/v3_0/common.hpp>
#include <livechat/rtm/v3_0/events.hpp>
#include <livechat/rtm/v3_0/misc.hpp>
#include <livechat/rtm/v3_0/users.hpp>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace livechat::rtm::v3_6 {

using rtm::OpenEnum;
using rtm::RawJson;
using rtm::Timestamp;

// ---- unchanged since v3.0 ---------------------------------------------------------------------

using v3_0::Access;              ///< `{group_ids}`; group 0 means every agent.
using v3_0::CustomerSideStorage; ///< the map to persist and send back at login
using v3_0::FilledFormField;     ///< one answered field of a filled form
using v3_0::Form;                ///< a form as `get_form` returns it
using v3_0::FormAnswer;          ///< a chosen option of a filled form
using v3_0::FormField;           ///< one field of a form (also in `form` events)
using v3_0::FormFieldOption;     ///< an option of a choice field
using v3_0::FormFieldType;       ///< header, name, email, question, ...
using v3_0::GroupStatus;         ///< online, offline, online_for_queue
using v3_0::PropertyNames;       ///< `{namespace: [name, ...]}` (deletions)
using v3_0::PropertyValue;       ///< bool, integer, string, or any other JSON kept raw
using v3_0::RichMessageButton;   ///< a button of a rich-message card
using v3_0::TypingIndicator;     ///< an agent's typing state (timestamp still Unix seconds)
using v3_0::UserType;            ///< customer or agent

// ---- new or changed in 3.6 ----------------------------------------------------------------------

/// Properties by namespace and name, in the one 3.6 form used in both directions:
/// `{"namespace": {"name": value}}` (no `{"value": x}` wrapper, unlike v3.0 responses).
struct Properties : std::map<std::string, std::map<std::string, PropertyValue>> {
    using map::map;
};

/// Custom customer data: an ordered list of one-key objects, e.g. `[{"plan": "pro"}]`.
using SessionFields = std::vector<std::map<std::string, std::string>>;

/// A postal address (customer data, new in 3.6).
struct Address {
    std::optional<std::string> address;     ///< Street and number.
    std::optional<std::string> city;        ///< City.
    std::optional<std::string> country;     ///< Country.
    std::optional<std::string> state;       ///< State or region.
    std::optional<std::string> postal_code; ///< Postal code.
};

/// Where a chat was transferred from or to.
struct TransferTarget {
    std::vector<std::int64_t> group_ids; ///< Groups.
    std::vector<std::string> agent_ids;  ///< Agents.
};

/// A chat's place in the queue.
struct Queue {
    std::optional<std::int64_t> position;  ///< 1 = next.
    std::optional<std::int64_t> wait_time; ///< Expected wait in seconds (approximate).
    std::optional<Timestamp> queued_at;    ///< When it was queued (not in `queue_position_updated`).
};

/// A group and its status (`groups_status_updated`, `update_customer_page`).
struct GroupStatusEntry {
    std::int64_t id = 0;         ///< The group.
    OpenEnum<GroupStatus> status; ///< online, offline or online_for_queue.
};

} // namespace livechat::rtm::v3_6

#endif

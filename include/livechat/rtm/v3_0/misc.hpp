// Copyright (c) 2026 livechat-rtm authors. Distributed under the MIT License (see LICENSE).
#ifndef LIVECHAT_RTM_V3_0_MISC_HPP
#define LIVECHAT_RTM_V3_0_MISC_HPP

// Forms, greetings, group statuses, URL details, typing indicators (spec: data-structures.md
// sections 7, 8, 10 and methods.md sections 2.16-2.19).

#include <livechat/rtm/v3_0/events.hpp>
#include <livechat/rtm/v3_0/users.hpp>

namespace livechat::rtm::v3_0 {

struct FormFieldOption {
    std::optional<std::string> id;
    std::optional<std::int64_t> group_id; ///< group_chooser
    std::optional<std::string> label;
    std::optional<bool> checked;
};

struct FormField {
    std::string id;
    OpenEnum<FormFieldType> type;
    std::optional<std::string> label;
    std::optional<bool> required;
    std::vector<FormFieldOption> options; ///< choice types
    std::optional<std::string> comment_label; ///< rating
    std::optional<bool> checked;              ///< checkbox_for_email
};

struct Form {
    std::string id; ///< use as `form_id` of a filled_form event
    std::vector<FormField> fields;
};

/// v3.0 greeting, found only in the login response's `__priv_dynamic_config.greeting`.
struct Greeting {
    std::int64_t id = 0;
    std::string unique_id;
    std::optional<std::string> text;
    std::optional<AgentInfo> agent;
    std::optional<bool> displayed_first_time;
    std::optional<bool> accepted;
};

enum class GroupStatus { unknown, online, offline, online_for_queue };

struct UrlDetails {
    std::optional<std::string> url;
    std::optional<std::string> title;
    std::optional<std::string> description;
    std::optional<std::string> image_url;
    std::optional<std::int64_t> image_width;
    std::optional<std::int64_t> image_height;
};

struct TypingIndicator {
    std::string author_id;
    std::optional<std::int64_t> timestamp;
    bool is_typing = false;
    std::optional<std::string> recipients;
};

} // namespace livechat::rtm::v3_0

#endif

// Copyright (c) 2026 livechat-rtm authors. Distributed under the MIT License (see LICENSE).
#ifndef LIVECHAT_RTM_V3_0_MISC_HPP
#define LIVECHAT_RTM_V3_0_MISC_HPP

// Forms, greetings, group statuses, URL details, typing indicators (spec: data-structures.md
// sections 7, 8, 10 and methods.md sections 2.16-2.19).

#include <livechat/rtm/v3_0/events.hpp>
#include <livechat/rtm/v3_0/users.hpp>

namespace livechat::rtm::v3_0 {

/// One option of a choice field of a form.
struct FormFieldOption {
    std::optional<std::string> id; ///< The option's id.
    std::optional<std::int64_t> group_id; ///< group_chooser
    std::optional<std::string> label; ///< The option's label.
    std::optional<bool> checked; ///< Whether the option is preselected.
};

/// One field of a form.
struct FormField {
    std::string id; ///< The field's id.
    OpenEnum<FormFieldType> type; ///< The field's type.
    std::optional<std::string> label; ///< The question, as shown.
    std::optional<bool> required; ///< Whether an answer is required.
    std::vector<FormFieldOption> options; ///< choice types
    std::optional<std::string> comment_label; ///< rating
    std::optional<bool> checked;              ///< checkbox_for_email
};

/// A pre-chat or post-chat form (`get_form`).
struct Form {
    std::string id; ///< use as `form_id` of a filled_form event
    std::vector<FormField> fields; ///< The fields, in display order.
};

/// v3.0 greeting, found only in the login response's `__priv_dynamic_config.greeting`.
struct Greeting {
    std::int64_t id = 0; ///< The greeting's id.
    std::string unique_id; ///< The id of this showing of the greeting.
    std::optional<std::string> text; ///< The greeting's text.
    std::optional<AgentInfo> agent; ///< The agent it comes from.
    std::optional<bool> displayed_first_time; ///< Whether this is the first time the customer sees it.
    std::optional<bool> accepted; ///< Whether the customer accepted it.
};

enum class GroupStatus { unknown, online, offline, online_for_queue };

/// What `get_url_details` found at a URL.
struct UrlDetails {
    std::optional<std::string> url; ///< The URL.
    std::optional<std::string> title; ///< The page's title.
    std::optional<std::string> description; ///< The page's description.
    std::optional<std::string> image_url; ///< The page's preview image.
    std::optional<std::int64_t> image_width; ///< Preview image width in pixels.
    std::optional<std::int64_t> image_height; ///< Preview image height in pixels.
};

/// An agent's typing state.
struct TypingIndicator {
    std::string author_id; ///< Who is typing.
    std::optional<std::int64_t> timestamp; ///< When, Unix seconds.
    bool is_typing = false; ///< Started (true) or stopped (false) typing.
    std::optional<std::string> recipients; ///< "all" or "agents".
};

} // namespace livechat::rtm::v3_0

#endif

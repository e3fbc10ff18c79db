// Copyright (c) 2026 livechat-rtm authors. Distributed under the MIT License (see LICENSE).
#ifndef LIVECHAT_RTM_V3_0_EVENTS_HPP
#define LIVECHAT_RTM_V3_0_EVENTS_HPP

// Chat events (spec: data-structures.md sections 6 and 9).

#include <livechat/rtm/v3_0/common.hpp>

namespace livechat::rtm::v3_0 {

/// Fields every event has. Server-set fields (`id`, `author_id`, `order`, `timestamp`) are
/// empty in events you send.
struct EventBase {
    EventId id;
    std::optional<std::string> custom_id; ///< your own id, echoed back
    std::optional<std::string> author_id; ///< absent on system messages
    std::optional<std::int64_t> order;    ///< v3.0 sort key (64-bit)
    std::optional<std::int64_t> timestamp; ///< Unix seconds
    std::optional<std::string> recipients; ///< "all" (default) or "agents"
    Properties properties;
};

/// Set on a message produced by clicking a rich-message button.
struct Postback {
    std::string id; ///< the button's postback_id
    ThreadId thread_id;
    EventId event_id;
    std::optional<std::string> type; ///< comes together with value
    std::optional<std::string> value;
};

struct Message : EventBase {
    std::string text; ///< at most 16 KB of UTF-8
    std::optional<Postback> postback;
};

struct SystemMessage : EventBase {
    std::string text;
    std::string system_message_type; ///< open-ended list (data-structures.md section 12)
    std::map<std::string, std::string> text_vars;
};

/// v3.0 only: added to the last thread without creating one.
struct Annotation : EventBase {
    std::optional<std::string> text;
    std::string annotation_type;
};

enum class FormFieldType {
    unknown, header, name, email, question, textarea, radio, select, checkbox, group_chooser,
    rating, subject, checkbox_for_email,
};

/// A chosen option in a filled form (`radio`, `select`, `checkbox`, `group_chooser`).
struct FormAnswer {
    std::optional<std::string> id;
    std::optional<std::int64_t> group_id; ///< group_chooser
    std::optional<std::string> label;
};

/// One answered field of a `filled_form` event. `answer` is a string for text fields, a
/// chosen option for single choices; `answers` lists the options of a checkbox field.
struct FilledFormField {
    OpenEnum<FormFieldType> type;
    std::string id;
    std::optional<std::string> label;
    std::optional<std::string> text_answer;
    std::optional<FormAnswer> option_answer;
    std::optional<bool> bool_answer; ///< checkbox_for_email
    std::vector<FormAnswer> answers;
};

struct FilledForm : EventBase {
    std::string form_id;
    std::vector<FilledFormField> fields;
};

struct File : EventBase {
    std::string url; ///< the only field a client sets (from the Web API upload_file)
    std::optional<std::string> name;
    std::optional<std::string> content_type;
    std::optional<std::int64_t> size;
    std::optional<std::int64_t> width;
    std::optional<std::int64_t> height;
    std::optional<std::string> thumbnail_url;
    std::optional<std::string> thumbnail2x_url;
};

struct CustomEvent : EventBase {
    std::optional<RawJson> content;
};

struct RichMessageImage {
    std::string url;
    std::optional<std::string> name;
    std::optional<std::string> content_type;
    std::optional<std::int64_t> size;
    std::optional<std::int64_t> width;
    std::optional<std::int64_t> height;
};

struct RichMessageButton {
    std::optional<std::string> text;
    std::optional<std::string> postback_id;
    std::vector<std::string> user_ids; ///< users who have this postback toggled on
    std::optional<std::string> type;   ///< message, url, phone, webview, cancel, ...
    std::optional<std::string> value;
    std::optional<std::string> webview_height;
    std::optional<std::string> target;
    std::optional<std::string> role;
};

struct RichMessageElement {
    std::optional<std::string> title;
    std::optional<std::string> subtitle;
    std::optional<RichMessageImage> image;
    std::vector<RichMessageButton> buttons;
};

struct RichMessage : EventBase {
    std::optional<std::string> template_id; ///< cards, sticker, quick_replies, ...
    std::vector<RichMessageElement> elements;
};

/// An event of a type this SDK does not know, kept whole.
struct UnknownEvent : EventBase {
    std::string type;
    RawJson json;
};

/// Any event; dispatch with std::visit or std::get_if.
using Event = std::variant<Message, SystemMessage, Annotation, FilledForm, File, CustomEvent,
    RichMessage, UnknownEvent>;

/// The fields common to every alternative.
inline const EventBase& base_of(const Event& e)
{
    return std::visit([](const auto& x) -> const EventBase& { return x; }, e);
}

/// The wire name of an event's type ("message", ...).
inline std::string type_name(const Event& e)
{
    struct Names {
        std::string operator()(const Message&) const { return "message"; }
        std::string operator()(const SystemMessage&) const { return "system_message"; }
        std::string operator()(const Annotation&) const { return "annotation"; }
        std::string operator()(const FilledForm&) const { return "filled_form"; }
        std::string operator()(const File&) const { return "file"; }
        std::string operator()(const CustomEvent&) const { return "custom"; }
        std::string operator()(const RichMessage&) const { return "rich_message"; }
        std::string operator()(const UnknownEvent& u) const { return u.type; }
    };
    return std::visit(Names{}, e);
}

} // namespace livechat::rtm::v3_0

#endif

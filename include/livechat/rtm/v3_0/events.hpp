// Copyright (c) 2026 livechat-rtm authors. Distributed under the MIT License (see LICENSE).
#ifndef LIVECHAT_RTM_V3_0_EVENTS_HPP
#define LIVECHAT_RTM_V3_0_EVENTS_HPP

// Chat events (spec: data-structures.md sections 6 and 9).

#include <livechat/rtm/v3_0/common.hpp>

namespace livechat::rtm::v3_0 {

/// Fields every event has. Server-set fields (`id`, `author_id`, `order`, `timestamp`) are
/// empty in events you send.
struct EventBase {
    EventId id; ///< Set by the server; empty in events you send.
    std::optional<std::string> custom_id; ///< your own id, echoed back
    std::optional<std::string> author_id; ///< absent on system messages
    std::optional<std::int64_t> order;    ///< v3.0 sort key (64-bit)
    std::optional<std::int64_t> timestamp; ///< Unix seconds
    std::optional<std::string> recipients; ///< "all" (default) or "agents"
    Properties properties; ///< Properties of the event.
};

/// Set on a message produced by clicking a rich-message button.
struct Postback {
    std::string id; ///< the button's postback_id
    ThreadId thread_id; ///< The thread.
    EventId event_id; ///< The event.
    std::optional<std::string> type; ///< comes together with value
    std::optional<std::string> value; ///< The postback's value, when the button has one.
};

/// A text message.
struct Message : EventBase {
    std::string text; ///< at most 16 KB of UTF-8
    std::optional<Postback> postback; ///< Set when the message answers a rich-message button.
};

/// A message written by the system (chat started, agent joined, ...).
struct SystemMessage : EventBase {
    std::string text; ///< The text as shown.
    std::string system_message_type; ///< open-ended list (data-structures.md section 12)
    std::map<std::string, std::string> text_vars; ///< Values for the placeholders of the text, by name.
};

/// v3.0 only: added to the last thread without creating one.
struct Annotation : EventBase {
    std::optional<std::string> text; ///< The annotation's text, if any.
    std::string annotation_type; ///< What kind of annotation (e.g. `rating`).
};

enum class FormFieldType {
    unknown, header, name, email, question, textarea, radio, select, checkbox, group_chooser,
    rating, subject, checkbox_for_email,
};

/// A chosen option in a filled form (`radio`, `select`, `checkbox`, `group_chooser`).
struct FormAnswer {
    std::optional<std::string> id; ///< The option's id.
    std::optional<std::int64_t> group_id; ///< group_chooser
    std::optional<std::string> label; ///< The option's label.
};

/// One answered field of a `filled_form` event. `answer` is a string for text fields, a
/// chosen option for single choices; `answers` lists the options of a checkbox field.
struct FilledFormField {
    OpenEnum<FormFieldType> type; ///< The field's type.
    std::string id; ///< The field's id in the form.
    std::optional<std::string> label; ///< The question, as shown.
    std::optional<std::string> text_answer; ///< The answer of a text field.
    std::optional<FormAnswer> option_answer; ///< The chosen option of a single-choice field.
    std::optional<bool> bool_answer; ///< checkbox_for_email
    std::vector<FormAnswer> answers; ///< The chosen options of a checkbox field.
};

/// A filled form (pre-chat or post-chat survey).
struct FilledForm : EventBase {
    std::string form_id; ///< The form's id (from `get_form`).
    std::vector<FilledFormField> fields; ///< The answered fields.
};

/// A file shared in the chat.
struct File : EventBase {
    std::string url; ///< the only field a client sets (from the Web API upload_file)
    std::optional<std::string> name; ///< The file name.
    std::optional<std::string> content_type; ///< The MIME type.
    std::optional<std::int64_t> size; ///< The size in bytes.
    std::optional<std::int64_t> width; ///< Image width in pixels.
    std::optional<std::int64_t> height; ///< Image height in pixels.
    std::optional<std::string> thumbnail_url; ///< URL of a thumbnail (images).
    std::optional<std::string> thumbnail2x_url; ///< URL of a double-resolution thumbnail (images).
};

/// An event with application-defined content.
struct CustomEvent : EventBase {
    std::optional<RawJson> content; ///< The content, any JSON.
};

/// The image of a rich-message card.
struct RichMessageImage {
    std::string url; ///< The image URL.
    std::optional<std::string> name; ///< The file name.
    std::optional<std::string> content_type; ///< The MIME type.
    std::optional<std::int64_t> size; ///< The size in bytes.
    std::optional<std::int64_t> width; ///< Width in pixels.
    std::optional<std::int64_t> height; ///< Height in pixels.
};

/// A button of a rich-message card.
struct RichMessageButton {
    std::optional<std::string> text; ///< The label.
    std::optional<std::string> postback_id; ///< Sent back in `send_rich_message_postback` when clicked.
    std::vector<std::string> user_ids; ///< users who have this postback toggled on
    std::optional<std::string> type;   ///< message, url, phone, webview, cancel, ...
    std::optional<std::string> value; ///< What the button opens or sends (a URL, a phone number, a text).
    std::optional<std::string> webview_height; ///< Height of a webview: compact, tall or full.
    std::optional<std::string> target; ///< Where a URL opens: current or new window.
    std::optional<std::string> role; ///< The button's role: default, primary or danger.
};

/// One card of a rich message.
struct RichMessageElement {
    std::optional<std::string> title; ///< The card's title.
    std::optional<std::string> subtitle; ///< The card's subtitle.
    std::optional<RichMessageImage> image; ///< The card's image.
    std::vector<RichMessageButton> buttons; ///< The card's buttons.
};

/// A structured message: cards with images and buttons.
struct RichMessage : EventBase {
    std::optional<std::string> template_id; ///< cards, sticker, quick_replies, ...
    std::vector<RichMessageElement> elements; ///< The cards.
};

/// An event of a type this SDK does not know, kept whole.
struct UnknownEvent : EventBase {
    std::string type; ///< The event's `type` as sent.
    RawJson json; ///< The whole event as JSON text.
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

// Copyright (c) 2026 livechat-rtm authors. Distributed under the MIT License (see LICENSE).
#ifndef LIVECHAT_RTM_V3_6_EVENTS_HPP
#define LIVECHAT_RTM_V3_6_EVENTS_HPP

// The eight v3.6 event types (spec: v3.6.md section 4.8): message, file, form, filled_form,
// rich_message, custom, system_message and system. An unknown type is kept whole.

#include <livechat/rtm/v3_6/common.hpp>

namespace livechat::rtm::v3_6 {

/// Fields every event has. Server-set fields (`id`, `created_at`, `author_id`) are empty in
/// events you send.
struct EventBase {
    EventId id; ///< Set by the server; empty in events you send (and in previews).
    std::optional<std::string> custom_id; ///< Your own id, echoed back.
    std::optional<Timestamp> created_at;  ///< Set by the server, microsecond precision.
    std::optional<std::string> author_id; ///< Absent for system events.
    std::optional<std::string> recipients; ///< "all" (default) or "agents".
    Properties properties; ///< Properties of the event.
};

/// The product chosen with an e-commerce rich-message button.
struct EcommerceChoice {
    std::string product_id;               ///< The product (required when sent).
    std::optional<std::string> option_id; ///< The option of the product.
    std::optional<double> quantity;       ///< How many.
};

/// Set on a message produced by clicking a rich-message button.
struct Postback {
    std::string id;       ///< The button's postback_id.
    ThreadId thread_id;   ///< The thread of the rich message.
    EventId event_id;     ///< The rich message.
    std::optional<std::string> type;  ///< Sent together with value, or neither.
    std::optional<std::string> value; ///< The button's value.
    std::optional<EcommerceChoice> ecommerce; ///< The chosen product (e-commerce buttons).
};

/// A text message.
struct Message : EventBase {
    std::string text; ///< At most 16 KB of UTF-8.
    std::optional<Postback> postback; ///< Set when the message answers a rich-message button.
    std::optional<bool> deleted; ///< Admin views only; the Customer API never shows deleted events.
};

/// A file shared in the chat (upload it with the Web API first).
struct File : EventBase {
    std::string url; ///< A LiveChat CDN URL from the Web API's upload_file.
    std::optional<std::string> alternative_text; ///< Images: a description.
    std::optional<std::string> name;             ///< The file name.
    std::optional<std::string> content_type;     ///< The MIME type.
    std::optional<std::int64_t> size;            ///< Size in bytes.
    std::optional<std::int64_t> width;           ///< Image width in pixels.
    std::optional<std::int64_t> height;          ///< Image height in pixels.
    std::optional<std::string> thumbnail_url;    ///< Thumbnail (images).
    std::optional<std::string> thumbnail2x_url;  ///< Double-resolution thumbnail (images).
};

/// A form to fill in, shown in the chat (new since 3.3).
struct FormEvent : EventBase {
    std::string form_id; ///< The form.
    std::optional<std::string> form_type; ///< prechat, postchat, ask_for_email, ... (absent on old chats)
    std::vector<FormField> fields; ///< The form's fields.
};

/// A filled form (pre-chat or post-chat survey).
struct FilledForm : EventBase {
    std::string form_id; ///< The form.
    std::optional<std::string> form_type; ///< prechat, postchat, ... (absent on old chats)
    std::vector<FilledFormField> fields; ///< The answered fields.
};

/// The image of a rich-message card.
struct RichMessageImage {
    std::string url;                          ///< The image URL.
    std::optional<std::string> name;          ///< The file name.
    std::optional<std::string> content_type;  ///< The MIME type.
    std::optional<std::int64_t> size;         ///< Size in bytes.
    std::optional<std::int64_t> width;        ///< Width in pixels.
    std::optional<std::int64_t> height;       ///< Height in pixels.
    std::optional<std::string> alternative_text; ///< A description.
};

/// One option of an e-commerce product. Prices and availability have no documented type:
/// they are kept as JSON.
struct EcommerceOption {
    std::optional<std::string> option_id; ///< The option.
    std::optional<std::string> label;     ///< Its label.
    std::optional<RawJson> price;         ///< The price, as sent.
    std::optional<RawJson> regular_price; ///< The price before a discount, as sent.
    std::optional<std::string> currency;  ///< The currency.
    std::optional<std::string> color;     ///< A colour swatch.
    std::optional<std::string> image_url; ///< An image.
    std::optional<std::string> image_thumbnail_url; ///< A thumbnail.
    std::optional<RawJson> available;     ///< Availability, as sent.
    std::optional<RawJson> selected;      ///< Whether it is preselected, as sent.
};

/// The product of an e-commerce card (responses only, new in 3.6).
struct EcommerceProduct {
    std::optional<std::string> view_type;  ///< tags, swatch, images, select.
    std::optional<std::string> product_id; ///< The product.
    std::optional<std::string> label;      ///< Its label.
    std::vector<EcommerceOption> options;  ///< Its options.
    std::vector<RawJson> addons;           ///< Add-ons, as sent.
};

/// One card of a rich message.
struct RichMessageElement {
    std::optional<std::string> title;    ///< The card's title.
    std::optional<std::string> subtitle; ///< The card's subtitle.
    std::optional<RichMessageImage> image; ///< The card's image.
    std::vector<RichMessageButton> buttons; ///< At most 13 buttons.
    std::optional<EcommerceProduct> ecommerce; ///< Only for the `ecommerce` template.
};

/// A structured message: cards with images and buttons.
struct RichMessage : EventBase {
    std::string template_id; ///< cards, sticker, quick_replies (responses also ecommerce).
    std::vector<RichMessageElement> elements; ///< At most 10 cards.
};

/// An event with application-defined content.
struct CustomEvent : EventBase {
    std::optional<RawJson> content; ///< Any JSON.
};

/// A message written by the system (chat started, agent joined, ...).
struct SystemMessage : EventBase {
    std::optional<std::string> text; ///< The text as shown.
    std::string system_message_type; ///< What happened (open-ended list).
    std::map<std::string, std::string> text_vars; ///< Values for the text's placeholders.
};

/// A system event (3.6, the successor of system_message; it cannot be sent in 3.6).
struct SystemEvent : EventBase {
    std::optional<std::string> source;  ///< Where it comes from, e.g. "cdp".
    std::optional<std::string> subtype; ///< What happened, e.g. "store_order_was_created".
    std::optional<std::int64_t> version; ///< The details' format version.
    /// The details as sent: the spec's sample carries a JSON-encoded *string*, so this is
    /// either a JSON string (whose text is JSON again) or an object.
    std::optional<RawJson> details;
};

/// An event of a type this SDK does not know, kept whole.
struct UnknownEvent : EventBase {
    std::string type; ///< The event's `type` as sent.
    RawJson json;     ///< The whole event as JSON text.
};

/// Any v3.6 event; dispatch with std::visit or std::get_if.
using Event = std::variant<Message, File, FormEvent, FilledForm, RichMessage, CustomEvent,
    SystemMessage, SystemEvent, UnknownEvent>;

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
        std::string operator()(const File&) const { return "file"; }
        std::string operator()(const FormEvent&) const { return "form"; }
        std::string operator()(const FilledForm&) const { return "filled_form"; }
        std::string operator()(const RichMessage&) const { return "rich_message"; }
        std::string operator()(const CustomEvent&) const { return "custom"; }
        std::string operator()(const SystemMessage&) const { return "system_message"; }
        std::string operator()(const SystemEvent&) const { return "system"; }
        std::string operator()(const UnknownEvent& u) const { return u.type; }
    };
    return std::visit(Names{}, e);
}

} // namespace livechat::rtm::v3_6

#endif

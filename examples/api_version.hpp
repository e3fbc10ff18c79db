// Shared by the examples: which protocol version they speak. 3.6, the current one, unless
// built with EXAMPLE_API_V3_0 (CMake builds every example both ways and runs both against
// the bundled mock server). Where the two versions differ for these examples, one small
// overload pair below says how.
#ifndef LIVECHAT_RTM_EXAMPLES_API_VERSION_HPP
#define LIVECHAT_RTM_EXAMPLES_API_VERSION_HPP

#include <livechat/rtm.hpp>

#include <string>

namespace examples {

#ifdef EXAMPLE_API_V3_0
namespace api = livechat::rtm::v3_0;
using ListChats = api::GetChatsSummary; ///< the customer's chats, first page
using UserJoined = api::ChatUserAdded;  ///< someone joined a chat
using ChatClosed = api::ThreadClosed;   ///< a chat's thread closed
#else
namespace api = livechat::rtm::v3_6;
using ListChats = api::ListChats; ///< the customer's chats, first page
using UserJoined = api::UserAddedToChat; ///< someone joined a chat
using ChatClosed = api::ChatDeactivated; ///< a chat's thread closed
#endif

namespace v3_0 = livechat::rtm::v3_0;
namespace v3_6 = livechat::rtm::v3_6;

/// The text message an incoming_event carries, if it is one (v3.0's event may be absent).
inline const v3_0::Message* message_of(const v3_0::IncomingEvent& p)
{
    return p.event ? std::get_if<v3_0::Message>(&*p.event) : nullptr;
}
inline const v3_6::Message* message_of(const v3_6::IncomingEvent& p) { return std::get_if<v3_6::Message>(&p.event); }

/// The event an incoming_event carries (v3.0's may be absent).
inline const v3_0::Event* event_of(const v3_0::IncomingEvent& p) { return p.event ? &*p.event : nullptr; }
inline const v3_6::Event* event_of(const v3_6::IncomingEvent& p) { return &p.event; }

/// Text that v3.0 always sends and 3.6 may leave out.
inline std::string text_of(const std::string& s) { return s; }
inline std::string text_of(const std::optional<std::string>& s) { return s.value_or(""); }

/// Who logged in (v3.0: `customer_id`; 3.6: the `customer` object).
inline std::string customer_of(const v3_0::LoginResponse& r) { return r.customer_id.str(); }
inline std::string customer_of(const v3_6::LoginResponse& r) { return r.customer.id; }

/// The chat a start_chat created (v3.0 returns the chat; 3.6 its ids).
inline livechat::rtm::ChatId chat_of(const v3_0::ChatResponse& r) { return r.chat.id; }
inline livechat::rtm::ChatId chat_of(const v3_6::StartChatResponse& r) { return r.chat_id; }

} // namespace examples

#endif

// Every v3.6 push and action type, for tests that go through all of them.
#ifndef LIVECHAT_RTM_TESTS_V3_6_TYPES_HPP
#define LIVECHAT_RTM_TESTS_V3_6_TYPES_HPP

#include <livechat/rtm/v3_6/actions.hpp>
#include <livechat/rtm/v3_6/pushes.hpp>

#include <string_view>
#include <tuple>

namespace rtm_test {

namespace v36 = livechat::rtm::v3_6;

using AllV36Pushes = std::tuple<v36::IncomingChat, v36::ChatDeactivated, v36::ChatTransferred,
    v36::UserAddedToChat, v36::UserRemovedFromChat, v36::IncomingEventPreview, v36::IncomingEvent,
    v36::EventDeleted, v36::EventUpdated, v36::IncomingRichMessagePostback, v36::ChatPropertiesUpdated,
    v36::ChatPropertiesDeleted, v36::ThreadPropertiesUpdated, v36::ThreadPropertiesDeleted,
    v36::EventPropertiesUpdated, v36::EventPropertiesDeleted, v36::CustomerUpdated,
    v36::CustomerSideStorageUpdated, v36::CustomerDisconnected, v36::GroupsStatusUpdated,
    v36::IncomingThinkingIndicator, v36::IncomingTypingIndicator, v36::IncomingMulticast,
    v36::EventsMarkedAsSeen, v36::IncomingGreeting, v36::GreetingAccepted, v36::GreetingCanceled,
    v36::IncomingWelcomeMessage, v36::QueuePositionUpdated>;

using AllV36Actions = std::tuple<v36::Login, v36::ListChats, v36::ListThreads, v36::GetChat,
    v36::StartChat, v36::ResumeChat, v36::DeactivateChat, v36::SendEvent, v36::DeleteEvent,
    v36::SendRichMessagePostback, v36::SendSneakPeek, v36::UpdateChatProperties,
    v36::DeleteChatProperties, v36::UpdateThreadProperties, v36::DeleteThreadProperties,
    v36::UpdateEventProperties, v36::DeleteEventProperties, v36::UpdateCustomer,
    v36::UpdateCustomerPage, v36::SetCustomerSessionFields, v36::GetCustomer,
    v36::ListGroupStatuses, v36::GetForm, v36::GetPredictedAgent, v36::GetUrlInfo,
    v36::MarkEventsAsSeen, v36::AcceptGreeting, v36::CancelGreeting, v36::RequestWelcomeMessage,
    v36::SendGreetingButtonClicked, v36::Ping, v36::ActivateCustomerPage, v36::DeactivateCustomerPage>;

/// Calls f(T{}) for the type T of `List` named `name`; false when none has that name.
template <class List, class F>
bool with_type_named(std::string_view name, F&& f)
{
    bool found = false;
    std::apply([&](auto... tag) { ((decltype(tag)::name == name ? (f(tag), found = true) : false), ...); }, List{});
    return found;
}

} // namespace rtm_test

#endif

// The list of every v3.0 push type, for tests that go through all of them.
#ifndef LIVECHAT_RTM_TESTS_V3_0_PUSH_TYPES_HPP
#define LIVECHAT_RTM_TESTS_V3_0_PUSH_TYPES_HPP

#include <livechat/rtm/v3_0/pushes.hpp>

#include <string_view>
#include <tuple>

namespace rtm_test {

namespace v3 = livechat::rtm::v3_0;

using AllV30Pushes = std::tuple<v3::IncomingChatThread, v3::IncomingEvent, v3::EventUpdated,
    v3::IncomingRichMessagePostback, v3::IncomingMulticast, v3::IncomingTypingIndicator,
    v3::CustomerDisconnected, v3::ThreadClosed, v3::AccessSet, v3::ChatTransferred,
    v3::ChatUserAdded, v3::ChatUserRemoved, v3::CustomerUpdated, v3::CustomerPageUpdated,
    v3::CustomerSideStorageUpdated, v3::ChatPropertiesUpdated, v3::ChatPropertiesDeleted,
    v3::ChatThreadPropertiesUpdated, v3::ChatThreadPropertiesDeleted, v3::EventPropertiesUpdated,
    v3::EventPropertiesDeleted, v3::LastSeenTimestampUpdated>;

/// Calls f(P{}) for the push type P named `action`; false when no type has that name.
template <class F>
bool with_push_type(std::string_view action, F&& f)
{
    bool found = false;
    std::apply([&](auto... tag) {
        ((decltype(tag)::name == action ? (f(tag), found = true) : false), ...);
    }, AllV30Pushes{});
    return found;
}

} // namespace rtm_test

#endif

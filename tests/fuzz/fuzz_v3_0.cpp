// libFuzzer harness: one inbound frame through the typed v3.0 layer (typed_frame.hpp).
#include "typed_frame.hpp"
#include "v3_0_push_types.hpp"

#include <livechat/rtm/v3_0/actions.hpp>
#include <livechat/rtm/v3_0/login.hpp>

namespace {

namespace v3 = livechat::rtm::v3_0;

using Actions = std::tuple<v3::GetChatsSummary, v3::GetChatThreads, v3::GetChatThreadsSummary,
    v3::StartChat, v3::ActivateChat, v3::CloseThread, v3::SendEvent, v3::SendRichMessagePostback,
    v3::SendSneakPeek, v3::UpdateChatProperties, v3::DeleteChatProperties,
    v3::UpdateChatThreadProperties, v3::DeleteChatThreadProperties, v3::UpdateEventProperties,
    v3::DeleteEventProperties, v3::UpdateLastSeenTimestamp, v3::UpdateCustomer,
    v3::UpdateCustomerPage, v3::SetCustomerFields, v3::GetGroupsStatus, v3::GetPredictedAgent,
    v3::GetUrlDetails, v3::GetForm, v3::Ping, v3::actions::Login>;

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    return fuzz::typed_frame<rtm_test::AllV30Pushes, Actions>(data, size);
}

// libFuzzer harness: one inbound frame, decoded as the typed v3.0 layer would: a push by its
// action into its typed struct, a response into the response type of the action it names
// (login included), then encoded back.
#include <livechat/rtm/impl/internal/frame_codec.hpp>
#include <livechat/rtm/v3_0/actions.hpp>
#include <livechat/rtm/v3_0/login.hpp>
#include <livechat/rtm/v3_0/pushes.hpp>

#include "v3_0_push_types.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>

namespace {

namespace v3 = livechat::rtm::v3_0;

using Pushes = rtm_test::AllV30Pushes; // every v3.0 push type, as the unit tests list them

using Actions = std::tuple<v3::GetChatsSummary, v3::GetChatThreads, v3::GetChatThreadsSummary,
    v3::StartChat, v3::ActivateChat, v3::CloseThread, v3::SendEvent, v3::SendRichMessagePostback,
    v3::SendSneakPeek, v3::UpdateChatProperties, v3::DeleteChatProperties,
    v3::UpdateChatThreadProperties, v3::DeleteChatThreadProperties, v3::UpdateEventProperties,
    v3::DeleteEventProperties, v3::UpdateLastSeenTimestamp, v3::UpdateCustomer,
    v3::UpdateCustomerPage, v3::SetCustomerFields, v3::GetGroupsStatus, v3::GetPredictedAgent,
    v3::GetUrlDetails, v3::GetForm, v3::Ping, v3::actions::Login>;

template <class T, class = void>
struct encodable : std::false_type {};
template <class T>
struct encodable<T, std::void_t<decltype(encode_payload(std::declval<nlohmann::json&>(), std::declval<const T&>()))>>
    : std::true_type {};

template <class T>
void decode_and_encode(const nlohmann::json& payload)
{
    T value;
    livechat::rtm::Diagnostics diag;
    if (decode_payload(payload, value, diag))
        return;
    if constexpr (encodable<T>::value) { // pushes and shared structures write back too
        nlohmann::json out;
        encode_payload(out, value);
        (void)out.dump();
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    namespace d = livechat::rtm::detail;
    std::string_view text(reinterpret_cast<const char*>(data), size);
    d::Frame frame;
    livechat::rtm::Diagnostics diag;
    if (d::decode_frame(text, frame, diag))
        return 0;
    if (frame.type == d::FrameType::push) {
        std::apply([&](auto... p) {
            ((decltype(p)::name == frame.action ? (decode_and_encode<decltype(p)>(frame.payload), 0) : 0), ...);
        }, Pushes{});
    } else if (frame.success) {
        std::apply([&](auto... a) {
            ((decltype(a)::name == frame.action
                     ? (decode_and_encode<typename decltype(a)::response>(frame.payload), 0)
                     : 0),
                ...);
        }, Actions{});
    }
    return 0;
}

// The body of the typed-layer fuzz harnesses, one per protocol version: one inbound frame,
// decoded as the typed layer would (a push by its action into its typed struct, a response into
// the response type of the action it names, login included), then encoded back.
#ifndef LIVECHAT_RTM_TESTS_FUZZ_TYPED_FRAME_HPP
#define LIVECHAT_RTM_TESTS_FUZZ_TYPED_FRAME_HPP

#include <livechat/rtm/impl/internal/frame_codec.hpp>

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>

namespace fuzz {

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

/// Decodes `data` as a frame, then its payload as the typed push or response of `Pushes` /
/// `Actions` (tuples of types with a `name`) it names.
template <class Pushes, class Actions>
int typed_frame(const std::uint8_t* data, std::size_t size)
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

} // namespace fuzz

#endif

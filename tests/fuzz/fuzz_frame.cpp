// libFuzzer harness: one inbound frame through the envelope decoder, as the client reads it.
#include <livechat/rtm/impl/internal/frame_codec.hpp>

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    namespace d = livechat::rtm::detail;
    std::string_view text(reinterpret_cast<const char*>(data), size);
    d::Frame frame;
    livechat::rtm::Diagnostics diag;
    if (d::decode_frame(text, frame, diag))
        return 0;
    if (frame.type == d::FrameType::response && !frame.success)
        (void)d::decode_server_error(frame.payload, diag);
    // What the client does with a payload afterwards: copy it, dump it, send it back.
    auto again = d::encode_request(frame.action, frame.request_id.value_or(""), frame.payload);
    (void)again;
    return 0;
}

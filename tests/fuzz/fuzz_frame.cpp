// libFuzzer harness: one inbound frame through the envelope decoder, as the client reads it;
// and our JSON reader (json_reader.ipp) against nlohmann::json::parse on the same text: both
// must accept the same texts and build the same values, types included.
#include <livechat/rtm/config.hpp>
#include <livechat/rtm/impl/internal/frame_codec.hpp>
#include <livechat/rtm/impl/internal/json_limits.hpp>

#include <cstdlib>

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace {

bool same(const nlohmann::json& a, const nlohmann::json& b)
{
    if (a.type() != b.type())
        return false;
    if (a.is_object()) {
        if (a.size() != b.size())
            return false;
        for (auto i = a.begin(), j = b.begin(); i != a.end(); ++i, ++j)
            if (i.key() != j.key() || !same(*i, *j))
                return false;
        return true;
    }
    if (a.is_array()) {
        if (a.size() != b.size())
            return false;
        for (std::size_t i = 0; i < a.size(); ++i)
            if (!same(a[i], b[i]))
                return false;
        return true;
    }
    return a == b;
}

void check_reader(std::string_view text)
{
    bool too_deep = false;
    auto ours = livechat::rtm::detail::parse_json_bounded(text, livechat::rtm::max_json_nesting, too_deep);
    if (too_deep)
        return; // nlohmann's own parser keeps what lies within the limit (json_limits.hpp)
    auto theirs = nlohmann::json::parse(text, nullptr, false);
    if (ours.is_discarded() != theirs.is_discarded() || (!ours.is_discarded() && !same(ours, theirs)))
        std::abort(); // the two parsers disagree on this input
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    namespace d = livechat::rtm::detail;
    std::string_view text(reinterpret_cast<const char*>(data), size);
    check_reader(text);
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

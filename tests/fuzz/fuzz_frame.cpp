// libFuzzer harness: one inbound frame through the envelope decoder, as the client reads it;
// our JSON reader (json_reader.ipp) against nlohmann::json::parse on the same text: both
// must accept the same texts and build the same values, types included; and the same text as
// the file of a session store and of a credential store (session_store.ipp,
// credential_store.ipp): their readers must never throw, and whatever they accept they must
// write back as a text that reads back to the same value; and our JSON writer (append_json)
// against nlohmann's dump.
#include <livechat/rtm/accounts/impl/credential_store.ipp>
#include <livechat/rtm/accounts/impl/error.ipp>
#include <livechat/rtm/config.hpp>
#include <livechat/rtm/impl/internal/frame_codec.hpp>
#include <livechat/rtm/impl/internal/json_limits.hpp>
#include <livechat/rtm/impl/session_store.ipp>

#include <algorithm>
#include <cstdlib>
#include <tuple>

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

/// Returns nlohmann's reading of `text` (discarded when it is not JSON), for check_writer.
nlohmann::json check_reader(std::string_view text)
{
    auto theirs = nlohmann::json::parse(text, nullptr, false);
    bool too_deep = false;
    auto ours = livechat::rtm::detail::parse_json_bounded(text, livechat::rtm::max_json_nesting, too_deep);
    // (Too deep: nlohmann's own parser keeps what lies within the limit, json_limits.hpp.)
    if (!too_deep && (ours.is_discarded() != theirs.is_discarded() || (!ours.is_discarded() && !same(ours, theirs))))
        std::abort(); // the two parsers disagree on this input
    return theirs;
}

bool same_session(const livechat::rtm::StoredSession& a, const livechat::rtm::StoredSession& b)
{
    auto send = [](const livechat::rtm::StoredSend& s) { return std::tie(s.chat_id, s.custom_id, s.action, s.payload); };
    auto chat = [](const livechat::rtm::StoredChat& c) { return std::tie(c.chat_id, c.thread_id, c.event_id); };
    return a.customer_id == b.customer_id && a.outbox.size() == b.outbox.size() && a.chats.size() == b.chats.size() &&
           std::equal(a.outbox.begin(), a.outbox.end(), b.outbox.begin(),
               [&](const auto& x, const auto& y) { return send(x) == send(y); }) &&
           std::equal(a.chats.begin(), a.chats.end(), b.chats.begin(),
               [&](const auto& x, const auto& y) { return chat(x) == chat(y); });
}

void check_session(std::string_view text)
{
    namespace d = livechat::rtm::detail;
    livechat::rtm::StoredSession first, second;
    if (!d::session_from_text(text, first))
        return;
    if (!d::session_from_text(d::session_text(first), second) || !same_session(first, second))
        std::abort(); // what the store accepted does not survive its own save and load
}

void check_identity(std::string_view text)
{
    namespace a = livechat::rtm::accounts::detail;
    livechat::rtm::accounts::StoredIdentity first, second;
    if (a::identity_from_text(text, first))
        return;
    if (a::identity_from_text(a::identity_text(first), second) || !(first == second))
        std::abort(); // what the store accepted does not survive its own save and load
}

/// Our JSON writer against nlohmann's dump: the same text for the value the input parsed to
/// (`parsed`, check_reader's), and for the input's raw bytes as one string (ill-formed UTF-8
/// included).
void check_writer(std::string_view text, const nlohmann::json& parsed)
{
    auto dump = [](const nlohmann::json& j) { return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace); };
    auto write = [](const nlohmann::json& j) {
        std::string out;
        livechat::rtm::detail::append_json(out, j);
        return out;
    };
    nlohmann::json as_string = std::string(text);
    if (write(as_string) != dump(as_string))
        std::abort(); // the writers disagree on a string
    if (!parsed.is_discarded() && write(parsed) != dump(parsed))
        std::abort(); // the writers disagree on a value
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    namespace d = livechat::rtm::detail;
    std::string_view text(reinterpret_cast<const char*>(data), size);
    auto parsed = check_reader(text);
    check_session(text);
    check_identity(text);
    check_writer(text, parsed);
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

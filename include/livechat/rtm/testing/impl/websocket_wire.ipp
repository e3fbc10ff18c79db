// Copyright (c) 2026 livechat-rtm authors. Distributed under the MIT License (see LICENSE).
#ifndef LIVECHAT_RTM_TESTING_IMPL_WEBSOCKET_WIRE_IPP
#define LIVECHAT_RTM_TESTING_IMPL_WEBSOCKET_WIRE_IPP

// The server's side of the websocket wire format (RFC 6455), written by hand for
// HostileServer: it must be able to break every rule that Beast would keep for it.

#include <openssl/evp.h>
#include <openssl/sha.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <string>

namespace livechat::rtm::testing {

namespace hostile_detail {

/// The server's side of RFC 6455 framing: unmasked frames out, masked frames in.
inline std::string frame_header(std::uint8_t opcode, std::uint64_t length)
{
    std::string h;
    h += static_cast<char>(0x80 | opcode);
    if (length < 126) {
        h += static_cast<char>(length);
    } else if (length <= 0xffff) {
        h += static_cast<char>(126);
        h += static_cast<char>(length >> 8);
        h += static_cast<char>(length & 0xff);
    } else {
        h += static_cast<char>(127);
        for (int shift = 56; shift >= 0; shift -= 8)
            h += static_cast<char>((length >> shift) & 0xff);
    }
    return h;
}

inline std::string accept_key(const std::string& key)
{
    std::string in = key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
    std::array<unsigned char, SHA_DIGEST_LENGTH> digest{};
    SHA1(reinterpret_cast<const unsigned char*>(in.data()), in.size(), digest.data());
    std::array<unsigned char, 64> out{};
    int n = EVP_EncodeBlock(out.data(), digest.data(), static_cast<int>(digest.size()));
    return std::string(reinterpret_cast<const char*>(out.data()), static_cast<std::size_t>(n));
}

/// The value of header `name` (case-insensitive) in an HTTP head, or "".
inline std::string header_value(const std::string& head, std::string name)
{
    auto lower = [](std::string s) {
        std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
        return s;
    };
    std::string text = lower(head);
    name = "\r\n" + lower(name) + ":";
    auto at = text.find(name);
    if (at == std::string::npos)
        return {};
    auto begin = at + name.size();
    auto end = head.find("\r\n", begin);
    std::string v = head.substr(begin, end - begin);
    v.erase(0, v.find_first_not_of(' '));
    v.erase(v.find_last_not_of(' ') + 1);
    return v;
}

struct ClientFrame {
    std::uint8_t opcode = 0;
    std::string payload;
};

/// Takes one complete client frame off the front of `in`; false when more bytes are needed.
/// Sets `broken` for frames this server refuses to buffer (over 16 MiB).
inline bool take_frame(std::string& in, ClientFrame& out, bool& broken)
{
    if (in.size() < 2)
        return false;
    auto b = [&](std::size_t i) { return static_cast<std::uint8_t>(in[i]); };
    std::size_t at = 2;
    std::uint64_t len = b(1) & 0x7f;
    if (len == 126) {
        if (in.size() < 4)
            return false;
        len = (std::uint64_t(b(2)) << 8) | b(3);
        at = 4;
    } else if (len == 127) {
        if (in.size() < 10)
            return false;
        len = 0;
        for (std::size_t i = 2; i < 10; ++i)
            len = (len << 8) | b(i);
        at = 10;
    }
    if (len > (16u << 20)) {
        broken = true;
        return false;
    }
    bool masked = (b(1) & 0x80) != 0;
    std::size_t need = at + (masked ? 4 : 0) + static_cast<std::size_t>(len);
    if (in.size() < need)
        return false;
    std::array<std::uint8_t, 4> mask{};
    if (masked) {
        for (std::size_t i = 0; i < 4; ++i)
            mask[i] = b(at + i);
        at += 4;
    }
    out.opcode = b(0) & 0x0f;
    out.payload = in.substr(at, static_cast<std::size_t>(len));
    for (std::size_t i = 0; masked && i < out.payload.size(); ++i)
        out.payload[i] = static_cast<char>(out.payload[i] ^ mask[i % 4]);
    in.erase(0, need);
    return true;
}

} // namespace hostile_detail

} // namespace livechat::rtm::testing

#endif

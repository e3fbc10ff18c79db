// libFuzzer harness: the ws:// / wss:// URL parser (ClientConfig::url, rtm-cli --url).
#include <livechat/rtm/impl/internal/url.hpp>

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    std::string_view text(reinterpret_cast<const char*>(data), size);
    if (auto ep = livechat::rtm::detail::parse_url(text)) {
        if (ep->host.empty() || ep->port.empty() || ep->target.empty() || ep->port.size() > 5)
            __builtin_trap(); // a parsed endpoint is always complete
    }
    return 0;
}

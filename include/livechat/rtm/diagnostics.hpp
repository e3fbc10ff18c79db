// Copyright (c) 2026 livechat-rtm authors. Distributed under the MIT License (see LICENSE).
#ifndef LIVECHAT_RTM_DIAGNOSTICS_HPP
#define LIVECHAT_RTM_DIAGNOSTICS_HPP

#include <string>

namespace livechat::rtm {

/// Text that goes with an `error_code`. What the server said is kept apart from what the SDK
/// says, because server text can echo user input and should not be logged blindly.
struct Diagnostics {
    /// `payload.error.type` exactly as the server sent it (`"group_offline"`), or empty.
    std::string server_type;
    /// `payload.error.message`, human text that may change between releases, or empty.
    std::string server_message;
    /// `payload.error.data` serialized as JSON text (`{"region":"fra"}`), or empty.
    std::string server_data;
    /// What the SDK found: for `malformed_payload` the JSON path of the field, for example.
    std::string client_message;

    /// Empties every field.
    void clear()
    {
        server_type.clear();
        server_message.clear();
        server_data.clear();
        client_message.clear();
    }

    /// True when no field holds text.
    bool empty() const noexcept
    {
        return server_type.empty() && server_message.empty() && server_data.empty() &&
               client_message.empty();
    }
};

} // namespace livechat::rtm

#endif

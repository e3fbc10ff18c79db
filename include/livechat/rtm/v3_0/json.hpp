// Copyright (c) 2026 livechat-rtm authors. Distributed under the MIT License (see LICENSE).
#ifndef LIVECHAT_RTM_V3_0_JSON_HPP
#define LIVECHAT_RTM_V3_0_JSON_HPP

// JSON conversion of every v3.0 data structure, for tests, caches and logs. Decoding never
// throws: a missing required field or a wrong type gives `error::malformed_payload`, with the
// field's path (e.g. "payload.chat.thread.events[2].text") in `Diagnostics::client_message`.
// Unknown fields are ignored; absent and null are alike.

#include <livechat/rtm/detail/codec_decl.hpp>
#include <livechat/rtm/diagnostics.hpp>
#include <livechat/rtm/error.hpp>
#include <livechat/rtm/v3_0/chat.hpp>
#include <livechat/rtm/v3_0/misc.hpp>

#include <nlohmann/json_fwd.hpp>

namespace livechat::rtm::v3_0 {

LIVECHAT_RTM_DECLARE_PAYLOAD_CODEC(Access)
LIVECHAT_RTM_DECLARE_PAYLOAD_CODEC(Properties)
LIVECHAT_RTM_DECLARE_PAYLOAD_CODEC(User)
LIVECHAT_RTM_DECLARE_PAYLOAD_CODEC(AgentInfo)
LIVECHAT_RTM_DECLARE_PAYLOAD_CODEC(Event)
LIVECHAT_RTM_DECLARE_PAYLOAD_CODEC(FilledFormField)
LIVECHAT_RTM_DECLARE_PAYLOAD_CODEC(Thread)
LIVECHAT_RTM_DECLARE_PAYLOAD_CODEC(Chat)
LIVECHAT_RTM_DECLARE_PAYLOAD_CODEC(ChatSummary)
LIVECHAT_RTM_DECLARE_PAYLOAD_CODEC(ThreadSummary)
LIVECHAT_RTM_DECLARE_PAYLOAD_CODEC(Form)
LIVECHAT_RTM_DECLARE_PAYLOAD_CODEC(Greeting)
LIVECHAT_RTM_DECLARE_PAYLOAD_CODEC(UrlDetails)
LIVECHAT_RTM_DECLARE_PAYLOAD_CODEC(TypingIndicator)

} // namespace livechat::rtm::v3_0

#endif

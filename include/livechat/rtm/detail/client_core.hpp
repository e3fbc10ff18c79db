// Copyright (c) 2026 livechat-rtm authors. Distributed under the MIT License (see LICENSE).
#ifndef LIVECHAT_RTM_DETAIL_CLIENT_CORE_HPP
#define LIVECHAT_RTM_DETAIL_CLIENT_CORE_HPP

// What the thin templates of client.hpp call into: a type-erased core compiled once.
// Nothing here names Beast, OpenSSL or a complete nlohmann::json.

#include <livechat/rtm/config.hpp>
#include <livechat/rtm/detail/config.hpp>
#include <livechat/rtm/diagnostics.hpp>
#include <livechat/rtm/error.hpp>
#include <livechat/rtm/push_dispatcher.hpp>
#include <livechat/rtm/session_state.hpp>

#include <boost/asio/any_completion_handler.hpp>
#include <boost/asio/any_io_executor.hpp>

#include <nlohmann/json_fwd.hpp>

#include <memory>
#include <optional>
#include <string_view>

namespace livechat::rtm::detail {

class ClientCore;
class Protocol;

/// The payload of one response. Shared so that only compiled code creates and destroys JSON.
struct Reply {
    std::shared_ptr<const nlohmann::json> payload;
};

using ReplyHandler = boost::asio::any_completion_handler<void(error_code, Reply)>;
using RunHandler = boost::asio::any_completion_handler<void(error_code)>;

/// Checks and writes a request object into a JSON payload without naming its type. A failed
/// check (`error::validation`, text in the Diagnostics) means nothing is sent.
struct RequestWriter {
    const void* object;
    error_code (*write)(nlohmann::json& out, const void* object, Diagnostics& diag);
    std::string_view version = {}; ///< the envelope's `version`, or empty
    std::optional<Delivery> delivery = std::nullopt; ///< the client's when empty
};

/// A core speaking `protocol` (a version's description, which lives as long as the program).
LIVECHAT_RTM_DECL std::shared_ptr<ClientCore> make_client_core(
    boost::asio::any_io_executor ex, ClientConfig cfg, const Protocol& protocol);
LIVECHAT_RTM_DECL void shutdown(ClientCore& impl) noexcept;
LIVECHAT_RTM_DECL void start_run(const std::shared_ptr<ClientCore>& impl, RunHandler handler);
LIVECHAT_RTM_DECL void start_request(const std::shared_ptr<ClientCore>& impl,
    std::string_view action, RequestWriter writer, Diagnostics* diag, ReplyHandler handler);
LIVECHAT_RTM_DECL void start_login(const std::shared_ptr<ClientCore>& impl, RequestWriter writer,
    Diagnostics* diag, ReplyHandler handler);
LIVECHAT_RTM_DECL void request_stop(ClientCore& impl);
LIVECHAT_RTM_DECL void start_stop(const std::shared_ptr<ClientCore>& impl, RunHandler handler);
LIVECHAT_RTM_DECL boost::asio::any_io_executor executor_of(const ClientCore& impl) noexcept;
LIVECHAT_RTM_DECL SessionState state_of(const ClientCore& impl) noexcept;
LIVECHAT_RTM_DECL PushDispatcher& pushes_of(ClientCore& impl) noexcept;
LIVECHAT_RTM_DECL const Diagnostics& run_diagnostics_of(const ClientCore& impl) noexcept;
LIVECHAT_RTM_DECL void set_reconnect_listener(ClientCore& impl,
    std::function<void(std::chrono::milliseconds, const DisconnectCause&)> listener);
LIVECHAT_RTM_DECL void set_recovery_listener(ClientCore& impl, std::function<void(const RecoveryReport&)> listener);
LIVECHAT_RTM_DECL void set_restored_send_listener(ClientCore& impl, std::function<void(const RestoredSend&)> listener);
LIVECHAT_RTM_DECL void set_state_listener(
    ClientCore& impl, std::function<void(SessionState, error_code)> listener);

} // namespace livechat::rtm::detail

#endif

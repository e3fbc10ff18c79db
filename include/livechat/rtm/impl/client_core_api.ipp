// Copyright (c) 2026 livechat-rtm authors. Distributed under the MIT License (see LICENSE).
#ifndef LIVECHAT_RTM_IMPL_CLIENT_CORE_API_IPP
#define LIVECHAT_RTM_IMPL_CLIENT_CORE_API_IPP

// The functions of detail/client_core.hpp: what the facade's templates call.

#include <livechat/rtm/impl/client_core.ipp>
#include <livechat/rtm/impl/client_core_events.ipp>
#include <livechat/rtm/impl/client_core_outbox.ipp>
#include <livechat/rtm/impl/client_core_recovery.ipp>
#include <livechat/rtm/impl/client_core_store.ipp>

namespace livechat::rtm::detail {

LIVECHAT_RTM_DECL std::shared_ptr<ClientCore> make_client_core(
    asio::any_io_executor ex, ClientConfig cfg, const Protocol& protocol)
{
    return make_client_core(std::move(ex), std::move(cfg), protocol, Environment{});
}

LIVECHAT_RTM_DECL std::shared_ptr<ClientCore> make_client_core(
    asio::any_io_executor ex, ClientConfig cfg, const Protocol& protocol, Environment env)
{
    return std::make_shared<ClientCore>(std::move(ex), std::move(cfg), protocol, std::move(env));
}

LIVECHAT_RTM_DECL void shutdown(ClientCore& core) noexcept { core.shutdown(); }

LIVECHAT_RTM_DECL void start_run(const std::shared_ptr<ClientCore>& core, RunHandler handler)
{
    core->start_run(std::move(handler));
}

LIVECHAT_RTM_DECL void start_request(const std::shared_ptr<ClientCore>& core, std::string_view action,
    RequestWriter writer, Diagnostics* diag, ReplyHandler handler)
{
    core->start_request(action, writer, diag, std::move(handler));
}

LIVECHAT_RTM_DECL void start_login(
    const std::shared_ptr<ClientCore>& core, RequestWriter writer, Diagnostics* diag, ReplyHandler handler)
{
    core->start_login(writer, diag, std::move(handler));
}

LIVECHAT_RTM_DECL void request_stop(ClientCore& core) { core.stop(); }

LIVECHAT_RTM_DECL void start_stop(const std::shared_ptr<ClientCore>& core, RunHandler handler)
{
    core->start_stop(std::move(handler));
}

LIVECHAT_RTM_DECL boost::asio::any_io_executor executor_of(const ClientCore& core) noexcept
{
    return core.executor();
}

LIVECHAT_RTM_DECL SessionState state_of(const ClientCore& core) noexcept { return core.state(); }

LIVECHAT_RTM_DECL PushDispatcher& pushes_of(ClientCore& core) noexcept { return core.pushes(); }

LIVECHAT_RTM_DECL const Diagnostics& run_diagnostics_of(const ClientCore& core) noexcept
{
    return core.run_diagnostics();
}

LIVECHAT_RTM_DECL void set_reconnect_listener(
    ClientCore& core, std::function<void(std::chrono::milliseconds, const DisconnectCause&)> listener)
{
    core.set_reconnect_listener(std::move(listener));
}

LIVECHAT_RTM_DECL void set_recovery_listener(ClientCore& core, std::function<void(const RecoveryReport&)> listener)
{
    core.set_recovery_listener(std::move(listener));
}

LIVECHAT_RTM_DECL void set_restored_send_listener(ClientCore& core, std::function<void(const RestoredSend&)> listener)
{
    core.set_restored_send_listener(std::move(listener));
}

LIVECHAT_RTM_DECL void set_state_listener(ClientCore& core, std::function<void(SessionState, error_code)> listener)
{
    core.set_state_listener(std::move(listener));
}

} // namespace livechat::rtm::detail

#endif

// Copyright (c) 2026 livechat-rtm authors. Distributed under the MIT License (see LICENSE).
#ifndef LIVECHAT_RTM_TESTING_IMPL_MOCK_SERVER_IPP
#define LIVECHAT_RTM_TESTING_IMPL_MOCK_SERVER_IPP

// The public face of the mock server: scripted reactions and MockServer's functions, each a
// short walk into MockServerCore.

#include <livechat/rtm/testing/impl/mock_server_core.ipp>
#include <livechat/rtm/testing/impl/mock_web_api.ipp>
#include <livechat/rtm/testing/mock_server.hpp>

namespace livechat::rtm::testing {

namespace asio = boost::asio;
using nlohmann::json;

Reaction Reaction::respond(std::string payload_json)
{
    Reaction r;
    r.kind = Kind::respond;
    r.payload_json = std::move(payload_json);
    return r;
}

Reaction Reaction::fail(std::string type, std::string message, std::string data_json)
{
    Reaction r;
    r.kind = Kind::fail;
    r.error_type = std::move(type);
    r.error_message = std::move(message);
    r.error_data_json = std::move(data_json);
    return r;
}

Reaction Reaction::withhold()
{
    Reaction r;
    r.kind = Kind::withhold;
    return r;
}

Reaction Reaction::garbage(std::string text)
{
    Reaction r;
    r.kind = Kind::garbage;
    r.raw_text = std::move(text);
    return r;
}

Reaction Reaction::close()
{
    Reaction r;
    r.kind = Kind::close;
    return r;
}

Reaction Reaction::cut()
{
    Reaction r;
    r.kind = Kind::cut;
    return r;
}

Reaction Reaction::apply_then_cut()
{
    Reaction r;
    r.kind = Kind::apply_then_cut;
    return r;
}

Reaction& Reaction::push_before(std::string action, std::string payload_json)
{
    pushes_before.push_back({std::move(action), std::move(payload_json)});
    return *this;
}

Reaction& Reaction::push_after(std::string action, std::string payload_json)
{
    pushes_after.push_back({std::move(action), std::move(payload_json)});
    return *this;
}

MockServer::MockServer(asio::any_io_executor ex, MockServerConfig cfg)
    : impl_(std::make_shared<detail::MockServerCore>(std::move(ex), std::move(cfg)))
{
}

MockServer::~MockServer() { stop(); }

error_code MockServer::start()
{
    error_code ec;
    auto address = asio::ip::make_address(impl_->cfg.address, ec);
    if (ec)
        return ec;
    asio::ip::tcp::endpoint ep(address, impl_->cfg.port);
    impl_->acceptor.open(ep.protocol(), ec);
    if (!ec)
        impl_->acceptor.set_option(asio::socket_base::reuse_address(true), ec);
    if (!ec)
        impl_->acceptor.bind(ep, ec);
    if (!ec)
        impl_->acceptor.listen(asio::socket_base::max_listen_connections, ec);
    if (!ec)
        impl_->accept_next();
    return ec;
}

void MockServer::stop()
{
    error_code ignored;
    impl_->acceptor.close(ignored);
    impl_->accept_pause_timer.cancel();
    impl_->for_each([](detail::Connection& c) { c.cut(); });
}

std::uint16_t MockServer::port() const
{
    error_code ec;
    auto ep = impl_->acceptor.local_endpoint(ec);
    return ec ? 0 : ep.port();
}

std::string MockServer::url(std::uint64_t license_id) const
{
    return std::string(impl_->cfg.tls ? "wss://" : "ws://") + impl_->cfg.address + ":" +
           std::to_string(port()) + impl_->v3_0_service->target(license_id);
}

std::string MockServer::url_v3_6(std::uint64_t organization) const
{
    return std::string(impl_->cfg.tls ? "wss://" : "ws://") + impl_->cfg.address + ":" +
           std::to_string(port()) + impl_->v3_6_service->target(organization);
}

const std::string& MockServer::test_certificate_pem()
{
    static const std::string pem = detail::test_certificate;
    return pem;
}

void MockServer::on_request(std::function<void(const ReceivedRequest&)> observer)
{
    impl_->observer = std::move(observer);
}

boost::asio::any_io_executor MockServer::get_executor() const { return impl_->ex; }

void MockServer::script(std::string action, Reaction reaction)
{
    impl_->scripts[std::move(action)].push_back(std::move(reaction));
}

void MockServer::push(std::string action, std::string payload_json)
{
    impl_->for_each([&](detail::Connection& c) {
        if (c.logged_in)
            impl_->send_push(c, action, payload_json);
    });
}

void MockServer::push_to_all(std::string action, std::string payload_json)
{
    impl_->for_each([&](detail::Connection& c) { impl_->send_push(c, action, payload_json); });
}

void MockServer::send_raw(std::string text)
{
    impl_->for_each([&](detail::Connection& c) { c.send(text); });
}

void MockServer::disconnect_all(std::string reason, std::string data_json)
{
    impl_->for_each([&](detail::Connection& c) { impl_->disconnect(c, reason, data_json); });
}

void MockServer::close_all()
{
    impl_->for_each([](detail::Connection& c) { c.close(); });
}

void MockServer::cut_all()
{
    impl_->for_each([](detail::Connection& c) { c.cut(); });
}

std::string MockServer::agent_send_message(const std::string& chat_id, const std::string& text)
{
    return agent_send_event(chat_id, json{{"type", "message"}, {"text", text}}.dump());
}

std::string MockServer::agent_send_event(const std::string& chat_id, const std::string& event_json)
{
    auto pushes = impl_->agent(chat_id, [&](detail::MockState& s) {
        return s.agent_event(chat_id, detail::parse_or_empty(event_json));
    });
    for (const auto& p : pushes)
        if (p.action == "incoming_event")
            return p.payload["event"]["id"];
    return {};
}

void MockServer::agent_typing(const std::string& chat_id, bool is_typing)
{
    impl_->agent(chat_id, [&](detail::MockState& s) { return s.agent_typing(chat_id, is_typing); });
}

void MockServer::agent_join(const std::string& chat_id)
{
    impl_->agent(chat_id, [&](detail::MockState& s) { return s.agent_join(chat_id); });
}

void MockServer::agent_leave(const std::string& chat_id)
{
    impl_->agent(chat_id, [&](detail::MockState& s) { return s.agent_leave(chat_id); });
}

void MockServer::agent_transfer(const std::string& chat_id, std::int64_t group)
{
    impl_->agent(chat_id, [&](detail::MockState& s) { return s.agent_transfer(chat_id, group); });
}

void MockServer::agent_update_chat_properties(const std::string& chat_id, const std::string& properties_json)
{
    impl_->agent(chat_id, [&](detail::MockState& s) {
        return s.agent_update_chat_properties(chat_id, detail::parse_or_empty(properties_json));
    });
}

void MockServer::agent_close_thread(const std::string& chat_id)
{
    impl_->agent(chat_id, [&](detail::MockState& s) { return s.agent_close_thread(chat_id); });
}

std::vector<std::string> MockServer::chat_ids() const
{
    std::vector<std::string> ids;
    for (const auto* service : {impl_->v3_0_service.get(), impl_->v3_6_service.get()})
        for (const auto& [id, chat] : const_cast<detail::MockService*>(service)->state().chats())
            ids.push_back(id);
    return ids;
}

std::string MockServer::chat_json(const std::string& chat_id) const
{
    const auto& chats = impl_->service_for_chat(chat_id).state().chats();
    auto it = chats.find(chat_id);
    return it == chats.end() ? std::string() : it->second.dump();
}

std::string MockServer::customer_json() const { return impl_->recent_service().state().customer().dump(); }
std::string MockServer::last_sneak_peek() const { return impl_->recent_service().state().last_sneak_peek(); }

void MockServer::set_customer_id(std::string id)
{
    impl_->v3_0_service->state().set_customer_id(id);
    impl_->v3_6_service->state().set_customer_id(std::move(id));
}

void MockServer::set_group_status(std::int64_t group, std::string status)
{
    impl_->v3_0_service->state().set_group_status(group, status);
    impl_->v3_6_service->state().set_group_status(group, std::move(status));
}

void MockServer::agent_greeting(const std::string& text)
{
    auto& service = *impl_->v3_6_service;
    impl_->broadcast(service.state().agent_greeting(text), nullptr, {}, service);
}

void MockServer::agent_queue_position(const std::string& chat_id, std::int64_t position, std::int64_t wait_seconds)
{
    impl_->agent(chat_id, [&](detail::MockState& s) { return s.agent_queue_position(chat_id, position, wait_seconds); });
}

void MockServer::agent_thinking(const std::string& chat_id, const std::string& title)
{
    impl_->agent(chat_id, [&](detail::MockState& s) { return s.agent_thinking(chat_id, title); });
}

void MockServer::agent_event_preview(const std::string& chat_id, const std::string& text)
{
    impl_->agent(chat_id, [&](detail::MockState& s) { return s.agent_event_preview(chat_id, text); });
}

void MockServer::set_welcome_message(std::string text)
{
    static_cast<detail::MockState36&>(impl_->v3_6_service->state()).welcome_text = std::move(text);
}

const std::vector<ReceivedRequest>& MockServer::received() const { return impl_->received; }

std::size_t MockServer::count(std::string_view action) const
{
    auto it = impl_->counts.find(action);
    return it == impl_->counts.end() ? 0 : it->second;
}

std::size_t MockServer::control_pings() const { return impl_->pings; }
std::string MockServer::last_tls_server_name() const { return impl_->tls_server_name; }
std::size_t MockServer::connections_accepted() const { return impl_->accepted; }
std::size_t MockServer::accept_failures() const { return impl_->accept_failures; }
std::size_t MockServer::open_connections() const { return impl_->peers.size(); }

std::size_t MockServer::logged_in_connections() const
{
    return static_cast<std::size_t>(std::count_if(impl_->peers.begin(), impl_->peers.end(),
        [](const auto& kv) { return kv.second.connection->logged_in; }));
}

const std::vector<std::string>& MockServer::disconnect_reasons() const
{
    return impl_->disconnect_reasons;
}

} // namespace livechat::rtm::testing

#endif

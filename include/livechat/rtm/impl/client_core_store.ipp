// Copyright (c) 2026 livechat-rtm authors. Distributed under the MIT License (see LICENSE).
#ifndef LIVECHAT_RTM_IMPL_CLIENT_CORE_STORE_IPP
#define LIVECHAT_RTM_IMPL_CLIENT_CORE_STORE_IPP

// ClientCore: the session store (ClientConfig::session_store). What the outbox has not
// settled and each chat's last received event are saved whole at every change; the first run
// loads what a previous client left, and its first login puts it to work: the sends are looked
// up and sent again when missing (as after a lost connection), the chats are recovered.

#include <livechat/rtm/impl/internal/client_core.hpp>
#include <livechat/rtm/impl/internal/json_limits.hpp>

namespace livechat::rtm::detail {

inline void ClientCore::load_store()
{
    if (!cfg_.session_store || store_loaded_)
        return;
    store_loaded_ = true; // once per client: a later run's sends are this client's own
    StoredSession s;
    if (cfg_.session_store->load(s))
        return; // unreadable: start empty (the store says why); the next save replaces it
    for (auto& send : s.outbox) {
        auto seq = ++sends_;
        restored_sends_.push_back(seq);
        kept_.emplace(seq, std::move(send));
    }
    s.outbox.clear();
    restored_ = std::move(s);
}

inline void ClientCore::apply_restored()
{
    if (!restored_)
        return;
    auto restored = std::move(*restored_);
    restored_.reset();
    auto seqs = std::exchange(restored_sends_, {});
    bool same = restored.customer_id.empty() || restored.customer_id == customer_id_;
    for (auto& c : same ? restored.chats : std::vector<StoredChat>())
        recovery_.restore(c);
    // Before anything this run sent: they were sent first. Looked up like the sends a lost
    // connection left unsure (found: settled; missing: sent again, ahead of later requests).
    for (auto seq : seqs) {
        auto it = kept_.find(seq);
        if (it == kept_.end())
            continue;
        auto& stored = it->second;
        ReplyHandler handler = [w = weak_from_this(), chat = stored.chat_id, custom = stored.custom_id](
                                   error_code ec, Reply reply) {
            if (auto self = w.lock())
                self->report_restored(RestoredSend{chat, custom, ec, ec || !reply.payload ? std::string() : reply.payload->dump()});
        };
        auto record = std::make_unique<SendRecord>();
        bool too_deep = false;
        record->payload = parse_json_bounded(stored.payload, max_json_nesting, too_deep);
        error_code refused;
        if (!same)
            refused = error::customer_changed;
        else if (!record->payload.is_object() || !is_stored_send(stored, record->payload))
            refused = error::store_corrupt; // only what this client would have kept goes out
        if (refused) {
            kept_.erase(it);
            complete(std::move(handler), refused);
            continue;
        }
        record->action = stored.action;
        record->chat_id = stored.chat_id;
        record->custom_id = stored.custom_id;
        record->seq = seq;
        unsure_.push_back(Pending{std::move(handler), nullptr, std::move(record)});
    }
    unsure_.sort([](const Pending& a, const Pending& b) { return a.resend->seq < b.resend->seq; });
    save_store();
}

inline bool ClientCore::is_stored_send(const StoredSend& stored, nlohmann::json& payload) const
{
    // The version's own reading of the request: an event send to that chat with that custom_id
    // (a payload without one gets an empty id, which no stored send has).
    auto target = protocol_.outbox_target(stored.action, payload, [] { return std::string(); });
    return target && !stored.custom_id.empty() && target->chat_id == stored.chat_id &&
           target->custom_id == stored.custom_id;
}

inline void ClientCore::keep_send(const SendRecord& r)
{
    if (!cfg_.session_store)
        return;
    kept_.emplace(r.seq, StoredSend{r.chat_id, r.custom_id, r.action, r.payload.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)});
    save_store();
}

inline void ClientCore::settle(const Pending& p)
{
    if (p.resend && kept_.erase(p.resend->seq) > 0)
        save_store();
}

inline void ClientCore::note_marks()
{
    if (cfg_.session_store && recovery_.changes() != saved_changes_)
        save_store();
}

inline void ClientCore::save_store()
{
    if (!cfg_.session_store)
        return;
    StoredSession s;
    // Until the first login has put the restored state to work, it is saved as it was found.
    s.customer_id = restored_ ? restored_->customer_id : customer_id_;
    s.chats = restored_ ? restored_->chats : recovery_.stored();
    for (const auto& [seq, send] : kept_)
        s.outbox.push_back(send);
    saved_changes_ = recovery_.changes();
    cfg_.session_store->save(s); // a failure is the store's to report; the next change tries again
}

inline void ClientCore::report_restored(RestoredSend r)
{
    if (restored_listener_) // posted: the listener may call back into the client
        asio::post(ex_, [l = restored_listener_, r = std::move(r)] { l(r); });
}

} // namespace livechat::rtm::detail

#endif

// Copyright (c) 2026 livechat-rtm authors. Distributed under the MIT License (see LICENSE).
#ifndef LIVECHAT_RTM_SESSION_STORE_HPP
#define LIVECHAT_RTM_SESSION_STORE_HPP

// What a client keeps across an app restart (ClientConfig::session_store): the exactly-once
// sends whose outcome is not known yet, and the last event the app received per chat, so that
// the outbox and the recovery after a re-login also work after the app itself was closed
// (docs/reconnect.md).

#include <livechat/rtm/error.hpp>

#include <mutex>
#include <string>
#include <vector>

namespace livechat::rtm {

/// An exactly-once `send_event` whose outcome the app has not learnt yet.
struct StoredSend {
    std::string chat_id;   ///< the chat it goes to
    std::string custom_id; ///< how the next client finds it in the chat
    std::string action;    ///< the RTM action, `send_event`
    std::string payload;   ///< the request's payload, JSON text
};

/// The last event the app received in a chat.
struct StoredChat {
    std::string chat_id;   ///< the chat
    std::string thread_id; ///< the thread of that event
    std::string event_id;  ///< the newest event the app received there
};

/// One client's state, as a whole.
struct StoredSession {
    /// The customer the state belongs to (empty before the first login). A client that logs
    /// in as another customer does not use it: its sends are reported with
    /// `error::customer_changed` and the store is overwritten.
    std::string customer_id;
    std::vector<StoredSend> outbox; ///< in the order the app sent them
    std::vector<StoredChat> chats;  ///< the most recently active first
};

/// Where a client keeps its `StoredSession`. Give each client a store of its own.
///
/// The client calls `load` once, when its first run starts, and `save` with the whole state
/// after every change (a send is recorded or settled, an event is received). Both run on the
/// client's executor, in the middle of its work: keep them short (a store for thousands of
/// clients can queue the writes and do them elsewhere). A failure is not fatal: the client
/// goes on without the store and tries again at the next change.
class SessionStore {
public:
    virtual ~SessionStore() = default;
    /// What the previous client left; an empty session (and no error) when there is none.
    virtual error_code load(StoredSession& out) = 0;
    /// Replaces what is stored.
    virtual error_code save(const StoredSession& session) = 0;
};

/// A `SessionStore` in one JSON file, replaced atomically at every save (written beside it,
/// flushed to disk, renamed over it; readable and writable by the owner only): after a crash
/// it holds the last complete save. Reads at most `max_file_size` bytes; a larger or malformed
/// file loads as `error::store_corrupt` (and an empty session). Thread-safe.
class FileSessionStore final : public SessionStore {
public:
    /// The largest file `load` reads.
    static constexpr std::size_t max_file_size = 64 * 1024 * 1024;

    /// The store at `path` (its directory must exist; nothing is read or written yet).
    explicit FileSessionStore(std::string path) : path_(std::move(path)) {}

    LIVECHAT_RTM_DECL error_code load(StoredSession& out) override;
    LIVECHAT_RTM_DECL error_code save(const StoredSession& session) override;

    /// The outcome of the last load or save (the client does not stop at a failed one).
    error_code last_error() const
    {
        std::lock_guard<std::mutex> lock(mutex_);
        return last_error_;
    }

    /// The file.
    const std::string& path() const noexcept { return path_; }

private:
    std::string path_;
    mutable std::mutex mutex_;
    error_code last_error_;
};

/// The outcome of a send a previous client left in the session store, known after this
/// client's first login (`BasicRtmClient::on_restored_send`).
struct RestoredSend {
    std::string chat_id;   ///< the chat it was sent to
    std::string custom_id; ///< the event's custom_id
    /// Empty: the event is in the chat once (found there, or sent now). Otherwise why not, as
    /// a send's completion would say (`customer_changed`: the store was another customer's).
    error_code ec;
    /// The response's payload, JSON text (empty on an error).
    std::string response;
};

} // namespace livechat::rtm

#endif

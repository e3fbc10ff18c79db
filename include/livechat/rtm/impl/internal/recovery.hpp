// Copyright (c) 2026 livechat-rtm authors. Distributed under the MIT License (see LICENSE).
#ifndef LIVECHAT_RTM_IMPL_INTERNAL_RECOVERY_HPP
#define LIVECHAT_RTM_IMPL_INTERNAL_RECOVERY_HPP

// Recovery after a re-login, without I/O. It keeps, per chat, what the app received (the last
// event, a short memory of event ids), and walks each chat's history in rounds: the core sends
// the requests a round asks for, feeds back the answers, and dispatches the pushes it makes up.
// Nothing here knows a version: the Protocol reads the history and names the pushes.

#include <livechat/rtm/impl/internal/protocol.hpp>
#include <livechat/rtm/recovery.hpp>
#include <livechat/rtm/session_store.hpp>

#include <boost/asio/error.hpp>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace livechat::rtm::detail {

/// A history request that ran out of time, ours (`deadline_exceeded`) or the server's
/// (`request_timeout`): worth asking again, since the readers move on only when they read.
inline bool ran_out_of_time(error_code ec) noexcept
{
    return ec == error::deadline_exceeded || ec == error::request_timeout;
}

/// A push made up from a chat's history.
struct RecoveredPush {
    std::string_view action;
    nlohmann::json payload;
};

/// What a round asks the core to do next.
struct RecoveryStep {
    std::vector<RecoveredPush> pushes;    ///< dispatch these, in order, as recovered
    std::vector<RecoveryReport> reports;  ///< then tell the app these
    std::optional<HistoryReader::Request> request; ///< then send this and feed its answer back
    bool done = false; ///< the round is over: release the held pushes
};

class Recovery {
public:
    /// Chats remembered at most (the least recently active is forgotten first): a server
    /// naming a million chats cannot grow the client without bound.
    static constexpr std::size_t max_chats_remembered = 64;
    /// Event ids remembered per chat to drop an event that comes twice (live and recovered).
    static constexpr std::size_t ids_remembered = 256;

    Recovery(const RecoveryOptions& options, const Protocol& protocol) : opt_(options), protocol_(protocol) {}

    bool enabled() const noexcept { return opt_.enabled; }

    // ---- what the app receives live ------------------------------------------------------------

    /// Records what a push shows about its chat. False when the push delivers an event the app
    /// already has: the caller drops it.
    bool saw(const ChatActivity& a)
    {
        if (a.chat_id.empty())
            return true;
        auto& m = mark(a.chat_id);
        if (!a.thread_id.empty()) {
            m.open_thread.assign(a.thread_id);
            if (a.closes_thread)
                m.closed_thread.assign(a.thread_id);
        }
        auto id = !a.event_id.empty() ? a.event_id : a.shown_event_id;
        if (id.empty())
            return true;
        if (!a.event_id.empty() && m.has(id))
            return false;
        m.remember(id);
        ++changes_;
        return true;
    }

    // ---- across an app restart (SessionStore) ------------------------------------------------

    /// A chat the previous client left in the store: the first login reads it back to there.
    void restore(const StoredChat& c)
    {
        if (c.chat_id.empty() || c.event_id.empty())
            return;
        auto& m = mark(c.chat_id);
        m.open_thread = c.thread_id;
        m.remember(c.event_id);
        restored_ = true;
    }
    /// Each chat's last received event, the most recently active first.
    std::vector<StoredChat> stored() const
    {
        std::vector<const Mark*> by_activity;
        for (auto& [id, m] : marks_)
            if (!m.last_event.empty())
                by_activity.push_back(&m);
        std::sort(by_activity.begin(), by_activity.end(),
            [](const Mark* a, const Mark* b) { return a->touched > b->touched; });
        std::vector<StoredChat> out;
        for (auto* m : by_activity)
            out.push_back(StoredChat{m->chat_id, m->open_thread, m->last_event});
        return out;
    }
    /// Counts the changes of a chat's last received event (the core saves when it moved).
    std::uint64_t changes() const noexcept { return changes_; }

    // ---- rounds ----------------------------------------------------------------------------

    /// Called after every successful login. The first one notes the time (a chat the app never
    /// heard of counts its missed events from there) and reads only the chats restored from a
    /// session store; later ones start a round. True
    /// when the round has chats to read: pushes are held from now until the step that is done.
    bool begin(const nlohmann::json& login_response, std::chrono::system_clock::time_point now)
    {
        if (!opt_.enabled)
            return false;
        bool first = !baseline_;
        if (first) {
            baseline_ = now;
            if (!restored_) // only chats restored from a session store are read now
                return false;
        }
        ++round_;
        current_.reset();
        chats_.clear();
        next_chat_ = 0;
        std::vector<const Mark*> by_activity;
        for (auto& [id, m] : marks_)
            by_activity.push_back(&m);
        std::sort(by_activity.begin(), by_activity.end(),
            [](const Mark* a, const Mark* b) { return a->touched > b->touched; });
        for (auto* m : by_activity)
            chats_.push_back(m->chat_id);
        for (auto& id : first ? std::vector<std::string>() : protocol_.unread_chats(login_response))
            if (std::find(chats_.begin(), chats_.end(), id) == chats_.end())
                chats_.push_back(std::move(id));
        if (chats_.empty())
            return false;
        holding_ = true;
        return true;
    }

    /// The round this answer belongs to (answers of an older round are ignored).
    std::uint64_t round() const noexcept { return round_; }

    /// Live pushes wait while a round runs (also across a reconnect, until a round ends).
    bool holding() const noexcept { return holding_; }
    /// Keeps a live push's frame for later; false when `max_held_pushes` are already held.
    bool hold(std::string_view text)
    {
        if (held_.size() >= opt_.max_held_pushes)
            return false;
        held_.emplace_back(text);
        return true;
    }
    /// The held frames, oldest first; holding stops.
    std::vector<std::string> release()
    {
        holding_ = false;
        return std::exchange(held_, {});
    }

    /// What to do next in the current round.
    RecoveryStep step()
    {
        RecoveryStep s;
        while (s.pushes.empty() && s.reports.empty()) {
            if (!current_) {
                if (next_chat_ >= chats_.size()) {
                    s.done = true;
                    chats_.clear();
                    return s;
                }
                if (next_chat_ >= opt_.max_chats) { // beyond the bound: reported, not read
                    for (; next_chat_ < chats_.size(); ++next_chat_)
                        s.reports.push_back(RecoveryReport{chats_[next_chat_], 0, 0, error::recovery_incomplete});
                    continue;
                }
                start(chats_[next_chat_++]);
            }
            auto& c = *current_;
            if (c.found || c.skipped > 0) {
                finish(s, {});
            } else if (c.requests >= opt_.max_requests_per_chat) {
                finish(s, error::recovery_incomplete);
            } else if (auto request = c.reader->next()) {
                ++c.requests;
                s.request = std::move(request);
                return s;
            } else {
                finish(s, {}); // the whole history was read
            }
        }
        return s;
    }

    /// The answer to the request of the last step (null on an error). False when the
    /// round ended with it: the connection went down, or the client stops (the next
    /// re-login reads every chat again; the pushes stay held until a round ends).
    bool answer(error_code ec, const nlohmann::json* payload, RecoveryStep& s)
    {
        if (!current_)
            return false;
        if (ec == error::connection_lost || ec == boost::asio::error::operation_aborted) {
            s.reports.push_back(RecoveryReport{current_->chat_id, 0, 0, ec});
            interrupt();
            return false;
        }
        // A request that ran out of time (ours or the server's) is asked again while the
        // chat's request budget lasts: the readers move on only when an answer is read.
        if (ran_out_of_time(ec) && current_->requests < opt_.max_requests_per_chat) {
            s = step();
            return true;
        }
        if (!ec && (!payload || !current_->reader->read(*payload, current_->threads)))
            ec = error::malformed_payload;
        if (ec)
            finish(s, ec); // this chat failed; the others are read
        else
            scan();
        return true;
    }

    /// Ends the round where it is (its pending answer is ignored); the pushes stay held.
    void interrupt()
    {
        ++round_;
        current_.reset();
        chats_.clear();
    }

    /// Ends the round early (too many pushes held, the run ends): the chats not read are
    /// reported incomplete. Then release().
    std::vector<RecoveryReport> abandon()
    {
        std::vector<RecoveryReport> reports;
        if (current_)
            reports.push_back(RecoveryReport{current_->chat_id, 0, 0, error::recovery_incomplete});
        for (; next_chat_ < chats_.size(); ++next_chat_)
            reports.push_back(RecoveryReport{chats_[next_chat_], 0, 0, error::recovery_incomplete});
        interrupt();
        return reports;
    }

private:
    struct Mark {
        std::string chat_id;
        std::string last_event;    ///< the newest event the app received, or empty
        std::string open_thread;   ///< the thread of the last activity
        std::string closed_thread; ///< the last thread the app saw end
        std::vector<std::size_t> ids; ///< hashes of received event ids, a ring
        std::size_t ring_next = 0;
        std::uint64_t touched = 0;

        bool has(std::string_view id) const
        {
            auto h = std::hash<std::string_view>{}(id);
            return std::find(ids.begin(), ids.end(), h) != ids.end();
        }
        void remember(std::string_view id)
        {
            last_event.assign(id);
            auto h = std::hash<std::string_view>{}(id);
            if (ids.size() < ids_remembered)
                return ids.push_back(h);
            ids[ring_next] = h;
            ring_next = (ring_next + 1) % ids_remembered;
        }
    };

    /// One chat being read.
    struct Current {
        std::string chat_id;
        std::unique_ptr<HistoryReader> reader;
        std::vector<HistoryThread> threads; ///< newest first
        std::size_t scanned = 0;            ///< threads already looked through
        struct At {
            std::size_t thread, event;
        };
        std::vector<At> missed; ///< newest first, at most max_events_per_chat
        std::size_t skipped = 0;
        unsigned requests = 0;
        bool found = false; ///< reached the last event the app received (or the baseline)
    };

    Mark& mark(std::string_view chat_id)
    {
        auto it = marks_.find(chat_id);
        if (it == marks_.end()) {
            if (marks_.size() >= max_chats_remembered) {
                auto oldest = std::min_element(marks_.begin(), marks_.end(),
                    [](const auto& a, const auto& b) { return a.second.touched < b.second.touched; });
                marks_.erase(oldest);
            }
            it = marks_.emplace(std::string(chat_id), Mark{}).first;
            it->second.chat_id = it->first;

        }
        it->second.touched = ++clock_;
        return it->second;
    }

    void start(std::string chat_id)
    {
        current_ = std::make_unique<Current>();
        current_->reader = protocol_.history(chat_id, std::max(1u, opt_.threads_per_page));
        current_->chat_id = std::move(chat_id);
    }

    /// Walks the threads read since the last answer, newest event first, back to the last
    /// event the app received.
    void scan()
    {
        auto& c = *current_;
        auto known = marks_.find(c.chat_id);
        std::string_view last = known != marks_.end() ? std::string_view(known->second.last_event) : std::string_view();
        for (; c.scanned < c.threads.size() && !c.found; ++c.scanned) {
            auto& events = c.threads[c.scanned].events;
            for (std::size_t i = events.size(); i-- > 0;) {
                const auto& e = events[i];
                auto id = e.find("id");
                if (!e.is_object() || id == e.end() || !id->is_string())
                    continue; // an event without an id cannot be told apart: not delivered
                if (!last.empty() && id->get_ref<const std::string&>() == last) {
                    c.found = true;
                    break;
                }
                if (last.empty()) { // never heard of: what came after the first login
                    auto t = protocol_.event_time(e);
                    if (t && *t < *baseline_) {
                        c.found = true;
                        break;
                    }
                }
                if (c.missed.size() < opt_.max_events_per_chat)
                    c.missed.push_back({c.scanned, i});
                else
                    ++c.skipped;
            }
        }
    }

    /// Delivers what the chat's walk found, oldest first, and reports it.
    void finish(RecoveryStep& s, error_code ec)
    {
        auto& c = *current_;
        auto& m = mark(c.chat_id);
        RecoveryReport report{c.chat_id, 0, c.skipped, ec};
        if (!ec && c.skipped > 0)
            report.ec = error::recovery_incomplete;
        bool newest_thread_delivered = false;
        for (auto at = c.missed.rbegin(); at != c.missed.rend(); ++at) {
            auto& thread = c.threads[at->thread];
            auto& event = thread.events[at->event];
            const auto& id = event["id"].get_ref<const std::string&>();
            if (m.has(id))
                continue;
            m.remember(id);
            ++changes_;
            m.open_thread = thread.id;
            newest_thread_delivered = newest_thread_delivered || at->thread == 0;
            s.pushes.push_back(RecoveredPush{protocol_.event_push(),
                {{"chat_id", c.chat_id}, {"thread_id", thread.id}, {"event", std::move(event)}}});
            ++report.recovered;
        }
        if (!c.threads.empty()) {
            const auto& newest = c.threads.front();
            bool known = newest_thread_delivered || newest.id == m.open_thread;
            if (!newest.active && known && newest.id != m.closed_thread) {
                m.closed_thread = newest.id;
                s.pushes.push_back(RecoveredPush{protocol_.closed_push(), {{"chat_id", c.chat_id}, {"thread_id", newest.id}}});
                ++report.recovered;
            }
        }
        s.reports.push_back(std::move(report));
        current_.reset();
    }

    RecoveryOptions opt_;
    const Protocol& protocol_;
    std::map<std::string, Mark, std::less<>> marks_;
    std::uint64_t clock_ = 0;
    std::uint64_t changes_ = 0;
    bool restored_ = false; ///< a chat came from a session store (read at the first login)
    std::optional<std::chrono::system_clock::time_point> baseline_;

    std::uint64_t round_ = 0;
    std::vector<std::string> chats_; ///< the round's chats, in order
    std::size_t next_chat_ = 0;
    std::unique_ptr<Current> current_;
    bool holding_ = false;
    std::vector<std::string> held_;
};

} // namespace livechat::rtm::detail

#endif

// Copyright (c) 2026 livechat-rtm authors. Distributed under the MIT License (see LICENSE).
#ifndef LIVECHAT_RTM_TESTING_IMPL_MOCK_SERVICE_HPP
#define LIVECHAT_RTM_TESTING_IMPL_MOCK_SERVICE_HPP

// The seam between the mock server's connections (sockets, frames, time-outs, scripting) and
// one protocol version's service (its URL, login and methods over the in-memory state). Each
// version folder under testing/ implements it.

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace livechat::rtm::testing::detail {

using nlohmann::json;

class MockState;

/// A push caused by a request or by the agent.
struct StatePush {
    std::string action;
    json payload;
};

/// The answer to one request.
struct Outcome {
    bool success = true;
    json payload = json::object(); ///< the response payload, or {"error": {...}}
    std::vector<StatePush> pushes; ///< sent after the response, in order
};

class MockService {
public:
    virtual ~MockService() = default;

    /// Path and query of the customer websocket for `license_id`.
    virtual std::string target(std::uint64_t license_id) const = 0;
    /// The login action's name; nothing but it and the ping is served before it succeeds.
    virtual std::string_view login_action() const noexcept = 0;
    /// The ping action's name (answered in any state).
    virtual std::string_view ping_action() const noexcept = 0;
    /// The push that tells a customer the server is ending the connection.
    virtual std::string_view disconnect_action() const noexcept = 0;
    /// The version pushes name in their `version` field; empty: pushes carry none (v3.0).
    virtual std::string_view version() const noexcept { return {}; }
    /// Whether a handshake to `target` (path and query) names the customer as this version
    /// requires; when not, the connection is told `license_not_found` and closed.
    virtual bool accepts(std::string_view /*target*/) const { return true; }
    /// Whether a connection whose login asked for `subscription` (3.6: the login's `pushes`;
    /// null when absent) receives `push` (v3.0: everything).
    virtual bool delivers(const std::string& /*push*/, const json& /*subscription*/) const { return true; }
    /// Logs in (the token was checked already): the response and the pushes it causes.
    virtual Outcome login(const json& payload) = 0;
    /// Any other action of a logged-in connection (`validation` for an unknown one).
    virtual Outcome handle(const std::string& action, const json& payload) = 0;
    /// The memory the agent side of MockServer works on.
    virtual MockState& state() noexcept = 0;
};

} // namespace livechat::rtm::testing::detail

#endif

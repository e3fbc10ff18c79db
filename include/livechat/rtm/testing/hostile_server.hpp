// Copyright (c) 2026 livechat-rtm authors. Distributed under the MIT License (see LICENSE).
#ifndef LIVECHAT_RTM_TESTING_HOSTILE_SERVER_HPP
#define LIVECHAT_RTM_TESTING_HOSTILE_SERVER_HPP

// A websocket "server" that misbehaves on purpose, for testing how a client survives a broken
// server, proxy or network: truncated frames, frames announcing huge lengths, stalls at each
// step of the handshake, close races, resets. It speaks the websocket wire format by hand
// (RFC 6455) over plain TCP on loopback, so it can break every rule a real server keeps.
//
// Each accepted connection runs the same script of steps, in order. A step that waits (for
// the upgrade request, for a frame, for the peer's close) is bounded by the peer: when the
// client closes the socket the script ends. Nothing here waits on a wall clock except `pause`.

#include <livechat/rtm/error.hpp>

#include <boost/asio/any_io_executor.hpp>

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace livechat::rtm::testing {

/// One step of a HostileServer script.
struct HostileStep {
    /// What the step does.
    enum class Kind {
        read_upgrade,     ///< read the HTTP upgrade request (nothing is answered yet)
        accept_upgrade,   ///< answer 101 Switching Protocols (a valid handshake)
        send_raw,         ///< write `bytes` as they are (an HTTP fragment, a broken frame, ...)
        send_text,        ///< write `bytes` as one unmasked text frame
        send_header_only, ///< a text frame header announcing `length` bytes, then `bytes`
        read_frame,       ///< read one client frame (any opcode)
        answer_request,   ///< read one client text frame, answer it with success and `bytes` (verbatim) as payload
        await_close,      ///< read client frames until a close frame arrives
        send_close,       ///< write a close frame (code 1000)
        shutdown_send,    ///< half-close: TCP FIN, the socket stays open for reading
        reset,            ///< abortive close: TCP RST
        close,            ///< close the socket gracefully
        pause,            ///< wait `delay`, then go on
        stall,            ///< do nothing more; read and discard until the client closes
    };
    Kind kind = Kind::stall; ///< What this step does.
    std::string bytes;       ///< send_raw, send_text, send_header_only, answer_request
    std::uint64_t length = 0; ///< send_header_only: the announced payload length
    std::chrono::steady_clock::duration delay{}; ///< pause

    /// Reads the upgrade request and answers it: a valid websocket handshake.
    static std::vector<HostileStep> handshake();
    /// handshake(), then answers the client's login request with a successful response (by
    /// default one both versions read: v3.0's `customer_id` and 3.6's `customer`).
    static std::vector<HostileStep> handshake_and_login(std::string login_payload_json =
            R"({"customer_id":"hostile-customer","customer":{"id":"hostile-customer"},"chats":[]})");
    /// Writes raw bytes.
    static HostileStep raw(std::string bytes);
    /// Writes one text frame.
    static HostileStep text(std::string payload);
    /// Writes a text frame header announcing `announced` bytes, followed by `sent` only.
    static HostileStep truncated_frame(std::uint64_t announced, std::string sent);
    /// Reads one client frame.
    static HostileStep read_frame();
    /// Reads one client request and answers it with success and this payload.
    static HostileStep answer(std::string payload_json = "{}");
    /// Reads client frames until its close frame.
    static HostileStep await_close();
    /// Writes a close frame.
    static HostileStep send_close();
    /// TCP FIN (the server stops writing, still reads).
    static HostileStep fin();
    /// TCP RST.
    static HostileStep rst();
    /// Graceful socket close.
    static HostileStep close();
    /// Waits this long.
    static HostileStep pause(std::chrono::steady_clock::duration d);
    /// Never answers again.
    static HostileStep stall();
};

/// A scripted misbehaving websocket server on 127.0.0.1 (port 0 by default).
///
/// Thread safety: all members run on the executor given at construction; call them from it
/// (or before its io_context runs). Lifetime: stop() (or the destructor) closes every socket.
class HostileServer {
public:
    /// A server whose every connection runs `script`.
    HostileServer(boost::asio::any_io_executor ex, std::vector<HostileStep> script);
    ~HostileServer();
    HostileServer(const HostileServer&) = delete;
    HostileServer& operator=(const HostileServer&) = delete;

    /// Listens on 127.0.0.1 and a free port.
    error_code start();
    /// Closes the listener and every connection.
    void stop();

    /// The port it listens on.
    std::uint16_t port() const;
    /// `ws://127.0.0.1:<port>/v<api_version>/customer/rtm/ws?...`: `license_id=1` for "3.0",
    /// `organization_id=<uuid>` for any later version (the server itself ignores the path).
    std::string url(std::string_view api_version = "3.0") const;

    /// Connections accepted so far.
    std::size_t connections() const;
    /// Connections whose script ran to its last step (a stall counts once the client left).
    std::size_t scripts_finished() const;
    /// Connections the client closed (EOF or reset seen while the script waited on it).
    std::size_t closed_by_client() const;
    /// Client frames read, of any opcode (handy to see a client's close frame arrive).
    std::size_t frames_read() const;
    /// Every text payload the client sent, in order (logins included).
    const std::vector<std::string>& texts_read() const;

private:
    struct Impl;
    std::shared_ptr<Impl> impl_;
};

} // namespace livechat::rtm::testing

#endif

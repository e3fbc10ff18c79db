// Copyright (c) 2026 livechat-rtm authors. Distributed under the MIT License (see LICENSE).
#ifndef LIVECHAT_RTM_IMPL_INTERNAL_ANY_STREAM_HPP
#define LIVECHAT_RTM_IMPL_INTERNAL_ANY_STREAM_HPP

// A TCP stream with or without TLS, chosen at run time. Beast's websocket and HTTP code built
// on it is compiled once where a template over the stream type compiles it twice (once for
// tcp_stream, once for ssl_stream): that halved the compile time of the websocket client, the
// HTTP clients and the mock servers. Each read and write goes through one call that is not
// inlined and one type-erased handler (from Asio's recycling allocator); the flat buffer array
// below is cheaper for the socket to walk than Beast's nested buffer views, and callgrind
// counts fewer instructions per message than with the stream types spelled out (bench/).

#include <boost/asio/any_completion_handler.hpp>
#include <boost/asio/async_result.hpp>
#include <boost/asio/bind_executor.hpp>
#include <boost/asio/buffer.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core/role.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/ssl/ssl_stream.hpp>
#include <boost/beast/websocket/teardown.hpp>

#include <array>
#include <cstddef>
#include <optional>
#include <utility>

namespace livechat::rtm::detail {

/// Up to `Capacity` non-empty buffers copied from any buffer sequence. A read or write of
/// "some" bytes may use only the first buffers it is given, so the rest are left out.
template <class Buffer, std::size_t Capacity>
class BufferArray {
public:
    static constexpr std::size_t capacity = Capacity;

    template <class Sequence>
    explicit BufferArray(const Sequence& sequence)
    {
        auto end = boost::asio::buffer_sequence_end(sequence);
        for (auto it = boost::asio::buffer_sequence_begin(sequence); it != end && size_ < capacity; ++it) {
            Buffer b(*it);
            if (b.size() != 0)
                items_[size_++] = b;
        }
    }

    const Buffer* begin() const noexcept { return items_.data(); }
    const Buffer* end() const noexcept { return items_.data() + size_; }

private:
    std::array<Buffer, Capacity> items_{};
    std::size_t size_ = 0;
};

/// beast::tcp_stream or beast::ssl_stream<beast::tcp_stream>, decided when constructed. An
/// AsyncReadStream and AsyncWriteStream; a websocket::stream<AnyStream> closes it with the
/// teardown of the stream inside. Not thread-safe: used from one strand, as Beast's streams are.
class AnyStream {
public:
    using executor_type = boost::asio::any_io_executor;
    using tcp_stream = boost::beast::tcp_stream;
    using tls_stream = boost::beast::ssl_stream<boost::beast::tcp_stream>;
    using io_handler = boost::asio::any_completion_handler<void(boost::system::error_code, std::size_t)>;
    /// What a read or write is given, copied into its pending operation (twice: Beast's
    /// transfer_op and Asio's reactor op each keep a copy). Every read here fills one or two
    /// buffers (a flat buffer, or a static buffer's two halves), so a read keeps two: the read
    /// an idle connection always has pending is about 0.4 KB smaller than with 16 (massif; the
    /// idle memory figure in bench/README.md). Writes keep 16: an HTTP header is one buffer per
    /// field, and fewer would split a request's header over several system calls.
    using ReadBuffers = BufferArray<boost::asio::mutable_buffer, 2>;
    using WriteBuffers = BufferArray<boost::asio::const_buffer, 16>;

    /// Over an accepted `socket` (a server's) or an unconnected one on an executor (a
    /// client's): TLS with `*ctx` when `ctx` is not null (it must outlive the stream), else plain.
    template <class SocketOrExecutor>
    AnyStream(SocketOrExecutor&& from, boost::asio::ssl::context* ctx)
    {
        if (ctx)
            tls_.emplace(std::forward<SocketOrExecutor>(from), *ctx);
        else
            plain_.emplace(std::forward<SocketOrExecutor>(from));
    }

    executor_type get_executor() noexcept { return tcp().get_executor(); }

    /// The TCP layer (connect, time-outs, the socket).
    tcp_stream& tcp() noexcept { return tls_ ? tls_->next_layer() : *plain_; }
    /// The TLS layer, or null over plain TCP.
    tls_stream* tls() noexcept { return tls_ ? &*tls_ : nullptr; }

    template <class MutableBufferSequence, class Token>
    auto async_read_some(const MutableBufferSequence& buffers, Token&& token)
    {
        return boost::asio::async_initiate<Token, void(boost::system::error_code, std::size_t)>(
            [](auto handler, AnyStream* self, ReadBuffers b) {
                self->start_read(b, io_handler(std::move(handler)));
            },
            token, this, ReadBuffers(buffers));
    }

    template <class ConstBufferSequence, class Token>
    auto async_write_some(const ConstBufferSequence& buffers, Token&& token)
    {
        return boost::asio::async_initiate<Token, void(boost::system::error_code, std::size_t)>(
            [](auto handler, AnyStream* self, WriteBuffers b) {
                self->start_write(b, io_handler(std::move(handler)));
            },
            token, this, WriteBuffers(buffers));
    }

    /// The websocket close's last step: TLS close_notify (if TLS), then the TCP shutdown. The
    /// handler runs on the stream's executor: Beast posts it there with `blocking.never`,
    /// which the type-erased handler's own executor does not offer in Boost 1.81.
    void start_teardown(boost::beast::role_type role, boost::asio::any_completion_handler<void(boost::system::error_code)> h)
    {
        using boost::beast::websocket::async_teardown; // with the overloads for Beast's streams (ADL)
        auto bound = boost::asio::bind_executor(get_executor(), std::move(h));
        if (tls_)
            async_teardown(role, *tls_, std::move(bound));
        else
            async_teardown(role, *plain_, std::move(bound));
    }

    void teardown_now(boost::beast::role_type role, boost::system::error_code& ec)
    {
        using boost::beast::websocket::teardown;
        if (tls_)
            teardown(role, *tls_, ec);
        else
            teardown(role, *plain_, ec);
    }

private:
    // The handlers run on the stream's executor (as the teardown's, and for the same reason).
    void start_read(const ReadBuffers& b, io_handler h)
    {
        auto bound = boost::asio::bind_executor(get_executor(), std::move(h));
        if (tls_)
            tls_->async_read_some(b, std::move(bound));
        else
            plain_->async_read_some(b, std::move(bound));
    }

    void start_write(const WriteBuffers& b, io_handler h)
    {
        auto bound = boost::asio::bind_executor(get_executor(), std::move(h));
        if (tls_)
            tls_->async_write_some(b, std::move(bound));
        else
            plain_->async_write_some(b, std::move(bound));
    }

    /// Beast's close_socket (a websocket time-out, a failed handshake) closes the TCP socket.
    friend void beast_close_socket(AnyStream& s)
    {
        boost::system::error_code ignored;
        s.tcp().socket().close(ignored);
    }

    std::optional<tcp_stream> plain_;
    std::optional<tls_stream> tls_;
};

/// Found by ADL from websocket::stream<AnyStream> when it closes.
template <class Handler>
void async_teardown(boost::beast::role_type role, AnyStream& stream, Handler&& handler)
{
    stream.start_teardown(role, boost::asio::any_completion_handler<void(boost::system::error_code)>(std::forward<Handler>(handler)));
}

inline void teardown(boost::beast::role_type role, AnyStream& stream, boost::system::error_code& ec)
{
    stream.teardown_now(role, ec);
}

} // namespace livechat::rtm::detail

#endif

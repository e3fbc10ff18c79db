// Copyright (c) 2026 livechat-rtm authors. Distributed under the MIT License (see LICENSE).
#ifndef LIVECHAT_RTM_DETAIL_REPLY_ADAPTER_HPP
#define LIVECHAT_RTM_DETAIL_REPLY_ADAPTER_HPP

#include <livechat/rtm/detail/client_core.hpp>

#include <boost/asio/associator.hpp>

#include <type_traits>
#include <utility>

namespace livechat::rtm::detail {

/// Turns the core's `void(error_code, Reply)` into the user's `void(error_code, Response)`,
/// decoding the payload on the way. Associated executor, allocator and cancellation slot are
/// those of the user's handler (see the associator below).
template <class Response, class Decode, class Handler>
struct ReplyAdapter {
    Handler handler;
    Diagnostics* diag;

    void operator()(error_code ec, Reply reply)
    {
        Response out{};
        Diagnostics scratch;
        ec = Decode{}(ec, reply, out, diag ? *diag : scratch);
        std::move(handler)(ec, std::move(out));
    }
};

/// Decodes typed responses with the ADL function `decode_payload(json, Response&, Diagnostics&)`.
struct TypedDecode {
    template <class Response>
    error_code operator()(error_code ec, const Reply& reply, Response& out, Diagnostics& diag) const
    {
        if (ec || !reply.payload)
            return ec;
        return decode_payload(*reply.payload, out, diag);
    }
};

/// Hands the raw payload over as it is, on success and on server errors alike.
struct RawDecode {
    template <class Json>
    error_code operator()(error_code ec, const Reply& reply, Json& out, Diagnostics&) const
    {
        if (reply.payload)
            out = *reply.payload;
        return ec;
    }
};

/// Calls `validate_request(req, diag)` when the request type has one (found by ADL).
template <class Request, class = void>
struct HasValidation : std::false_type {};
template <class Request>
struct HasValidation<Request,
    std::void_t<decltype(validate_request(std::declval<const Request&>(), std::declval<Diagnostics&>()))>>
    : std::true_type {};

template <class Request>
RequestWriter writer_for(const Request& req)
{
    return {&req, [](nlohmann::json& out, const void* p, Diagnostics& diag) -> error_code {
                const auto& r = *static_cast<const Request*>(p);
                if constexpr (HasValidation<Request>::value)
                    if (auto ec = validate_request(r, diag))
                        return ec;
                encode_payload(out, r);
                return {};
            }};
}

} // namespace livechat::rtm::detail

namespace boost::asio {

template <template <class, class> class Associator, class R, class D, class H, class Default>
struct associator<Associator, livechat::rtm::detail::ReplyAdapter<R, D, H>, Default>
    : Associator<H, Default> {
    static typename Associator<H, Default>::type get(
        const livechat::rtm::detail::ReplyAdapter<R, D, H>& a) noexcept
    {
        return Associator<H, Default>::get(a.handler);
    }
    static auto get(const livechat::rtm::detail::ReplyAdapter<R, D, H>& a,
        const Default& d) noexcept -> decltype(Associator<H, Default>::get(a.handler, d))
    {
        return Associator<H, Default>::get(a.handler, d);
    }
};

} // namespace boost::asio

#endif

// Copyright (c) 2026 livechat-rtm authors. Distributed under the MIT License (see LICENSE).
#ifndef LIVECHAT_RTM_TESTING_V3_0_MOCK_SERVICE_IPP
#define LIVECHAT_RTM_TESTING_V3_0_MOCK_SERVICE_IPP

// The v3.0 mock service: its URL, login and method table over MockState.

#include <livechat/rtm/testing/impl/mock_service.hpp>
#include <livechat/rtm/testing/v3_0/mock_methods.ipp>

namespace livechat::rtm::testing::detail {

class MockServiceV3_0 final : public MockService {
public:
    MockServiceV3_0(std::string customer_id, json storage) : state_(std::move(customer_id), std::move(storage)) {}

    std::string target(std::uint64_t license_id) const override
    {
        return "/v3.0/customer/rtm/ws?license_id=" + std::to_string(license_id);
    }
    std::string_view login_action() const noexcept override { return "login"; }
    std::string_view ping_action() const noexcept override { return "ping"; }
    std::string_view disconnect_action() const noexcept override { return "customer_disconnected"; }

    Outcome login(const json& payload) override
    {
        Outcome o;
        o.payload = state_.login(payload, o.pushes);
        return o;
    }
    Outcome handle(const std::string& action, const json& payload) override { return state_.handle(action, payload); }
    MockState& state() noexcept override { return state_; }

private:
    MockState state_;
};

} // namespace livechat::rtm::testing::detail

#endif

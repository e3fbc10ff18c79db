// rtm-cli: a command-line client of the LiveChat Customer Chat RTM API, for debugging it by hand
// or from scripts (what grpcurl is for gRPC). Built only on the public API of livechat::rtm, so
// it follows the library's protocol rules: the login window, pings, reconnects while listening.
//
//   rtm-cli --url URL --token TOKEN call ACTION [JSON]      one request, response JSON on stdout
//   rtm-cli --license-id N --token-file F listen [--count N] [--seconds S]   pushes, one per line
//   rtm-cli --organization-id O --client-id C --identity-file F upload FILE [--chat-id ID]
//
// Exit codes: 0 success; 1 the server answered with an error (its JSON on stderr); 2 connection
// or login failure, or a request that got no answer; 64 bad command line.

#include <livechat/rtm/accounts/token_cache.hpp>
#include <livechat/rtm/v3_0/version.hpp>
#include <livechat/rtm/v3_6/version.hpp>
#include <livechat/rtm/web/client.hpp>
#include <livechat/rtm/impl/internal/json_limits.hpp>
#include <livechat/rtm/impl/internal/redact.hpp>
#include <livechat/rtm/raw.hpp>

#include "rtm_cli_options.hpp"

#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

namespace {

namespace asio = boost::asio;
namespace rtm = livechat::rtm;
using rtm::json;

using namespace rtm_cli;

/// Runs one command on its own io_context and returns the exit code.
/// One run of the tool over a client of one protocol version.
template <class Client>
class Cli {
public:
    explicit Cli(Options o)
        : opts_(std::move(o)), signals_(ioc_, SIGINT, SIGTERM), stop_timer_(ioc_), watchdog_(ioc_)
    {
        secrets_ = livechat::rtm::detail::secret_forms(opts_.token);
        if (!opts_.client_id.empty())
            tokens_.emplace(ioc_.get_executor(), accounts_config(), cache_options());
        client_.emplace(ioc_, config());
        pushes_sub_ = client_->pushes().on_any([this](const rtm::RawPush& p) { on_push(p); });
    }

    int run()
    {
        wait_for_signal();
        if (opts_.command == Options::Command::upload && opts_.chat_id.empty()) {
            upload(); // the Web API alone: no RTM connection
            ioc_.run();
            return exit_code_.value_or(exit_failure);
        }
        client_->on_state_change([this](rtm::SessionState s, rtm::error_code) {
            connected_ = connected_ || s == rtm::SessionState::authorizing;
        });
        client_->on_reconnecting([this](std::chrono::milliseconds delay, const rtm::DisconnectCause& c) {
            if (!logged_in_)
                return finish(exit_failure, not_logged_in(c.ec));
            error("connection lost (" + describe(c.ec) + "), reconnecting in " +
                  std::to_string(delay.count()) + " ms");
        });
        client_->async_run([this](rtm::error_code ec) {
            if (!ec || ec == asio::error::operation_aborted)
                return;
            if (call_lost_) // the call's own error only says "lost": this names the cause
                return finish(exit_failure, opts_.action + " failed: connection ended: " + describe(ec));
            finish(exit_failure, logged_in_ ? "connection ended: " + describe(ec) : not_logged_in(ec));
        });
        client_->async_login({}, login_diag_, [this](rtm::error_code ec, typename Client::login_action::response) {
            if (ec) {
                if (ec != asio::error::operation_aborted)
                    finish(exit_failure, not_logged_in(ec, &login_diag_));
                return;
            }
            logged_in_ = true;
            if (opts_.command == Options::Command::call)
                call();
            else if (opts_.command == Options::Command::upload)
                upload();
            else
                listen();
        });
        ioc_.run();
        return exit_code_.value_or(exit_failure);
    }

private:
    rtm::ClientConfig config()
    {
        rtm::ClientConfig cfg;
        cfg.url = opts_.url;
        cfg.license_id = opts_.license_id;
        cfg.organization_id = opts_.organization_id;
        if (opts_.region == "fra")
            cfg.host = "api-fra.livechatinc.com";
        cfg.token_provider = provider();
        cfg.tls.ca_pem = opts_.ca_pem;
        cfg.request_timeout = std::chrono::milliseconds(static_cast<std::int64_t>(opts_.timeout_s * 1000));
        close_timeout_ = cfg.close_timeout;
        cfg.user_agent = "rtm-cli (livechat-rtm-cpp/0.1)";
        // One request has no use for reconnects; a listener keeps going for hours.
        cfg.reconnect.enabled = opts_.command == Options::Command::listen;
        if (opts_.verbose) {
            // RTM: a version in its legacy or deprecated stage names its end date (once is enough).
            cfg.lifecycle_notice = [this](std::string_view header, std::string_view value) {
                if (!lifecycle_told_)
                    std::cerr << "! " << header << ": " << value
                              << " (this API version's current lifecycle stage ends then)" << std::endl;
                lifecycle_told_ = true;
            };
            cfg.frame_trace = [this](rtm::FrameDirection d, std::string_view text) {
                std::cerr << (d == rtm::FrameDirection::sent ? "> " : "< ")
                          << printable(redact(std::string(text))) << std::endl;
            };
        }
        return cfg;
    }

    /// The token source: the fixed token, or the Accounts API through the token cache. Every
    /// token obtained joins the secrets nothing may print.
    rtm::TokenProvider provider()
    {
        if (!tokens_)
            return rtm::static_token(opts_.token);
        return [this](rtm::TokenReason why, rtm::TokenCallback done) {
            tokens_->async_get_token(why, token_diag_, [this, done = std::move(done)](rtm::error_code ec, rtm::accounts::CustomerToken t) {
                asio::post(ioc_, [this, done, ec, token = std::move(t.access_token)] {
                    for (auto& form : livechat::rtm::detail::secret_forms(token))
                        secrets_.push_back(std::move(form));
                    if (ec)
                        error("cannot get a token: " + ec.message() +
                              (token_diag_.empty() ? std::string() : " (" + token_text() + ")"));
                    done(ec, token);
                });
            });
        };
    }

    rtm::accounts::AccountsConfig accounts_config()
    {
        rtm::accounts::AccountsConfig a;
        if (!opts_.accounts_url.empty())
            a.url = opts_.accounts_url;
        a.client_id = opts_.client_id;
        a.tls.ca_pem = opts_.ca_pem;
        a.timeout = std::chrono::milliseconds(static_cast<std::int64_t>(opts_.timeout_s * 1000));
        if (opts_.verbose)
            a.trace = [](std::string_view line) { std::cerr << "* " << line << std::endl; };
        return a;
    }

    rtm::accounts::TokenCacheOptions cache_options()
    {
        rtm::accounts::TokenCacheOptions o;
        o.organization_id = opts_.organization_id;
        o.max_attempts = 3;
        if (!opts_.identity_file.empty())
            o.store = std::make_shared<rtm::accounts::FileCredentialStore>(opts_.identity_file);
        return o;
    }

    std::string token_text() const
    {
        return token_diag_.server_type + (token_diag_.server_message.empty() ? "" : ": " + token_diag_.server_message) +
               token_diag_.client_message;
    }

    /// The Web API base: --web-url, or the endpoint's scheme and host (http for ws, https for wss).
    std::string web_url() const
    {
        if (!opts_.web_url.empty())
            return opts_.web_url;
        if (opts_.url.empty())
            return opts_.region == "fra" ? "https://api-fra.livechatinc.com" : "https://api.livechatinc.com";
        auto scheme_end = opts_.url.find("://");
        auto host_end = opts_.url.find_first_of("/?", scheme_end + 3);
        std::string scheme = opts_.url.substr(0, scheme_end) == "wss" ? "https" : "http";
        return scheme + opts_.url.substr(scheme_end, host_end - scheme_end);
    }

    /// upload: the file to the Web API, then (with --chat-id) a file event into the chat.
    void upload()
    {
        rtm::error_code ec;
        auto file = rtm::web::UploadFile::from_path(opts_.file, ec);
        if (ec == rtm::error::entity_too_large)
            return finish(exit_failure, "cannot upload " + opts_.file + ": larger than the Web API's 10 MB");
        if (ec)
            return finish(exit_failure, "cannot upload " + opts_.file + ": " + ec.message());
        rtm::web::WebApiConfig w;
        w.url = web_url();
        w.api_version = opts_.api_version;
        w.organization_id = opts_.organization_id;
        w.license_id = opts_.license_id;
        if (w.organization_id.empty() && w.license_id == 0) // the endpoint's own account
            read_account_from_url(w);
        w.token_provider = provider();
        w.tls.ca_pem = opts_.ca_pem;
        w.timeout = std::chrono::milliseconds(static_cast<std::int64_t>(opts_.timeout_s * 1000));
        if (opts_.verbose)
            w.trace = [](std::string_view line) { std::cerr << "* " << line << std::endl; };
        web_.emplace(ioc_.get_executor(), std::move(w));
        web_->async_upload_file(std::move(file), {}, web_diag_, [this](rtm::error_code ec, rtm::web::UploadedFile f) {
            if (ec) {
                if (!web_diag_.server_type.empty())
                    std::cerr << redact(json{{"type", web_diag_.server_type}, {"message", web_diag_.server_message}}.dump())
                              << std::endl;
                return finish(web_diag_.server_type.empty() ? exit_failure : exit_server_error,
                    web_diag_.server_type.empty() ? "upload failed: " + describe(ec, &web_diag_) : "");
            }
            if (opts_.chat_id.empty()) {
                std::cout << json{{"url", f.url}}.dump() << std::endl;
                return finish(exit_ok, "");
            }
            opts_.action = "send_event";
            // Built first, then moved in: clang 14 leaks the old value when a braced list is
            // assigned to a json here (a lambda in a class template; g++ does not).
            opts_.payload = json{{"chat_id", opts_.chat_id}, {"event", {{"type", "file"}, {"url", f.url}}}};
            call();
        });
    }

    /// The organization_id or license_id in the endpoint URL's query.
    void read_account_from_url(rtm::web::WebApiConfig& w) const
    {
        auto value = [&](const std::string& key) -> std::string {
            auto at = opts_.url.find(key + "=");
            if (at == std::string::npos)
                return {};
            auto start = at + key.size() + 1;
            return opts_.url.substr(start, opts_.url.find('&', start) - start);
        };
        w.organization_id = value("organization_id");
        auto license = value("license_id");
        w.license_id = license.empty() ? 0 : std::strtoull(license.c_str(), nullptr, 10);
    }

    void call()
    {
        client_->async_call(opts_.action, opts_.payload, [this](rtm::error_code ec, json payload) {
            if (!ec) {
                std::cout << redact(payload.dump()) << std::endl;
                return finish(exit_ok, "");
            }
            if (ec == rtm::error::connection_lost) { // the run's end names the cause
                call_lost_ = true;
                return;
            }
            if (auto err = payload.find("error"); err != payload.end()) {
                std::cerr << redact(err->dump()) << std::endl;
                return finish(exit_server_error, "");
            }
            finish(exit_failure, opts_.action + " failed: " + describe(ec));
        });
    }

    void listen()
    {
        if (opts_.count && *opts_.count == 0)
            return finish(exit_ok, "");
        if (opts_.seconds) {
            stop_timer_.expires_after(std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                std::chrono::duration<double>(*opts_.seconds)));
            stop_timer_.async_wait([this](rtm::error_code ec) {
                if (!ec)
                    finish(exit_ok, "");
            });
        }
    }

    void on_push(const rtm::RawPush& p)
    {
        if (opts_.command != Options::Command::listen || exit_code_)
            return;
        json line = {{"action", p.action}, {"payload", p.payload}};
        std::cout << redact(line.dump()) << std::endl;
        if (opts_.count && ++printed_ >= *opts_.count)
            finish(exit_ok, "");
    }

    /// Ends the run once: the first outcome decides the exit code.
    void finish(int code, const std::string& message)
    {
        if (exit_code_)
            return;
        exit_code_ = code;
        if (!message.empty())
            error(message);
        stop_timer_.cancel();
        client_->async_stop([this](rtm::error_code) {
            // Everything has completed: nothing else may keep the process (the library leaves
            // no work behind; this makes the end independent of that promise).
            ioc_.stop();
        });
        // The client bounds its close by close_timeout; this bounds rtm-cli whatever happens.
        watchdog_.expires_after(close_timeout_ + std::chrono::milliseconds(500));
        watchdog_.async_wait([this](rtm::error_code ec) {
            if (!ec)
                ioc_.stop();
        });
    }

    /// SIGINT/SIGTERM: the first stops cleanly (bounded by the watchdog), a second at once.
    void wait_for_signal()
    {
        signals_.async_wait([this](rtm::error_code ec, int) {
            if (ec)
                return;
            if (exit_code_)
                return ioc_.stop();
            finish(opts_.command == Options::Command::listen ? exit_ok : exit_failure,
                opts_.command == Options::Command::listen ? "" : "interrupted");
            wait_for_signal();
        });
    }

    std::string describe(rtm::error_code ec, const rtm::Diagnostics* diag = nullptr) const
    {
        std::string text = ec.message();
        const auto& d = diag && !diag->empty() ? *diag : client_->diagnostics();
        if (!d.server_type.empty())
            text += " (" + d.server_type + (d.server_message.empty() ? "" : ": " + d.server_message) + ")";
        if (!d.client_message.empty())
            text += " (" + d.client_message + ")";
        return text;
    }

    std::string not_logged_in(rtm::error_code ec, const rtm::Diagnostics* diag = nullptr) const
    {
        if (connected_)
            return "login failed: " + describe(ec, diag);
        const auto& why = client_->diagnostics().client_message;
        return "cannot connect: " + (why.empty() ? ec.message() : why);
    }

    void error(const std::string& message) const { std::cerr << "rtm-cli: " << redact(message) << std::endl; }

    /// A token must never reach a terminal or a log, in any form, whatever echoes it.
    std::string redact(std::string text) const
    {
        livechat::rtm::detail::redact_in_place(text, secrets_);
        return text;
    }

    /// Frames as text a terminal can show: control bytes and invalid UTF-8 become \xNN.
    static std::string printable(std::string_view text)
    {
        std::string out;
        out.reserve(text.size());
        auto hex = [&](unsigned char c) {
            static const char* digits = "0123456789abcdef";
            out += "\\x";
            out += digits[c >> 4];
            out += digits[c & 15];
        };
        for (std::size_t i = 0; i < text.size();) {
            auto c = static_cast<unsigned char>(text[i]);
            if (c < 0x20 || c == 0x7f) {
                hex(c);
                ++i;
                continue;
            }
            if (c < 0x80) {
                out += static_cast<char>(c);
                ++i;
                continue;
            }
            std::size_t n = c >= 0xf0 && c <= 0xf4 ? 4 : c >= 0xe0 && c < 0xf0 ? 3 : c >= 0xc2 && c < 0xe0 ? 2 : 0;
            bool valid = n != 0 && i + n <= text.size();
            for (std::size_t k = 1; valid && k < n; ++k)
                valid = (static_cast<unsigned char>(text[i + k]) & 0xc0) == 0x80;
            // C1 controls (U+0080..U+009F) steer terminals as much as C0 ones do.
            if (valid && c == 0xc2 && static_cast<unsigned char>(text[i + 1]) < 0xa0)
                valid = false;
            if (!valid) {
                hex(c);
                ++i;
                continue;
            }
            out.append(text.substr(i, n));
            i += n;
        }
        return out;
    }

    Options opts_;
    asio::io_context ioc_;
    asio::signal_set signals_;
    asio::steady_timer stop_timer_;
    asio::steady_timer watchdog_; ///< ends the process if a stop outlives close_timeout
    std::chrono::steady_clock::duration close_timeout_{};
    std::vector<std::string> secrets_; ///< the token in every form it can be printed in
    bool call_lost_ = false;           ///< the call failed with connection_lost
    bool lifecycle_told_ = false;      ///< a Legacy/Deprecation header was printed
    std::optional<rtm::accounts::CustomerTokenCache> tokens_; ///< with --client-id
    rtm::Diagnostics token_diag_;
    std::optional<rtm::web::WebApiClient> web_; ///< upload
    rtm::Diagnostics web_diag_;
    std::optional<Client> client_;
    rtm::Subscription pushes_sub_;
    rtm::Diagnostics login_diag_;
    bool connected_ = false; ///< the websocket handshake succeeded at least once
    bool logged_in_ = false;
    std::uint64_t printed_ = 0;
    std::optional<int> exit_code_;
};

} // namespace

int main(int argc, char** argv)
{
    Options opts;
    try {
        opts = parse(argc, argv);
    } catch (const UsageError& e) {
        std::cerr << "rtm-cli: " << e.message << "\n(rtm-cli --help for usage)\n";
        return exit_usage;
    }
    if (opts.api_version == "3.0")
        return Cli<rtm::v3_0::RtmClient>(std::move(opts)).run();
    return Cli<rtm::v3_6::RtmClient>(std::move(opts)).run();
}

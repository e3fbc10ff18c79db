// rtm-cli: a command-line client of the LiveChat Customer Chat RTM API, for debugging it by hand
// or from scripts (what grpcurl is for gRPC). Built only on the public API of livechat::rtm, so
// it follows the library's protocol rules: the login window, pings, reconnects while listening.
//
//   rtm-cli --url URL --token TOKEN call ACTION [JSON]      one request, response JSON on stdout
//   rtm-cli --license-id N --token-file F listen [--count N] [--seconds S]   pushes, one per line
//
// Exit codes: 0 success; 1 the server answered with an error (its JSON on stderr); 2 connection
// or login failure, or a request that got no answer; 64 bad command line.

#include <livechat/rtm/client.hpp>
#include <livechat/rtm/raw.hpp>

#include <boost/asio/io_context.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

namespace {

namespace asio = boost::asio;
namespace rtm = livechat::rtm;
using rtm::json;

constexpr int exit_ok = 0;
constexpr int exit_server_error = 1;
constexpr int exit_failure = 2;
constexpr int exit_usage = 64; // sysexits.h EX_USAGE

const char* const usage_text =
    R"(usage: rtm-cli [OPTIONS] call ACTION [JSON]
       rtm-cli [OPTIONS] listen [--count N] [--seconds S]

Logs in as a customer, then either sends one request and prints the response payload as JSON
(call), or prints every push as one JSON line {"action":...,"payload":...} (listen) until it
has printed N pushes, S seconds have passed, or it is interrupted.

Options:
  --url URL           a ws:// or wss:// endpoint (rtm-mock-server prints one)
  --license-id N      the LiveChat license; connects to the production v3.0 endpoint
  --region REGION     with --license-id: dal (default) or fra
  --token TOKEN       the customer access token (without "Bearer ")
  --token-file FILE   read the token from FILE instead ("-" for standard input)
  --ca-file FILE      also trust this PEM certificate for wss:// (rtm-mock-server --tls)
  --timeout S         seconds to wait for a response (default 20)
  --verbose           print every frame sent (>) and received (<) on stderr, token redacted
  --help              this text

Exit codes: 0 success, 1 server error (its JSON on stderr), 2 connection or login failure,
64 bad command line.
)";

struct Options {
    std::string url;
    std::uint64_t license_id = 0;
    std::string region;
    std::string token;
    std::string ca_pem;
    double timeout_s = 20;
    bool verbose = false;
    enum class Command { none, call, listen } command = Command::none;
    std::string action;
    json payload = json::object();
    std::optional<std::uint64_t> count;
    std::optional<double> seconds;
};

/// Thrown for a bad command line; the message is printed before the usage hint.
struct UsageError {
    std::string message;
};

bool read_file(const std::string& path, std::string& out)
{
    if (path == "-") {
        std::ostringstream s;
        s << std::cin.rdbuf();
        out = s.str();
        return true;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return false;
    std::ostringstream s;
    s << in.rdbuf();
    out = s.str();
    return true;
}

std::string trim(std::string s)
{
    const char* space = " \t\r\n";
    auto first = s.find_first_not_of(space);
    if (first == std::string::npos)
        return {};
    return s.substr(first, s.find_last_not_of(space) - first + 1);
}

double parse_number(const std::string& flag, const std::string& text)
{
    char* end = nullptr;
    double value = std::strtod(text.c_str(), &end);
    if (text.empty() || *end != '\0' || !(value >= 0))
        throw UsageError{flag + " needs a non-negative number, not '" + text + "'"};
    return value;
}

Options parse(int argc, char** argv)
{
    Options o;
    std::vector<std::string> args(argv + 1, argv + argc);
    std::size_t i = 0;
    auto value = [&](const std::string& flag) -> std::string {
        if (i + 1 >= args.size())
            throw UsageError{flag + " needs a value"};
        return args[++i];
    };
    std::string token_file;
    for (; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a == "--help" || a == "-h") {
            std::cout << usage_text;
            std::exit(exit_ok);
        } else if (a == "--url") {
            o.url = value(a);
        } else if (a == "--license-id") {
            auto v = value(a);
            o.license_id = static_cast<std::uint64_t>(parse_number(a, v));
            if (o.license_id == 0)
                throw UsageError{"--license-id must be a positive number"};
        } else if (a == "--region") {
            o.region = value(a);
        } else if (a == "--token") {
            o.token = value(a);
        } else if (a == "--token-file") {
            token_file = value(a);
        } else if (a == "--ca-file") {
            auto path = value(a);
            if (!read_file(path, o.ca_pem))
                throw UsageError{"cannot read --ca-file " + path};
        } else if (a == "--timeout") {
            o.timeout_s = parse_number(a, value(a));
            if (o.timeout_s <= 0)
                throw UsageError{"--timeout must be positive"};
        } else if (a == "--verbose" || a == "-v") {
            o.verbose = true;
        } else if (a == "call" || a == "listen") {
            break;
        } else {
            throw UsageError{"unknown option " + a};
        }
    }
    if (i >= args.size())
        throw UsageError{"missing command: call or listen"};

    if (args[i] == "call") {
        o.command = Options::Command::call;
        if (++i >= args.size())
            throw UsageError{"call needs an ACTION"};
        o.action = args[i];
        if (++i < args.size()) {
            o.payload = json::parse(args[i], nullptr, false);
            if (o.payload.is_discarded() || !o.payload.is_object())
                throw UsageError{"the payload must be a JSON object, not: " + args[i]};
            ++i;
        }
        if (i < args.size())
            throw UsageError{"unexpected argument " + args[i]};
    } else {
        o.command = Options::Command::listen;
        for (++i; i < args.size(); ++i) {
            if (args[i] == "--count")
                o.count = static_cast<std::uint64_t>(parse_number("--count", value("--count")));
            else if (args[i] == "--seconds")
                o.seconds = parse_number("--seconds", value("--seconds"));
            else
                throw UsageError{"unknown listen option " + args[i]};
        }
    }

    if (!token_file.empty()) {
        if (!o.token.empty())
            throw UsageError{"give --token or --token-file, not both"};
        if (!read_file(token_file, o.token))
            throw UsageError{"cannot read --token-file " + token_file};
    }
    o.token = trim(std::move(o.token));
    if (o.token.rfind("Bearer ", 0) == 0) // the SDK adds the token type itself
        o.token = trim(o.token.substr(7));
    if (o.token.empty())
        throw UsageError{"a token is required (--token or --token-file)"};
    if (o.url.empty() == (o.license_id == 0))
        throw UsageError{"give exactly one of --url and --license-id"};
    if (!o.region.empty() && o.region != "dal" && o.region != "fra")
        throw UsageError{"--region must be dal or fra"};
    return o;
}

/// Runs one command on its own io_context and returns the exit code.
class Cli {
public:
    explicit Cli(Options o) : opts_(std::move(o)), signals_(ioc_, SIGINT, SIGTERM), stop_timer_(ioc_)
    {
        client_.emplace(ioc_, config());
        pushes_sub_ = client_->pushes().on_any([this](const rtm::RawPush& p) { on_push(p); });
    }

    int run()
    {
        signals_.async_wait([this](rtm::error_code ec, int) {
            if (!ec)
                finish(opts_.command == Options::Command::listen ? exit_ok : exit_failure,
                    opts_.command == Options::Command::listen ? "" : "interrupted");
        });
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
            finish(exit_failure, logged_in_ ? "connection ended: " + describe(ec) : not_logged_in(ec));
        });
        client_->async_login({}, login_diag_, [this](rtm::error_code ec, rtm::v3_0::LoginResponse) {
            if (ec) {
                if (ec != asio::error::operation_aborted)
                    finish(exit_failure, not_logged_in(ec, &login_diag_));
                return;
            }
            logged_in_ = true;
            if (opts_.command == Options::Command::call)
                call();
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
        if (opts_.region == "fra")
            cfg.host = "api-fra.livechatinc.com";
        cfg.token_provider = rtm::static_token(opts_.token);
        cfg.tls.ca_pem = opts_.ca_pem;
        cfg.request_timeout = std::chrono::milliseconds(static_cast<std::int64_t>(opts_.timeout_s * 1000));
        cfg.user_agent = "rtm-cli (livechat-rtm-cpp/0.1)";
        // One request has no use for reconnects; a listener keeps going for hours.
        cfg.reconnect.enabled = opts_.command == Options::Command::listen;
        if (opts_.verbose) {
            cfg.frame_trace = [this](rtm::FrameDirection d, std::string_view text) {
                std::cerr << (d == rtm::FrameDirection::sent ? "> " : "< ") << redact(std::string(text))
                          << std::endl;
            };
        }
        return cfg;
    }

    void call()
    {
        client_->async_call(opts_.action, opts_.payload, [this](rtm::error_code ec, json payload) {
            if (!ec) {
                std::cout << payload.dump() << std::endl;
                return finish(exit_ok, "");
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
        std::cout << line.dump() << std::endl;
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
        signals_.cancel();
        stop_timer_.cancel();
        client_->async_stop([](rtm::error_code) {});
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

    /// A token must never reach a terminal or a log, whatever echoes it.
    std::string redact(std::string text) const
    {
        const auto& t = opts_.token;
        for (auto at = text.find(t); !t.empty() && at != std::string::npos; at = text.find(t, at))
            text.replace(at, t.size(), "<redacted>");
        return text;
    }

    Options opts_;
    asio::io_context ioc_;
    asio::signal_set signals_;
    asio::steady_timer stop_timer_;
    std::optional<rtm::RtmClient> client_;
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
    return Cli(std::move(opts)).run();
}

// rtm-cli's command line: usage text, options, and their checks.
#ifndef LIVECHAT_RTM_TOOLS_RTM_CLI_OPTIONS_HPP
#define LIVECHAT_RTM_TOOLS_RTM_CLI_OPTIONS_HPP

#include <livechat/rtm/impl/internal/json_limits.hpp>
#include <livechat/rtm/raw.hpp>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

namespace rtm_cli {

namespace rtm = livechat::rtm;
using rtm::json;

constexpr int exit_ok = 0;
constexpr int exit_server_error = 1;
constexpr int exit_failure = 2;
constexpr int exit_usage = 64; // sysexits.h EX_USAGE

const char* const usage_text =
    R"(usage: rtm-cli [OPTIONS] call ACTION [JSON]
       rtm-cli [OPTIONS] listen [--count N] [--seconds S]
       rtm-cli [OPTIONS] upload FILE [--chat-id ID]

Logs in as a customer, then either sends one request and prints the response payload as JSON
(call), or prints every push as one JSON line {"action":...,"payload":...} (listen) until it
has printed N pushes, S seconds have passed, or it is interrupted. upload sends FILE to the
Web API (at most 10 MB) and prints {"url":...}; with --chat-id it then sends it into that chat
as a file event and prints the send_event response.

Options:
  --url URL           a ws:// or wss:// endpoint (rtm-mock-server prints one); the version
                      in its path (/v3.0/, /v3.6/) chooses the protocol
  --organization-id ID  the LiveChat organization; connects to the production v3.6 endpoint
  --license-id N      the LiveChat license; connects to the production v3.0 endpoint
  --api-version V     3.6 (default) or 3.0, for an endpoint whose URL names no version
  --region REGION     with --license-id: dal (default) or fra
  --token TOKEN       the customer access token (without "Bearer ")
  --token-file FILE   read the token from FILE instead ("-" for standard input)
  --client-id ID      get tokens from the Customer Accounts API instead (cookie grant; needs
                      --organization-id), refreshed when they expire or are refused
  --accounts-url URL  the Accounts API (default https://accounts.livechat.com)
  --identity-file F   keep the customer (its cookies) in F across runs (created 0600);
                      without it every run is a new customer
  --web-url URL       the Web API base for upload (default: the endpoint's host, http[s])
  --ca-file FILE      also trust this PEM certificate for wss:// (rtm-mock-server --tls)
  --timeout S         seconds to wait for a response (default 20)
  --verbose           print every frame sent (>) and received (<) on stderr, token redacted,
                      and a Legacy or Deprecation header of the handshake (once)
  --help              this text

Exit codes: 0 success, 1 server error (its JSON on stderr), 2 connection or login failure,
64 bad command line.
)";

struct Options {
    std::string url;
    std::uint64_t license_id = 0;
    std::string organization_id;
    std::string api_version; ///< "3.0" or "3.6" (resolved by parse())
    std::string region;
    std::string token;
    std::string client_id;     ///< get tokens from the Accounts API (cookie grant)
    std::string accounts_url;  ///< the Accounts API base, or empty for production
    std::string identity_file; ///< where the customer's identity is kept, or empty
    std::string web_url;       ///< the Web API base, or empty to derive it from the endpoint
    std::string ca_pem;
    double timeout_s = 20;
    bool verbose = false;
    enum class Command { none, call, listen, upload } command = Command::none;
    std::string action;
    std::string file;    ///< upload: the file
    std::string chat_id; ///< upload: send it into this chat
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

/// A finite number in [lo, hi]; anything else ("inf", "1e300", "1e-9" for a timeout) is a
/// usage error rather than a duration that overflows or rounds to nothing.
double parse_number(const std::string& flag, const std::string& text, double lo, double hi)
{
    char* end = nullptr;
    double value = std::strtod(text.c_str(), &end);
    if (text.empty() || *end != '\0' || !(value >= lo && value <= hi)) {
        std::ostringstream range;
        range << std::setprecision(16);
        if (lo == 0)
            range << "a non-negative number up to " << hi;
        else
            range << "a number from " << lo << " to " << hi;
        throw UsageError{flag + " needs " + range.str() + ", not '" + text + "'"};
    }
    return value;
}

/// A whole number in [lo, hi] ("1e300" and "2.5" are refused).
std::uint64_t parse_count(const std::string& flag, const std::string& text, double lo, double hi)
{
    double value = parse_number(flag, text, lo, hi);
    if (value != static_cast<double>(static_cast<std::uint64_t>(value)))
        throw UsageError{flag + " needs a whole number, not '" + text + "'"};
    return static_cast<std::uint64_t>(value);
}

// Bounds of the durations and counts on the command line (a year; 2^53).
constexpr double max_seconds = 365.0 * 24 * 3600;
constexpr double min_timeout_seconds = 0.001;
constexpr double max_count = 9007199254740992.0;

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
            o.license_id = parse_count(a, value(a), 1, max_count);
        } else if (a == "--organization-id") {
            o.organization_id = value(a);
        } else if (a == "--api-version") {
            o.api_version = value(a);
            if (o.api_version != "3.0" && o.api_version != "3.6")
                throw UsageError{"--api-version must be 3.0 or 3.6"};
        } else if (a == "--region") {
            o.region = value(a);
        } else if (a == "--token") {
            o.token = value(a);
        } else if (a == "--token-file") {
            token_file = value(a);
        } else if (a == "--client-id") {
            o.client_id = value(a);
        } else if (a == "--accounts-url") {
            o.accounts_url = value(a);
        } else if (a == "--identity-file") {
            o.identity_file = value(a);
        } else if (a == "--web-url") {
            o.web_url = value(a);
        } else if (a == "--ca-file") {
            auto path = value(a);
            if (!read_file(path, o.ca_pem))
                throw UsageError{"cannot read --ca-file " + path};
        } else if (a == "--timeout") {
            o.timeout_s = parse_number(a, value(a), min_timeout_seconds, max_seconds);
        } else if (a == "--verbose" || a == "-v") {
            o.verbose = true;
        } else if (a == "call" || a == "listen" || a == "upload") {
            break;
        } else {
            throw UsageError{"unknown option " + a};
        }
    }
    if (i >= args.size())
        throw UsageError{"missing command: call, listen or upload"};

    if (args[i] == "call") {
        o.command = Options::Command::call;
        if (++i >= args.size())
            throw UsageError{"call needs an ACTION"};
        o.action = args[i];
        if (++i < args.size()) {
            bool too_deep = false;
            o.payload = livechat::rtm::detail::parse_json_bounded(args[i], rtm::max_json_nesting, too_deep);
            if (too_deep)
                throw UsageError{"the payload nests too deeply"};
            if (o.payload.is_discarded() || !o.payload.is_object())
                throw UsageError{"the payload must be a JSON object, not: " + args[i]};
            ++i;
        }
        if (i < args.size())
            throw UsageError{"unexpected argument " + args[i]};
    } else if (args[i] == "upload") {
        o.command = Options::Command::upload;
        if (++i >= args.size())
            throw UsageError{"upload needs a FILE"};
        o.file = args[i];
        for (++i; i < args.size(); ++i) {
            if (args[i] == "--chat-id")
                o.chat_id = value("--chat-id");
            else
                throw UsageError{"unknown upload option " + args[i]};
        }
    } else {
        o.command = Options::Command::listen;
        for (++i; i < args.size(); ++i) {
            if (args[i] == "--count")
                o.count = parse_count("--count", value("--count"), 0, max_count);
            else if (args[i] == "--seconds")
                o.seconds = parse_number("--seconds", value("--seconds"), 0, max_seconds);
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
    if (!o.client_id.empty()) {
        if (!o.token.empty())
            throw UsageError{"give a token or --client-id, not both"};
        if (o.organization_id.empty())
            throw UsageError{"--client-id needs --organization-id (the cookie grant names the organization)"};
    } else {
        if (!o.accounts_url.empty() || !o.identity_file.empty())
            throw UsageError{"--accounts-url and --identity-file need --client-id"};
        if (o.token.empty())
            throw UsageError{"a token is required (--token, --token-file or --client-id)"};
    }
    // An endpoint: a URL, or production by organization (3.6) or license (3.0). With a URL,
    // --organization-id still names the organization (tokens, the Web API).
    if (o.url.empty() && (o.license_id != 0) + !o.organization_id.empty() != 1)
        throw UsageError{"give --url, --organization-id or --license-id"};
    if (!o.url.empty() && o.license_id != 0 && !o.organization_id.empty())
        throw UsageError{"give --organization-id or --license-id, not both"};
    // The endpoint decides the version: a URL by its path, a license v3.0, an organization v3.6.
    std::string implied;
    if (o.url.empty() && o.license_id != 0)
        implied = "3.0";
    else if (o.url.empty())
        implied = "3.6";
    else if (o.url.find("/v3.0/") != std::string::npos)
        implied = "3.0";
    else if (o.url.find("/v3.6/") != std::string::npos || o.url.find("/v3.5/") != std::string::npos ||
             o.url.find("/v3.4/") != std::string::npos)
        implied = "3.6";
    if (!implied.empty() && !o.api_version.empty() && implied != o.api_version)
        throw UsageError{"--api-version " + o.api_version + " does not match the endpoint (v" + implied + ")"};
    if (o.api_version.empty())
        o.api_version = implied.empty() ? "3.6" : implied;
    if (!o.region.empty() && o.region != "dal" && o.region != "fra")
        throw UsageError{"--region must be dal or fra"};
    return o;
}

} // namespace rtm_cli

#endif

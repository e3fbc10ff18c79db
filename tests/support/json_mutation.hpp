// Fixture loading and mutation helpers for the typed-model tests.
#ifndef LIVECHAT_RTM_TESTS_JSON_MUTATION_HPP
#define LIVECHAT_RTM_TESTS_JSON_MUTATION_HPP

#include <livechat/rtm/diagnostics.hpp>
#include <livechat/rtm/error.hpp>

#include <nlohmann/json.hpp>

#include <gtest/gtest.h>

#include <fstream>
#include <functional>
#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace rtm_test {

using nlohmann::json;

inline json load_fixture(const std::string& name, const std::string& version_dir = "v3_0")
{
    std::ifstream in(std::string(LIVECHAT_RTM_FIXTURES_DIR) + "/" + version_dir + "/" + name);
    EXPECT_TRUE(in) << name;
    std::stringstream text;
    text << in.rdbuf();
    return json::parse(text.str());
}

/// One sample of a spec sample file (an array of {"action", "payload"}): cheap to copy, the
/// payload is the process's one parsed copy of the file (see `spec_samples`).
struct SpecSample {
    std::string action;
    const json* payload;
};
inline void PrintTo(const SpecSample& s, std::ostream* os) { *os << s.action; }

/// The samples of fixture `name`, parsed once per process. Parameterized suites take their
/// parameters from here: GoogleTest registers every suite's parameters at each start of a test
/// binary, and ctest starts the binary once per test, so copies of whole payloads there were
/// paid for hundreds of times over.
inline const std::vector<SpecSample>& spec_samples(const std::string& name, const std::string& version_dir)
{
    struct File {
        json doc;
        std::vector<SpecSample> samples;
    };
    static std::map<std::string, File> files; // nodes never move: the pointers stay valid
    auto [it, added] = files.try_emplace(version_dir + "/" + name);
    if (added) {
        it->second.doc = load_fixture(name, version_dir);
        for (const auto& entry : it->second.doc)
            it->second.samples.push_back({entry.at("action").get<std::string>(), &entry.at("payload")});
    }
    return it->second.samples;
}

/// Decodes `in` into some typed model; on success, encodes it back into `out`.
using Codec = std::function<livechat::rtm::error_code(
    const json& in, json& out, livechat::rtm::Diagnostics& diag)>;

template <class T>
Codec codec_of()
{
    return [](const json& in, json& out, livechat::rtm::Diagnostics& diag) {
        T value{};
        auto ec = decode_payload(in, value, diag);
        if (!ec)
            encode_payload(out, value);
        return ec;
    };
}

/// Calls f(node, path) for every value in the document, depth first; `path` is spelled the
/// way Diagnostics spells it ("payload.fields[2].answer").
inline void for_each_node(
    json& j, const std::string& path, const std::function<void(json&, const std::string&)>& f)
{
    f(j, path);
    if (j.is_object())
        for (auto it = j.begin(); it != j.end(); ++it)
            for_each_node(it.value(), path + "." + it.key(), f);
    else if (j.is_array())
        for (std::size_t i = 0; i < j.size(); ++i)
            for_each_node(j[i], path + "[" + std::to_string(i) + "]", f);
}

inline json wrong_type_for(const json& v)
{
    if (v.is_string())
        return 12345;
    if (v.is_number() || v.is_boolean())
        return "not the right type";
    if (v.is_array())
        return json::object();
    return json::array({1});
}

/// Mutates each node of `original` in turn to a value of another JSON type and decodes it.
/// Decoding must never throw; when it fails, it must name the mutated node (or a node inside
/// it). Returns how many mutations were rejected.
inline int check_every_wrong_type(const Codec& codec, const json& original)
{
    std::vector<std::string> paths;
    auto copy = original;
    for_each_node(copy, "payload", [&](json&, const std::string& p) { paths.push_back(p); });
    int rejected = 0;
    for (const auto& target : paths) {
        auto doc = original;
        for_each_node(doc, "payload", [&](json& node, const std::string& p) {
            if (p == target)
                node = wrong_type_for(node);
        });
        json out;
        livechat::rtm::Diagnostics diag;
        livechat::rtm::error_code ec;
        EXPECT_NO_THROW(ec = codec(doc, out, diag)) << target;
        if (ec) {
            ++rejected;
            EXPECT_EQ(ec, livechat::rtm::error::malformed_payload) << target;
            EXPECT_EQ(diag.client_message.rfind(target, 0), 0u) << target << ": " << diag.client_message;
        }
    }
    return rejected;
}

} // namespace rtm_test

#endif

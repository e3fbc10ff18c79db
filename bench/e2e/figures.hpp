// A figure of e2e_bench: samples of the SDK and of the yardstick, their medians and ratio, the
// target the ratio is held to, printed as one line and saved as JSON.
#ifndef LIVECHAT_RTM_BENCH_FIGURES_HPP
#define LIVECHAT_RTM_BENCH_FIGURES_HPP

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <optional>
#include <string>
#include <vector>

namespace bench {

struct Samples {
    std::vector<double> v;
    double median() const
    {
        auto s = v;
        std::sort(s.begin(), s.end());
        return s.empty() ? 0 : s[s.size() / 2];
    }
    double min() const { return v.empty() ? 0 : *std::min_element(v.begin(), v.end()); }
    double max() const { return v.empty() ? 0 : *std::max_element(v.begin(), v.end()); }
};

/// What the ratio SDK / yardstick must be: at least (rates) or at most (costs) `bound`; a
/// bound of 0 means no target (the figure is shown for information).
struct Target {
    enum Kind { none, at_least, at_most } kind = none;
    double bound = 0;
};
inline Target at_least(double b) { return {Target::at_least, b}; }
inline Target at_most(double b) { return {Target::at_most, b}; }

struct Figure {
    std::string name;
    std::string version; ///< "3.0", "3.6", or "" when the figure does not depend on it
    std::string transport;
    std::string unit;
    Target target;
    Samples sdk, yardstick;

    double ratio() const { return yardstick.median() > 0 ? sdk.median() / yardstick.median() : 0; }
    struct Quartiles {
        double q1, median, q3;
    };
    /// Quartiles of SDK / yardstick taken repeat by repeat (the two samples of a repeat are
    /// taken one right after the other); none unless both sides have the same number (3 or
    /// more) of samples. Their spread shows the noise of the machine, which the ratio of the
    /// medians hides.
    std::optional<Quartiles> repeat_ratios() const
    {
        if (sdk.v.size() != yardstick.v.size())
            return std::nullopt;
        std::vector<double> r;
        for (std::size_t i = 0; i < sdk.v.size(); ++i)
            if (yardstick.v[i] > 0)
                r.push_back(sdk.v[i] / yardstick.v[i]);
        if (r.size() < 3)
            return std::nullopt;
        std::sort(r.begin(), r.end());
        return Quartiles{r[r.size() / 4], r[r.size() / 2], r[r.size() - 1 - r.size() / 4]};
    }
    bool measured() const { return !sdk.v.empty() && !yardstick.v.empty(); }
    bool met() const
    {
        switch (target.kind) {
        case Target::at_least: return ratio() >= target.bound;
        case Target::at_most: return ratio() <= target.bound;
        default: return true;
        }
    }
    std::string verdict() const
    {
        if (target.kind == Target::none || !measured())
            return "";
        char buf[48];
        std::snprintf(buf, sizeof buf, "target %s %.2f %s", target.kind == Target::at_least ? ">=" : "<=",
            target.bound, met() ? "met" : "MISSED");
        return buf;
    }
};

inline void print(const Figure& f)
{
    auto fmt = [](const Samples& s) {
        char buf[96];
        if (s.median() < 100)
            std::snprintf(buf, sizeof buf, "%10.2f (%.2f..%.2f)", s.median(), s.min(), s.max());
        else
            std::snprintf(buf, sizeof buf, "%10.0f (%.0f..%.0f)", s.median(), s.min(), s.max());
        return std::string(buf);
    };
    std::string paired;
    if (auto q = f.repeat_ratios()) {
        char buf[64];
        std::snprintf(buf, sizeof buf, "  repeat by repeat %.2f..%.2f..%.2f", q->q1, q->median, q->q3);
        paired = buf;
    }
    std::printf("%-42s %-4s %-3s  SDK %-28s Beast %-28s SDK/Beast %5.2f  %-22s [%s]%s\n", f.name.c_str(),
        f.version.c_str(), f.transport.c_str(), fmt(f.sdk).c_str(), fmt(f.yardstick).c_str(), f.ratio(),
        f.verdict().c_str(), f.unit.c_str(), paired.c_str());
    std::fflush(stdout);
}

inline nlohmann::json to_json(const std::vector<Figure>& figures)
{
    auto out = nlohmann::json::array();
    for (const auto& f : figures) {
        auto side = [](const Samples& s) {
            return nlohmann::json{{"median", s.median()}, {"min", s.min()}, {"max", s.max()}, {"samples", s.v}};
        };
        nlohmann::json j{{"name", f.name}, {"version", f.version}, {"transport", f.transport}, {"unit", f.unit},
            {"sdk", side(f.sdk)}, {"yardstick", side(f.yardstick)}, {"ratio", f.ratio()}};
        if (auto q = f.repeat_ratios())
            j["repeat_ratios"] = {{"q1", q->q1}, {"median", q->median}, {"q3", q->q3}};
        if (f.target.kind != Target::none)
            j["target"] = {{f.target.kind == Target::at_least ? "at_least" : "at_most", f.target.bound}, {"met", f.met()}};
        out.push_back(std::move(j));
    }
    return out;
}

} // namespace bench

#endif

#include "feeds/sync/accept.h"

#include "feeds/url.h"

namespace feeds {

namespace {

std::string mib(std::size_t bytes) {
    const std::size_t tenths = (bytes * 10 + (1 << 19)) >> 20;
    return std::to_string(tenths / 10) + "." + std::to_string(tenths % 10) + " MiB";
}

// Moves what the parser found into `out`. True when the text was valid.
bool take_parsed(ParsedBody& parsed, Acceptance& out) {
    if (parsed.manifest) {
        out.problems = std::move(parsed.manifest->problems);
        out.manifest = std::move(parsed.manifest->manifest);
        return out.manifest.has_value();
    }
    if (parsed.feed) {
        out.problems = std::move(parsed.feed->problems);
        out.feed = std::move(parsed.feed->feed);
        out.parsed_bytes = parsed.feed->stats.parsed_bytes;
        return out.feed.has_value();
    }
    return false;
}

}  // namespace

ParsedBody parse_body(const std::string& key, std::string_view text, const std::string& label,
                      const ParseControl& control) {
    ParsedBody out;
    if (key == kManifestKey)
        out.manifest = parse_manifest(text, label, {}, control);
    else
        out.feed = parse_feed(text, label, {}, control);
    return out;
}

ParsedBody parse_fetched(const std::string& key, const FetchRequest& request, const FetchResult& result,
                         const ParseControl& control) {
    if (result.status != FetchStatus::Ok) return {};
    const std::string label = request.label.empty() ? url_file_name(request.url) : request.label;
    return parse_body(key, result.body, label, control);
}

Acceptance accept_text(std::string_view text, const AcceptRules& rules, ParsedBody* parsed) {
    Acceptance out;
    ParsedBody parsed_here;
    if (!parsed) parsed_here = parse_body(rules.key, text, rules.label, rules.control);
    if (!take_parsed(parsed ? *parsed : parsed_here, out)) {
        out.feed.reset();
        out.manifest.reset();
        return out;  // Invalid: everything or nothing
    }
    if (out.feed) {
        out.reason = over_data_budget(out.parsed_bytes, rules.others_bytes, rules.data_max_bytes);
        if (!out.reason.empty()) {
            out.verdict = Verdict::OverBudget;
            out.feed.reset();
            return out;
        }
    }
    out.verdict = Verdict::Accepted;
    return out;
}

std::string over_data_budget(std::size_t bytes, std::size_t others_bytes, std::uint64_t max_bytes) {
    if (max_bytes == 0 || others_bytes + bytes <= max_bytes) return {};
    return "its data would take about " + mib(bytes) + " of memory; with the other feeds' " +
           mib(others_bytes) + " that is over the budget of " + mib(max_bytes) +
           " for all feeds together (--data-max-mb)";
}

}  // namespace feeds

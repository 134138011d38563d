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

Acceptance refuse(Acceptance out, Verdict verdict, std::string why) {
    out.verdict = verdict;
    out.reason = std::move(why);
    out.feed.reset();
    out.manifest.reset();
    return out;
}

// A feed's bytes against what the signed manifest promises; empty when they may be parsed.
std::string untrusted_feed(std::string_view text, const TrustRules& t) {
    std::string why = verify_feed(text, t.ref, t.what);
    if (why.empty() && t.ref.sha256.empty())
        why =
            t.what + ": the signed manifest gives no sha256 for it, so its bytes cannot be checked: refused";
    return why;
}

ManifestVerdict judge_manifest(std::string_view text, const Manifest& m, const TrustRules& t) {
    if (!t.signature_error.empty())
        return {false, t.signature_error + ": the signature could not be fetched", {}, {}, {}};
    TrustCheck c;
    c.keys = &t.keys;
    c.state = t.state;
    c.now = t.now;
    c.clock_synced = t.clock_synced;
    c.new_data = t.new_data;
    return verify_manifest(text, t.signature, m, c, t.what);
}

// The signed manifest's checks on a manifest that parsed: its notes become warnings.
Acceptance judge_signed(std::string_view text, const AcceptRules& rules, Acceptance out) {
    ManifestVerdict v = judge_manifest(text, *out.manifest, rules.trust);
    for (auto& n : v.notes)
        out.problems.push_back({Problem::Severity::Warning, rules.label, "", std::move(n)});
    if (!v.accepted) return refuse(std::move(out), Verdict::Untrusted, std::move(v.why));
    out.signed_by = SignedManifest{*rules.trust.signature, std::move(v.key_id), v.next};
    out.verdict = Verdict::Accepted;
    return out;
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
    const bool trusted = !rules.trust.keys.empty();
    if (trusted && rules.key != kManifestKey)
        if (auto why = untrusted_feed(text, rules.trust); !why.empty())
            return refuse(std::move(out), Verdict::Untrusted, std::move(why));
    ParsedBody parsed_here;
    if (!parsed) parsed_here = parse_body(rules.key, text, rules.label, rules.control);
    if (!take_parsed(parsed ? *parsed : parsed_here, out))
        return refuse(std::move(out), Verdict::Invalid, {});  // everything or nothing
    if (out.feed)
        if (auto why = over_data_budget(out.parsed_bytes, rules.others_bytes, rules.data_max_bytes);
            !why.empty())
            return refuse(std::move(out), Verdict::OverBudget, std::move(why));
    if (trusted && out.manifest) return judge_signed(text, rules, std::move(out));
    out.verdict = Verdict::Accepted;
    return out;
}

std::string over_data_budget(std::size_t bytes, std::size_t others_bytes, std::uint64_t max_bytes) {
    if (max_bytes == 0 || others_bytes + bytes <= max_bytes) return {};
    return "its data would take about " + mib(bytes) + " of memory; with the other feeds' " +
           mib(others_bytes) + " that is over the budget of " + mib(max_bytes) +
           " for all feeds together (--data-max-mb)";
}

void take_signature(const std::optional<FetchResult>& fetched, TrustRules& trust) {
    if (!fetched) return;
    if (fetched->status == FetchStatus::Ok)
        trust.signature = fetched->body;
    else if (fetched->http_code != 404 && fetched->http_code != 0)
        trust.signature_error = fetched->error;
}

}  // namespace feeds

#include "feeds/sync/trust_step.h"

#include <filesystem>
#include <fstream>

#include "feeds/file_read.h"
#include "feeds/sync/feed_sync.h"

namespace feeds {

namespace {

constexpr std::size_t kMaxSignatureBytes = 4096;

std::string signature_file(const std::string& cache_dir) {
    return (std::filesystem::path(cache_dir) / "manifest.minisig").string();
}

TrustCheck check_for(const FeedSync& s, std::int64_t now, bool new_data) {
    TrustCheck c;
    c.keys = &s.trust.keys;
    c.state = s.trust.state;
    c.now = now;
    c.clock_synced = s.trust.clock_synced;
    c.new_data = new_data;
    return c;
}

}  // namespace

bool trust_on(const SyncTrust& t) {
    return !t.keys.empty();
}

std::string trust_status(const SyncTrust& t) {
    if (!trust_on(t)) return "unsigned (no trusted key)";
    if (!t.refused.empty()) return "refused: " + t.refused;
    if (!t.signer.empty()) return "signed by key " + t.signer;
    return "no signed manifest yet";
}

FetchResult fetch_signature(const FetchRequest& manifest_request) {
    FetchRequest r;
    r.url = manifest_request.url + ".minisig";
    r.label =
        (manifest_request.label.empty() ? std::string("manifest") : manifest_request.label) + ".minisig";
    r.max_body_bytes = kMaxSignatureBytes;
    r.connect_timeout_ms = 5000;
    r.total_timeout_ms = 10000;
    r.ca_file = manifest_request.ca_file;
    r.user_agent = manifest_request.user_agent;
    return fetch(r);
}

void check_fetched_manifest(FeedSync& s, const FetchResult& result, ParsedBody& body, std::int64_t now,
                            std::optional<std::string>& accepted_sig, TrustState& next) {
    if (!trust_on(s.trust) || !body.manifest || !body.manifest->manifest) return;
    std::optional<std::string> sig;
    std::string sig_error;
    if (body.signature && body.signature->status == FetchStatus::Ok)
        sig = body.signature->body;
    else if (body.signature && body.signature->http_code != 404 && body.signature->http_code != 0)
        sig_error = body.signature->error;
    const std::string& label = s.manifest_item.label;
    ManifestVerdict v =
        sig_error.empty()
            ? verify_manifest(result.body, sig, *body.manifest->manifest, check_for(s, now, true), label)
            : ManifestVerdict{false, sig_error + ": the signature could not be fetched", {}, {}, {}};
    for (auto& n : v.notes)
        body.manifest->problems.push_back({Problem::Severity::Warning, label, "", std::move(n)});
    if (!v.accepted) {
        s.trust.refused = v.why;
        body.manifest->manifest.reset();
        body.manifest->problems.push_back({Problem::Severity::Error, label, "", v.why});
        return;
    }
    s.trust.refused.clear();
    s.trust.signer = v.key_id;
    accepted_sig = *sig;
    next = v.next;
}

void check_fetched_feed(const FeedSync& s, const SyncItem& item, const FetchResult& result,
                        ParsedBody& body) {
    if (!trust_on(s.trust) || !body.feed || !body.feed->feed) return;
    const std::string label = "feed " + item.key + " (" + item.label + ")";
    std::string why = verify_feed(result.body, item.ref, label);
    if (why.empty() && item.ref.sha256.empty())
        why = label + ": the signed manifest gives no sha256 for it, so its bytes cannot be checked: refused";
    if (why.empty()) return;
    body.feed->feed.reset();
    body.feed->problems.push_back({Problem::Severity::Error, item.label, "", why});
}

void check_fetched(FeedSync& s, const SyncItem& item, const FetchRequest& request, const FetchResult& result,
                   ParsedBody& body, std::int64_t now, PendingTrust& pending) {
    if (!trust_on(s.trust) || result.status != FetchStatus::Ok) return;
    if (item.key != kManifestKey) return check_fetched_feed(s, item, result, body);
    if (body.manifest && body.manifest->manifest && !body.signature)
        body.signature = fetch_signature(request);
    check_fetched_manifest(s, result, body, now, pending.sig, pending.next);
}

std::vector<std::string> remember_manifest(FeedSync& s, const std::string& sig, const TrustState& next) {
    s.trust.state = next;
    if (s.options.cache_dir.empty()) return {};
    std::vector<std::string> problems;
    const std::string path = signature_file(s.options.cache_dir);
    const std::string tmp = path + ".tmp";
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        out << sig;
        out.flush();
        if (!out) problems.push_back(tmp + ": cannot write the manifest's signature");
    }
    std::error_code ec;
    if (problems.empty()) std::filesystem::rename(tmp, path, ec);
    if (ec) problems.push_back(path + ": cannot store the manifest's signature: " + ec.message());
    if (auto bad = write_trust_state(s.options.cache_dir, next); !bad.empty()) problems.push_back(bad);
    return problems;
}

std::string check_cached_manifest(FeedSync& s, const std::string& text, const Manifest& m, std::int64_t now) {
    if (!trust_on(s.trust)) return {};
    std::string why;
    const auto sig = read_file_prefix(signature_file(s.options.cache_dir), kMaxSignatureBytes, why);
    const ManifestVerdict v =
        verify_manifest(text, sig, m, check_for(s, now, false), "cached " + s.manifest_item.label);
    if (v.accepted) s.trust.signer = v.key_id;
    return v.accepted ? "" : v.why + ": not used";
}

std::string check_cached_feed(const FeedSync& s, const FeedRef& ref, const std::string& label) {
    if (!trust_on(s.trust)) return {};
    const CacheRead read = read_cached(s.options.cache_dir, ref.id);
    if (!read.copy) return {};
    std::string why = verify_feed(read.copy->text, ref, "cached " + label);
    if (why.empty() && ref.sha256.empty())
        why = "cached " + label + ": no sha256 in the signed manifest: refused";
    return why.empty() ? "" : why + " (dropped, not shown)";
}

}  // namespace feeds

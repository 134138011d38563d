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

TrustRules trust_rules(const SyncTrust& t, std::int64_t now) {
    TrustRules r;
    r.keys = t.keys;
    r.state = t.state;
    r.now = now;
    r.clock_synced = t.clock_synced;
    return r;
}

void record_verdict(SyncTrust& t, const std::string& untrusted,
                    const std::optional<SignedManifest>& signed_by) {
    if (!untrusted.empty()) t.refused = untrusted;
    if (!signed_by) return;
    t.refused.clear();
    t.signer = signed_by->key_id;
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

void ensure_signature(const SyncTrust& t, const std::string& key, const FetchRequest& request,
                      const FetchResult& result, ParsedBody& body) {
    if (!trust_on(t) || key != kManifestKey || result.status != FetchStatus::Ok) return;
    if (body.manifest && body.manifest->manifest && !body.signature)
        body.signature = fetch_signature(request);
}

std::optional<std::string> read_cached_signature(const std::string& cache_dir) {
    std::string why;
    return read_file_prefix(signature_file(cache_dir), kMaxSignatureBytes, why);
}

std::vector<std::string> remember_manifest(FeedSync& s, const SignedManifest& accepted) {
    s.trust.state = accepted.next;
    if (s.options.cache_dir.empty()) return {};
    std::vector<std::string> problems;
    const std::string path = signature_file(s.options.cache_dir);
    const std::string tmp = path + ".tmp";
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        out << accepted.signature;
        out.flush();
        if (!out) problems.push_back(tmp + ": cannot write the manifest's signature");
    }
    std::error_code ec;
    if (problems.empty()) std::filesystem::rename(tmp, path, ec);
    if (ec) problems.push_back(path + ": cannot store the manifest's signature: " + ec.message());
    if (auto bad = write_trust_state(s.options.cache_dir, accepted.next); !bad.empty())
        problems.push_back(bad);
    return problems;
}

}  // namespace feeds

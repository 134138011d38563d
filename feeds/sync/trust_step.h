// Signed publishing on the screen (FORMAT.md "Signed publishing"): what the sync (feed_sync.h)
// keeps and does around the one acceptance step. The checks themselves are accept_text()'s
// (accept.h, given TrustRules as values); here is only what touches state, files or the
// network. With no trusted key everything here lets all through ("unsigned").
//
// The manifest's signature, manifest.json.minisig beside it, is fetched right after a manifest
// that changed (an Ok answer; a 304 needs none), in the same read job, off the render thread.
// What is accepted is stored with the manifest: <cache>/manifest.minisig and the highest serial
// (<cache>/trust.state), written only after that manifest was taken.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "feeds/fetch.h"
#include "feeds/sync/accept.h"
#include "feeds/trust.h"

namespace feeds {

struct FeedSync;
struct SyncItem;

struct SyncTrust {
    std::vector<MinisignPublicKey> keys;  // none: nothing is checked ("unsigned")
    TrustState state;                     // the highest serial accepted
    bool clock_synced = true;             // updated by the kiosk (adjtimex STA_UNSYNC)
    std::string signer;                   // key id of the manifest shown, for the status
    std::string refused;                  // the last refusal, for the status; empty: none
};

bool trust_on(const SyncTrust& t);

// "signed by key 1AE71ACD881E014C", "unsigned (no trusted key)", or the refusal.
std::string trust_status(const SyncTrust& t);

// What accept_text() needs of `t` at `now` (what, ref and the signature are the caller's).
TrustRules trust_rules(const SyncTrust& t, std::int64_t now);

// A manifest's verdict, for the status: refused (`untrusted` not empty) or signed by a key.
void record_verdict(SyncTrust& t, const std::string& untrusted,
                    const std::optional<SignedManifest>& signed_by);

// The signature fetch for a manifest request: url + ".minisig", small and bounded.
FetchResult fetch_signature(const FetchRequest& manifest_request);

// A manifest fetched Ok and parsed whose read job did not fetch its signature: fetched now.
void ensure_signature(const SyncTrust& t, const std::string& key, const FetchRequest& request,
                      const FetchResult& result, ParsedBody& body);

// The cached manifest's signature (<cache>/manifest.minisig); nullopt when there is none.
std::optional<std::string> read_cached_signature(const std::string& cache_dir);

// After the manifest was taken: its signature and serial are kept for restarts.
std::vector<std::string> remember_manifest(FeedSync& s, const SignedManifest& accepted);

}  // namespace feeds

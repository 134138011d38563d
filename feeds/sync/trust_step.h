// Signed publishing on the screen (FORMAT.md "Signed publishing"): the glue between the sync
// (feed_sync.h) and the pure checks of feeds/trust.h. With no trusted key everything here lets
// all through, and the screen works as before ("unsigned").
//
// The manifest's signature, manifest.json.minisig beside it, is fetched right after a manifest
// that changed (an Ok answer; a 304 needs none), in the same read job, off the render thread.
// What is accepted is stored with the manifest: <cache>/manifest.minisig and the highest serial
// (<cache>/trust.state), written only after every check of that manifest passed.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "feeds/fetch.h"
#include "feeds/trust.h"

namespace feeds {

struct FeedSync;
struct SyncItem;
struct ParsedBody;

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

// The signature fetch for a manifest request: url + ".minisig", small and bounded.
FetchResult fetch_signature(const FetchRequest& manifest_request);

// What a fetched manifest's checks passed on to be kept once it is taken.
struct PendingTrust {
    std::optional<std::string> sig;  // set when a signed manifest was accepted
    TrustState next;
};

// The acceptance step's trust checks, for any finished fetch of `item` (a no-op without a
// trusted key or without an Ok body): the manifest's signature (fetched here if the read job
// did not), serial and expiry; a feed's bytes. A refused body is dropped from `body` with the
// reason among its problems, so it is handled as an invalid file: never stored, never shown.
void check_fetched(FeedSync& s, const SyncItem& item, const FetchRequest& request, const FetchResult& result,
                   ParsedBody& body, std::int64_t now, PendingTrust& pending);

// Applied to a freshly parsed manifest (Ok) before it is taken: refused -> the manifest in
// `body` is dropped and the reason added to its problems. Accepted: `accepted_sig` is set
// (store it with remember_manifest once the manifest is taken).
void check_fetched_manifest(FeedSync& s, const FetchResult& result, ParsedBody& body, std::int64_t now,
                            std::optional<std::string>& accepted_sig, TrustState& next);

// Applied to a freshly parsed feed (Ok): bytes not the ones its ref promises -> the feed in
// `body` is dropped with the reason.
void check_fetched_feed(const FeedSync& s, const SyncItem& item, const FetchResult& result, ParsedBody& body);

// After the manifest was taken: its signature and serial are kept for restarts.
std::vector<std::string> remember_manifest(FeedSync& s, const std::string& sig, const TrustState& next);

// At start: the cached manifest's text checked again; empty when it may be used, else why not.
std::string check_cached_manifest(FeedSync& s, const std::string& text, const Manifest& m, std::int64_t now);

// At start: a cached feed's bytes against its ref; empty when it may be shown.
std::string check_cached_feed(const FeedSync& s, const FeedRef& ref, const std::string& label);

}  // namespace feeds

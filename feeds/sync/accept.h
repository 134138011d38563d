// The one gate every feed or manifest text passes before it is stored or shown, fetched or read
// back from the cache: accept_text(). A text is accepted only when it parses without errors
// (everything or nothing: feed_parse.h) and, for a feed, when its parsed data fits the budget
// for all feeds together (--data-max-mb), and, on a screen with trusted keys, when its bytes
// pass the signed-publishing checks (FORMAT.md "Signed publishing"): a manifest's signature,
// serial and expiry, a feed's sha256 and length. Anything refused leaves the last good copy in
// place. accept_text() is pure: what it needs (keys, serial, clock, signature) comes as values,
// and what it decides comes back as a value the caller applies (feed_sync.cpp, intake.cpp).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "feeds/feed_parse.h"
#include "feeds/fetch.h"
#include "feeds/parse_control.h"
#include "feeds/problem.h"
#include "feeds/trust.h"

namespace feeds {

inline constexpr const char* kManifestKey = "manifest";  // the manifest's key (and cache key)

// A text read as what it is for: a feed, or (key kManifestKey) the manifest. Reading is the slow
// part of taking in a fetch (up to limits.max_file_bytes of JSON) and needs no sync state, so
// the kiosk does it off the render thread (read_jobs.h) and hands the result to accept_text().
struct ParsedBody {
    std::optional<FeedResult> feed;
    std::optional<ManifestResult> manifest;
    std::optional<FetchResult> signature;  // a manifest's .minisig, fetched with it (trust_step.h)
};

ParsedBody parse_body(const std::string& key, std::string_view text, const std::string& label,
                      const ParseControl& control = {});

// parse_body() of a fetched body, labelled by the request (its label, else its file name).
// Empty unless the fetch is Ok.
ParsedBody parse_fetched(const std::string& key, const FetchRequest& request, const FetchResult& result,
                         const ParseControl& control = {});

enum class Verdict {
    Accepted,
    Invalid,     // the parser's errors say why (in problems)
    OverBudget,  // a valid feed whose data would take all feeds over data_max_bytes
    Untrusted,   // refused by the signed-publishing checks (reason says why)
};

// What the signed-publishing checks need, as plain values. No keys: nothing is checked.
struct TrustRules {
    std::vector<MinisignPublicKey> keys{};
    std::string what{};    // names the text in a refusal: "manifest.json", "cached e.json"
    FeedRef ref{};         // a feed's: the sha256 and length its manifest promises
    TrustState state{};    // the highest serial accepted so far (rollback)
    std::int64_t now = 0;  // unix seconds, for the expiry
    bool clock_synced = true;
    bool new_data = true;  // false for the cached manifest at start: its expiry does not drop it
    std::optional<std::string> signature{};  // a manifest's .minisig; nullopt: none was found
    std::string signature_error{};           // the .minisig could not be fetched: refused with this
};

// An accepted signed manifest: what to keep with it once it is taken (trust_step.h).
struct SignedManifest {
    std::string signature;  // the .minisig bytes
    std::string key_id;     // "1AE71ACD881E014C"
    TrustState next;        // the highest serial, this one included
};

struct AcceptRules {
    std::string key{};                 // kManifestKey: the text is a manifest; else a feed id
    std::string label{};               // names the text in problems: "employment.json" or a cache file
    std::uint64_t data_max_bytes = 0;  // all feeds' parsed data together; 0 = no limit
    std::size_t others_bytes = 0;      // what the other feeds held take of it now
    ParseControl control{};            // for the parse, when accept_text parses
    TrustRules trust{};                // signed publishing; no keys: unsigned, nothing checked
};

struct Acceptance {
    Verdict verdict = Verdict::Invalid;
    std::string reason;        // why it was refused (not Invalid: problems say it), one line; Untrusted:
                               // it names the text ("feed employment (e.json): sha256 differs ...")
    std::optional<Feed> feed;  // when accepted and key is a feed id
    std::optional<Manifest> manifest;         // when accepted and key is kManifestKey
    std::size_t parsed_bytes = 0;             // ParseStats::parsed_bytes of a feed
    std::vector<Problem> problems;            // the parser's, warnings too (and the trust checks' notes)
    std::optional<SignedManifest> signed_by;  // an accepted manifest, when keys are trusted
    bool accepted() const { return verdict == Verdict::Accepted; }
};

// Judges `text`: `parsed` is parse_body() of the same text when the caller has done it already
// (it is moved from); otherwise the text is parsed here with rules.control. With trusted keys a
// feed's bytes are checked before it is parsed (a refused one is not parsed at all), a
// manifest's signature after (its serial and expiry are in it).
Acceptance accept_text(std::string_view text, const AcceptRules& rules, ParsedBody* parsed = nullptr);

// Empty when a feed of `bytes` fits max_bytes beside others_bytes (max_bytes 0: no limit);
// else the reason it does not.
std::string over_data_budget(std::size_t bytes, std::size_t others_bytes, std::uint64_t max_bytes);

// A fetched .minisig as TrustRules want it: Ok -> its bytes; a 404 (or none) -> none found;
// any other failure -> signature_error.
void take_signature(const std::optional<FetchResult>& fetched, TrustRules& trust);

}  // namespace feeds

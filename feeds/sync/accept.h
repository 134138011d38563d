// The one gate every feed or manifest text passes before it is stored or shown, fetched or read
// back from the cache: accept_text(). A text is accepted only when it parses without errors
// (everything or nothing: feed_parse.h) and, for a feed, when its parsed data fits the budget
// for all feeds together (--data-max-mb). Anything refused leaves the last good copy in place.
// Checks on the bytes themselves (a signature, a digest) belong in accept_text too, so that no
// path can store or show a text without them.
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
};

struct AcceptRules {
    std::string key{};                 // kManifestKey: the text is a manifest; else a feed id
    std::string label{};               // names the text in problems: "employment.json" or a cache file
    std::uint64_t data_max_bytes = 0;  // all feeds' parsed data together; 0 = no limit
    std::size_t others_bytes = 0;      // what the other feeds held take of it now
    ParseControl control{};            // for the parse, when accept_text parses
};

struct Acceptance {
    Verdict verdict = Verdict::Invalid;
    std::string reason;                // why it was refused (not Invalid: problems say it), one line
    std::optional<Feed> feed;          // when accepted and key is a feed id
    std::optional<Manifest> manifest;  // when accepted and key is kManifestKey
    std::size_t parsed_bytes = 0;      // ParseStats::parsed_bytes of a feed
    std::vector<Problem> problems;     // the parser's, warnings too
    bool accepted() const { return verdict == Verdict::Accepted; }
};

// Judges `text`: `parsed` is parse_body() of the same text when the caller has done it already
// (it is moved from); otherwise the text is parsed here with rules.control.
Acceptance accept_text(std::string_view text, const AcceptRules& rules, ParsedBody* parsed = nullptr);

// Empty when a feed of `bytes` fits max_bytes beside others_bytes (max_bytes 0: no limit);
// else the reason it does not.
std::string over_data_budget(std::size_t bytes, std::size_t others_bytes, std::uint64_t max_bytes);

}  // namespace feeds

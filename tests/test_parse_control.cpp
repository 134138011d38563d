// The parser's cost is bounded by counted operations, not by the clock: every generated 4 MiB
// worst case is read in at most one JSON event per byte, its problems stay within the per-file
// limit, and ParseControl abandons a parse at its next check point.
#include <doctest/doctest.h>

#include <atomic>

#include "feeds/feed_parse.h"
#include "feeds/playlist_check.h"
#include "tests/worst_cases.h"

using namespace feeds;

namespace {

constexpr std::size_t k4MiB = 4 * 1024 * 1024;

bool says(const std::vector<Problem>& ps, const std::string& what) {
    for (const auto& p : ps)
        if (p.message.find(what) != std::string::npos) return true;
    return false;
}

}  // namespace

TEST_CASE("bounds: every 4 MiB worst case is read in at most one JSON event per byte, its problems capped") {
    for (const auto& entry : worst::kShapes) {
        const auto shape = entry.shape;  // no structured binding: clang 14 cannot capture one
        CAPTURE(entry.name);
        const std::string text = worst::text(shape, k4MiB);
        REQUIRE(text.size() <= k4MiB);
        REQUIRE(text.size() > k4MiB - 8000);
        const ParseStats stats = shape == worst::Shape::ManySlides ? parse_manifest(text, "w.json").stats
                                                                   : parse_feed(text, "w.json").stats;
        const auto problems = shape == worst::Shape::ManySlides ? parse_manifest(text, "w.json").problems
                                                                : parse_feed(text, "w.json").problems;
        CHECK(stats.events > 0);
        CHECK(stats.events <= text.size());  // linear: no event is seen twice
        CHECK_FALSE(stats.abandoned);
        CHECK(problems.size() <= Limits{}.max_problems + 1);
        // The estimate of what the tree takes: at most about 64 bytes a byte of text.
        CHECK(stats.parsed_bytes <= 64 * text.size());
    }
}

TEST_CASE("bounds: an array of 1,4 million empty objects is one error naming its length") {
    const std::string text = worst::text(worst::Shape::EmptyObjects, k4MiB);
    const auto r = parse_feed(text, "w.json");
    CHECK_FALSE(r.feed);
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].path == "$.x");
    CHECK(r.problems[0].message.find("over the limit of 1000") != std::string::npos);
    // Items past the limit are counted, not kept: the tree holds 1.000 of them.
    CHECK(r.problems[0].message.rfind("array has 13", 0) == 0);
}

TEST_CASE("bounds: a table of 10.000 rows is refused for its length, 1.000 rows are read") {
    const auto big = parse_feed(worst::text(worst::Shape::TableRows, k4MiB), "t.json");
    CHECK_FALSE(big.feed);
    CHECK(says(big.problems, "items, over the limit of 1000"));
    const auto ok = parse_feed(worst::text(worst::Shape::TableRows, 40 * 1000), "t.json");
    CHECK(ok.problems.size() <= Limits{}.max_problems + 1);
    CHECK_FALSE(says(ok.problems, "over the limit"));
}

TEST_CASE("bounds: 600 slides of 950 columns: the playlist check lists at most max_problems, then a count") {
    const auto feed = parse_feed(worst::indicator_feed(1000), "w.json");
    REQUIRE(feed.feed);
    const auto m = parse_manifest(worst::text(worst::Shape::ManySlides, k4MiB), "m.json");
    REQUIRE(m.manifest);
    CHECK(m.manifest->playlist.size() > 500);
    const auto problems = check_playlist(*m.manifest, "m.json", {{"w", &*feed.feed}});
    REQUIRE(problems.size() == Limits{}.max_problems + 1);
    CHECK(problems.back().message.find("more problems") != std::string::npos);
    CHECK(problems.back().severity == Problem::Severity::Error);
    // A message lists ten names, then how many more: never the whole list of 1.000 ids.
    CHECK(problems[0].message.find(" and 990 more") != std::string::npos);
    CHECK(problems[0].message.size() < 400);
}

TEST_CASE("abandon: a cancelled parse stops at its first check point with one error saying why") {
    const std::string text = worst::text(worst::Shape::Numbers, k4MiB);
    std::atomic<bool> cancel{true};
    ParseControl control;
    control.cancel = &cancel;
    const auto r = parse_feed(text, "w.json", {}, control);
    CHECK_FALSE(r.feed);
    CHECK(r.stats.abandoned);
    CHECK(r.stats.events == kCheckEvery);  // stopped at the first check point, not at the end
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].message.find("abandoned: reading was cancelled") != std::string::npos);
    cancel = false;
    CHECK_FALSE(parse_feed(text, "w.json", {}, control).stats.abandoned);
}

TEST_CASE("abandon: a parse past its deadline stops at its first check point") {
    ParseControl control;
    control.deadline = std::chrono::steady_clock::now() - std::chrono::seconds(1);
    const auto r = parse_feed(worst::text(worst::Shape::Strings, k4MiB), "w.json", {}, control);
    CHECK(r.stats.abandoned);
    CHECK(r.stats.events == kCheckEvery);
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].message.find("took longer than the time allowed") != std::string::npos);
    // A manifest too.
    const auto m = parse_manifest(worst::text(worst::Shape::ManySlides, k4MiB), "m.json", {}, control);
    CHECK(m.stats.abandoned);
    CHECK_FALSE(m.manifest);
}

TEST_CASE("abandon: a parse whose tree would pass max_parsed_bytes stops there") {
    ParseControl control;
    control.max_parsed_bytes = 1024 * 1024;
    const std::string text = worst::text(worst::Shape::ManyKeys, k4MiB);
    const auto r = parse_feed(text, "w.json", {}, control);
    CHECK(r.stats.abandoned);
    CHECK(r.stats.parsed_bytes <= control.max_parsed_bytes + 4096);
    CHECK(r.stats.events < text.size() / 4);
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].message.find("more than 1 MiB of memory") != std::string::npos);
    // Unlimited, the same text is read to its end.
    CHECK_FALSE(parse_feed(text, "w.json").stats.abandoned);
}

TEST_CASE("stats: a valid feed's estimated size grows with its text") {
    const auto small = parse_feed(worst::indicator_feed(10), "w.json");
    const auto large = parse_feed(worst::indicator_feed(1000), "w.json");
    REQUIRE(small.feed);
    REQUIRE(large.feed);
    CHECK(small.stats.parsed_bytes > 0);
    CHECK(large.stats.parsed_bytes > 50 * small.stats.parsed_bytes);
}

// --from-cap: real CAP 1.2 alerts published by others (tests/fixtures/cap/README.md) into a
// notice feed, and hostile XML refused before anything is expanded or fetched.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "feeds/cap_convert.h"
#include "feeds/cap_read.h"
#include "feeds/feed_parse.h"
#include "feeds/notice_parse.h"
#include "feeds/notice_select.h"
#include "tests/temp_dir.h"

#ifndef INFOTAVLE_TEST_FIXTURES
#error "compile with -DINFOTAVLE_TEST_FIXTURES"
#endif

namespace {

std::string cap(const std::string& name) {
    return std::string(INFOTAVLE_TEST_FIXTURES) + "/cap/" + name + ".xml";
}

std::string joined(const std::vector<std::string>& lines) {
    std::string s;
    for (const auto& l : lines) s += l + "\n";
    return s;
}

bool has_line(const feeds::FromCapResult& r, const std::string& part) {
    for (const auto& l : r.lines)
        if (l.find(part) != std::string::npos) return true;
    return false;
}

const feeds::Notice& only_notice(const feeds::FromCapResult& r, feeds::Feed& keep) {
    auto parsed = feeds::parse_feed(r.json, "out.json");
    REQUIRE(parsed.feed);
    keep = std::move(*parsed.feed);
    const auto& list = std::get<feeds::NoticeList>(keep.datasets.at(0).body);
    REQUIRE(list.items.size() == 1);
    return list.items[0];
}

}  // namespace

TEST_CASE("cap: severity and urgency to tiers") {
    using feeds::NoticeSeverity;
    CHECK(feeds::cap_tier("Extreme", "Immediate") == NoticeSeverity::Extreme);
    CHECK(feeds::cap_tier("Extreme", "Expected") == NoticeSeverity::Extreme);
    CHECK(feeds::cap_tier("Extreme", "Future") == NoticeSeverity::Severe);
    CHECK(feeds::cap_tier("Severe", "Immediate") == NoticeSeverity::Severe);
    CHECK(feeds::cap_tier("Severe", "Future") == NoticeSeverity::Moderate);
    CHECK(feeds::cap_tier("Moderate", "Immediate") == NoticeSeverity::Moderate);
    CHECK(feeds::cap_tier("Minor", "Immediate") == NoticeSeverity::Info);
    CHECK(feeds::cap_tier("Unknown", "Unknown") == NoticeSeverity::Info);
    CHECK(feeds::cap_tier("Extreme", "Past") == NoticeSeverity::Info);
    CHECK(feeds::cap_id("urn:oid:2.49.0.1") == "urn-oid-2-49-0-1");
    CHECK(feeds::cap_id(std::string(100, 'x')).size() == 64);
}

TEST_CASE("cap: the OASIS thunderstorm example becomes a severe takeover") {
    const auto r = feeds::from_cap_files({cap("v1dot2_appendix_adot2")}, false);
    REQUIRE_MESSAGE(r.ok, joined(r.lines));
    feeds::Feed f;
    const feeds::Notice& n = only_notice(r, f);
    CHECK(n.id == "KSTO1055887203");
    CHECK(n.kind == feeds::NoticeKind::Alert);
    CHECK(n.severity == feeds::NoticeSeverity::Severe);
    CHECK(n.da.headline == "SEVERE THUNDERSTORM WARNING");
    CHECK(n.sender == "NATIONAL WEATHER SERVICE SACRAMENTO CA");
    CHECK(*feeds::parse_instant("2003-06-17T16:00:00-07:00") == n.expires);
    CHECK(n.whole_region);
    CHECK(has_line(r, "warning: no Danish <info> block: the en-US text is the main text"));
    CHECK(feeds::select_notices({&std::get<feeds::NoticeList>(f.datasets[0].body)}, n.effective, "")
              .takeover.size() == 1);
}

TEST_CASE("cap: real alerts from NWS and IPAWS") {
    SUBCASE("an NWS blizzard warning in CAP 1.1: refused, this reader takes 1.2") {
        const auto r = feeds::from_cap_files({cap("nws-5c2cf27b1f56885d61654dc47fa411d5")}, false);
        CHECK_FALSE(r.ok);
        CHECK(has_line(r, "nws-5c2cf27b1f56885d61654dc47fa411d5.xml: not a CAP 1.2 alert"));
    }
    SUBCASE("a tsunami update: the long headline gives way to the event, the text to whole sentences") {
        const auto r = feeds::from_cap_files({cap("google-PAAQ-4-mg5a94")}, false);
        CHECK(has_line(
            r, "warning: en-US: <headline> over 90 characters: <event> \"Tsunami Cancellation\" shown"));
        CHECK(has_line(r, "warning: en-US: the text is over 280 characters: shortened to whole sentences"));
    }
    SUBCASE("a local area emergency: extreme") {
        const auto r = feeds::from_cap_files({cap("ipaws-5e7e0fc5023f1930efcf3deb")}, false);
        REQUIRE_MESSAGE(r.ok, joined(r.lines));
        feeds::Feed f;
        CHECK(only_notice(r, f).severity == feeds::NoticeSeverity::Extreme);
    }
    SUBCASE("a cancel without <info> names what it ends") {
        const auto r = feeds::from_cap_files({cap("ipaws-5e6dd9de023f1930ef6548d9")}, false);
        REQUIRE_MESSAGE(r.ok, joined(r.lines));
        feeds::Feed f;
        const feeds::Notice& n = only_notice(r, f);
        CHECK(n.kind == feeds::NoticeKind::Cancel);
        CHECK(n.references == std::vector<std::string>{"AS-NV-e18921c7-1b35-4a81-9705-42d25c265ddd"});
    }
}

TEST_CASE("cap: alerts that cannot be notices say why, one line each, and nothing is written") {
    const auto r = feeds::from_cap_files({cap("v1dot2_appendix_adot1"), cap("v1dot2_appendix_adot2"),
                                          cap("v1dot2_appendix_adot3"), cap("google-PAAQ-4-mg5a94")},
                                         false);
    CHECK_FALSE(r.ok);
    CHECK(r.json.empty());
    CHECK(has_line(r, "v1dot2_appendix_adot1.xml: no <expires>: a notice without an end is refused"));
    CHECK(has_line(r, "v1dot2_appendix_adot3.xml: no <expires>"));
    CHECK(has_line(r, "google-PAAQ-4-mg5a94.xml: <expires> is not after <effective>"));
    // Two languages: the Spanish block is left out (said), and still no expires.
    const auto amber = feeds::from_cap_files({cap("v1dot2_appendix_adot4")}, false);
    CHECK(has_line(amber, "warning: <info> in es-US left out"));
    CHECK(has_line(amber, "no <expires>"));
}

TEST_CASE("cap: Test and Exercise only with the flag, marked TEST") {
    std::string text;
    {
        std::ifstream in(cap("v1dot2_appendix_adot2"));
        text.assign(std::istreambuf_iterator<char>(in), {});
    }
    text.replace(text.find("<status>Actual</status>"), 23, "<status>Exercise</status>");
    TempDir dir;
    const std::string path = (dir.path / "exercise.xml").string();
    std::ofstream(path) << text;
    const auto refused = feeds::from_cap_files({path}, false);
    CHECK_FALSE(refused.ok);
    CHECK(has_line(refused, "exercise.xml: <status> Exercise: converted only with --cap-test"));
    const auto taken = feeds::from_cap_files({path}, true);
    REQUIRE_MESSAGE(taken.ok, joined(taken.lines));
    feeds::Feed f;
    CHECK(only_notice(taken, f).test);
}

TEST_CASE("cap: hostile XML is refused before it is expanded or fetched") {
    std::ifstream in(cap("hostile_billion_laughs"));
    const auto laughs = feeds::read_cap(std::string(std::istreambuf_iterator<char>(in), {}));
    CHECK_FALSE(laughs.alert);
    CHECK(laughs.error.find("DOCTYPE") != std::string::npos);
    const auto xxe = feeds::from_cap_files({cap("hostile_external_entity")}, false);
    CHECK_FALSE(xxe.ok);
    CHECK(has_line(xxe, "hostile_external_entity.xml: has a DOCTYPE or ENTITY declaration: refused"));
    // The same declaration in UTF-16, where a byte scan would not see it: not UTF-8, refused.
    std::string utf16 = "\xFF\xFE";
    for (char c :
         std::string("<?xml version=\"1.0\" encoding=\"UTF-16\"?><!DOCTYPE a [<!ENTITY x \"y\">]><a/>"))
        utf16 += c, utf16 += '\0';
    CHECK(feeds::read_cap(utf16).error.find("not an XML document in UTF-8") != std::string::npos);
    // 100 MB of text: only kMaxCapBytes + 1 bytes are ever read.
    TempDir dir;
    const std::string big = (dir.path / "big.xml").string();
    {
        std::ofstream out(big, std::ios::binary);
        out << "<?xml version=\"1.0\"?><alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\"><identifier>";
        const std::string mb(1024 * 1024, 'x');
        for (int i = 0; i < 100; ++i) out << mb;
        out << "</identifier></alert>";
    }
    REQUIRE(std::filesystem::file_size(big) > 100u * 1024 * 1024);
    const auto r = feeds::from_cap_files({big}, false);
    CHECK_FALSE(r.ok);
    CHECK(has_line(r, "big.xml: over 1048576 bytes: not read"));
    // Not CAP: another root or namespace.
    CHECK(feeds::read_cap("<alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.1\"/>")
              .error.find("not a CAP 1.2") != std::string::npos);
    CHECK(feeds::read_cap("<alert").error.find("not well-formed XML") != std::string::npos);
}

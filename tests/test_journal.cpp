// platform/journal: syslog priorities for journald (sd-daemon prefixes) on a journal stream only,
// and the priority of each kiosk log topic.
#include <doctest/doctest.h>

#include <sstream>

#include "app/kiosk/log.h"
#include "platform/journal.h"

TEST_CASE("journal: JOURNAL_STREAM names a device and inode") {
    CHECK(names_journal_stream("8:12345", 8, 12345));
    CHECK_FALSE(names_journal_stream("8:12345", 8, 12346));
    CHECK_FALSE(names_journal_stream("8:12345x", 8, 12345));
    CHECK_FALSE(names_journal_stream("", 0, 0));
    CHECK_FALSE(names_journal_stream(nullptr, 0, 0));
}

TEST_CASE("journal: log lines carry sd-daemon priorities on a journal stream, none elsewhere") {
    std::ostringstream plain, journal;
    mark_journal_stream(journal, true);
    log_line(plain, Severity::error) << "x\n";
    log_line(journal, Severity::error) << "no display\n";
    log_line(journal, Severity::warning) << "fetch failed\n";
    log_line(journal, Severity::info) << "stopping\n";
    CHECK(plain.str() == "infotavle: x\n");
    CHECK(journal.str() == "<3>infotavle: no display\n<4>infotavle: fetch failed\n<6>infotavle: stopping\n");
    mark_journal_stream(journal, false);
    journal.str("");
    log_line(journal, Severity::error) << "y\n";
    CHECK(journal.str() == "infotavle: y\n");
}

TEST_CASE("journal: a kiosk topic's priority: problems are warnings, what is shown is info") {
    CHECK(severity_of("slides") == Severity::info);
    CHECK(severity_of("reload") == Severity::info);
    CHECK(severity_of("cache pruned") == Severity::info);
    CHECK(severity_of("data") == Severity::warning);
    CHECK(severity_of("feed ledighed") == Severity::warning);
    KioskLog l;
    std::ostringstream out;
    mark_journal_stream(out, true);
    log_news(l, out, "slides", {"showing 12 slides"});
    log_added(l, out, "data", {"feed.json: $.version: expected \"1.0\""});
    CHECK(out.str() ==
          "<6>infotavle: showing 12 slides\n<4>infotavle: feed.json: $.version: expected \"1.0\"\n");
}

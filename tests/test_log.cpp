// log.h's repeat rule: a fault that flaps writes a bounded number of lines.
#include <doctest/doctest.h>

#include <sstream>

#include "app/kiosk/log.h"

namespace {

std::size_t count_lines(const std::string& text) {
    std::size_t n = 0;
    for (const char c : text) n += c == '\n';
    return n;
}

}  // namespace

TEST_CASE("log: an hour of a feed flipping valid/invalid every 5 s writes under 1.000 lines") {
    KioskLog l;
    std::ostringstream out;
    const std::vector<std::string> problems = {
        "e.json: $.datasets[0].items[0].value: expected a number, got \"2,3\"",
        "e.json: $.datasets[0].items[1].value: expected a number, got \"4,5\"",
        "e.json: ... and 300 more problems (300 errors) not shown; keeping the last good copy"};
    for (int step = 0; step < 3600 / 5; ++step) {
        const bool valid = step % 2 == 1;
        log_news(l, out, "fetch e",
                 valid ? std::vector<std::string>{"e.json: fetched again from x"} : problems);
        log_news(l, out, "slides", {"showing " + std::to_string(valid ? 12 : 11) + " slides from x"});
        log_added(l, out, "data", valid ? std::vector<std::string>{} : problems);
    }
    const std::size_t lines = count_lines(out.str());
    CHECK(lines < 1000);
    CHECK(lines < 100);  // in fact: each state at its 1st, 2nd, 4th, ... appearance
    // The first time in full, then one line naming the count.
    CHECK(out.str().find(problems[1]) != std::string::npos);
    CHECK(out.str().find("(again: 256 times so far, with 2 more lines as before)") != std::string::npos);
}

TEST_CASE("log: the repeat rule keeps a new problem new, and forgets old ones past kRemembered") {
    KioskLog l;
    CHECK(news_for(l, "t", {"a"}).size() == 1);
    CHECK(news_for(l, "t", {}).empty());
    CHECK(news_for(l, "t", {"a"}) == std::vector<std::string>{"a (again: 2 times so far)"});
    CHECK(news_for(l, "t", {}).empty());
    CHECK(news_for(l, "t", {"a"}).empty());                           // the 3rd time: not said
    CHECK(news_for(l, "t", {"b"}) == std::vector<std::string>{"b"});  // another problem is news at once
    for (int i = 0; i < 20; ++i) news_for(l, "t", {"x" + std::to_string(i)});
    CHECK(l.history["t"].times.size() <= kRemembered);
    CHECK(news_for(l, "t", {"a"}) == std::vector<std::string>{"a"});  // forgotten: said in full
}

// What the kiosk has logged, by topic, so that a problem which stays is logged when it appears
// or changes: not on every redraw, every minute's clock, or every re-read of a feed file that
// something keeps rewriting. The journal of a screen that runs for months stays readable.
#pragma once

#include <cstdint>
#include <map>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "platform/journal.h"

// A topic's earlier states, for the repeat rule: how often each set of lines has come back.
struct TopicHistory {
    std::map<std::vector<std::string>, int> times;           // at most kRemembered sets
    std::map<std::vector<std::string>, std::uint64_t> last;  // when each came last (a counter)
};
inline constexpr std::size_t kRemembered = 8;

struct KioskLog {
    std::map<std::string, std::vector<std::string>> said;  // topic -> the lines last logged
    std::map<std::string, TopicHistory> history;           // topic -> the sets it has had
    std::uint64_t tick = 0;
};

// The lines to log now for `topic`: all of `lines` when they differ from the last ones for
// it, else none. Empty `lines` records that the topic is fine again (and logs nothing).
// The repeat rule: lines the topic has had before (a feed flipping between valid and invalid,
// a slide count going up and down) are said again only the 2nd, 4th, 8th, ... time they come
// back, as one line naming the count, so a fault that flaps every few seconds writes a dozen
// lines an hour, not thousands.
std::vector<std::string> news_for(KioskLog& l, const std::string& topic, std::vector<std::string> lines);

// A topic's journald priority: what the screen shows and what an operator asked for are info
// ("slides", "reload", "cache pruned"); every other topic is a problem: a warning.
Severity severity_of(const std::string& topic);

// Writes news_for(l, topic, lines) as log lines (platform/journal.h) of severity_of(topic).
void log_news(KioskLog& l, std::ostream& out, const std::string& topic, std::vector<std::string> lines);

// For a topic that is a list of problems: logs only the lines that were not in its last list
// (a long list where one line changed is one line, not the whole list again).
void log_added(KioskLog& l, std::ostream& out, const std::string& topic, std::vector<std::string> lines);

// "text \"søndag #. december #, kl. #.#…\" is cut short": the line with every run of digits as
// "#", so a problem whose text carries the clock or the data's age stays the same problem.
std::string numbers_aside(std::string_view line);

// For the frame's notes (a slide's canvas problems): log_added, where a line is new only when
// it differs from the last ones in more than its numbers. A cut clock is logged once per slide,
// not at every draw of it (the clock changes every minute); a cut in other words is news.
void log_added_numbers_aside(KioskLog& l, std::ostream& out, const std::string& topic,
                             const std::vector<std::string>& lines);

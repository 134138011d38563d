// What the kiosk has logged, by topic, so that a problem which stays is logged when it appears
// or changes: not on every redraw, every minute's clock, or every re-read of a feed file that
// something keeps rewriting. The journal of a screen that runs for months stays readable.
#pragma once

#include <map>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

struct KioskLog {
    std::map<std::string, std::vector<std::string>> said;  // topic -> the lines last logged
};

// The lines to log now for `topic`: all of `lines` when they differ from the last ones for
// it, else none. Empty `lines` records that the topic is fine again (and logs nothing), so a
// problem that comes back is logged again.
std::vector<std::string> news_for(KioskLog& l, const std::string& topic, std::vector<std::string> lines);

// Writes news_for(l, topic, lines) as "infotavle: " lines.
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

// What the kiosk has logged, by topic, so that a problem which stays is logged when it appears
// or changes: not on every redraw, every minute's clock, or every re-read of a feed file that
// something keeps rewriting. The journal of a screen that runs for months stays readable.
#pragma once

#include <map>
#include <ostream>
#include <string>
#include <vector>

#include "platform/journal.h"

struct KioskLog {
    std::map<std::string, std::vector<std::string>> said;  // topic -> the lines last logged
};

// The lines to log now for `topic`: all of `lines` when they differ from the last ones for
// it, else none. Empty `lines` records that the topic is fine again (and logs nothing), so a
// problem that comes back is logged again.
std::vector<std::string> news_for(KioskLog& l, const std::string& topic, std::vector<std::string> lines);

// A topic's journald priority: what the screen shows and what an operator asked for are info
// ("slides", "reload", "cache pruned"); every other topic is a problem: a warning.
Severity severity_of(const std::string& topic);

// Writes news_for(l, topic, lines) as log lines (platform/journal.h) of severity_of(topic).
void log_news(KioskLog& l, std::ostream& out, const std::string& topic, std::vector<std::string> lines);

// For a topic that is a list of problems: logs only the lines that were not in its last list
// (a long list where one line changed is one line, not the whole list again).
void log_added(KioskLog& l, std::ostream& out, const std::string& topic, std::vector<std::string> lines);

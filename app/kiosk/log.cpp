#include "app/kiosk/log.h"

#include <set>

namespace {

bool power_of_two(int n) {
    return n > 0 && (n & (n - 1)) == 0;
}

// Counts another appearance of `lines` for the topic; returns how many there have been.
int count_appearance(KioskLog& l, const std::string& topic, const std::vector<std::string>& lines) {
    TopicHistory& h = l.history[topic];
    const int n = ++h.times[lines];
    h.last[lines] = ++l.tick;
    if (h.times.size() > kRemembered) {  // forget the set seen longest ago
        auto oldest = h.last.begin();
        for (auto it = h.last.begin(); it != h.last.end(); ++it)
            if (it->second < oldest->second) oldest = it;
        h.times.erase(oldest->first);
        h.last.erase(oldest);
    }
    return n;
}

}  // namespace

std::vector<std::string> news_for(KioskLog& l, const std::string& topic, std::vector<std::string> lines) {
    auto it = l.said.find(topic);
    if (it == l.said.end()) {
        if (lines.empty()) return {};  // nothing said, nothing to say: keep the map small
        it = l.said.emplace(topic, std::vector<std::string>{}).first;
    }
    if (it->second == lines) return {};
    it->second = lines;
    if (lines.empty()) return lines;
    const int n = count_appearance(l, topic, lines);
    if (n == 1) return lines;
    if (!power_of_two(n)) return {};
    std::string again = lines.front() + " (again: " + std::to_string(n) + " times so far";
    if (lines.size() > 1) again += ", with " + std::to_string(lines.size() - 1) + " more lines as before";
    return {again + ")"};
}

Severity severity_of(const std::string& topic) {
    if (topic == "slides" || topic == "reload" || topic == "cache pruned" || topic == "config")
        return Severity::info;
    return Severity::warning;
}

void log_news(KioskLog& l, std::ostream& out, const std::string& topic, std::vector<std::string> lines) {
    const std::vector<std::string> news = news_for(l, topic, std::move(lines));
    for (const auto& line : news) log_line(out, severity_of(topic)) << line << "\n";
    if (!news.empty()) out.flush();
}

namespace {

// Logs lines[i] when keys[i] was not among the topic's keys last time; remembers `keys`.
void log_new_keys(KioskLog& l, std::ostream& out, const std::string& topic,
                  const std::vector<std::string>& lines, std::vector<std::string> keys) {
    const auto it = l.said.find(topic);
    const std::set<std::string> before = it == l.said.end()
                                             ? std::set<std::string>{}
                                             : std::set<std::string>(it->second.begin(), it->second.end());
    if (news_for(l, topic, keys).empty()) return;
    bool any = false;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (before.count(keys[i])) continue;
        log_line(out, severity_of(topic)) << lines[i] << "\n";
        any = true;
    }
    if (any) out.flush();
}

}  // namespace

void log_added(KioskLog& l, std::ostream& out, const std::string& topic, std::vector<std::string> lines) {
    std::vector<std::string> keys = lines;
    log_new_keys(l, out, topic, lines, std::move(keys));
}

std::string numbers_aside(std::string_view line) {
    std::string out;
    for (std::size_t i = 0; i < line.size(); ++i) {
        const bool digit = line[i] >= '0' && line[i] <= '9';
        if (!digit)
            out += line[i];
        else if (i == 0 || line[i - 1] < '0' || line[i - 1] > '9')
            out += '#';
    }
    return out;
}

void log_added_numbers_aside(KioskLog& l, std::ostream& out, const std::string& topic,
                             const std::vector<std::string>& lines) {
    std::vector<std::string> keys;
    for (const auto& line : lines) keys.push_back(numbers_aside(line));
    log_new_keys(l, out, topic, lines, std::move(keys));
}

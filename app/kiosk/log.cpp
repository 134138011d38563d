#include "app/kiosk/log.h"

#include <set>

std::vector<std::string> news_for(KioskLog& l, const std::string& topic, std::vector<std::string> lines) {
    auto it = l.said.find(topic);
    if (it == l.said.end()) {
        if (lines.empty()) return {};  // nothing said, nothing to say: keep the map small
        it = l.said.emplace(topic, std::vector<std::string>{}).first;
    }
    if (it->second == lines) return {};
    it->second = lines;
    return lines;
}

void log_news(KioskLog& l, std::ostream& out, const std::string& topic, std::vector<std::string> lines) {
    const std::vector<std::string> news = news_for(l, topic, std::move(lines));
    for (const auto& line : news) out << "infotavle: " << line << "\n";
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
        out << "infotavle: " << lines[i] << "\n";
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

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

void log_news(KioskLog& l, std::ostream& out, const std::string& topic, std::vector<std::string> lines) {
    const std::vector<std::string> news = news_for(l, topic, std::move(lines));
    for (const auto& line : news) out << "infotavle: " << line << "\n";
    if (!news.empty()) out.flush();
}

void log_added(KioskLog& l, std::ostream& out, const std::string& topic, std::vector<std::string> lines) {
    const auto it = l.said.find(topic);
    const std::set<std::string> before = it == l.said.end()
                                             ? std::set<std::string>{}
                                             : std::set<std::string>(it->second.begin(), it->second.end());
    bool any = false;
    for (const auto& line : news_for(l, topic, std::move(lines))) {
        if (before.count(line)) continue;
        out << "infotavle: " << line << "\n";
        any = true;
    }
    if (any) out.flush();
}

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

void log_added(KioskLog& l, std::ostream& out, const std::string& topic, std::vector<std::string> lines) {
    const auto it = l.said.find(topic);
    const std::set<std::string> before = it == l.said.end()
                                             ? std::set<std::string>{}
                                             : std::set<std::string>(it->second.begin(), it->second.end());
    bool any = false;
    for (const auto& line : news_for(l, topic, std::move(lines))) {
        if (before.count(line)) continue;
        log_line(out, severity_of(topic)) << line << "\n";
        any = true;
    }
    if (any) out.flush();
}

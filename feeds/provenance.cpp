#include "feeds/provenance.h"

#include <type_traits>

namespace feeds {

namespace {

std::string line(const std::string& file, const std::string& path, const std::string& name,
                 const std::string& note) {
    return file + ": " + path + (name.empty() ? "" : " (\"" + name + "\")") + ": provenance: " + note;
}

// Each item type's name for the line, and its JSON array.
std::string item_name(const Indicator& i) { return i.id; }
std::string item_name(const Project& p) { return p.id; }
std::string item_name(const TimelineEvent& e) { return e.label; }
std::string item_name(const Goal& g) { return "mål " + std::to_string(g.number); }

template <class Item>
void add_items(std::vector<std::string>& out, const std::string& file, const std::string& at,
               const char* array, const std::vector<Item>& items) {
    for (std::size_t i = 0; i < items.size(); ++i)
        if (!items[i].provenance.empty())
            out.push_back(line(file, at + "." + array + "[" + std::to_string(i) + "]", item_name(items[i]),
                               items[i].provenance));
}

}  // namespace

std::vector<std::string> provenance_lines(const Feed& feed, const std::string& file) {
    std::vector<std::string> out;
    for (std::size_t d = 0; d < feed.datasets.size(); ++d) {
        const Dataset& ds = feed.datasets[d];
        const std::string at = "$.datasets[" + std::to_string(d) + "]";
        if (!ds.provenance.empty()) out.push_back(line(file, at, ds.id, ds.provenance));
        std::visit(
            [&](const auto& body) {
                using T = std::decay_t<decltype(body)>;
                if constexpr (std::is_same_v<T, IndicatorSet>) add_items(out, file, at, "items", body.items);
                if constexpr (std::is_same_v<T, ProjectList>) add_items(out, file, at, "items", body.items);
                if constexpr (std::is_same_v<T, Timeline>) add_items(out, file, at, "events", body.events);
                if constexpr (std::is_same_v<T, GoalList>) add_items(out, file, at, "items", body.items);
            },
            ds.body);
    }
    return out;
}

}  // namespace feeds

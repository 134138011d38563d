#include "feeds/column_pick.h"

#include <numeric>
#include <unordered_map>

namespace feeds {

std::vector<std::size_t> positions_of(const std::vector<std::string>& ids,
                                      const std::vector<std::string_view>& keys) {
    std::unordered_map<std::string_view, std::vector<std::size_t>> where;
    for (std::size_t i = 0; i < keys.size(); ++i) where[keys[i]].push_back(i);
    std::vector<std::size_t> out;
    for (const auto& id : ids)
        if (const auto it = where.find(id); it != where.end())
            out.insert(out.end(), it->second.begin(), it->second.end());
    return out;
}

std::vector<std::size_t> picked_positions(const std::vector<std::string>& columns,
                                          const std::vector<std::string_view>& keys) {
    if (!columns.empty()) return positions_of(columns, keys);
    std::vector<std::size_t> all(keys.size());
    std::iota(all.begin(), all.end(), std::size_t(0));
    return all;
}

}  // namespace feeds

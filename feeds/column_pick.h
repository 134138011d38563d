// The rule of a slide's `columns` option: it picks items (table columns, indicators, projects)
// by id, in the order it names them; a slide without it shows all items in document order.
// One place for the views (app/views/) and the map checker (feeds/map_check.cpp).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace feeds {

// The positions in `keys` of the items `ids` names, in the order of `ids`: for each id every
// item with that key, in their order; an unknown id gives none. Linear (a hash map), not
// ids x items.
std::vector<std::size_t> positions_of(const std::vector<std::string>& ids,
                                      const std::vector<std::string_view>& keys);

// The positions a slide's `columns` option picks from `keys`: positions_of(columns, keys), or
// every position in order when `columns` is empty.
std::vector<std::size_t> picked_positions(const std::vector<std::string>& columns,
                                          const std::vector<std::string_view>& keys);

}  // namespace feeds

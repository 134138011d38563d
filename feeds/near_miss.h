// "did you mean": the known name closest to a misspelt one (a key, a view, a dataset type), by
// edit distance, so a publisher's slip gets the fix and not only a list.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace feeds {

// Edit distance (insert, delete, substitute, swap of two neighbours) between a and b.
std::size_t edit_distance(std::string_view a, std::string_view b);

// The closest of `known` to `word`, when it is near enough to be a slip (at most 1 edit for
// names up to 4 bytes, 2 up to 8, else 3); empty when none is.
std::string nearest_name(std::string_view word, const std::vector<std::string_view>& known);

// "; did you mean \"options\"?" or empty: for appending to a message.
std::string did_you_mean(std::string_view word, const std::vector<std::string_view>& known);

}  // namespace feeds

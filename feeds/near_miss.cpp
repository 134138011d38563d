#include "feeds/near_miss.h"

#include <algorithm>

namespace feeds {

std::size_t edit_distance(std::string_view a, std::string_view b) {
    // Optimal string alignment distance over three rolling rows.
    std::vector<std::size_t> before(b.size() + 1), prev(b.size() + 1), cur(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        cur[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                cur[j] = std::min(cur[j], before[j - 2] + 1);
        }
        before.swap(prev);
        prev.swap(cur);
    }
    return prev[b.size()];
}

std::string nearest_name(std::string_view word, const std::vector<std::string_view>& known) {
    // Names longer than this are not keys anyone misspells; a long key costs no quadratic work.
    constexpr std::size_t kLongest = 64;
    if (word.empty() || word.size() > kLongest) return {};
    const std::size_t allowed = word.size() <= 4 ? 1 : word.size() <= 8 ? 2 : 3;
    std::string best;
    std::size_t best_distance = allowed + 1;
    for (const auto k : known) {
        const std::size_t d = edit_distance(word, k);
        if (d < best_distance) best_distance = d, best = std::string(k);
    }
    return best;
}

std::string did_you_mean(std::string_view word, const std::vector<std::string_view>& known) {
    const std::string near = nearest_name(word, known);
    return near.empty() ? std::string() : "; did you mean \"" + near + "\"?";
}

}  // namespace feeds

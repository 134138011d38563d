// What a caller can ask of a parse beyond the limits: stop it from another thread, give it a
// deadline, cap the size of what it builds. The parse looks at these at its check points (every
// kCheckEvery JSON events), so a parse told to stop ends within microseconds, whatever the text.
// And what a parse reports back about its cost, so callers and tests can bound it by counted
// operations rather than by the clock.
#pragma once

#include <atomic>
#include <chrono>
#include <cstddef>
#include <optional>

namespace feeds {

struct ParseControl {
    const std::atomic<bool>* cancel = nullptr;                      // true: abandon at the next check point
    std::optional<std::chrono::steady_clock::time_point> deadline;  // past it: abandoned
    std::size_t max_parsed_bytes = 0;  // estimated size of the parsed tree; 0 = no limit
};

struct ParseStats {
    std::size_t events = 0;        // JSON values, keys and container ends seen (at most the text's length)
    std::size_t parsed_bytes = 0;  // estimated memory of the tree (and so, at most, of the model kept)
    bool abandoned = false;        // stopped by ParseControl: cancelled, past its deadline or too big
};

inline constexpr std::size_t kCheckEvery = 1024;  // events between looks at the clock

}  // namespace feeds

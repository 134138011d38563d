// How long composing a frame takes, p95 over the last hour, in fixed memory: one histogram per
// minute (buckets 25 % apart from 0.05 ms to ~2 s) in a ring of 60. Pure: times are passed in.
#pragma once

#include <array>
#include <cstdint>
#include <optional>

inline constexpr int kFrameCostBuckets = 48;
inline constexpr int kFrameCostMinutes = 60;

struct FrameCosts {
    struct Minute {
        std::int64_t minute = -1;  // unix minute this slot counts; -1 = empty
        std::array<std::uint32_t, kFrameCostBuckets> counts{};
    };
    std::array<Minute, kFrameCostMinutes> ring{};
};

void add_frame_cost(FrameCosts& c, std::int64_t now_s, double ms);

// The upper edge of the bucket holding the 95th percentile of the frames of the last hour;
// nullopt when none was counted.
std::optional<double> frame_cost_p95_ms(const FrameCosts& c, std::int64_t now_s);

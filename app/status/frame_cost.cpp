#include "app/status/frame_cost.h"

#include <cmath>

namespace {

constexpr double kFirstEdgeMs = 0.05;
constexpr double kStep = 1.25;

double upper_edge(int bucket) {
    return kFirstEdgeMs * std::pow(kStep, bucket);
}

int bucket_of(double ms) {
    if (!(ms > kFirstEdgeMs)) return 0;
    const int b = int(std::ceil(std::log(ms / kFirstEdgeMs) / std::log(kStep) - 1e-9));
    return std::min(b, kFrameCostBuckets - 1);
}

}  // namespace

void add_frame_cost(FrameCosts& c, std::int64_t now_s, double ms) {
    const std::int64_t minute = now_s / 60;
    FrameCosts::Minute& slot = c.ring[std::size_t(minute % kFrameCostMinutes)];
    if (slot.minute != minute) slot = {minute, {}};
    ++slot.counts[std::size_t(bucket_of(ms))];
}

std::optional<double> frame_cost_p95_ms(const FrameCosts& c, std::int64_t now_s) {
    const std::int64_t minute = now_s / 60;
    std::array<std::uint64_t, kFrameCostBuckets> sum{};
    std::uint64_t total = 0;
    for (const auto& slot : c.ring) {
        if (slot.minute < 0 || slot.minute <= minute - kFrameCostMinutes || slot.minute > minute) continue;
        for (int b = 0; b < kFrameCostBuckets; ++b) {
            sum[std::size_t(b)] += slot.counts[std::size_t(b)];
            total += slot.counts[std::size_t(b)];
        }
    }
    if (total == 0) return std::nullopt;
    const std::uint64_t rank = (total * 95 + 99) / 100;  // the smallest count covering 95 %
    std::uint64_t seen = 0;
    for (int b = 0; b < kFrameCostBuckets; ++b) {
        seen += sum[std::size_t(b)];
        if (seen >= rank) return upper_edge(b);
    }
    return upper_edge(kFrameCostBuckets - 1);
}

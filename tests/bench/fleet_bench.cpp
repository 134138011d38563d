// Fleet benchmark (not in ctest): N sync engines (FeedSync, the real fetch and acceptance code,
// trusted key and all) against one server, on a fake clock of whole seconds, each engine's
// fetches done with the blocking feeds::fetch. An outage of OUTAGE_S seconds (fetches fail as
// a refused connection would, without the network: the fake part) starts at OUTAGE_AT.
//   infotavle_fleet_bench URL TRUSTED_PUB [ENGINES=200] [SECONDS=1800] [OUTAGE_AT=600] [OUTAGE_S=300]
// Prints requests/s, bytes/s, the share of 304s, and the busiest second after the outage
// against the mean. tests/bench/fleet.sh publishes, serves it with nginx and runs this.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "feeds/sync/feed_sync.h"

using namespace feeds;  // the sync engine is feeds/sync/

int main(int argc, char** argv) {
    if (argc < 3) {
        std::fprintf(stderr, "usage: %s URL TRUSTED_PUB [ENGINES] [SECONDS] [OUTAGE_AT] [OUTAGE_S]\n",
                     argv[0]);
        return 2;
    }
    const std::string url = argv[1];
    std::ifstream in(argv[2]);
    std::stringstream text;
    text << in.rdbuf();
    const auto key = feeds::parse_public_key(text.str(), argv[2]);
    if (!key.value) return std::fprintf(stderr, "%s\n", key.error.c_str()), 2;
    const int engines = argc > 3 ? std::atoi(argv[3]) : 200;
    const int seconds = argc > 4 ? std::atoi(argv[4]) : 1800;
    const int outage_at = argc > 5 ? std::atoi(argv[5]) : 600;
    const int outage_s = argc > 6 ? std::atoi(argv[6]) : 300;
    const auto root =
        std::filesystem::temp_directory_path() / ("infotavle-fleet-" + std::to_string(::getpid()));
    std::vector<FeedSync> fleet;
    for (int i = 0; i < engines; ++i) {
        std::vector<feeds::Note> notes;
        feeds::SyncOptions o;
        o.manifest_location = url;
        o.cache_dir = (root / std::to_string(i)).string();
        o.trusted_keys = {*key.value};
        fleet.push_back(open_sync(o, notes));
        fleet.back().rng.seed(1000 + i);
    }
    std::map<int, int> per_second;
    std::uint64_t requests = 0, bytes = 0, not_modified = 0, failed = 0, orders_up = 0;
    const std::int64_t t0 = std::time(nullptr);  // the published manifest expires a week from now
    for (int t = 0; t < seconds; ++t) {
        const bool down = t >= outage_at && t < outage_at + outage_s;
        for (auto& s : fleet) {
            for (auto& order : due_fetches(s, t0 + t)) {
                feeds::FetchResult r;
                if (down) {
                    r.error = order.request.label + ": could not connect (simulated outage)";
                } else {
                    r = feeds::fetch(order.request);
                    requests += 1 + (order.key == kManifestKey && r.status == feeds::FetchStatus::Ok);
                    bytes += r.body.size();
                    not_modified += r.status == feeds::FetchStatus::NotModified;
                    failed += r.status == feeds::FetchStatus::Failed;
                }
                ++per_second[t];
                orders_up += !down;
                apply_fetch(s, order.key, order.request, r, t0 + t);
            }
        }
    }
    std::filesystem::remove_all(root);
    const int up_seconds = seconds - outage_s;
    const double mean = double(requests) / up_seconds, order_mean = double(orders_up) / up_seconds;
    int peak = 0, peak_at = 0;
    for (int t = outage_at + outage_s; t < seconds; ++t)
        if (per_second[t] > peak) peak = per_second[t], peak_at = t;
    int steady_peak = 0;
    for (int t = 60; t < outage_at; ++t) steady_peak = std::max(steady_peak, per_second[t]);
    std::printf("engines %d, %d fake seconds (outage %d s from %d)\n", engines, seconds, outage_s, outage_at);
    std::printf("requests %llu (%.2f/s while up), bytes %llu (%.0f B/s), 304s %.1f %%, failed %llu\n",
                (unsigned long long)requests, mean, (unsigned long long)bytes, double(bytes) / up_seconds,
                100.0 * not_modified / std::max<std::uint64_t>(1, requests), (unsigned long long)failed);
    std::printf(
        "fetch orders: busiest second after the outage %d (at +%d s) = %.2f x the mean; busiest "
        "steady second before it %d\n",
        peak, peak_at - outage_at - outage_s, peak / std::max(order_mean, 1e-9), steady_peak);
    return 0;
}

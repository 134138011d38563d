// The largest slides a valid feed can ask for: every list at 999 items (the format allows 1000
// per array), every name 200 characters long, one slide per view and dataset shape. Shared by
// the layout tests (tests/test_views_big.cpp) and the benchmark (tests/bench/benchmark.cpp).
// Invented figures: a test fixture, never a bundled feed.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

struct BigFeedShape {
    int items = 999;       // indicators, projects, events, goals, points per line, lines
    int name_chars = 200;  // every label, name and title
};

// One feed per dataset shape (each within the 4 MiB limit), by id: the manifest names each as
// "<id>.json" beside it, with one slide per view and dataset.
std::vector<std::pair<std::string, nlohmann::json>> big_feeds_json(const BigFeedShape& shape);
nlohmann::json big_manifest_json();

// A name of exactly `chars` characters (ASCII), starting with `head` and unique with it.
std::string long_name(const std::string& head, int chars);

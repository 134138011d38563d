// Shared by the cache's tests (test_feed_cache.cpp) and the intake's (test_intake.cpp): a
// valid feed text and the metadata of a stored copy.
#pragma once

#include <fstream>
#include <string>

#include "feeds/feed_cache.h"

inline std::string feed_text(const std::string& title) {
    return R"({"format": "infotavle-feed", "version": "1.0", "id": "employment", "title": ")" + title +
           R"(", "as_of": "2021-12", "source": {"publisher": "KKR Sjælland"},
  "datasets": [{"id": "noegletal", "type": "indicators", "title": "Nøgletal",
    "items": [{"id": "ledighed", "label": "Ledighed", "value": 2.3, "unit": "%"}]}]})";
}

inline void spit(const std::string& path, const std::string& text) {
    std::ofstream(path, std::ios::binary) << text;
}

inline const feeds::CacheMeta kMeta{"https://h/employment.json", 1'700'000'000, "\"v1\"",
                                    "Tue, 03 May 2022 10:00:00 GMT"};

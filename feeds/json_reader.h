// Internal helper for the parsers: reads typed values out of nlohmann::json and records a
// Problem at the value's JSON path for anything wrong, so parsing goes on and reports every
// problem in one pass. Getters return a usable default after recording an error; the caller
// refuses the whole file when any error was recorded.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "feeds/feed_model.h"
#include "feeds/limits.h"
#include "feeds/parse_control.h"
#include "feeds/problem.h"

namespace feeds {

using Json = nlohmann::json;

struct Ctx {
    std::string file;
    Limits limits;
    std::vector<Problem> problems;
    std::size_t suppressed = 0;         // problems past limits.max_problems, summarised at the end
    std::size_t suppressed_errors = 0;  // how many of those were errors
    std::size_t errors = 0;             // all errors, shown or not: any error refuses the file
    ParseControl control;               // read_json_document() stops when told to
    ParseStats stats;                   // what reading the JSON cost
};

// A Ctx for one file.
Ctx make_ctx(const std::string& file, const Limits& limits, const ParseControl& control = {});

// True when problems past this one are only counted: callers can skip building its path.
bool problems_full(const Ctx& ctx);

void add_error(Ctx& ctx, const std::string& path, std::string message);
void add_warning(Ctx& ctx, const std::string& path, std::string message);
// A warning marked Problem::lost: what the publisher wrote there will not be shown.
void add_lost(Ctx& ctx, const std::string& path, std::string message);
// Counts `n` errors that were found but not recorded (past limits.max_problems already).
void add_errors_not_shown(Ctx& ctx, std::size_t n);
// Appends "... and N more problems" when problems were suppressed.
void finish_problems(Ctx& ctx);

// JSON paths: "$.datasets[2].items[5].value"; odd keys as $["a b"].
std::string key_path(const std::string& path, std::string_view key);
std::string index_path(const std::string& path, std::size_t index);

// How a value is shown in a message: "2,3" quoted and truncated, numbers as written,
// "an object", "an array", "null", "true".
std::string describe(const Json& value);
std::string quote_text(std::string_view text);  // "\"text\"", truncated to 60 bytes

// Type checks that record "expected an object, got ..." on failure.
bool expect_object(Ctx& ctx, const Json& value, const std::string& path);

// Warns about every key of obj not in known (Problem::lost), naming the nearest known key.
// Forward compatibility: newer minors add keys.
void warn_unknown_keys(Ctx& ctx, const Json& obj, const std::string& path,
                       const std::vector<std::string_view>& known);

// The getters: obj must be an object. "required" ones record "missing required key" when absent.
enum class Need { Required, Optional };

// Any string, empty allowed (units may be "").
std::string get_string(Ctx& ctx, const Json& obj, const std::string& path, std::string_view key, Need need);
// A non-empty string (titles, labels, names); one of only spaces is as empty on screen.
std::string get_text(Ctx& ctx, const Json& obj, const std::string& path, std::string_view key, Need need);
// An id: 1..64 of A-Z a-z 0-9 _ - (ids end up in option lists, logs and cache file names).
std::string get_id(Ctx& ctx, const Json& obj, const std::string& path, std::string_view key, Need need);
// A finite number; for Optional, null means "not given".
std::optional<double> get_number(Ctx& ctx, const Json& obj, const std::string& path, std::string_view key,
                                 Need need);
// A whole number within [lo, hi]; 12.0 counts as whole.
std::optional<long long> get_integer(Ctx& ctx, const Json& obj, const std::string& path, std::string_view key,
                                     Need need, long long lo, long long hi);
// A partial date "YYYY", "YYYY-MM" or "YYYY-MM-DD".
std::optional<PartialDate> get_date(Ctx& ctx, const Json& obj, const std::string& path, std::string_view key,
                                    Need need);
// An array (within limits.max_items); nullptr when absent or wrong.
const Json* get_array(Ctx& ctx, const Json& obj, const std::string& path, std::string_view key, Need need);
// An object; nullptr when absent or wrong.
const Json* get_object(Ctx& ctx, const Json& obj, const std::string& path, std::string_view key, Need need);
// An array of strings.
std::vector<std::string> get_string_list(Ctx& ctx, const Json& obj, const std::string& path,
                                         std::string_view key, Need need);

// Checks one value (an array's element, or a key's) is a whole number within [lo, hi].
std::optional<long long> read_integer(Ctx& ctx, const Json& value, const std::string& path, long long lo,
                                      long long hi);

// Checks one element of an array is a finite number or null (table values, series points).
std::optional<double> read_number_or_null(Ctx& ctx, const Json& value, const std::string& path);

// A string out of a fixed set; records 'unknown value "x": expected one of "a", "b"'.
template <class E>
E get_enum(Ctx& ctx, const Json& obj, const std::string& path, std::string_view key, Need need,
           std::initializer_list<std::pair<std::string_view, E>> table, E fallback) {
    const bool present = obj.contains(key);
    const std::string text = get_string(ctx, obj, path, key, need);
    if (!present || !obj.at(key).is_string()) return fallback;
    for (const auto& [name, value] : table)
        if (name == text) return value;
    std::string allowed;
    for (const auto& entry : table) allowed += (allowed.empty() ? "" : ", ") + quote_text(entry.first);
    add_error(ctx, key_path(path, key), "unknown value " + quote_text(text) + ": expected one of " + allowed);
    return fallback;
}

// Records an error for each id seen before in ids (at paths[i]).
void check_unique(Ctx& ctx, const std::vector<std::pair<std::string, std::string>>& id_and_path,
                  std::string_view what);

}  // namespace feeds

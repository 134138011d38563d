#include "feeds/json_reader.h"

#include "feeds/feed_parse.h"
#include "feeds/near_miss.h"
#include "feeds/screen_text.h"

#include <cmath>
#include <cstdio>
#include <set>

namespace feeds {

namespace {

void add(Ctx& ctx, Problem::Severity severity, const std::string& path, std::string message,
         bool lost = false) {
    const bool error = severity == Problem::Severity::Error;
    if (error) ++ctx.errors;
    if (ctx.problems.size() >= ctx.limits.max_problems) {
        ++ctx.suppressed;
        if (error) ++ctx.suppressed_errors;
        return;
    }
    ctx.problems.push_back(Problem{severity, ctx.file, path, std::move(message), lost});
}

bool is_identifier(std::string_view key) {
    if (key.empty()) return false;
    for (std::size_t i = 0; i < key.size(); ++i) {
        const char c = key[i];
        const bool alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
        const bool digit = c >= '0' && c <= '9';
        if (!alpha && !(digit && i > 0)) return false;
    }
    return true;
}

bool is_id(std::string_view text) {
    if (text.empty() || text.size() > 64) return false;
    for (const char c : text) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                        c == '_' || c == '-';
        if (!ok) return false;
    }
    return true;
}

const Json* find(const Json& obj, std::string_view key) {
    const auto it = obj.find(std::string(key));
    return it == obj.end() ? nullptr : &*it;
}

void missing(Ctx& ctx, const std::string& path, std::string_view key) {
    add_error(ctx, key_path(path, key), "missing required key " + quote_text(key));
}

void check_length(Ctx& ctx, const std::string& path, const std::string& text) {
    if (text.size() > ctx.limits.max_string_bytes)
        add_error(ctx, path,
                  "string is " + std::to_string(text.size()) + " bytes, over the limit of " +
                      std::to_string(ctx.limits.max_string_bytes) + " bytes");
}

// Reads a string value; records a type or length error and returns nullopt when wrong.
std::optional<std::string> string_value(Ctx& ctx, const Json* value, const std::string& path) {
    if (!value->is_string()) {
        add_error(ctx, path, "expected a string, got " + describe(*value));
        return std::nullopt;
    }
    std::string text = value->get<std::string>();
    check_length(ctx, path, text);
    for (auto& reason : screen_text_problems(text)) add_error(ctx, path, std::move(reason));
    return text;
}

bool leap(int y) {
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int days_in_month(int y, int m) {
    static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && leap(y) ? 29 : days[m - 1];
}

}  // namespace

Ctx make_ctx(const std::string& file, const Limits& limits, const ParseControl& control) {
    Ctx ctx;
    ctx.file = file;
    ctx.limits = limits;
    ctx.control = control;
    return ctx;
}

bool problems_full(const Ctx& ctx) {
    return ctx.problems.size() >= ctx.limits.max_problems;
}

void add_error(Ctx& ctx, const std::string& path, std::string message) {
    add(ctx, Problem::Severity::Error, path, std::move(message));
}

void add_warning(Ctx& ctx, const std::string& path, std::string message) {
    add(ctx, Problem::Severity::Warning, path, std::move(message));
}

void add_lost(Ctx& ctx, const std::string& path, std::string message) {
    add(ctx, Problem::Severity::Warning, path, std::move(message), true);
}

void add_errors_not_shown(Ctx& ctx, std::size_t n) {
    ctx.errors += n;
    ctx.suppressed += n;
    ctx.suppressed_errors += n;
}

void finish_problems(Ctx& ctx) {
    if (ctx.suppressed == 0) return;
    // One summary line, an error if any error was among the suppressed, so the file still counts as refused.
    const bool any_error = ctx.suppressed_errors > 0;
    ctx.problems.push_back(Problem{any_error ? Problem::Severity::Error : Problem::Severity::Warning,
                                   ctx.file, "",
                                   "... and " + std::to_string(ctx.suppressed) + " more problems (" +
                                       std::to_string(ctx.suppressed_errors) + " errors) not shown"});
    ctx.suppressed = 0;
    ctx.suppressed_errors = 0;
}

std::string key_path(const std::string& path, std::string_view key) {
    if (is_identifier(key)) return path + "." + std::string(key);
    return path + "[" + quote_text(key) + "]";
}

std::string index_path(const std::string& path, std::size_t index) {
    return path + "[" + std::to_string(index) + "]";
}

std::string quote_text(std::string_view text) {
    constexpr std::size_t kMax = 60;
    std::string out = "\"";
    std::size_t i = 0;
    for (; i < text.size() && i < kMax; ++i) {
        const char c = text[i];
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (static_cast<unsigned char>(c) < 0x20) {
            out += '?';  // keep control characters off the terminal
        } else {
            out += c;
        }
    }
    if (i < text.size()) {
        // Do not cut a UTF-8 sequence in half: drop trailing continuation bytes and their lead.
        while (!out.empty() && (static_cast<unsigned char>(out.back()) & 0xC0) == 0x80) out.pop_back();
        if (!out.empty() && static_cast<unsigned char>(out.back()) >= 0xC0) out.pop_back();
        out += "...";
    }
    out += '"';
    return out;
}

std::string describe(const Json& value) {
    switch (value.type()) {
        case Json::value_t::null:
            return "null";
        case Json::value_t::boolean:
            return value.get<bool>() ? "true" : "false";
        case Json::value_t::string:
            return quote_text(value.get_ref<const std::string&>());
        case Json::value_t::object:
            return "an object";
        case Json::value_t::array:
            return "an array";
        case Json::value_t::number_integer:
        case Json::value_t::number_unsigned:
        case Json::value_t::number_float:
            return value.dump();
        default:
            return "an unreadable value";
    }
}

bool expect_object(Ctx& ctx, const Json& value, const std::string& path) {
    if (value.is_object()) return true;
    add_error(ctx, path, "expected an object, got " + describe(value));
    return false;
}

void warn_unknown_keys(Ctx& ctx, const Json& obj, const std::string& path,
                       const std::vector<std::string_view>& known) {
    for (const auto& item : obj.items()) {
        bool is_known = false;
        for (const auto k : known) is_known = is_known || item.key() == k;
        if (!is_known)
            add_lost(
                ctx, key_path(path, item.key()),
                "unknown key " + quote_text(item.key()) + " (skipped)" + did_you_mean(item.key(), known));
    }
}

std::string get_string(Ctx& ctx, const Json& obj, const std::string& path, std::string_view key, Need need) {
    const Json* value = find(obj, key);
    if (!value) {
        if (need == Need::Required) missing(ctx, path, key);
        return {};
    }
    return string_value(ctx, value, key_path(path, key)).value_or("");
}

std::string get_text(Ctx& ctx, const Json& obj, const std::string& path, std::string_view key, Need need) {
    const Json* value = find(obj, key);
    std::string text = get_string(ctx, obj, path, key, need);
    if (value && value->is_string() && text.empty())
        add_error(ctx, key_path(path, key), "must not be empty");
    else if (value && value->is_string() && text.find_first_not_of(" \t\r\n") == std::string::npos)
        add_error(ctx, key_path(path, key),
                  "only spaces: nothing would be shown; write the text or leave the key out");
    return text;
}

std::string get_id(Ctx& ctx, const Json& obj, const std::string& path, std::string_view key, Need need) {
    const Json* value = find(obj, key);
    std::string text = get_string(ctx, obj, path, key, need);
    if (value && value->is_string() && !is_id(text))
        add_error(ctx, key_path(path, key),
                  "invalid id " + quote_text(text) + ": use 1 to 64 of the characters a-z A-Z 0-9 _ -");
    return text;
}

std::optional<double> read_number_or_null(Ctx& ctx, const Json& value, const std::string& path) {
    if (value.is_null()) return std::nullopt;
    if (!value.is_number()) {
        add_error(ctx, path, "expected a number or null, got " + describe(value));
        return std::nullopt;
    }
    const double d = value.get<double>();
    if (!std::isfinite(d)) {
        add_error(ctx, path, "number is not finite: " + describe(value));
        return std::nullopt;
    }
    return d;
}

namespace {

// obj's value at key, when given: nullptr when absent ("missing required key" recorded when
// Required) and, when Optional, when null (null means "not given").
const Json* given(Ctx& ctx, const Json& obj, const std::string& path, std::string_view key, Need need) {
    const Json* value = find(obj, key);
    if (!value) {
        if (need == Need::Required) missing(ctx, path, key);
        return nullptr;
    }
    if (value->is_null() && need == Need::Optional) return nullptr;
    return value;
}

}  // namespace

std::optional<double> get_number(Ctx& ctx, const Json& obj, const std::string& path, std::string_view key,
                                 Need need) {
    const Json* value = given(ctx, obj, path, key, need);
    if (!value) return std::nullopt;
    const std::string at = key_path(path, key);
    if (!value->is_number()) {
        add_error(ctx, at, "expected a number, got " + describe(*value));
        return std::nullopt;
    }
    return read_number_or_null(ctx, *value, at);
}

std::optional<long long> read_integer(Ctx& ctx, const Json& value, const std::string& path, long long lo,
                                      long long hi) {
    const std::string range = " (" + std::to_string(lo) + ".." + std::to_string(hi) + ")";
    const bool number = value.is_number();
    const double d = number ? value.get<double>() : 0;
    if (!number || !std::isfinite(d) || d != std::floor(d)) {
        add_error(ctx, path, "expected a whole number" + range + ", got " + describe(value));
        return std::nullopt;
    }
    if (d < static_cast<double>(lo) || d > static_cast<double>(hi)) {
        add_error(ctx, path, "out of range" + range + ": " + describe(value));
        return std::nullopt;
    }
    return static_cast<long long>(d);
}

std::optional<long long> get_integer(Ctx& ctx, const Json& obj, const std::string& path, std::string_view key,
                                     Need need, long long lo, long long hi) {
    const Json* value = given(ctx, obj, path, key, need);
    if (!value) return std::nullopt;
    return read_integer(ctx, *value, key_path(path, key), lo, hi);
}

std::string format_partial_date(const PartialDate& d) {
    char text[40];
    if (d.month <= 0)
        std::snprintf(text, sizeof text, "%04d", d.year);
    else if (d.day <= 0)
        std::snprintf(text, sizeof text, "%04d-%02d", d.year, d.month);
    else
        std::snprintf(text, sizeof text, "%04d-%02d-%02d", d.year, d.month, d.day);
    return text;
}

std::optional<PartialDate> parse_partial_date(std::string_view t) {
    auto digits = [&](std::size_t from, std::size_t n) {
        int v = 0;
        for (std::size_t i = from; i < from + n; ++i) {
            if (t[i] < '0' || t[i] > '9') return -1;
            v = v * 10 + (t[i] - '0');
        }
        return v;
    };
    if (t.size() != 4 && t.size() != 7 && t.size() != 10) return std::nullopt;
    PartialDate d;
    d.year = digits(0, 4);
    if (d.year < 1) return std::nullopt;
    if (t.size() >= 7) {
        if (t[4] != '-') return std::nullopt;
        d.month = digits(5, 2);
        if (d.month < 1 || d.month > 12) return std::nullopt;
    }
    if (t.size() == 10) {
        if (t[7] != '-') return std::nullopt;
        d.day = digits(8, 2);
        if (d.day < 1 || d.day > days_in_month(d.year, d.month)) return std::nullopt;
    }
    return d;
}

std::optional<PartialDate> get_date(Ctx& ctx, const Json& obj, const std::string& path, std::string_view key,
                                    Need need) {
    const Json* value = find(obj, key);
    const std::string text = get_string(ctx, obj, path, key, need);
    if (!value || !value->is_string()) return std::nullopt;
    auto date = parse_partial_date(text);
    if (!date)
        add_error(ctx, key_path(path, key),
                  "invalid date " + quote_text(text) +
                      ": expected \"YYYY\", \"YYYY-MM\" or \"YYYY-MM-DD\" with a real "
                      "month and day");
    return date;
}

const Json* get_array(Ctx& ctx, const Json& obj, const std::string& path, std::string_view key, Need need) {
    const Json* value = find(obj, key);
    const std::string at = key_path(path, key);
    if (!value) {
        if (need == Need::Required) missing(ctx, path, key);
        return nullptr;
    }
    if (!value->is_array()) {
        add_error(ctx, at, "expected an array, got " + describe(*value));
        return nullptr;
    }
    if (value->size() > ctx.limits.max_items) {
        add_error(ctx, at,
                  "array has " + std::to_string(value->size()) + " items, over the limit of " +
                      std::to_string(ctx.limits.max_items));
        return nullptr;
    }
    return value;
}

const Json* get_object(Ctx& ctx, const Json& obj, const std::string& path, std::string_view key, Need need) {
    const Json* value = find(obj, key);
    if (!value) {
        if (need == Need::Required) missing(ctx, path, key);
        return nullptr;
    }
    return expect_object(ctx, *value, key_path(path, key)) ? value : nullptr;
}

std::vector<std::string> get_string_list(Ctx& ctx, const Json& obj, const std::string& path,
                                         std::string_view key, Need need) {
    std::vector<std::string> out;
    const Json* array = get_array(ctx, obj, path, key, need);
    if (!array) return out;
    const std::string at = key_path(path, key);
    for (std::size_t i = 0; i < array->size(); ++i)
        if (auto s = string_value(ctx, &(*array)[i], index_path(at, i))) out.push_back(std::move(*s));
    return out;
}

void check_unique(Ctx& ctx, const std::vector<std::pair<std::string, std::string>>& id_and_path,
                  std::string_view what) {
    std::set<std::string> seen;
    for (const auto& [id, path] : id_and_path) {
        if (id.empty()) continue;  // a missing id was reported already
        if (!seen.insert(id).second)
            add_error(ctx, path, "duplicate " + std::string(what) + " " + quote_text(id));
    }
}

}  // namespace feeds

#include "feeds/json_document.h"

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "feeds/raw_text.h"

namespace feeds {

namespace {

// Rough heap cost of the tree nlohmann builds (64-bit libstdc++): a value, a string's buffer,
// an object's map node, an array's slot; each allocation's malloc overhead included.
constexpr std::size_t kValueBytes = 16;
constexpr std::size_t kStringBytes = 32 + 16;
constexpr std::size_t kMemberBytes = 96;  // map node: links, key string, value
constexpr std::size_t kContainerBytes = 64;

// One open object or array, and where the parser is in it.
struct Frame {
    Json* target = nullptr;  // null: not kept (an item past limits.max_items, or inside one)
    bool is_array = false;
    std::size_t count = 0;  // items seen, kept or not
    std::string key;        // the object's current key
};

// Strips nlohmann's "[json.exception.parse_error.101] parse error at line 1, column 9: " prefix:
// our own position text replaces it.
std::string parser_reason(const std::string& what) {
    const auto colon = what.find(": ");
    return colon == std::string::npos ? what : what.substr(colon + 2);
}

// -?[1-9][0-9]{0,2}.[0-9]{3}: "62.014", "1.207", not "0.125" or "2.50".
bool looks_like_thousands(const std::string& t) {
    std::size_t i = t.rfind('-', 0) == 0 ? 1 : 0;
    const auto dot = t.find('.');
    if (dot == std::string::npos || dot == i || dot - i > 3 || t[i] == '0' || t.size() - dot - 1 != 3)
        return false;
    for (std::size_t k = i; k < t.size(); ++k)
        if (k != dot && (t[k] < '0' || t[k] > '9')) return false;
    return true;
}

struct Slip {
    std::size_t offset;
    std::string message;
};

// The slips people make in JSON by hand, told in their words rather than the parser's:
// a comma before } or ], and a Danish decimal comma ("value": 2,1).
std::optional<Slip> usual_slip(std::string_view text, std::size_t position) {
    // nlohmann's "last token" may carry earlier characters ("1,}"): read the token off the text.
    if (position == 0 || position > text.size()) return std::nullopt;
    const auto is_digit = [](char c) { return c >= '0' && c <= '9'; };
    std::size_t start = position - 1;
    const char last = text[start];
    if (is_digit(last))
        while (start > 0 && is_digit(text[start - 1])) --start;
    else if (last != '}' && last != ']')
        return std::nullopt;
    const std::string token(text.substr(start, position - start));
    std::size_t before = start;
    while (before > 0 && std::string_view(" \t\r\n").find(text[before - 1]) != std::string_view::npos)
        --before;
    if (before == 0 || text[before - 1] != ',') return std::nullopt;
    const std::size_t comma = before - 1;
    if (!is_digit(last))
        return Slip{comma, "remove the comma before " + token + " (JSON allows no comma after the last " +
                               (last == '}' ? "key" : "item") + ")"};
    if (before != start || comma == 0 || !is_digit(text[comma - 1])) return std::nullopt;
    std::size_t from = comma;
    while (from > 0 && (is_digit(text[from - 1]) || text[from - 1] == '-')) --from;
    const std::string whole(text.substr(from, comma - from));
    return Slip{comma, "\"" + whole + "," + token + "\" looks like a Danish decimal comma: write " + whole +
                           "." + token + " (JSON numbers take a decimal point)"};
}

// The SAX handler (nlohmann's json_sax interface). Returning false ends the parse.
class DocumentBuilder {
public:
    DocumentBuilder(std::string_view text, Ctx& ctx) : text_(text), ctx_(ctx) {}

    Json root;
    bool fatal = false;    // a limit ended the reading (already reported)
    bool refused = false;  // some error makes the tree unusable (already reported)

    bool null() { return scalar(nullptr); }
    bool boolean(bool v) { return scalar(v); }
    bool number_integer(Json::number_integer_t v) { return scalar(v); }
    bool number_unsigned(Json::number_unsigned_t v) { return scalar(v); }
    bool number_float(Json::number_float_t v, const std::string& written) {
        warn_thousands_slip(written);
        return scalar(v);
    }
    bool string(std::string& v) {
        Json* s = slot();
        if (s) {
            ctx_.stats.parsed_bytes += kStringBytes + v.size();
            *s = std::move(v);
        }
        return tick();
    }
    bool binary(Json::binary_t&) { return scalar(nullptr); }  // JSON text has none

    bool start_object(std::size_t) { return open(Json::value_t::object); }
    bool start_array(std::size_t) { return open(Json::value_t::array); }
    bool end_object() { return close(); }
    bool end_array() { return close(); }
    bool key(std::string& k);
    bool parse_error(std::size_t position, const std::string& last_token,
                     const nlohmann::detail::exception& e);

private:
    std::string_view text_;
    Ctx& ctx_;
    std::vector<Frame> frames_;

    std::string top_path() const;
    std::string value_path() const;
    void warn_thousands_slip(const std::string& written);
    bool tick();
    Json* slot();
    template <class T>
    bool scalar(T&& value) {
        if (Json* s = slot()) *s = std::forward<T>(value);
        return tick();
    }
    bool open(Json::value_t type) {
        Json* target = slot();
        if (target) {
            ctx_.stats.parsed_bytes += kContainerBytes;
            *target = Json(type);
        }
        frames_.push_back(Frame{target, type == Json::value_t::array, 0, {}});
        return tick();
    }
    bool close();
    bool stop(const std::string& path, std::string message) {
        add_error(ctx_, path, std::move(message));
        fatal = true;
        return false;
    }
};

// The path of the innermost open container: its parents' keys and indexes.
std::string DocumentBuilder::top_path() const {
    std::string path = "$";
    for (std::size_t i = 0; i + 1 < frames_.size(); ++i)
        path = frames_[i].is_array ? index_path(path, frames_[i].count - 1) : key_path(path, frames_[i].key);
    return path;
}

// The path of the value about to be read (before slot() counts it).
std::string DocumentBuilder::value_path() const {
    if (frames_.empty()) return "$";
    const Frame& top = frames_.back();
    return top.is_array ? index_path(top_path(), top.count) : key_path(top_path(), top.key);
}

// "62.014": a point then exactly three digits is how Danish writes 62014. JSON reads 62,014.
void DocumentBuilder::warn_thousands_slip(const std::string& written) {
    if (!looks_like_thousands(written) || problems_full(ctx_)) return;
    std::string whole = written;
    whole.erase(whole.find('.'), 1);
    add_warning(ctx_, value_path(),
                "number " + written + " looks like a Danish thousands separator: JSON reads it as " +
                    written + " (about " + written.substr(0, written.find('.')) + "); if you meant " + whole +
                    ", write " + whole + " (JSON numbers have no thousands separator)");
}

// One event: counted, and every kCheckEvery a look at ParseControl.
bool DocumentBuilder::tick() {
    ParseStats& stats = ctx_.stats;
    ++stats.events;
    const ParseControl& c = ctx_.control;
    if (c.max_parsed_bytes > 0 && stats.parsed_bytes > c.max_parsed_bytes) {
        stats.abandoned = true;
        return stop("", "abandoned: the parsed data would take more than " +
                            std::to_string(c.max_parsed_bytes / (1024 * 1024)) +
                            " MiB of memory (the limit for one file)");
    }
    if (stats.events % kCheckEvery != 0) return true;
    if (c.cancel && c.cancel->load(std::memory_order_relaxed)) {
        stats.abandoned = true;
        return stop("", "abandoned: reading was cancelled (the program is stopping)");
    }
    if (c.deadline && std::chrono::steady_clock::now() > *c.deadline) {
        stats.abandoned = true;
        return stop("", "abandoned: reading took longer than the time allowed for one file");
    }
    return true;
}

// Where a new value goes: a new array slot or object member, or null when it is not kept
// (only what is kept counts towards ParseStats::parsed_bytes).
Json* DocumentBuilder::slot() {
    if (frames_.empty()) return &root;
    Frame& top = frames_.back();
    if (top.is_array) {
        // Items past the limit are counted, not kept: the array's error names how many there were.
        if (top.count++ >= ctx_.limits.max_items || !top.target) return nullptr;
        auto& items = top.target->get_ref<Json::array_t&>();
        items.emplace_back();
        ctx_.stats.parsed_bytes += kValueBytes;
        return &items.back();
    }
    if (!top.target) return nullptr;
    ctx_.stats.parsed_bytes += kValueBytes;
    return &(*top.target)[top.key];
}

bool DocumentBuilder::close() {
    const Frame& top = frames_.back();
    if (top.is_array && top.count > ctx_.limits.max_items && !problems_full(ctx_)) {
        add_error(ctx_, top_path(),
                  "array has " + std::to_string(top.count) + " items, over the limit of " +
                      std::to_string(ctx_.limits.max_items));
    } else if (top.is_array && top.count > ctx_.limits.max_items) {
        add_errors_not_shown(ctx_, 1);
    }
    refused = refused || (top.is_array && top.count > ctx_.limits.max_items);
    frames_.pop_back();
    return tick();
}

// A key over the limits ends the parse at once: a file of long or countless keys is refused
// with one error, before its paths can take memory in proportion to the repeats.
bool DocumentBuilder::key(std::string& k) {
    Frame& top = frames_.back();
    if (k.size() > ctx_.limits.max_key_bytes)
        return stop(top_path(), "a key of " + std::to_string(k.size()) + " bytes (" + quote_text(k) +
                                    ") is over the limit of " + std::to_string(ctx_.limits.max_key_bytes) +
                                    " bytes");
    top.key = std::move(k);
    if (top.target) {
        ctx_.stats.parsed_bytes += kMemberBytes + top.key.size();
        const auto& members = top.target->get_ref<const Json::object_t&>();
        if (members.count(top.key) > 0) {
            if (problems_full(ctx_))
                add_errors_not_shown(ctx_, 1);
            else
                add_error(ctx_, key_path(top_path(), top.key),
                          "duplicate key: the same key appears twice in one object");
        } else if (members.size() >= ctx_.limits.max_members) {
            return stop(top_path(),
                        "object has more than " + std::to_string(ctx_.limits.max_members) + " keys");
        }
    }
    return tick();
}

bool DocumentBuilder::parse_error(std::size_t position, const std::string& last_token,
                                  const nlohmann::detail::exception& e) {
    fatal = true;
    if (auto slip = usual_slip(text_, position)) {
        add_error(ctx_, position_text(text_, slip->offset), slip->message);
        return false;
    }
    if (e.id == 406) {  // 1e999 and the like: a number that does not fit a double
        const auto at = text_.rfind(last_token, position);
        add_error(ctx_, at == std::string_view::npos ? "" : position_text(text_, at),
                  "number " + last_token + " is too large: numbers must be finite");
        return false;
    }
    add_error(ctx_, position_text(text_, position > 0 ? position - 1 : 0),
              "malformed JSON: " + parser_reason(e.what()));
    return false;
}

// The checks on the raw bytes; false (with the problem recorded) when the text is refused.
bool raw_text_ok(std::string_view text, Ctx& ctx) {
    if (text.size() > ctx.limits.max_file_bytes) {
        add_error(ctx, "",
                  "file is larger than the limit of " + std::to_string(ctx.limits.max_file_bytes) + " bytes");
        return false;
    }
    if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) {
        add_error(ctx, "", "file is empty: expected a JSON object");
        return false;
    }
    if (const auto bad = invalid_utf8_offset(text); bad != kNoOffset) {
        add_error(ctx, position_text(text, bad), "text is not valid UTF-8 (save the file as UTF-8)");
        return false;
    }
    // JSON has no place for a raw NUL, and the parser would take one as the end of the text,
    // accepting whatever follows unread.
    if (const auto nul = text.find('\0'); nul != std::string_view::npos) {
        add_error(ctx, position_text(text, nul), "NUL byte (0x00) in the text: JSON may not contain one");
        return false;
    }
    if (const auto deep = depth_exceeded_offset(text, ctx.limits.max_depth); deep != kNoOffset) {
        add_error(ctx, position_text(text, deep),
                  "nesting is deeper than the limit of " + std::to_string(ctx.limits.max_depth) + " levels");
        return false;
    }
    return true;
}

}  // namespace

std::optional<Json> read_json_document(std::string_view text, Ctx& ctx) {
    if (!raw_text_ok(text, ctx)) return std::nullopt;
    DocumentBuilder builder(text, ctx);
    try {
        Json::sax_parse(text.begin(), text.end(), &builder);
    } catch (const Json::exception& e) {
        add_error(ctx, "", std::string("unreadable JSON: ") + e.what());
        return std::nullopt;
    }
    if (builder.fatal || builder.refused) return std::nullopt;
    if (!builder.root.is_object()) {
        add_error(ctx, "$", "expected a JSON object at the top level, got " + describe(builder.root));
        return std::nullopt;
    }
    return std::move(builder.root);
}

}  // namespace feeds

#include "feeds/json_document.h"

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
    bool number_float(Json::number_float_t v, const std::string&) { return scalar(v); }
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

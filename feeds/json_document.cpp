#include "feeds/json_document.h"

#include <set>
#include <string>
#include <vector>

#include "feeds/raw_text.h"

namespace feeds {

namespace {

// Tracks where the parser is, so a duplicate key can be reported at its JSON path.
struct Frame {
    bool is_array = false;
    std::size_t index = 0;
    std::string key;
    std::set<std::string> keys;
};

std::string frames_path(const std::vector<Frame>& frames) {
    std::string path = "$";
    for (std::size_t i = 0; i + 1 < frames.size(); ++i)
        path = frames[i].is_array ? index_path(path, frames[i].index) : key_path(path, frames[i].key);
    return path;
}

// Strips nlohmann's "[json.exception.parse_error.101] parse error at line 1, column 9: " prefix:
// our own position text replaces it.
std::string parser_reason(const std::string& what) {
    const auto colon = what.find(": ");
    return colon == std::string::npos ? what : what.substr(colon + 2);
}

}  // namespace

std::optional<Json> read_json_document(std::string_view text, Ctx& ctx) {
    if (text.size() > ctx.limits.max_file_bytes) {
        add_error(ctx, "",
                  "file is larger than the limit of " + std::to_string(ctx.limits.max_file_bytes) + " bytes");
        return std::nullopt;
    }
    if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) {
        add_error(ctx, "", "file is empty: expected a JSON object");
        return std::nullopt;
    }
    if (const auto bad = invalid_utf8_offset(text); bad != kNoOffset) {
        add_error(ctx, position_text(text, bad), "text is not valid UTF-8 (save the file as UTF-8)");
        return std::nullopt;
    }
    // JSON has no place for a raw NUL, and the parser would take one as the end of the text,
    // accepting whatever follows unread.
    if (const auto nul = text.find('\0'); nul != std::string_view::npos) {
        add_error(ctx, position_text(text, nul), "NUL byte (0x00) in the text: JSON may not contain one");
        return std::nullopt;
    }
    if (const auto deep = depth_exceeded_offset(text, ctx.limits.max_depth); deep != kNoOffset) {
        add_error(ctx, position_text(text, deep),
                  "nesting is deeper than the limit of " + std::to_string(ctx.limits.max_depth) + " levels");
        return std::nullopt;
    }

    std::vector<Frame> frames;
    std::vector<std::string> duplicate_paths;  // at most limits.max_problems of them
    std::size_t duplicates_not_kept = 0;
    // A key over the limits ends the parse at once: a file of long or countless keys is refused
    // with one error, before its paths or key sets can take memory in proportion to the repeats.
    struct KeyLimit {};
    auto callback = [&](int /*depth*/, Json::parse_event_t event, Json& parsed) {
        using E = Json::parse_event_t;
        switch (event) {
            case E::object_start:
                frames.push_back(Frame{});
                break;
            case E::array_start:
                frames.push_back(Frame{true, 0, {}, {}});
                break;
            case E::key:
                if (!frames.empty()) {
                    Frame& top = frames.back();
                    const auto& key = parsed.get_ref<const std::string&>();
                    if (key.size() > ctx.limits.max_key_bytes) {
                        add_error(ctx, frames_path(frames),
                                  "a key of " + std::to_string(key.size()) + " bytes (" + quote_text(key) +
                                      ") is over the limit of " + std::to_string(ctx.limits.max_key_bytes) +
                                      " bytes");
                        throw KeyLimit{};
                    }
                    top.key = key;
                    if (top.keys.size() >= ctx.limits.max_members) {
                        add_error(ctx, frames_path(frames),
                                  "object has more than " + std::to_string(ctx.limits.max_members) + " keys");
                        throw KeyLimit{};
                    }
                    if (!top.keys.insert(top.key).second) {
                        if (duplicate_paths.size() < ctx.limits.max_problems)
                            duplicate_paths.push_back(key_path(frames_path(frames), top.key));
                        else
                            ++duplicates_not_kept;
                    }
                }
                break;
            case E::object_end:
            case E::array_end:
                if (!frames.empty()) frames.pop_back();
                [[fallthrough]];
            case E::value:
                if (!frames.empty() && frames.back().is_array) ++frames.back().index;
                break;
        }
        return true;
    };

    Json doc;
    try {
        doc = Json::parse(text.begin(), text.end(), callback);
    } catch (const KeyLimit&) {
        return std::nullopt;
    } catch (const Json::parse_error& e) {
        add_error(ctx, position_text(text, e.byte > 0 ? e.byte - 1 : 0),
                  "malformed JSON: " + parser_reason(e.what()));
        return std::nullopt;
    } catch (const Json::out_of_range& e) {
        // 1e999 and the like: nlohmann names the number but gives no position, so find it.
        const std::string what = e.what();
        std::string token, where;
        if (const auto q = what.find('\''); q != std::string::npos && what.size() > q + 2)
            token = what.substr(q + 1, what.size() - q - 2);
        if (const auto at = token.empty() ? std::string_view::npos : text.find(token);
            at != std::string_view::npos)
            where = position_text(text, at);
        add_error(ctx, where, "number " + token + " is too large: numbers must be finite");
        return std::nullopt;
    } catch (const Json::exception& e) {
        add_error(ctx, "", std::string("unreadable JSON: ") + e.what());
        return std::nullopt;
    }
    for (const auto& path : duplicate_paths)
        add_error(ctx, path, "duplicate key: the same key appears twice in one object");
    add_errors_not_shown(ctx, duplicates_not_kept);
    if (!doc.is_object()) {
        add_error(ctx, "$", "expected a JSON object at the top level, got " + describe(doc));
        return std::nullopt;
    }
    return doc;
}

}  // namespace feeds

#include "feeds/feed_parse.h"

#include <exception>

#include "feeds/feed_lookup.h"
#include "feeds/json_document.h"
#include "feeds/parse_internal.h"
#include "feeds/screen_text.h"

namespace feeds {

namespace {

// "1.0" -> {1, 0}; nullopt unless two runs of at most 4 digits joined by one dot.
std::optional<std::pair<int, int>> parse_version(const std::string& text) {
    const auto dot = text.find('.');
    if (dot == std::string::npos || dot == 0 || dot + 1 == text.size() || dot > 4 ||
        text.size() - dot - 1 > 4)
        return std::nullopt;
    int major = 0, minor = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (i == dot) continue;
        if (text[i] < '0' || text[i] > '9') return std::nullopt;
        int& part = i < dot ? major : minor;
        part = part * 10 + (text[i] - '0');
    }
    return std::pair{major, minor};
}

}  // namespace

bool check_format_and_version(Ctx& ctx, const Json& doc, std::string_view expected_format,
                              std::string& version_out) {
    const bool has_format = doc.contains("format") && doc.at("format").is_string();
    const std::string format = get_string(ctx, doc, "$", "format", Need::Required);
    if (has_format && format != expected_format) {
        add_error(ctx, "$.format",
                  "expected " + quote_text(expected_format) + ", got " + quote_text(format) +
                      (format == kFeedFormat || format == kManifestFormat ? " (wrong kind of file?)" : ""));
        return false;
    }
    const bool has_version = doc.contains("version") && doc.at("version").is_string();
    version_out = get_string(ctx, doc, "$", "version", Need::Required);
    if (!has_version) return true;
    const auto version = parse_version(version_out);
    const std::string supported = std::to_string(kFormatMajor) + ".x";
    if (!version) {
        add_error(ctx, "$.version",
                  "expected \"MAJOR.MINOR\" such as \"" + std::to_string(kFormatMajor) + "." +
                      std::to_string(kFormatMinor) + "\", got " + quote_text(version_out));
        return true;
    }
    if (version->first != kFormatMajor) {
        add_error(ctx, "$.version",
                  "unsupported format version " + quote_text(version_out) +
                      ": this reader supports version " + supported + " only");
        return false;
    }
    return true;
}

SourceRef read_source(Ctx& ctx, const Json& obj, const std::string& path) {
    warn_unknown_keys(ctx, obj, path, {"publisher", "document", "item", "lines", "url", "short"});
    SourceRef s;
    read_optional_texts(ctx, obj, path, s,
                        {{"publisher", &SourceRef::publisher},
                         {"document", &SourceRef::document},
                         {"item", &SourceRef::item},
                         {"lines", &SourceRef::lines},
                         {"url", &SourceRef::url},
                         {"short", &SourceRef::short_text}});
    return s;
}

std::optional<Feed> read_feed(Ctx& ctx, const Json& doc) {
    Feed feed;
    if (!check_format_and_version(ctx, doc, kFeedFormat, feed.format_version)) return std::nullopt;
    warn_unknown_keys(ctx, doc, "$",
                      {"format", "version", "id", "title", "as_of", "as_of_text", "source", "datasets"});
    feed.id = get_id(ctx, doc, "$", "id", Need::Required);
    feed.title = get_text(ctx, doc, "$", "title", Need::Required);
    feed.as_of = get_date(ctx, doc, "$", "as_of", Need::Required).value_or(PartialDate{});
    feed.as_of_text = get_string(ctx, doc, "$", "as_of_text", Need::Optional);
    if (const Json* source = get_object(ctx, doc, "$", "source", Need::Optional))
        feed.source = read_source(ctx, *source, "$.source");

    std::vector<std::pair<std::string, std::string>> ids;
    if (const Json* datasets = get_array(ctx, doc, "$", "datasets", Need::Required)) {
        for (std::size_t i = 0; i < datasets->size(); ++i) {
            const std::string path = index_path("$.datasets", i);
            auto ds = read_dataset(ctx, (*datasets)[i], path);
            if (!ds) continue;
            ids.emplace_back(ds->id, key_path(path, "id"));
            if (resolve_source(feed, *ds).publisher.empty())
                add_warning(
                    ctx, key_path(path, "source"),
                    "no publisher in the dataset's or the feed's source: its slides will show no \"Kilde:\"");
            feed.datasets.push_back(std::move(*ds));
        }
        if (datasets->empty()) add_error(ctx, "$.datasets", "a feed needs at least one dataset");
    }
    check_unique(ctx, ids, "dataset id");
    if (ctx.errors > 0) return std::nullopt;
    return feed;
}

namespace {

// What every parse_* does around its reader: the JSON document, the reader, everything or
// nothing, and no exception out of the API.
template <class T, class Read>
std::optional<T> read_document(Ctx& ctx, std::string_view text, const char* what, Read read) {
    std::optional<T> value;
    try {
        if (auto doc = read_json_document(text, ctx)) value = read(ctx, *doc);
    } catch (const std::exception& e) {
        // Only a bug or memory exhaustion gets here; still no exception leaves the API.
        add_error(ctx, "", std::string("internal error while reading the ") + what + ": " + e.what());
    }
    if (ctx.errors > 0) value.reset();
    if (value) value->code_points = json_code_points(text);
    finish_problems(ctx);
    return value;
}

}  // namespace

FeedResult parse_feed(std::string_view text, const std::string& file_name, const Limits& limits,
                      const ParseControl& control) {
    Ctx ctx = make_ctx(file_name, limits, control);
    std::optional<Feed> feed = read_document<Feed>(ctx, text, "feed", read_feed);
    return {std::move(feed), std::move(ctx.problems), ctx.stats};
}

ManifestResult parse_manifest(std::string_view text, const std::string& file_name, const Limits& limits,
                              const ParseControl& control) {
    Ctx ctx = make_ctx(file_name, limits, control);
    std::optional<Manifest> manifest = read_document<Manifest>(ctx, text, "manifest", read_manifest);
    return {std::move(manifest), std::move(ctx.problems), ctx.stats};
}

}  // namespace feeds

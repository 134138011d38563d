// Internal to the parsers: the pieces feed_parse.cpp, manifest_parse.cpp, dataset_parse.cpp and
// check.cpp share. Not for the app: it uses feed_parse.h.
#pragma once

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "feeds/feed_model.h"
#include "feeds/json_reader.h"

namespace feeds {

// Checks "format" equals expected_format and "version" is "MAJOR.MINOR" with our major.
// Returns false when the rest of the file must not be read (another format or major version:
// its keys would only produce noise).
bool check_format_and_version(Ctx& ctx, const Json& doc, std::string_view expected_format,
                              std::string& version_out);

// Runs of optional string keys, read in this order (so problems come in key order) into the
// item's fields: read_optional_texts(ctx, o, p, item, {{"note", &Item::note}, ...}).
template <class T>
using TextKeys = std::initializer_list<std::pair<std::string_view, std::string T::*>>;

template <class T>
void read_optional_texts(Ctx& ctx, const Json& o, const std::string& p, T& item, TextKeys<T> keys) {
    for (const auto& key : keys) item.*key.second = get_string(ctx, o, p, key.first, Need::Optional);
}

SourceRef read_source(Ctx& ctx, const Json& obj, const std::string& path);

// nullopt when the dataset's type is unknown (warned and skipped) or it could not be read.
std::optional<Dataset> read_dataset(Ctx& ctx, const Json& value, const std::string& path);

// A `link` object (a slide's, a notice's): an http(s) URL of at most kMaxLinkBytes and a caption.
std::optional<SlideLink> read_link(Ctx& ctx, const Json& o, const std::string& p);

std::optional<Feed> read_feed(Ctx& ctx, const Json& doc);
std::optional<Manifest> read_manifest(Ctx& ctx, const Json& doc);

}  // namespace feeds

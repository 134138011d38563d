// Internal: turns raw file bytes into a JSON tree, or records why it cannot.
// Order matters: size, then UTF-8, NUL and nesting depth are checked on the raw bytes, so the
// JSON parser only ever sees well-formed, shallow text. The parser is a SAX handler of our own
// (nlohmann's sax_parse): every rule on keys, members, array items and duplicates is applied
// as the tree is built, in time linear in the text (nlohmann's callback parser is quadratic in
// the length of an array of objects), and it stops at a check point when told to (ParseControl).
#pragma once

#include <optional>
#include <string_view>

#include "feeds/json_reader.h"

namespace feeds {

// Records problems in ctx; nullopt when the text is not usable JSON. Duplicate keys in one
// object are errors (a JSON parser silently keeps only one of them); an array over
// limits.max_items is an error found while parsing (its extra items are counted, not kept).
// ctx.stats gets the events seen and the estimated size of the tree; ctx.control can abandon it.
std::optional<Json> read_json_document(std::string_view text, Ctx& ctx);

}  // namespace feeds

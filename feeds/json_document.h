// Internal: turns raw file bytes into a JSON tree, or records why it cannot.
// Order matters: size, then UTF-8, then nesting depth are checked on the raw bytes, so the
// JSON parser only ever sees small, well-formed, shallow text.
#pragma once

#include <optional>
#include <string_view>

#include "feeds/json_reader.h"

namespace feeds {

// Records problems in ctx; nullopt when the text is not usable JSON. Duplicate keys in one
// object are errors (a JSON parser silently keeps only one of them).
std::optional<Json> read_json_document(std::string_view text, Ctx& ctx);

}  // namespace feeds

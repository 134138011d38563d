#include "feeds/check_paths.h"

#include <algorithm>

namespace feeds {

namespace {

// The name a person knows an array item by: its id, municipality code, goal number or label.
std::string item_name(const Json& item) {
    if (!item.is_object()) return {};
    for (const char* key : {"id", "code", "label", "name", "x", "date"}) {
        const auto it = item.find(key);
        if (it != item.end() && it->is_string() && !it->get_ref<const std::string&>().empty())
            return quote_text(it->get_ref<const std::string&>());
    }
    const auto n = item.find("number");
    if (n != item.end() && n->is_number_integer()) return "nr. " + n->dump();
    return {};
}

}  // namespace

std::string path_with_ids(const Json& doc, const std::string& path) {
    if (path.empty() || path[0] != '$') return path;
    std::string out = "$";
    const Json* cur = &doc;
    std::size_t i = 1;
    while (i < path.size()) {
        if (path[i] == '.') {
            const std::size_t j = std::min(path.find_first_of(".[", i + 1), path.size());
            const std::string key = path.substr(i + 1, j - i - 1);
            out += path.substr(i, j - i);
            cur = cur && cur->is_object() && cur->contains(key) ? &cur->at(key) : nullptr;
            i = j;
        } else if (path[i] == '[' && i + 1 < path.size() && path[i + 1] == '"') {
            const std::size_t j = path.find("\"]", i + 2);  // a quoted key: kept as written
            if (j == std::string::npos) break;
            out += path.substr(i, j + 2 - i);
            cur = nullptr;
            i = j + 2;
        } else if (path[i] == '[') {
            const std::size_t j = path.find(']', i);
            if (j == std::string::npos) break;
            out += path.substr(i, j + 1 - i);
            const std::string digits = path.substr(i + 1, j - i - 1);
            const bool number =
                !digits.empty() && digits.size() < 10 &&
                std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; });
            const std::size_t index = number ? std::stoul(digits) : 0;
            cur = number && cur && cur->is_array() && index < cur->size() ? &(*cur)[index] : nullptr;
            if (cur)
                if (const std::string name = item_name(*cur); !name.empty()) out += " (" + name + ")";
            i = j + 1;
        } else {
            break;
        }
    }
    if (i < path.size()) out += path.substr(i);
    return out;
}

std::string line_of_text(std::string_view text, std::string_view needle) {
    if (needle.empty()) return {};
    const auto at = text.find(needle);
    if (at == std::string_view::npos) return {};
    return "line " + std::to_string(1 + std::count(text.begin(), text.begin() + long(at), '\n'));
}

}  // namespace feeds

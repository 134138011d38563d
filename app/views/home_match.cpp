#include "app/views/home_match.h"

#include <algorithm>

std::string folded(std::string_view text) {
    std::string out(text);
    for (size_t i = 0; i < out.size(); ++i) {
        unsigned char ch = static_cast<unsigned char>(out[i]);
        if (ch >= 'A' && ch <= 'Z') out[i] = char(ch - 'A' + 'a');
        if (ch == 0xC3 && i + 1 < out.size()) {
            const unsigned char next = static_cast<unsigned char>(out[i + 1]);
            if (next >= 0x80 && next <= 0x9E && next != 0x97) out[i + 1] = char(next + 0x20);
            ++i;
        }
    }
    return out;
}

bool same_text(std::string_view a, std::string_view b) {
    return a.size() == b.size() && folded(a) == folded(b);
}

bool is_highlighted(const feeds::ViewOptions& options, std::string_view home,
                    std::initializer_list<std::string_view> keys) {
    for (std::string_view k : keys) {
        if (k.empty()) continue;
        if (!home.empty() && same_text(k, home)) return true;
        for (const auto& h : options.highlight)
            if (same_text(k, h)) return true;
    }
    return false;
}

bool place_is_home(std::string_view place, std::string_view home) {
    if (home.empty() || place.empty()) return false;
    const std::string p = folded(place), h = folded(home);
    return p == h || (p.size() > h.size() && p.compare(0, h.size(), h) == 0 && p[h.size()] == ' ');
}

bool places_include_home(const std::vector<std::string>& places, std::string_view home) {
    return std::any_of(places.begin(), places.end(),
                       [&](const std::string& p) { return place_is_home(p, home); });
}

namespace {

// A letter or digit of a word: ASCII ones, and every byte of a multi-byte UTF-8 character.
bool word_byte(char ch) {
    const unsigned char u = static_cast<unsigned char>(ch);
    return u >= 0x80 || (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9');
}

}  // namespace

bool text_names_home(std::string_view text, std::string_view home) {
    if (home.empty()) return false;
    const std::string t = folded(text), h = folded(home);
    for (size_t at = t.find(h); at != std::string::npos; at = t.find(h, at + 1)) {
        size_t end = at + h.size();
        if (end < t.size() && t[end] == 's') ++end;  // "Køges"
        const bool starts = at == 0 || !word_byte(t[at - 1]);
        const bool ends = end >= t.size() || !word_byte(t[end]);
        if (starts && ends) return true;
    }
    return false;
}

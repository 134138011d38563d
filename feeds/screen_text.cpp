#include "feeds/screen_text.h"

#include <algorithm>
#include <cstdio>

namespace feeds {

namespace {

// Latin (Danish æ ø å and friends), typographic punctuation, arrows and the minus sign; without
// U+0149 (deprecated, not in Inter) and U+2028-U+202E (separators and bidi controls).
constexpr CodeRange kDrawable[] = {
    {0x0020, 0x007E}, {0x00A0, 0x0148}, {0x014A, 0x017F}, {0x2010, 0x2027},
    {0x202F, 0x205E}, {0x2190, 0x2193}, {0x2212, 0x2212},
};

constexpr std::size_t kMaxNamed = 8;  // per kind and text; then "and N more"

// The next code point of `s` from `i` (advanced past it); U+FFFD for a bad sequence.
char32_t next_code_point(std::string_view s, std::size_t& i, bool& bad) {
    const auto b = static_cast<unsigned char>(s[i++]);
    if (b < 0x80) return b;
    const int extra = b >= 0xF0 ? 3 : b >= 0xE0 ? 2 : b >= 0xC0 ? 1 : -1;
    if (extra < 0 || b > 0xF4) {
        bad = true;
        return 0xFFFD;
    }
    char32_t c = b & (0x3F >> extra);
    for (int k = 0; k < extra; ++k) {
        if (i >= s.size() || (static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) {
            bad = true;
            return 0xFFFD;
        }
        c = (c << 6) | (static_cast<unsigned char>(s[i++]) & 0x3F);
    }
    return c;
}

std::string named(const std::vector<char32_t>& codes) {
    std::string out;
    for (std::size_t k = 0; k < codes.size() && k < kMaxNamed; ++k)
        out += (k ? ", " : "") + code_point_name(codes[k]);
    if (codes.size() > kMaxNamed) out += " and " + std::to_string(codes.size() - kMaxNamed) + " more";
    return out;
}

void add_once(std::vector<char32_t>& codes, char32_t c) {
    if (std::find(codes.begin(), codes.end(), c) == codes.end()) codes.push_back(c);
}

}  // namespace

std::span<const CodeRange> drawable_ranges() {
    return kDrawable;
}

bool is_control(char32_t c) {
    return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0x2028 || c == 0x2029;
}

bool is_drawable(char32_t c) {
    return std::any_of(std::begin(kDrawable), std::end(kDrawable),
                       [c](const CodeRange& r) { return c >= r.first && c <= r.last; });
}

std::string code_point_name(char32_t c) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(c));
    return buf;
}

std::vector<std::string> screen_text_problems(std::string_view utf8) {
    std::vector<char32_t> control, undrawable;
    bool bad = false;
    for (std::size_t i = 0; i < utf8.size();) {
        bool broken = false;
        const char32_t c = next_code_point(utf8, i, broken);
        bad = bad || broken;
        if (broken) continue;
        if (is_control(c))
            add_once(control, c);
        else if (!is_drawable(c))
            add_once(undrawable, c);
    }
    std::vector<std::string> out;
    if (!control.empty())
        out.push_back((control.size() == 1 ? "control character " : "control characters ") + named(control) +
                      " in a text shown on screen");
    if (!undrawable.empty())
        out.push_back((undrawable.size() == 1 ? "character " : "characters ") + named(undrawable) +
                      " cannot be drawn by the screen's fonts");
    if (bad) out.push_back("not valid UTF-8");
    return out;
}

}  // namespace feeds

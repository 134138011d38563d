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

// Code points seen, each kept once however often it occurs (a feed may hold a million "ø").
struct Seen {
    std::vector<bool> bmp = std::vector<bool>(0x10000);
    std::vector<char32_t> above;  // outside the BMP: rare, kept sorted and unique at the end
    void add(char32_t c) {
        if (c < 0x10000)
            bmp[c] = true;
        else
            add_once(above, c);
    }
    std::vector<char32_t> sorted(char32_t from) const {
        std::vector<char32_t> out;
        for (char32_t c = from; c < 0x10000; ++c)
            if (bmp[c]) out.push_back(c);
        std::vector<char32_t> rest = above;
        std::sort(rest.begin(), rest.end());
        out.insert(out.end(), rest.begin(), rest.end());
        return out;
    }
};

// The four hex digits at `i` as a number; -1 when they are not there.
long hex4(std::string_view s, std::size_t i) {
    if (i + 4 > s.size()) return -1;
    long v = 0;
    for (std::size_t k = i; k < i + 4; ++k) {
        const char c = s[k];
        const int d = c >= '0' && c <= '9'   ? c - '0'
                      : c >= 'a' && c <= 'f' ? c - 'a' + 10
                      : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                             : -1;
        if (d < 0) return -1;
        v = v * 16 + d;
    }
    return v;
}

// The escape at `i` (just past the backslash): its code point when it is a \u escape (a
// surrogate pair joined), else 0; `i` is moved past it.
char32_t json_escape(std::string_view s, std::size_t& i) {
    if (i >= s.size() || s[i] != 'u') {
        ++i;  // \n, \", \\ ...: one character
        return 0;
    }
    const long hi = hex4(s, i + 1);
    if (hi < 0) return 0;
    i += 5;
    if (hi >= 0xD800 && hi <= 0xDBFF && i + 1 < s.size() && s[i] == '\\' && s[i + 1] == 'u') {
        const long lo = hex4(s, i + 2);
        if (lo >= 0xDC00 && lo <= 0xDFFF) {
            i += 6;
            return char32_t(0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00));
        }
    }
    return char32_t(hi);
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

std::vector<char32_t> text_code_points(std::string_view utf8) {
    Seen seen;
    for (std::size_t i = 0; i < utf8.size();) {
        bool bad = false;
        const char32_t c = next_code_point(utf8, i, bad);
        if (!bad) seen.add(c);
    }
    return seen.sorted(0);
}

std::vector<char32_t> json_code_points(std::string_view json) {
    Seen seen;
    for (std::size_t i = 0; i < json.size();) {
        const auto b = static_cast<unsigned char>(json[i]);
        if (b == '\\') {
            ++i;
            seen.add(json_escape(json, i));
        } else if (b >= 0x80) {
            bool bad = false;
            const char32_t c = next_code_point(json, i, bad);
            if (!bad) seen.add(c);
        } else {
            ++i;
        }
    }
    return seen.sorted(0x80);
}

}  // namespace feeds

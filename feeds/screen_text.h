// What a text shown on screen may hold: no control characters, and only characters the
// screen's fonts draw. The table of drawable code points bounds what the app loads from its
// fonts (app/glyph_set.h: of these, the ones its data uses), so --check and the screen agree;
// tests/test_screen_text.cpp checks every code point in it has a glyph in Inter and DejaVu Sans
// (fonts-inter, fonts-dejavu-core). Pure: no fonts are opened here.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace feeds {

struct CodeRange {
    char32_t first, last;  // inclusive
};

// The code points the screen can draw, ascending.
std::span<const CodeRange> drawable_ranges();

// C0 (U+0000-U+001F), DEL, C1 (U+0080-U+009F), and the line and paragraph separators
// U+2028/U+2029: they break lines or draw as nothing, so no on-screen text may hold them.
bool is_control(char32_t c);
bool is_drawable(char32_t c);

// "U+000A", "U+1F600".
std::string code_point_name(char32_t c);

// The reasons `utf8` cannot be shown as written, one per kind ("" fine): its control
// characters and the characters the fonts cannot draw, each named once by its code. Invalid
// UTF-8 (which a JSON reader refuses before) is named as such.
std::vector<std::string> screen_text_problems(std::string_view utf8);

// The code points of `utf8`, ascending, each once (a broken sequence adds none).
std::vector<char32_t> text_code_points(std::string_view utf8);

// The code points above U+007F a JSON text holds, written as UTF-8 or as \u escapes, ascending,
// each once: a superset of those in its strings, for the screen's fonts (outside strings JSON is
// ASCII). One pass over the bytes, no parse.
std::vector<char32_t> json_code_points(std::string_view json);

}  // namespace feeds

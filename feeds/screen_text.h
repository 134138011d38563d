// What a text shown on screen may hold: no control characters, and only characters the
// screen's fonts draw. The table of drawable code points is the one the app loads from its
// fonts (app/fonts.cpp builds its ImGui glyph ranges from it), so --check and the screen agree;
// tests/test_render_pngs.cpp checks every code point in it has a glyph in Inter and DejaVu Sans
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

}  // namespace feeds

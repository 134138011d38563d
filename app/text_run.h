// The width of a line of text as it grows, measured glyph by glyph exactly as text_size()
// (ImGui's CalcTextSizeA) measures the whole: the same advances added in the same order, so
// the floats are equal, not just close. Wrapping and ellipsizing measure each glyph once this
// way instead of measuring every longer prefix again from its start (quadratic in the text).
//
// Exact for text appended at code point boundaries of valid UTF-8 (every JSON string is; a
// malformed sequence is decoded by ImGui together with the bytes after it, so a piece split
// inside one can differ).
#pragma once

#include <string_view>

#include <imgui/imgui.h>

struct TextRun {
    const ImFont* font = nullptr;
    float widest = 0;      // the widest finished line ('\n' ends one), as CalcTextSizeA keeps it
    float line = 0;        // the line being measured
    bool stopped = false;  // ImGui stops measuring at a NUL in a multi-byte decode or at 1e9 px

    explicit TextRun(const ImFont* f) : font(f) {}
    // Appends `text`: afterwards width() is text_size(font, all text appended so far).x.
    void add(std::string_view text);
    float width() const { return widest > line ? widest : line; }
};

#include "app/text_run.h"

#include <imgui/imgui_internal.h>  // ImTextCharFromUtf8, the decoder CalcTextSizeA uses

// Mirrors ImFont::CalcTextSizeA of Dear ImGui 1.86 (no word wrap, size = the font's own, so its
// scale is exactly 1); tests/test_text_run.cpp checks the widths are equal.
void TextRun::add(std::string_view text) {
    const char* s = text.data();
    const char* end = s + text.size();
    const float max_width = 1e9f;  // text_size()'s limit
    while (!stopped && s < end) {
        unsigned int c = static_cast<unsigned char>(*s);
        if (c < 0x80) {
            s += 1;
        } else {
            s += ImTextCharFromUtf8(&c, s, end);
            if (c == 0) {
                stopped = true;
                break;
            }
        }
        if (c < 32) {
            if (c == '\n') {
                widest = widest > line ? widest : line;
                line = 0;
                continue;
            }
            if (c == '\r') continue;
        }
        const float w =
            int(c) < font->IndexAdvanceX.Size ? font->IndexAdvanceX.Data[c] : font->FallbackAdvanceX;
        if (line + w >= max_width) {
            stopped = true;
            break;
        }
        line += w;
    }
}

#include "tests/view_harness.h"

#include <algorithm>
#include <vector>

#include "app/glyph_set.h"

static const char* kRegular = "/usr/share/fonts/opentype/inter/Inter-Regular.otf";
static const char* kBold = "/usr/share/fonts/opentype/inter/Inter-Bold.otf";

// Views are tested with made-up text: every drawable character, as a screen not told its data.
static FontRanges all_ranges() {
    static const std::vector<ImWchar> text = glyph_ranges_of(all_drawable_glyphs().text);
    static const std::vector<ImWchar> figures = glyph_ranges_of(all_drawable_glyphs().figures);
    return {text.data(), figures.data()};
}

ViewHarness::ViewHarness(int width, int height) : w(width), h(height), theme(default_theme()) {
    ImGuiContext* previous = ImGui::GetCurrentContext();
    ctx = ImGui::CreateContext();
    ImGui::SetCurrentContext(ctx);
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // tests write no files
    io.DisplaySize = ImVec2(float(w), float(h));
    io.DeltaTime = 1.0f / 60.0f;
    sizes = font_sizes_for(w, h);
    if (auto err = add_fonts(*io.Fonts, sizes, kRegular, kBold, all_ranges(), fonts)) font_error = *err;
    io.Fonts->Build();
    if (previous) ImGui::SetCurrentContext(previous);
}

ViewHarness::~ViewHarness() {
    ImGui::DestroyContext(ctx);
}

void ViewHarness::begin_frame() {
    ImGui::SetCurrentContext(ctx);
    ImGui::NewFrame();
}

void ViewHarness::end_frame() {
    ImGui::SetCurrentContext(ctx);
    ImGui::EndFrame();
}

ViewStyle ViewHarness::style() const {
    return ViewStyle{theme, fonts, sizes, float(std::min(w, h)) / 60.0f};
}

Canvas ViewHarness::canvas(Rect r) const {
    Canvas c;
    ImGuiContext* previous = ImGui::GetCurrentContext();
    ImGui::SetCurrentContext(ctx);
    c.dl = ImGui::GetBackgroundDrawList();  // only valid between begin_frame() and end_frame()
    ImGui::SetCurrentContext(previous);
    c.bounds = r;
    c.min_cap_height = min_cap_height(w, h);
    c.fine_print = fonts.fine;
    c.background = theme.background;
    return c;
}

std::string join_problems(const std::vector<std::string>& problems) {
    std::string out;
    for (const auto& p : problems) out += p + "\n";
    return out;
}

// Test harness for the slide views: a Dear ImGui context with the screen's fonts for one
// screen size, and a Canvas to draw into, without SDL or a window. Views draw into the
// background draw list of a frame begun by begin_frame(); nothing is ever rendered.
#pragma once

#include <string>
#include <vector>

#include <imgui/imgui.h>

#include "app/canvas.h"
#include "app/fonts.h"
#include "app/theme.h"
#include "app/view.h"

// The screen sizes every view must lay out in without a problem.
struct ScreenSize {
    int w, h;
};
inline const std::vector<ScreenSize> kScreenSizes = {
    {800, 480}, {1024, 600}, {1280, 720}, {1920, 1080}, {1080, 1920}};

// One ImGui context with the fonts for a `w` x `h` screen. Not copyable: it owns the context.
struct ViewHarness {
    int w = 0, h = 0;
    ImGuiContext* ctx = nullptr;
    FontSizes sizes{};
    Fonts fonts;
    Theme theme;
    std::string font_error;  // non-empty when the Inter fonts could not be loaded

    ViewHarness(int width, int height);
    ~ViewHarness();
    ViewHarness(const ViewHarness&) = delete;
    ViewHarness& operator=(const ViewHarness&) = delete;

    // Makes this context current and starts a frame; call before drawing.
    void begin_frame();
    // Ends the frame begun by begin_frame() (so the next begin_frame() is legal).
    void end_frame();

    ViewStyle style() const;
    // A canvas over `r` drawing into the frame's background draw list, with the minimum text
    // size of the screen's small font.
    Canvas canvas(Rect r) const;
    Rect screen() const { return {0, 0, float(w), float(h)}; }
};

// "800x480: text \"…\" overlaps \"…\"": one line per problem, for CHECK messages.
std::string join_problems(const std::vector<std::string>& problems);

// The shared look of a status: an icon drawn as a shape, a Danish word and a colour, for the
// goal scoreboard (GoalStatus) and the status board (ProjectPhase). The word and the shape
// carry the meaning; the colour only repeats it, so a colour-blind reader loses nothing.
#pragma once

#include <string_view>

#include "app/view.h"
#include "app/views/view_kit.h"

enum class StatusIcon {
    Check,      // filled disc with a tick: met, in operation
    HalfDisc,   // ring, left half filled: partly met, partly funded
    Cross,      // ring with an X: not met
    Clock,      // ring with clock hands: pending
    Play,       // filled triangle in a ring: underway
    Magnifier,  // ring with a handle: being studied
    Dot,        // ring with a small centre dot: a proposal
    Dash,       // ring with a dash: unknown
};

struct StatusLook {
    std::string_view word;  // "Opfyldt", "I gang"
    StatusIcon icon;
    ImU32 color;
};

StatusLook goal_status_look(const Theme& t, feeds::GoalStatus status);
StatusLook phase_look(const Theme& t, feeds::ProjectPhase phase);

// Draws the icon centred at `center`, fitting a circle of `radius`. Shapes only (not recorded).
void draw_status_icon(Canvas& c, const Theme& t, StatusIcon icon, ImVec2 center, float radius, ImU32 color);

// Icon + word on one line, the icon as tall as the font's cap height. `suffix` is appended to
// the word ("*" for a derived verdict). Returns the width used; the word is ellipsized to
// `max_width`. width_only: measure, draw nothing.
float draw_status_label(Canvas& c, const Theme& t, const ImFont* font, ImVec2 pos, const StatusLook& look,
                        float max_width, std::string_view suffix = "", bool width_only = false);

// Small kind icons for projects (road, rail, bus); nothing for Other. Fits a square of `size`.
void draw_kind_icon(Canvas& c, const Theme& t, feeds::ProjectKind kind, Rect box, ImU32 color);

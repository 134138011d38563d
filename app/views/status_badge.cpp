#include "app/views/status_badge.h"

#include <algorithm>
#include <cmath>
#include <string>

StatusLook goal_status_look(const Theme& t, feeds::GoalStatus status) {
    using feeds::GoalStatus;
    switch (status) {
        case GoalStatus::Met:
            return {"Opfyldt", StatusIcon::Check, t.good};
        case GoalStatus::PartlyMet:
            return {"Delvist", StatusIcon::HalfDisc, t.partial};
        case GoalStatus::NotMet:
            return {"Ikke opfyldt", StatusIcon::Cross, t.bad};
        case GoalStatus::Pending:
            break;
    }
    return {"Afventer", StatusIcon::Clock, t.pending};
}

StatusLook phase_look(const Theme& t, feeds::ProjectPhase phase) {
    using feeds::ProjectPhase;
    switch (phase) {
        case ProjectPhase::Proposal:
            return {"Forslag", StatusIcon::Dot, t.series[3]};
        case ProjectPhase::Study:
            return {"Undersøges", StatusIcon::Magnifier, t.bar};
        case ProjectPhase::PartlyFunded:
            return {"Delvist finansieret", StatusIcon::HalfDisc, t.partial};
        case ProjectPhase::Underway:
            return {"I gang", StatusIcon::Play, t.highlight};
        case ProjectPhase::InOperation:
            return {"I drift", StatusIcon::Check, t.good};
        case ProjectPhase::Unknown:
            break;
    }
    return {"Ukendt", StatusIcon::Dash, t.pending};
}

void draw_status_icon(Canvas& c, const Theme& t, StatusIcon icon, ImVec2 ctr, float r, ImU32 color) {
    ImDrawList* dl = c.dl;
    if (!dl || r <= 0) return;
    const float ring = std::max(1.5f, r * 0.2f);
    const float ri = r - ring * 0.5f;  // ring drawn inside the radius
    const float pi = 3.14159265f;
    auto p = [&](float fx, float fy) { return ImVec2(ctr.x + fx * r, ctr.y + fy * r); };
    switch (icon) {
        case StatusIcon::Check:
            dl->AddCircleFilled(ctr, r, color);
            dl->PathLineTo(p(-0.45f, 0.02f));
            dl->PathLineTo(p(-0.12f, 0.36f));
            dl->PathLineTo(p(0.48f, -0.32f));
            dl->PathStroke(t.on_badge, 0, r * 0.26f);
            break;
        case StatusIcon::HalfDisc:
            dl->AddCircle(ctr, ri, color, 0, ring);
            dl->PathArcTo(ctr, ri, pi * 0.5f, pi * 1.5f);
            dl->PathFillConvex(color);
            break;
        case StatusIcon::Cross:
            dl->AddCircle(ctr, ri, color, 0, ring);
            dl->AddLine(p(-0.38f, -0.38f), p(0.38f, 0.38f), color, ring * 1.2f);
            dl->AddLine(p(-0.38f, 0.38f), p(0.38f, -0.38f), color, ring * 1.2f);
            break;
        case StatusIcon::Clock:
            dl->AddCircle(ctr, ri, color, 0, ring);
            dl->AddLine(ctr, p(0, -0.6f), color, ring);
            dl->AddLine(ctr, p(0.45f, 0), color, ring);
            break;
        case StatusIcon::Play:
            dl->AddCircle(ctr, ri, color, 0, ring);
            dl->AddTriangleFilled(p(-0.25f, -0.42f), p(0.48f, 0), p(-0.25f, 0.42f), color);
            break;
        case StatusIcon::Magnifier:
            dl->AddCircle(p(-0.18f, -0.18f), r * 0.58f, color, 0, ring);
            dl->AddLine(p(0.25f, 0.25f), p(0.85f, 0.85f), color, ring * 1.4f);
            break;
        case StatusIcon::Dot:
            dl->AddCircle(ctr, ri, color, 0, ring);
            dl->AddCircleFilled(ctr, r * 0.32f, color);
            break;
        case StatusIcon::Dash:
            dl->AddCircle(ctr, ri, color, 0, ring);
            dl->AddLine(p(-0.4f, 0), p(0.4f, 0), color, ring * 1.2f);
            break;
    }
}

float draw_status_label(Canvas& c, const Theme& t, const ImFont* font, ImVec2 pos, const StatusLook& look,
                        float max_width, std::string_view suffix, bool width_only) {
    const float fs = font->FontSize;
    const float r = fs * 0.36f;
    const float gap = fs * 0.3f;
    const float text_x = pos.x + 2 * r + gap;
    std::string word = std::string(look.word) + std::string(suffix);
    // A cut status word says nothing; the icon's shape alone still tells the status apart.
    if (text_size(font, word).x > pos.x + max_width - text_x) word.clear();
    const float w = word.empty() ? 2 * r : 2 * r + gap + text_size(font, word).x;
    if (width_only) return w;
    draw_status_icon(c, t, look.icon, {pos.x + r, pos.y + fs * 0.54f}, r, look.color);
    canvas_text(c, font, {text_x, pos.y}, look.color, word);
    return w;
}

void draw_kind_icon(Canvas& c, const Theme& t, feeds::ProjectKind kind, Rect b, ImU32 color) {
    ImDrawList* dl = c.dl;
    if (!dl) return;
    const float s = std::min(b.w(), b.h());
    const float th = std::max(1.5f, s * 0.09f);
    const ImVec2 o{b.x0 + (b.w() - s) * 0.5f, b.y0 + (b.h() - s) * 0.5f};
    auto p = [&](float fx, float fy) { return ImVec2(o.x + fx * s, o.y + fy * s); };
    switch (kind) {
        case feeds::ProjectKind::Road:
            // A road in perspective: two edges converging, a dashed centre line.
            dl->AddLine(p(0.12f, 0.95f), p(0.38f, 0.05f), color, th);
            dl->AddLine(p(0.88f, 0.95f), p(0.62f, 0.05f), color, th);
            for (float y = 0.1f; y < 0.9f; y += 0.3f) dl->AddLine(p(0.5f, y), p(0.5f, y + 0.15f), color, th);
            break;
        case feeds::ProjectKind::Rail:
            dl->AddLine(p(0.28f, 0.02f), p(0.28f, 0.98f), color, th);
            dl->AddLine(p(0.72f, 0.02f), p(0.72f, 0.98f), color, th);
            for (float y = 0.15f; y < 1.0f; y += 0.23f) dl->AddLine(p(0.12f, y), p(0.88f, y), color, th);
            break;
        case feeds::ProjectKind::Bus:
            dl->AddRectFilled(p(0.1f, 0.08f), p(0.9f, 0.8f), color, s * 0.12f);
            dl->AddRectFilled(p(0.2f, 0.2f), p(0.8f, 0.48f), t.panel, s * 0.04f);
            dl->AddCircleFilled(p(0.28f, 0.84f), s * 0.1f, color);
            dl->AddCircleFilled(p(0.72f, 0.84f), s * 0.1f, color);
            break;
        case feeds::ProjectKind::Other:
            break;
    }
}

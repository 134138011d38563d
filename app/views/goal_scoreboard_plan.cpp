#include "app/views/goal_scoreboard_plan.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "app/views/status_badge.h"

namespace {

// "mål 2, 3, 4 og 16"
std::string number_list(const std::vector<int>& numbers) {
    std::string out = "mål ";
    for (size_t i = 0; i < numbers.size(); ++i) {
        if (i > 0) out += i + 1 == numbers.size() ? " og " : ", ";
        out += std::to_string(numbers[i]);
    }
    return out;
}

// The met ones: an icon, then the numbers, wrapped, in the body font. False when a line
// would be cut.
bool plan_met(const ViewStyle& s, Rect area, ExceptionsPlan& p, float& met_h) {
    if (p.met.empty()) return true;
    const Fonts& f = s.fonts;
    Canvas none;
    StatusLook l = goal_status_look(s.theme, feeds::GoalStatus::Met);
    l.word = "Opfyldt:";
    p.met_icon_w = draw_status_label(none, s.theme, f.body_bold, {0, 0}, l, 1e9f, kNoMark, true) + p.pad;
    const std::string met_text = number_list(p.met);
    p.met_lines = wrap_lines(f.body, met_text, area.w() - p.met_icon_w, 0);
    if (!fits_lines(f.body, met_text, area.w() - p.met_icon_w, int(p.met_lines.size()))) return false;
    met_h = f.body->FontSize * 1.15f * float(p.met_lines.size() - 1) + f.body->FontSize;
    return true;
}

// One row per open goal: number | title (wrapped, whole) | status; with `details`, the
// result in the small font beside a one-line title when it fits there, else under the title
// (as wide as the row, under the status too) when it fits whole in two lines.
struct RowWidths {
    float title = 0, detail = 0, gap = 0;
};

std::vector<ExceptionRow> plan_rows(const ViewStyle& s, const std::vector<const feeds::Goal*>& open,
                                    RowWidths w, float vpad, bool details) {
    const Fonts& f = s.fonts;
    const float lh_body = f.body->FontSize * 1.15f, lh_small = f.small->FontSize * 1.15f;
    std::vector<ExceptionRow> rows;
    for (const auto* g : open) {
        ExceptionRow r;
        r.goal = g;
        r.title = wrap_lines(f.body, g->title, w.title, 0);
        r.h = lh_body * float(r.title.size() - 1) + f.body->FontSize;
        if (details && !g->result_text.empty()) {
            const float beside = text_size(f.body, g->title).x + w.gap;
            auto d = wrap_lines(f.small, g->result_text, w.detail, 0);
            if (r.title.size() == 1 && beside + text_size(f.small, g->result_text).x <= w.title) {
                r.detail = {g->result_text};
                r.detail_x = std::round(beside);
            } else if (d.size() <= 2 && fits_lines(f.small, g->result_text, w.detail, 2)) {
                r.detail = std::move(d);
                r.h += vpad * 0.5f + lh_small * float(r.detail.size() - 1) + f.small->FontSize;
            }
        }
        r.h += vpad * 2;
        rows.push_back(std::move(r));
    }
    return rows;
}

// The number and status columns' widths.
void plan_columns(const ViewStyle& s, const std::vector<const feeds::Goal*>& open, ExceptionsPlan& p) {
    const Fonts& f = s.fonts;
    Canvas none;
    p.num_w = text_size(f.body_bold, "18").x;
    for (const auto* g : open)
        p.num_w = std::max(p.num_w, text_size(f.body_bold, std::to_string(g->number)).x);
    p.num_w = std::ceil(p.num_w) + 1;
    for (const auto* g : open)
        p.status_w = std::max(
            p.status_w, draw_status_label(none, s.theme, f.body, {0, 0}, goal_status_look(s.theme, g->status),
                                          1e9f, kNoMark, true));
    p.title_x0 = p.stripe + p.pad + p.num_w + p.pad;
}

}  // namespace

ExceptionsPlan plan_exceptions(const ViewStyle& s, Rect area, const feeds::GoalList& data, float gap) {
    const Fonts& f = s.fonts;
    ExceptionsPlan p;
    std::vector<const feeds::Goal*> open;
    for (const auto& g : data.items) {
        if (g.status == feeds::GoalStatus::Met)
            p.met.push_back(g.number);
        else
            open.push_back(&g);
    }
    p.pad = std::round(s.unit * 0.8f), p.stripe = std::max(3.0f, s.unit * 0.4f);
    float met_h = 0;
    if (!plan_met(s, area, p, met_h)) return p;
    plan_columns(s, open, p);
    const float title_w = area.w() - p.title_x0 - p.pad * 2 - p.status_w;
    if (title_w < f.body->FontSize * 4) return p;
    const RowWidths widths{title_w, area.w() - p.title_x0 - p.pad, std::round(s.unit * 1.5f)};
    auto total_h = [&](const std::vector<ExceptionRow>& rows) {
        float h = met_h > 0 ? met_h + p.met_gap : 0;
        for (const auto& r : rows) h += r.h + p.row_gap;
        return h;
    };
    // Results where they fit, goal by goal from the top; titles always. Less air in and
    // between the rows when that brings every result on screen.
    for (float share : {1.0f, 0.5f, 0.25f}) {
        p.vpad = std::round(p.pad * share);
        p.row_gap = std::max(2.0f, std::round(gap * 0.6f * share));
        p.met_gap = std::round(gap * (share < 1 ? 0.5f : 1.5f));
        p.rows = plan_rows(s, open, widths, p.vpad, false);
        if (total_h(p.rows) > area.h()) {
            if (share > 0.3f) continue;
            return p;
        }
        const std::vector<ExceptionRow> with = plan_rows(s, open, widths, p.vpad, true);
        bool all = true;
        for (size_t i = 0; i < p.rows.size(); ++i) {
            const ExceptionRow keep = p.rows[i];
            p.rows[i] = with[i];
            if (total_h(p.rows) > area.h()) p.rows[i] = keep;
            all = all && p.rows[i].detail.size() == with[i].detail.size();
        }
        p.all_results = all;
        if (all) break;
    }
    for (const auto& r : p.rows)
        for (const auto& l : r.title)
            if (!fits_lines(f.body, l, title_w, 1)) return p;
    p.fits = true;
    return p;
}

std::vector<std::string> goals_left_out(const feeds::GoalList& data, const ExceptionsPlan* finding, int shown,
                                        int meant) {
    std::vector<const feeds::Goal*> with_result;
    if (finding)
        for (const auto& r : finding->rows)
            if (!r.detail.empty()) with_result.push_back(r.goal);
    std::vector<std::string> out;
    for (int i = 0; i < shown && i < int(data.items.size()); ++i) {
        const feeds::Goal& g = data.items[size_t(i)];
        if (g.result_text.empty() ||
            std::find(with_result.begin(), with_result.end(), &g) != with_result.end())
            continue;
        // The finding summarises met goals by number (FORMAT.md): their results belong to the
        // rows and cards that list a goal on its own.
        if (finding && g.status == feeds::GoalStatus::Met) continue;
        out.push_back("goal " + std::to_string(g.number) + ": the result \"" + g.result_text +
                      "\" does not fit");
    }
    for (int i = shown; i < meant && i < int(data.items.size()); ++i)
        out.push_back("goal " + std::to_string(data.items[size_t(i)].number) + " is not shown: " +
                      std::to_string(shown) + " of " + std::to_string(meant) + " goals fit");
    return out;
}

// Goal scoreboard: a summary line ("13 opfyldt · 4 delvist · 1 afventer"), then every goal whole
// when they fit (a list of number, title, status); when they do not, the finding: the goals
// not (yet) met, each with its title, status and result, and the met ones by number
// ("Opfyldt: mål 2, 3, 4 … og 16"). Titles are never cut: "Kendskab til er…" says nothing.
// Whose verdict it is (the document's or one read off its figures) is the slide caption's to
// say, from the feed; the screen carries no editor's footnote.
#include <algorithm>
#include <array>
#include <cmath>
#include <string>
#include <vector>

#include "app/view.h"
#include "app/views/goal_scoreboard_plan.h"
#include "app/views/status_badge.h"

namespace {

struct Grid {
    int cols = 0, rows = 0, shown = 0;
    float card_w = 0, card_h = 0, gap = 0;
};

struct CardMetrics {
    float pad, line_gap, min_w, min_h;
};

CardMetrics card_metrics(const ViewStyle& s) {
    CardMetrics m;
    m.pad = std::round(s.unit * 0.9f);
    m.line_gap = std::round(s.unit * 0.35f);
    m.min_w = s.fonts.body->FontSize * 7.5f;
    m.min_h = 2 * m.pad + s.fonts.body->FontSize + m.line_gap + s.fonts.small->FontSize;
    return m;
}

// The fewest columns whose rows still fit: the widest cards, so titles are cut the least.
Grid choose_grid(const CardMetrics& m, Rect area, int n, float gap) {
    Grid g;
    g.gap = gap;
    const int max_cols = std::max(1, int((area.w() + gap) / (m.min_w + gap)));
    const int max_rows = std::max(0, int((area.h() + gap) / (m.min_h + gap)));
    g.shown = std::min(n, max_cols * max_rows);
    if (g.shown == 0) return g;
    for (int cols = 1; cols <= max_cols; ++cols) {
        const int rows = (g.shown + cols - 1) / cols;
        if (rows <= max_rows) {
            g.cols = cols;
            g.rows = rows;
            break;
        }
    }
    g.card_w = (area.w() - gap * (g.cols - 1)) / g.cols;
    g.card_h = std::min((area.h() - gap * (g.rows - 1)) / g.rows, m.min_h * 2.2f);  // no towering cards
    return g;
}

// "13 opfyldt · 3 delvist · 3 ikke opfyldt · 1 afventer", each part with its status icon.
// Parts flow onto a second line rather than shrink (a portrait screen is narrow). Returns the
// height used; measure_only: draw nothing.
float draw_summary(Canvas& c, const ViewStyle& s, Rect area, const std::array<int, 4>& counts,
                   const ImFont* font, bool measure_only) {
    static const feeds::GoalStatus order[] = {feeds::GoalStatus::Met, feeds::GoalStatus::PartlyMet,
                                              feeds::GoalStatus::NotMet, feeds::GoalStatus::Pending};
    static const char* words[] = {"opfyldt", "delvist", "ikke opfyldt", "afventer"};
    const float sep = font->FontSize * 1.2f, line_h = font->FontSize * 1.3f;
    float x = area.x0, y = area.y0;
    bool line_start = true;
    for (int k = 0; k < 4; ++k) {
        if (counts[k] == 0) continue;
        StatusLook look = goal_status_look(s.theme, order[k]);
        const std::string word = std::to_string(counts[k]) + " " + words[k];
        look.word = word;
        const float w = draw_status_label(c, s.theme, font, {0, 0}, look, 1e9f, "", true);
        if (!line_start && x + sep + w > area.x1) {
            x = area.x0;
            y += line_h;
            line_start = true;
        }
        if (!line_start) {
            if (c.dl && !measure_only)  // a dot between parts: a shape, never in the way of the words
                c.dl->AddCircleFilled({x + sep * 0.5f, y + font->FontSize * 0.55f},
                                      std::max(2.0f, font->FontSize * 0.08f), s.theme.text_muted);
            x += sep;
        }
        if (!measure_only) draw_status_label(c, s.theme, font, {x, y}, look, area.x1 - x);
        x += w;
        line_start = false;
    }
    return y - area.y0 + font->FontSize;
}

void draw_card(Canvas& c, const ViewStyle& s, const CardMetrics& m, Rect card, const feeds::Goal& g) {
    const Fonts& f = s.fonts;
    const StatusLook look = goal_status_look(s.theme, g.status);
    canvas_rect(c, card, s.theme.panel, s.unit * 0.5f);
    // A stripe in the status colour; the icon and the word say the same for those who
    // cannot tell the colours apart.
    canvas_rect(c, {card.x0, card.y0, card.x0 + std::max(3.0f, s.unit * 0.4f), card.y1}, look.color,
                s.unit * 0.2f);

    const Rect in{card.x0 + m.pad * 1.3f, card.y0 + m.pad, card.x1 - m.pad, card.y1 - m.pad};
    // The number big when the card is tall enough, else the bold body size.
    const ImFont* num_font = in.h() >= f.heading->FontSize ? f.heading : f.body_bold;
    const std::string num = std::to_string(g.number);
    // Whole pixels and one to spare: a box exactly the text's width may lose it to rounding.
    const float num_w = std::ceil(std::max(text_size(num_font, "18").x, text_size(num_font, num).x)) + 1;
    canvas_text_in(c, num_font, {in.x0, in.y0, in.x0 + num_w, in.y0 + num_font->FontSize}, s.theme.text, num,
                   Align::Right);
    const float tx = in.x0 + num_w + m.pad;
    if (in.x1 - tx < f.small->FontSize * 2) return;

    // Status at the bottom of the card, the title above it in one or two lines.
    const ImFont* status_font = in.h() >= f.body->FontSize * 2.15f + m.line_gap * 2 ? f.body : f.small;
    const float status_y = in.y1 - status_font->FontSize;
    draw_status_label(c, s.theme, status_font, {tx, status_y}, look, in.x1 - tx, kNoMark);
    // The title whole in two lines of the body or the small font, else only the number shows.
    const Rect title_box{tx, in.y0, in.x1, status_y - m.line_gap};
    for (const ImFont* font : {f.body, f.small}) {
        const int lines = std::min(2, int((title_box.h() - font->FontSize) / (font->FontSize * 1.15f)) + 1);
        if (lines >= 1 && fits_lines(font, g.title, title_box.w(), lines)) {
            canvas_paragraph(c, font, title_box, s.theme.text, g.title, lines);
            break;
        }
    }
}

// A list, one line per goal (number, title, status), in one or two columns: on a short
// landscape body a grid's cards are too low for two title lines, and a title cut to "Kendskab
// til er…" says nothing. Draws nothing and returns false unless every goal fits whole.
bool draw_goal_list(Canvas& c, const ViewStyle& s, Rect area, const feeds::GoalList& data, int n, float gap) {
    const Fonts& f = s.fonts;
    const float row_gap = std::max(2.0f, std::round(gap * 0.5f));
    const float min_row_h = std::round(f.body->FontSize * 1.45f);
    const int max_rows = int((area.h() + row_gap) / (min_row_h + row_gap));
    if (max_rows <= 0) return false;
    const int cols = (n + max_rows - 1) / max_rows;
    if (cols > 2) return false;
    const int rows = (n + cols - 1) / cols;
    const float col_w = (area.w() - gap * 2 * (cols - 1)) / cols;
    const float row_h = std::min((area.h() - row_gap * (rows - 1)) / rows, f.body->FontSize * 2.0f);
    const float pad = std::round(s.unit * 0.8f), stripe = std::max(3.0f, s.unit * 0.4f);
    float num_w = text_size(f.body_bold, "18").x;
    for (int i = 0; i < n; ++i)
        num_w = std::max(num_w, text_size(f.body_bold, std::to_string(data.items[i].number)).x);
    num_w = std::ceil(num_w) + 1;
    // The status column and the titles' font: body when every title fits whole beside it, else small.
    for (const ImFont* font : {f.body, f.small}) {
        float status_w = 0, title_need = 0;
        for (int i = 0; i < n; ++i) {
            const auto& g = data.items[i];
            status_w = std::max(
                status_w, draw_status_label(c, s.theme, font, {0, 0}, goal_status_look(s.theme, g.status),
                                            1e9f, kNoMark, true));
            title_need = std::max(title_need, text_size(font, g.title).x);
        }
        const float title_x0 = stripe + pad + num_w + pad, title_w = col_w - title_x0 - pad * 2 - status_w;
        if (title_need > title_w) continue;
        for (int i = 0; i < n; ++i) {
            const auto& g = data.items[i];
            const int col = i / rows, row = i % rows;
            const float x = area.x0 + col * (col_w + gap * 2),
                        y = std::round(area.y0 + row * (row_h + row_gap));
            const Rect card{x, y, x + col_w, std::round(y + row_h)};
            const StatusLook look = goal_status_look(s.theme, g.status);
            canvas_rect(c, card, s.theme.panel, s.unit * 0.4f);
            canvas_rect(c, {card.x0, card.y0, card.x0 + stripe, card.y1}, look.color, s.unit * 0.2f);
            canvas_text_in(c, f.body_bold, {x + stripe + pad, card.y0, x + stripe + pad + num_w, card.y1},
                           s.theme.text, std::to_string(g.number), Align::Right);
            canvas_text_in(c, font, {x + title_x0, card.y0, x + title_x0 + title_w, card.y1}, s.theme.text,
                           g.title);
            const float sy = std::floor(card.y0 + (card.h() - font->FontSize) * 0.5f);
            draw_status_label(c, s.theme, font, {card.x1 - pad - status_w, sy}, look, status_w, kNoMark);
        }
        return true;
    }
    return false;
}

// The goals not met (or not yet), each whole with its result, and the met ones as numbers.
void draw_exceptions(Canvas& c, const ViewStyle& s, Rect area, const ExceptionsPlan& p) {
    const Fonts& f = s.fonts;
    const float lh_body = f.body->FontSize * 1.15f, lh_small = f.small->FontSize * 1.15f;
    float y = area.y0;
    for (const ExceptionRow& r : p.rows) {
        const feeds::Goal& g = *r.goal;
        const StatusLook look = goal_status_look(s.theme, g.status);
        const Rect card{area.x0, std::round(y), area.x1, std::round(y + r.h)};
        canvas_rect(c, card, s.theme.panel, s.unit * 0.4f);
        canvas_rect(c, {card.x0, card.y0, card.x0 + p.stripe, card.y1}, look.color, s.unit * 0.2f);
        const float ty = card.y0 + p.vpad;
        canvas_text_in(
            c, f.body_bold,
            {card.x0 + p.stripe + p.pad, ty, card.x0 + p.stripe + p.pad + p.num_w, ty + f.body->FontSize},
            s.theme.text, std::to_string(g.number), Align::Right);
        float ly = ty;
        for (const auto& l : r.title) {
            canvas_text(c, f.body, {card.x0 + p.title_x0, std::round(ly)}, s.theme.text, l);
            ly += lh_body;
        }
        ly += f.body->FontSize - lh_body + p.vpad * 0.5f;
        if (r.detail_x > 0)  // beside the title, level with it
            ly = ty + std::floor((f.body->FontSize - f.small->FontSize) * 0.5f);
        for (const auto& l : r.detail) {
            canvas_text(c, f.small, {card.x0 + p.title_x0 + r.detail_x, std::round(ly)}, s.theme.text_muted,
                        l);
            ly += lh_small;
        }
        draw_status_label(c, s.theme, f.body, {card.x1 - p.pad - p.status_w, ty}, look, p.status_w, kNoMark);
        y += r.h + p.row_gap;
    }
    if (p.met.empty()) return;
    y = std::round(y + p.met_gap - p.row_gap);
    StatusLook l = goal_status_look(s.theme, feeds::GoalStatus::Met);
    l.word = "Opfyldt:";
    draw_status_label(c, s.theme, f.body_bold, {area.x0, y}, l, p.met_icon_w);
    for (const auto& line : p.met_lines) {
        canvas_text(c, f.body, {area.x0 + p.met_icon_w, std::round(y)}, s.theme.text, line);
        y += lh_body;
    }
}

}  // namespace

void draw_goal_scoreboard(Canvas& c, const ViewStyle& s, Rect area, const feeds::GoalList& data,
                          const ViewInput& in) {
    if (data.items.empty()) return draw_no_items(c, s, area);
    const Fonts& f = s.fonts;
    const int total = int(data.items.size());
    const float gap = std::round(s.unit * 0.8f);

    std::array<int, 4> counts{};
    for (const auto& g : data.items) ++counts[size_t(g.status)];

    // Summary on top: bold body size in at most two lines, else smaller.
    const ImFont* sum_font = f.body_bold;
    for (const ImFont* cand : {f.body_bold, f.body, f.small}) {
        sum_font = cand;
        if (draw_summary(c, s, area, counts, cand, true) <= cand->FontSize * 2.4f) break;
    }
    const float sum_h = draw_summary(c, s, area, counts, sum_font, false);
    area.y0 = std::round(area.y0 + sum_h + gap * 1.5f);

    const CardMetrics m = card_metrics(s);
    int limit = total;
    if (in.slide.options.limit > 0) limit = std::min(limit, in.slide.options.limit);
    auto report = [&](const ExceptionsPlan* finding, int shown) {
        const std::vector<std::string> out = goals_left_out(data, finding, shown, limit);
        c.left_out.insert(c.left_out.end(), out.begin(), out.end());
    };
    if (limit == total && draw_goal_list(c, s, area, data, total, gap)) return report(nullptr, total);
    if (limit == total) {
        ExceptionsPlan p = plan_exceptions(s, area, data, gap);
        if (p.fits && !p.all_results) {  // less air under the summary when the results need it
            const Rect closer{area.x0, area.y0 - gap, area.x1, area.y1};
            if (ExceptionsPlan q = plan_exceptions(s, closer, data, gap); q.fits && q.all_results)
                p = std::move(q), area = closer;
        }
        if (p.fits) {
            report(&p, total);
            return draw_exceptions(c, s, area, p);
        }
    }
    Grid grid = choose_grid(m, area, limit, gap);
    if (grid.shown < total) {
        grid = choose_grid(m, hidden_note_space(c, s, area), limit, gap);
        area = draw_hidden_note(c, s, area, grid.shown, total, "mål");
    }
    if (grid.shown <= 0) {
        c.notes.push_back("goal scoreboard: area too small for one card");
        return;
    }
    report(nullptr, grid.shown);
    // Column-major order: goals read down the first column, then the next, like a list.
    for (int i = 0; i < grid.shown; ++i) {
        const int col = i / grid.rows, row = i % grid.rows;
        const float x = area.x0 + col * (grid.card_w + gap), y = area.y0 + row * (grid.card_h + gap);
        draw_card(c, s, m, {x, y, x + grid.card_w, y + grid.card_h}, data.items[i]);
    }
}

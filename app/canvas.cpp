#include "app/canvas.h"
#include "app/box_grid.h"
#include "app/contrast.h"
#include "app/fonts.h"
#include "app/rounded_rect.h"
#include "app/text_run.h"
#include "feeds/json_reader.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

static const char* kEllipsis = "\xE2\x80\xA6";        // U+2026
static constexpr float kOverlapCell = 48;             // px: a line of text or two
static constexpr std::size_t kMaxOverlapsSaid = 100;  // more are counted in one line

ImVec2 text_size(const ImFont* font, std::string_view text) {
    if (text.empty()) return {0, font->FontSize};
    return const_cast<ImFont*>(font)->CalcTextSizeA(font->FontSize, 1e9f, 0.0f, text.data(),
                                                    text.data() + text.size());
}

static size_t next_code_point(std::string_view text, size_t i) {
    ++i;
    while (i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) ++i;
    return i;
}

std::string ellipsize(const ImFont* font, std::string_view text, float max_width) {
    if (text_size(font, text).x <= max_width) return std::string(text);
    const float ell_w = text_size(font, kEllipsis).x;
    // ImGui 1.86 does no kerning, so widths add up glyph by glyph: one pass suffices, each
    // glyph measured once.
    TextRun run(font);
    size_t keep = 0;
    for (size_t i = 0; i < text.size();) {
        const size_t next = next_code_point(text, i);
        run.add(text.substr(i, next - i));
        if (run.width() + ell_w > max_width) break;
        keep = next;
        i = next;
    }
    if (keep == 0 && ell_w > max_width) return {};
    std::string_view head = text.substr(0, keep);
    while (!head.empty() && (head.back() == ' ' || head.back() == ',' || head.back() == '-'))
        head.remove_suffix(1);
    return std::string(head) + kEllipsis;
}

void canvas_text(Canvas& c, const ImFont* font, ImVec2 pos, ImU32 color, std::string_view text, bool cut) {
    if (text.empty()) return;
    const ImVec2 sz = text_size(font, text);  // a text with line breaks is as tall as its lines
    c.texts.push_back({{pos.x, pos.y, pos.x + sz.x, pos.y + std::max(sz.y, font->FontSize)},
                       std::string(text),
                       cut,
                       color,
                       c.fills.size()});
    const float cap = cap_height(font);
    if (font != c.fine_print && cap + 0.01f < c.min_cap_height) {
        char buf[120];
        std::snprintf(buf, sizeof buf, " has capitals of %.1f px, below the floor %.1f px", cap,
                      c.min_cap_height);
        c.notes.push_back("text " + feeds::quote_text(text) + buf);
    }
    if (c.dl)
        c.dl->AddText(const_cast<ImFont*>(font), font->FontSize, pos, color, text.data(),
                      text.data() + text.size());
}

float canvas_text_in(Canvas& c, const ImFont* font, Rect box, ImU32 color, std::string_view text,
                     Align align) {
    const std::string fitted = ellipsize(font, text, box.w());
    const float w = text_size(font, fitted).x;
    float x = box.x0;
    if (align == Align::Center) x = box.x0 + (box.w() - w) * 0.5f;
    if (align == Align::Right) x = box.x1 - w;
    const float y = box.y0 + (box.h() - font->FontSize) * 0.5f;
    canvas_text(c, font, {std::floor(x), std::floor(y)}, color, fitted, fitted.size() != text.size());
    return w;
}

std::vector<std::string> wrap_lines(const ImFont* font, std::string_view text, float max_width,
                                    int max_lines) {
    std::vector<std::string> lines;
    std::string current;
    TextRun run(font);  // measures `current`: each word once, not every line from its start
    size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && text[i] == ' ') ++i;
        size_t j = text.find(' ', i);
        if (j == std::string_view::npos) j = text.size();
        std::string_view word = text.substr(i, j - i);
        i = j;
        if (word.empty()) continue;
        if (current.empty()) {
            current = std::string(word);
            run = TextRun(font);
            run.add(word);
            continue;
        }
        TextRun longer = run;
        longer.add(" ");
        longer.add(word);
        if (longer.width() <= max_width) {
            current += " ";
            current += word;
            run = longer;
            continue;
        }
        lines.push_back(current);
        current = std::string(word);
        run = TextRun(font);
        run.add(word);
        if (max_lines > 0 && int(lines.size()) == max_lines) {
            // No room for what is left: mark the last line as cut.
            lines.back() =
                ellipsize(font, lines.back() + " " + std::string(text.substr(i - word.size())), max_width);
            return lines;
        }
    }
    if (!current.empty()) lines.push_back(current);
    for (auto& l : lines) l = ellipsize(font, l, max_width);  // a single over-long word
    return lines;
}

ParagraphLines paragraph_lines(const ImFont* font, Rect box, std::string_view text, int max_lines) {
    ParagraphLines p;
    const float line_h = font->FontSize * 1.15f;
    int fit = int((box.h() - font->FontSize) / line_h) + 1;
    if (box.h() < font->FontSize) fit = 0;
    if (max_lines > 0) fit = std::min(fit, max_lines);
    if (fit <= 0) return p;
    p.lines = wrap_lines(font, text, box.w(), fit);
    float y = box.y0;
    for (std::size_t i = 0; i < p.lines.size(); ++i) {
        p.boxes.push_back({box.x0, y, box.x1, y + font->FontSize});
        y += line_h;
    }
    p.height = p.lines.empty() ? 0 : (y - line_h + font->FontSize - box.y0);
    return p;
}

float canvas_paragraph(Canvas& c, const ImFont* font, Rect box, ImU32 color, std::string_view text,
                       int max_lines, Align align) {
    const ParagraphLines p = paragraph_lines(font, box, text, max_lines);
    for (std::size_t i = 0; i < p.lines.size(); ++i)
        canvas_text_in(c, font, p.boxes[i], color, p.lines[i], align);
    return p.height;
}

bool lines_whole(const std::vector<std::string>& lines, std::string_view text) {
    // wrap_lines marks what it had to cut with an ellipsis at a line's end.
    if (text.find(kEllipsis) != std::string_view::npos) return true;
    for (const auto& l : lines)
        if (l.size() >= 3 && l.compare(l.size() - 3, 3, kEllipsis) == 0) return false;
    return true;
}

bool fits_lines(const ImFont* font, std::string_view text, float max_width, int max_lines) {
    return lines_whole(wrap_lines(font, text, max_width, max_lines), text);
}

const ImFont* fit_font(std::initializer_list<const ImFont*> candidates, std::string_view text,
                       float max_width) {
    const ImFont* last = nullptr;
    for (const ImFont* f : candidates) {
        last = f;
        if (text_size(f, text).x <= max_width) return f;
    }
    return last;
}

std::string first_that_fits(const ImFont* font, const std::vector<std::string>& forms, float max_width) {
    for (const auto& f : forms)
        if (text_size(font, f).x <= max_width) return f;
    return forms.empty() ? std::string() : forms.back();
}

void canvas_rect(Canvas& c, Rect r, ImU32 color, float rounding) {
    c.fills.push_back({r, color});
    if (c.dl) add_rounded_rect(c.dl, r.min(), r.max(), color, rounding);
}

void canvas_disc(Canvas& c, ImVec2 center, float radius, ImU32 color) {
    const float h = radius * 0.70710678f;
    c.fills.push_back({{center.x - h, center.y - h, center.x + h, center.y + h}, color});
    if (c.dl) c.dl->AddCircleFilled(center, radius, color);
}

void canvas_line(Canvas& c, ImVec2 a, ImVec2 b, ImU32 color, float thickness) {
    if (!c.dl) return;
    // Axis-parallel lines (grids, axes, markers) as whole-pixel rectangles: crisp, and SDL's
    // software rasteriser loses parts of long, thin anti-aliased triangles (gridlines showed
    // gaps along half their length at 800x480).
    const float t = std::max(1.0f, std::round(thickness));
    if (a.y == b.y) {
        const float y0 = std::round(a.y - t * 0.5f);
        c.dl->AddRectFilled({std::round(std::min(a.x, b.x)), y0}, {std::round(std::max(a.x, b.x)), y0 + t},
                            color);
    } else if (a.x == b.x) {
        const float x0 = std::round(a.x - t * 0.5f);
        c.dl->AddRectFilled({x0, std::round(std::min(a.y, b.y))}, {x0 + t, std::round(std::max(a.y, b.y))},
                            color);
    } else {
        c.dl->AddLine(a, b, color, thickness);
    }
}

bool text_was_cut(const PlacedText& t) {
    return t.cut || (t.text.size() >= 3 && t.text.compare(t.text.size() - 3, 3, kEllipsis) == 0);
}

static bool overlaps(const Rect& a, const Rect& b) {
    const float tol = 0.5f;  // touching boxes are fine
    return a.x0 < b.x1 - tol && b.x0 < a.x1 - tol && a.y0 < b.y1 - tol && b.y0 < a.y1 - tol;
}

ImU32 colour_under(const Canvas& c, const PlacedText& t) {
    const float x = (t.box.x0 + t.box.x1) * 0.5f, y = (t.box.y0 + t.box.y1) * 0.5f;
    for (std::size_t i = std::min(t.fills_before, c.fills.size()); i-- > 0;) {
        const Rect& r = c.fills[i].box;
        if (x >= r.x0 && x < r.x1 && y >= r.y0 && y < r.y1) return blend_over(c.fills[i].color, c.background);
    }
    return c.background;
}

// Text below kMinTextContrast against the colour under it. Nothing is checked on a canvas
// without a background colour (layout-only canvases).
static void contrast_problems(const Canvas& c, std::vector<std::string>& out) {
    if (((c.background >> IM_COL32_A_SHIFT) & 0xFF) == 0) return;
    for (const auto& t : c.texts) {
        const ImU32 under = colour_under(c, t);
        const double ratio = contrast_ratio(blend_over(t.color, under), under);
        if (ratio + 1e-9 >= kMinTextContrast) continue;
        char buf[96];
        std::snprintf(buf, sizeof buf, " has a contrast of %.2f:1 against #%06X, below %.1f:1", ratio,
                      unsigned(((under & 0xFF) << 16) | (under & 0xFF00) | ((under >> 16) & 0xFF)),
                      kMinTextContrast);
        out.push_back("text " + feeds::quote_text(t.text) + buf);
    }
}

std::vector<std::string> canvas_problems(const Canvas& c) {
    std::vector<std::string> out = c.notes;
    const float tol = 0.5f;
    for (const auto& t : c.texts) {
        const Rect& b = t.box;
        if (b.x0 < c.bounds.x0 - tol || b.y0 < c.bounds.y0 - tol || b.x1 > c.bounds.x1 + tol ||
            b.y1 > c.bounds.y1 + tol)
            out.push_back("text " + feeds::quote_text(t.text) + " leaves the screen");
        if (text_was_cut(t)) out.push_back("text " + feeds::quote_text(t.text) + " is cut short");
    }
    contrast_problems(c, out);
    // Overlapping pairs, found through a grid (a text meets only the texts near it, not all of
    // them), reported in the order of the texts.
    BoxGrid grid(c.bounds, kOverlapCell);
    for (std::size_t i = 0; i < c.texts.size(); ++i) grid.add(int(i), c.texts[i].box);
    std::vector<std::pair<std::size_t, std::size_t>> pairs;
    for (std::size_t i = 0; i < c.texts.size(); ++i)
        grid.near(c.texts[i].box, [&](int j) {
            if (std::size_t(j) > i && overlaps(c.texts[i].box, c.texts[std::size_t(j)].box))
                pairs.push_back({i, std::size_t(j)});
        });
    std::sort(pairs.begin(), pairs.end());
    pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
    for (std::size_t k = 0; k < pairs.size() && k < kMaxOverlapsSaid; ++k)
        out.push_back("text " + feeds::quote_text(c.texts[pairs[k].first].text) + " overlaps " +
                      feeds::quote_text(c.texts[pairs[k].second].text));
    if (pairs.size() > kMaxOverlapsSaid)
        out.push_back("and " + std::to_string(pairs.size() - kMaxOverlapsSaid) + " more overlapping texts");
    return out;
}

std::optional<std::vector<std::string>> wrap_whole(const ImFont* font, std::string_view text, float max_width,
                                                   int max_lines) {
    // wrap_lines without a line limit cuts only a word wider than the line.
    std::vector<std::string> lines = wrap_lines(font, text, max_width, 0);
    if (max_lines > 0 && int(lines.size()) > max_lines) return std::nullopt;
    if (!fits_lines(font, text, max_width, int(lines.size()))) return std::nullopt;
    return lines;
}

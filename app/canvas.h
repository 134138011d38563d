// A thin recording layer over ImDrawList for the slide views.
//
// Every view draws text through canvas_text(), which also records the text's box. After a
// slide is drawn, canvas_problems() reports text that leaves the canvas bounds, text boxes
// that overlap each other, text smaller than the smallest allowed size, and text with a
// contrast below 4.5:1 against the colour under it (app/contrast.h). Tests assert
// that no bundled slide at any supported screen size reports a problem, so layout bugs are
// caught without anyone looking at a PNG.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <imgui/imgui.h>

struct Rect {
    float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    float w() const { return x1 - x0; }
    float h() const { return y1 - y0; }
    ImVec2 min() const { return {x0, y0}; }
    ImVec2 max() const { return {x1, y1}; }
};

enum class Align { Left, Center, Right };

struct PlacedText {
    Rect box;
    std::string text;
    bool cut = false;  // shortened with an ellipsis: a problem, text that carries meaning is whole
    ImU32 color = 0;
    std::size_t fills_before = 0;  // the filled rects drawn before it: only these can be under it
};

// A filled rectangle as canvas_rect() drew it: what text drawn later may sit on.
struct FilledRect {
    Rect box;
    ImU32 color = 0;
};

struct Canvas {
    ImDrawList* dl = nullptr;            // may be null in layout-only tests: then nothing is drawn
    Rect bounds;                         // nothing may be drawn outside this
    float min_cap_height = 0;            // text whose capital height is below this is reported...
    const ImFont* fine_print = nullptr;  // ...unless set in this font (the source line)
    ImU32 background = 0;                // under text with no filled rect under it; transparent: not checked
    std::vector<PlacedText> texts;
    std::vector<FilledRect> fills;   // recorded by canvas_rect(), in drawing order
    std::vector<std::string> notes;  // problems a view reports itself ("items hidden" is not one)
    // What the publisher wrote that a view had no room for at this size ("tile \"ledighed\": its
    // change ... does not fit"): not a layout problem (the view chose it), but --render says it.
    std::vector<std::string> left_out;
    // Items laid out while planning: one per item (row, entry, label) a view plans in one
    // candidate layout. Views bound it, whatever the data holds; tests count it.
    long layout_steps = 0;
};

// Size of `text` in `font` at the font's own size. Single line.
ImVec2 text_size(const ImFont* font, std::string_view text);

// `text` cut to fit `max_width`, ending in "…" when cut. UTF-8 safe (never splits a code point).
std::string ellipsize(const ImFont* font, std::string_view text, float max_width);

// Draws `text` with its top-left at `pos` and records its box. `cut` marks text that was
// shortened to fit (reported by canvas_problems).
void canvas_text(Canvas& c, const ImFont* font, ImVec2 pos, ImU32 color, std::string_view text,
                 bool cut = false);

// Draws `text` on one line inside `box`: shortened with an ellipsis to the box width,
// aligned horizontally, centred vertically. Returns the drawn width.
float canvas_text_in(Canvas& c, const ImFont* font, Rect box, ImU32 color, std::string_view text,
                     Align align = Align::Left);

// Word-wraps `text` into at most `max_lines` lines of `max_width`; the last line gets an
// ellipsis when text is left over (0 = no limit). Pure: measures only.
std::vector<std::string> wrap_lines(const ImFont* font, std::string_view text, float max_width,
                                    int max_lines);

// Wrapped text from the top of `box`, as many lines as fit in its height (at most `max_lines`,
// 0 = no limit): each line with its box, and the height used. Pure: measures only.
struct ParagraphLines {
    std::vector<std::string> lines;
    std::vector<Rect> boxes;  // one per line, a font size tall
    float height = 0;
};
ParagraphLines paragraph_lines(const ImFont* font, Rect box, std::string_view text, int max_lines = 0);

// Draws paragraph_lines(). Returns the height used.
float canvas_paragraph(Canvas& c, const ImFont* font, Rect box, ImU32 color, std::string_view text,
                       int max_lines = 0, Align align = Align::Left);

// Whether `lines`, wrapped from `text` by wrap_lines(), hold all of it: no line ends in an
// ellipsis wrap_lines() added (one the text has itself is not a cut).
bool lines_whole(const std::vector<std::string>& lines, std::string_view text);

// Whether `text` wraps into at most `max_lines` lines of `max_width` with no word cut.
bool fits_lines(const ImFont* font, std::string_view text, float max_width, int max_lines);

// The largest of `candidates` (ordered large to small) in which `text` fits `max_width`;
// the last one when none fits.
const ImFont* fit_font(std::initializer_list<const ImFont*> candidates, std::string_view text,
                       float max_width);

// The first of `forms` (ordered long to short) that fits `max_width` in `font` on one line;
// the last one when none fits. Pure: measures only.
std::string first_that_fits(const ImFont* font, const std::vector<std::string>& forms, float max_width);

// Shapes, drawn only when the canvas has a draw list. Shapes may overlap; canvas_rect()
// records its fill (the colour under later text), the others are not recorded.
void canvas_rect(Canvas& c, Rect r, ImU32 color, float rounding = 0);
// A filled disc; recorded as a fill of the square inside it (where text on it sits).
void canvas_disc(Canvas& c, ImVec2 center, float radius, ImU32 color);
void canvas_line(Canvas& c, ImVec2 a, ImVec2 b, ImU32 color, float thickness);

// Whether a placed text was shortened: marked cut, or ending in "…" (a line wrap_lines() ended
// so, drawn by canvas_paragraph()). A document's own texts do not end in one.
bool text_was_cut(const PlacedText& t);

// The colour under a placed text: the topmost fill drawn before it that holds its box's centre,
// over the canvas background (fills with alpha blended over it).
ImU32 colour_under(const Canvas& c, const PlacedText& t);

// Overflow, overlap, cut text, contrast and size problems of everything drawn so far, one sentence each
// (the first 100 overlaps, then one line counting the rest). Near linear in the texts: only
// texts that share a cell of a grid are compared.
std::vector<std::string> canvas_problems(const Canvas& c);

// `text` word-wrapped into at most `max_lines` lines of `max_width`, every word whole; none
// when it needs more lines or a word is wider than the line. Pure: measures only.
std::optional<std::vector<std::string>> wrap_whole(const ImFont* font, std::string_view text, float max_width,
                                                   int max_lines);

// The plan of the key-figure tiles (kpi_tiles.cpp draws it): what each tile shows and how
// tall each part is (TilePlan, plan_tile), the grid whose tiles show the most, whole, and
// where each tile goes. Pure: it measures text and draws nothing.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/view.h"

struct Grid {
    int cols = 0, rows = 0;
    float tile_w = 0, tile_h = 0;
};

// What one tile shows and how tall each part is, once planned for its size.
struct TilePlan {
    const feeds::Indicator* item = nullptr;
    bool highlight = false;
    std::string number;  // "1.207", "2,3 %", "1,1 mia. kr."
    std::string unit;    // "forløb" after the number; empty when the number says it all
    const ImFont* big = nullptr;
    bool unit_below = false;  // the unit did not fit beside the number
    std::vector<std::string> label_lines;
    std::string change;  // "−43 % siden december 2020"
    int change_dir = 0;  // +1 up, −1 down, 0 unchanged
    std::vector<std::string> change_lines;
    std::string target;  // "Mål: 600"
    std::vector<std::string> note_lines;
    std::string period;                     // the figure's own period when "Data pr." does not say it: "2021"
    std::vector<std::string> period_lines;  // small, under the figure; empty when it did not fit
    const ImFont* label_font = nullptr;
    const ImFont* unit_font = nullptr;
    const ImFont* part_font = nullptr;  // the change and the target (the note is always small)
    bool side = false;                  // wide, low tile: the number left, label and the rest beside it
    float text_x = 0;                   // side tiles: where the text column starts, from the inner left
    bool whole = true;                  // label, number and unit shown uncut
    int dropped = 0;                    // weight of the optional parts left out (see kTargetWeight)
    float height = 0;
    float block = 0;  // the height its contents are centred on in the tile (placed plans only)
    float pad_y = 0;  // its padding above and below (placed plans only; kTilePad unless fitted)
};

// The tiles of one slide, planned.
struct KpiPlan {
    bool empty = false;  // no item: "Ingen data"
    int shown = 0, total = 0;
    bool note = false;  // not all tiles whole: the hidden-items note in `note_area`
    Rect note_area;
    Grid grid;                          // cols 0: nothing to draw
    std::vector<TilePlan> plans;        // one per shown tile
    std::vector<Rect> tiles;            // where each goes
    float block_h = 0;                  // the tallest plan, for lining up the tiles' contents
    std::vector<std::string> left_out;  // what the publisher wrote that is not shown (Canvas::left_out)
};

// `as_of` is the footer's date words ("marts 2022", from "Data pr. marts 2022"): an item whose
// `period` differs shows it under its figure.
KpiPlan plan_kpi_tiles(const ViewStyle& s, Rect area, const feeds::IndicatorSet& data,
                       const feeds::ViewOptions& opt, std::string_view as_of = {});

// An item's `period` when the tile must show it: not already in the footer's `as_of` words,
// its label, its note or the slide's caption. Empty otherwise.
std::string kpi_period_shown(const feeds::Indicator& it, std::string_view as_of,
                             std::string_view caption = {});

constexpr float kSidePad = 0.9f;  // inner padding of a side tile, in units
constexpr float kTilePad = 1.5f;  // inner padding of a tile, in units

// The pitch of a tile's text lines in `f`.
float kpi_line_h(const ImFont* f);

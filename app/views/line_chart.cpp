// Line chart: one or more Series lines over shared x labels.
//
// Layout, top to bottom: legend (only with more than one line), unit title, plot, x labels.
// Left of the plot the y tick labels, right of it the last value of each line, written out:
// from across a lobby the last figure is what a passer-by takes away, so it is not left to
// be read off a gridline.
#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "app/danish_format.h"
#include "app/view.h"
#include "app/views/line_chart_plan.h"
#include "app/views/view_kit.h"

namespace {

void draw_marker(Canvas& c, const MarkerMark& mark) {
    if (!c.dl) return;
    const ImVec2 p = mark.at;
    const float r = mark.r;
    const ImU32 col = mark.color;
    switch (mark.shape) {
        case Marker::Circle:
            c.dl->AddCircleFilled(p, r, col);
            break;
        case Marker::Square: {
            const float h = r * 0.88f;
            c.dl->AddRectFilled({p.x - h, p.y - h}, {p.x + h, p.y + h}, col);
            break;
        }
        case Marker::Diamond:
            c.dl->AddQuadFilled({p.x, p.y - r * 1.2f}, {p.x + r * 1.2f, p.y}, {p.x, p.y + r * 1.2f},
                                {p.x - r * 1.2f, p.y}, col);
            break;
        case Marker::Triangle:
            c.dl->AddTriangleFilled({p.x, p.y - r * 1.15f}, {p.x + r * 1.1f, p.y + r * 0.8f},
                                    {p.x - r * 1.1f, p.y + r * 0.8f}, col);
            break;
    }
}

}  // namespace

void draw_line_chart(Canvas& c, const ViewStyle& s, Rect area, const feeds::Series& data,
                     const ViewInput& in) {
    const LineChartPlan p = plan_line_chart(s, area, data, in.slide.options);
    if (p.empty) return draw_no_items(c, s, area);
    if (p.shown < p.total) draw_hidden_note(c, s, p.note_area, p.shown, p.total, "linjer");
    for (const LineKey& k : p.legend) {
        draw_marker(c, k.marker);
        for (const TextIn& l : k.lines) draw_mark(c, l);
    }
    if (!p.problem.empty()) {
        c.notes.push_back(p.problem);
        return;
    }
    if (p.unit_title) draw_mark(c, *p.unit_title);
    for (size_t k = 0; k < p.gridlines.size(); ++k) {
        draw_mark(c, p.gridlines[k]);
        draw_mark(c, p.tick_labels[k]);
    }
    for (const TextAt& l : p.x_labels) draw_mark(c, l);
    for (const PlotLine& line : p.lines) {
        for (const auto& run : line.runs) {
            if (run.size() >= 2 && c.dl)
                c.dl->AddPolyline(run.data(), int(run.size()), line.color, 0, p.thickness);
            if (run.size() == 1) draw_marker(c, {line.isolated.shape, run[0], line.isolated.r, line.color});
        }
        for (const MarkerMark& m : line.markers) draw_marker(c, m);
    }
    for (const TextIn& v : p.last_values) draw_mark(c, v);
}

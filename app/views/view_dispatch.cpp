// draw_view: picks the view function for a slide's view type and dataset type.
#include <variant>

#include "app/view.h"
#include "app/views/view_kit.h"

namespace {

template <class T>
const T* body_as(const feeds::Dataset& d) {
    return std::get_if<T>(&d.body);
}

void wrong_type(Canvas& c, const ViewInput& in) {
    c.notes.push_back("slide \"" + in.slide.id + "\": dataset \"" + in.dataset.id +
                      "\" has a type this view cannot show");
}

}  // namespace

void draw_view(Canvas& c, const ViewStyle& s, Rect area, const ViewInput& in) {
    using feeds::ViewType;
    const feeds::Dataset& d = in.dataset;
    area = pixel_inner(area);  // every view starts from whole pixels
    switch (in.slide.view) {
        case ViewType::KpiTiles:
            if (auto* b = body_as<feeds::IndicatorSet>(d)) return draw_kpi_tiles(c, s, area, *b, in);
            break;
        case ViewType::Progress:
            if (auto* b = body_as<feeds::IndicatorSet>(d)) return draw_progress(c, s, area, *b, in);
            break;
        case ViewType::BarChart:
            return draw_bar_chart(c, s, area, d.body, in);
        case ViewType::GroupedBars:
            return draw_grouped_bars(c, s, area, d.body, in);
        case ViewType::LineChart:
            if (auto* b = body_as<feeds::Series>(d)) return draw_line_chart(c, s, area, *b, in);
            break;
        case ViewType::StatusBoard:
            if (auto* b = body_as<feeds::ProjectList>(d)) return draw_status_board(c, s, area, *b, in);
            break;
        case ViewType::Timeline:
            if (auto* b = body_as<feeds::Timeline>(d)) return draw_timeline(c, s, area, *b, in);
            break;
        case ViewType::GoalScoreboard:
            if (auto* b = body_as<feeds::GoalList>(d)) return draw_goal_scoreboard(c, s, area, *b, in);
            break;
        case ViewType::MunicipalityMap:
            if (auto* b = body_as<feeds::MunicipalityTable>(d))
                return draw_municipality_map(c, s, area, *b, in);
            break;
        case ViewType::ProjectMap:
            if (auto* b = body_as<feeds::ProjectList>(d)) return draw_project_map(c, s, area, *b, in);
            break;
    }
    wrong_type(c, in);
}

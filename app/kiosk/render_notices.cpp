#include "app/kiosk/render_notices.h"

#include <chrono>
#include <cstdio>

#include "app/kiosk/notice_step.h"
#include "app/local_time.h"
#include "app/notices/notice_screen.h"

namespace {

std::string numbered(int n, const std::string& what, const std::string& id) {
    char num[8];
    std::snprintf(num, sizeof num, "%02d-", n);
    return num + what + "-" + id + ".png";
}

}  // namespace

std::vector<NoticeRender> notices_to_render(const SlideSet& set, const RenderOptions& opt) {
    std::vector<NoticeRender> out;
    const auto lists = notice_lists(set.feeds);
    if (lists.empty()) return out;
    const std::int64_t now =
        std::chrono::system_clock::to_time_t(local_time_point(civil_minute_of(opt.now))) + opt.now.second;
    const ToLocal to_local = local_clock_minutes();
    const feeds::NoticeSelection sel = feeds::select_notices(lists, now, notice_home_code(opt.home));
    auto times = [&](const feeds::Notice& n) {
        return NoticeTimes{to_local(now), to_local(n.sent), to_local(n.expires)};
    };
    for (std::size_t i = 0; i < sel.takeover.size(); ++i) {
        const feeds::Notice& n = *sel.takeover[i];
        for (bool english : {false, true}) {
            if (english && !n.en) continue;
            out.push_back(
                {numbered(90, "varsel", n.id + (english ? "-en" : "")),
                 notice_page_text(n, english, times(n), i, sel.takeover.size(), sel.hidden_takeover),
                 std::nullopt});
        }
    }
    for (std::size_t i = 0; i < sel.info.size(); ++i) {
        const feeds::Notice& n = *sel.info[i];
        out.push_back({numbered(91, "info", n.id),
                       notice_page_text(n, false, times(n), i, sel.info.size(), sel.hidden_info),
                       std::nullopt});
    }
    for (std::size_t i = 0; i < sel.bands.size(); ++i) {
        const feeds::Notice& n = *sel.bands[i];
        out.push_back({numbered(92, "baand", n.id), std::nullopt,
                       notice_band_text(n, times(n), i, sel.bands.size(), sel.hidden_bands)});
    }
    return out;
}

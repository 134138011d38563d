// --render's notices: the pages and bands a manifest's notice feeds show at --now, one PNG each
// after the slides ("90-varsel-storm.png", "90-varsel-storm-en.png", "91-info-....png",
// "92-baand-....png": the band over the first slide due), so a publisher sees every tier before
// a notice goes out. None when the feeds hold no notice live at --now.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/kiosk/render_pngs.h"
#include "app/notices/notice_text.h"

struct NoticeRender {
    std::string file_name;
    std::optional<NoticePageText> page;  // a whole-screen page, else...
    std::optional<NoticeBandText> band;  // ...a band over the first slide due
};

std::vector<NoticeRender> notices_to_render(const SlideSet& set, const RenderOptions& opt);

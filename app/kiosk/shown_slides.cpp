#include "app/kiosk/shown_slides.h"

#include "app/age_text.h"

ShownSlides slides_to_show(const feeds::FeedSync& s) {
    ShownSlides out;
    const std::string& where = s.manifest_item.location;
    if (s.manifest) {
        SlideSet set = build_slide_set(*s.manifest, s.data, s.manifest_item.label);
        if (count_valid(set) > 0) {
            out.set = std::move(set);
            return out;
        }
        out.why_bundled = "none of the " + std::to_string(set.slides.size()) + " slides of " + where +
                          " has valid data yet (" + no_data_reason(set) + "); showing the bundled slides";
    } else {
        out.why_bundled = "no manifest from " + where +
                          (s.manifest_item.schedule.last_attempt_s ? " (none cached, and fetching it failed)"
                                                                   : " yet (none cached; fetching it)") +
                          "; showing the bundled slides";
    }
    out.set = load_slide_set({});
    out.bundled = true;
    return out;
}

bool update_stale_texts(ShownSlides& shown, const feeds::FeedSync& s, std::int64_t now) {
    if (shown.bundled) return false;
    bool changed = false;
    for (auto& slide : shown.set.slides) {
        std::string text;
        for (const auto& item : s.feeds) {
            if (!slide.valid || item.key != slide.slide->feed || !item.have_copy) continue;
            const feeds::DataAge age = feeds::data_age(item.ref, item.meta.fetched_at, now);
            if (age.stale) text = stale_text(age.age_s);
        }
        changed = changed || slide.parts.stale != text;
        slide.parts.stale = std::move(text);
    }
    return changed;
}

#include "app/status/rotation_changes.h"

#include "app/kiosk/slide_set.h"

namespace {

const RotationEntry* find(const std::vector<RotationEntry>& list, const std::string& id) {
    for (const auto& e : list)
        if (e.id == id) return &e;
    return nullptr;
}

}  // namespace

std::vector<RotationEntry> rotation_entries(const SlideSet& set) {
    std::vector<RotationEntry> out;
    for (const auto& s : set.slides)
        if (s.slide) out.push_back({s.slide->id, s.valid, s.why_invalid});
    return out;
}

std::vector<std::string> rotation_change_lines(const std::vector<RotationEntry>& before,
                                               const std::vector<RotationEntry>& after) {
    std::vector<std::string> lines;
    for (const auto& a : after) {
        const RotationEntry* b = find(before, a.id);
        const bool was = b && b->valid;
        if (a.valid && !was) lines.push_back("slide " + a.id + " added to rotation");
        if (!a.valid && was) lines.push_back("slide " + a.id + " dropped from rotation: " + a.why_invalid);
    }
    for (const auto& b : before)
        if (b.valid && !find(after, b.id))
            lines.push_back("slide " + b.id + " dropped from rotation: no longer in the manifest");
    return lines;
}

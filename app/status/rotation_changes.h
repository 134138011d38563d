// What changed in the rotation, for the log: a publisher reads there that a slide came in or
// went out (and why). Pure.
#pragma once

#include <string>
#include <vector>

struct SlideSet;

struct RotationEntry {
    std::string id;
    bool valid = false;
    std::string why_invalid;
};

std::vector<RotationEntry> rotation_entries(const SlideSet& set);

// "slide ledighed added to rotation", "slide pendling dropped from rotation: <why>"; in the
// order of `after`, then the ones `after` no longer lists.
std::vector<std::string> rotation_change_lines(const std::vector<RotationEntry>& before,
                                               const std::vector<RotationEntry>& after);

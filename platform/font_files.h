// Where the screen's two font files are: a regular and a bold face. Inter (fonts-inter) is the
// design font; DejaVu Sans (fonts-dejavu-core) is the fallback every Debian box has.
#pragma once

#include <string>
#include <string_view>

struct FontFiles {
    std::string regular;
    std::string bold;
    std::string error;  // non-empty: no usable pair was found; names the packages to install
};

// font_dir: the value of INFOTAVLE_FONT_DIR, empty when unset (the caller reads the environment).
// A font_dir that is set but holds no known pair is an error, not a silent fallback: the
// administrator asked for those fonts.
FontFiles find_font_files(std::string_view font_dir);

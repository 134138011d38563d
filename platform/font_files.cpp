#include "platform/font_files.h"

#include <filesystem>

namespace fs = std::filesystem;

struct FontPair {
    const char* regular;
    const char* bold;
};

// File names looked for inside INFOTAVLE_FONT_DIR, best first.
static const FontPair kNamesInDir[] = {
    {"Inter-Regular.otf", "Inter-Bold.otf"},
    {"Inter-Regular.otf", "Inter-SemiBold.otf"},
    {"Inter-Regular.ttf", "Inter-Bold.ttf"},
    {"DejaVuSans.ttf", "DejaVuSans-Bold.ttf"},
    {"Regular.ttf", "Bold.ttf"},
    {"Regular.otf", "Bold.otf"},
};

// Debian package locations, best first.
static const FontPair kSystem[] = {
    {"/usr/share/fonts/opentype/inter/Inter-Regular.otf", "/usr/share/fonts/opentype/inter/Inter-Bold.otf"},
    {"/usr/share/fonts/opentype/inter/Inter-Regular.otf",
     "/usr/share/fonts/opentype/inter/Inter-SemiBold.otf"},
    {"/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
     "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"},
};

static bool is_file(const fs::path& p) {
    std::error_code ec;
    return fs::is_regular_file(p, ec);
}

FontFiles find_font_files(std::string_view font_dir) {
    if (!font_dir.empty()) {
        const fs::path dir(font_dir);
        for (const FontPair& n : kNamesInDir)
            if (is_file(dir / n.regular) && is_file(dir / n.bold))
                return {(dir / n.regular).string(), (dir / n.bold).string(), {}};
        return {{},
                {},
                "INFOTAVLE_FONT_DIR=" + std::string(font_dir) +
                    " holds no known font pair (Inter-Regular.otf + Inter-Bold.otf, or DejaVuSans.ttf + "
                    "DejaVuSans-Bold.ttf)"};
    }
    for (const FontPair& p : kSystem)
        if (is_file(p.regular) && is_file(p.bold)) return {p.regular, p.bold, {}};
    return {{},
            {},
            "no font found: install the Debian package fonts-inter (or fonts-dejavu-core), "
            "or set INFOTAVLE_FONT_DIR to a folder with Inter-Regular.otf and Inter-Bold.otf"};
}

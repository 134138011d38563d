// --render's index.html: a contact sheet of every file rendered (every slide at every size),
// each with what was said about it, for a publisher to look over in a browser. Plain HTML, no
// script, no outside resource: it opens from the render folder as it is.
#pragma once

#include <string>
#include <vector>

#include "app/kiosk/render_pngs.h"

// `problems`: the files' own problems (SlideSet::problems), listed above the pictures.
std::string contact_sheet_html(const std::string& title, const std::vector<std::string>& problems,
                               const std::vector<SheetEntry>& entries);

// Text made safe for HTML (& < > " ').
std::string html_escape(const std::string& text);

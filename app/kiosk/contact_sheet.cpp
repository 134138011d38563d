#include "app/kiosk/contact_sheet.h"

#include <algorithm>

std::string html_escape(const std::string& text) {
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            case '\'':
                out += "&#39;";
                break;
            default:
                out += c;
        }
    }
    return out;
}

namespace {

constexpr const char* kStyle =
    "body{font-family:sans-serif;margin:1.5em;background:#f4f4f4;color:#111}"
    "h1{font-size:1.4em}figure{display:inline-block;vertical-align:top;margin:0 1em 1.5em 0;"
    "background:#fff;padding:.5em;border:1px solid #ccc}img{display:block;max-width:480px;height:auto;"
    "border:1px solid #999}figcaption{font-size:.85em;max-width:480px}.bad{color:#a00000}"
    ".ok{color:#006000}section{margin-bottom:1em}";

std::string figure(const SheetEntry& e) {
    std::string out = "<figure>";
    out += "<img src=\"" + html_escape(e.file_name) + "\" alt=\"" + html_escape(e.file_name) + "\" width=\"" +
           std::to_string(std::min(e.width, 480)) + "\">";
    out += "<figcaption>" + html_escape(e.file_name) + " (" + std::to_string(e.width) + "x" +
           std::to_string(e.height) + ")";
    if (e.lines.empty()) out += "<div class=\"ok\">Alt vises.</div>";
    for (const auto& l : e.lines) out += "<div class=\"bad\">" + html_escape(l) + "</div>";
    return out + "</figcaption></figure>\n";
}

}  // namespace

std::string contact_sheet_html(const std::string& title, const std::vector<std::string>& problems,
                               const std::vector<SheetEntry>& entries) {
    std::string out = "<!DOCTYPE html>\n<html lang=\"da\"><head><meta charset=\"utf-8\"><title>" +
                      html_escape(title.empty() ? "infotavle" : title) + " – kontaktark</title><style>" +
                      kStyle + "</style></head><body>\n";
    out += "<h1>" + html_escape(title.empty() ? "infotavle" : title) + "</h1>\n";
    if (!problems.empty()) {
        out += "<section><h2>Filernes problemer</h2><ul>\n";
        for (const auto& p : problems) out += "<li class=\"bad\">" + html_escape(p) + "</li>\n";
        out += "</ul></section>\n";
    }
    // One row per slide, in the order rendered; its sizes side by side.
    std::vector<std::string> order;
    for (const auto& e : entries)
        if (std::find(order.begin(), order.end(), e.slide_id) == order.end()) order.push_back(e.slide_id);
    for (const auto& id : order) {
        out += "<section><h2>" + html_escape(id.empty() ? std::string("(ingen side)") : id) + "</h2>\n";
        for (const auto& e : entries)
            if (e.slide_id == id) out += figure(e);
        out += "</section>\n";
    }
    return out + "</body></html>\n";
}

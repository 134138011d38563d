// TextRun measures a growing line exactly as text_size() measures it whole, so wrap_lines()
// and ellipsize(), which measure each glyph once through it, break and cut where the old
// whole-prefix measuring did (kept here as the oracle).
#include <doctest/doctest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "app/canvas.h"
#include "app/text_run.h"
#include "tests/view_harness.h"

namespace {

// Valid UTF-8 pieces: ASCII, Latin-1 (æøå), a 3-byte "…", a 4-byte emoji (outside ImGui's
// 16-bit range), the control characters ImGui treats apart, and spaces for word breaks.
const std::vector<std::string> kPieces = {"a",
                                          "W",
                                          "i",
                                          " ",
                                          " ",
                                          "æ",
                                          "Ø",
                                          "\xE2\x80\xA6",
                                          "€",
                                          "1",
                                          "\xF0\x9F\x98\x80",
                                          "\n",
                                          "\r",
                                          "\t",
                                          std::string(1, '\0'),
                                          "kr.",
                                          "-",
                                          ","};

struct Lcg {
    std::uint64_t s;
    std::uint32_t next() {
        return std::uint32_t((s = s * 6364136223846793005ULL + 1442695040888963407ULL) >> 33);
    }
};

std::vector<std::string> random_pieces(Lcg& rng, int n) {
    std::vector<std::string> out;
    for (int i = 0; i < n; ++i) out.push_back(kPieces[rng.next() % kPieces.size()]);
    return out;
}

const char* kEll = "\xE2\x80\xA6";

// What ellipsize() gives by its definition, measured the way main did before TextRun (each
// prefix whole): the text when it fits; else its longest prefix, ending on a whole code point,
// that fits with "…" after it (widths only grow as text is added), stripped of trailing spaces,
// commas and hyphens, then "…"; nothing when not even "…" fits.
std::string ellipsize_oracle(const ImFont* font, std::string_view text, float max_width) {
    if (text_size(font, text).x <= max_width) return std::string(text);
    const float ell_w = text_size(font, kEll).x;
    std::size_t keep = 0;
    for (std::size_t end = 1; end <= text.size(); ++end) {
        const bool whole = end == text.size() || (static_cast<unsigned char>(text[end]) & 0xC0) != 0x80;
        if (whole && text_size(font, text.substr(0, end)).x + ell_w <= max_width) keep = end;
    }
    if (keep == 0 && ell_w > max_width) return {};
    const std::string head(text.substr(0, keep));
    const std::size_t last = head.find_last_not_of(" ,-");
    return head.substr(0, last == std::string::npos ? 0 : last + 1) + kEll;
}

std::vector<std::string> wrap_oracle(const ImFont* font, std::string_view text, float max_width,
                                     int max_lines) {
    std::vector<std::string> lines;
    std::string current;
    std::size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && text[i] == ' ') ++i;
        std::size_t j = text.find(' ', i);
        if (j == std::string_view::npos) j = text.size();
        std::string_view word = text.substr(i, j - i);
        i = j;
        if (word.empty()) continue;
        std::string candidate = current.empty() ? std::string(word) : current + " " + std::string(word);
        if (current.empty() || text_size(font, candidate).x <= max_width) {
            current = std::move(candidate);
            continue;
        }
        lines.push_back(current);
        current = std::string(word);
        if (max_lines > 0 && int(lines.size()) == max_lines) {
            lines.back() = ellipsize_oracle(
                font, lines.back() + " " + std::string(text.substr(i - word.size())), max_width);
            return lines;
        }
    }
    if (!current.empty()) lines.push_back(current);
    for (auto& l : lines) l = ellipsize_oracle(font, l, max_width);
    return lines;
}

}  // namespace

TEST_CASE("TextRun's width equals text_size() of everything added, for every prefix, in every font") {
    ViewHarness h(1280, 720);
    REQUIRE_MESSAGE(h.font_error.empty(), h.font_error);
    Lcg rng{13};
    for (const ImFont* f :
         {h.fonts.fine, h.fonts.small, h.fonts.body, h.fonts.body_bold, h.fonts.heading, h.fonts.display}) {
        for (int k = 0; k < 200; ++k) {
            TextRun run(f);
            std::string text;
            for (const std::string& p : random_pieces(rng, 1 + int(rng.next() % 60))) {
                run.add(p);
                text += p;
                REQUIRE(run.width() == text_size(f, text).x);
            }
        }
    }
}

TEST_CASE("wrap_lines and ellipsize give what whole-prefix measuring gave, at any width and line limit") {
    ViewHarness h(800, 480);
    REQUIRE_MESSAGE(h.font_error.empty(), h.font_error);
    Lcg rng{2022};
    for (const ImFont* f : {h.fonts.small, h.fonts.body_bold}) {
        for (int k = 0; k < 300; ++k) {
            std::string text;
            for (const std::string& p : random_pieces(rng, 1 + int(rng.next() % 120))) text += p;
            const float w = float(rng.next() % 400);
            const int max_lines = int(rng.next() % 4);
            INFO("text of ", text.size(), " bytes, width ", w, ", lines ", max_lines);
            CHECK(ellipsize(f, text, w) == ellipsize_oracle(f, text, w));
            CHECK(wrap_lines(f, text, w, max_lines) == wrap_oracle(f, text, w, max_lines));
        }
    }
}

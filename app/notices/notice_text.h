// The words a notice is shown with: pure, from the notice, the language on screen and the local
// times (passed in: the caller reads the clock and the timezone, app/local_time.h).
#pragma once

#include <cstddef>
#include <optional>
#include <string>

#include "app/qr_code.h"
#include "feeds/feed_model.h"
#include "feeds/schedule.h"

enum class NoticeTier { Extreme, Severe, Moderate, Info };

NoticeTier tier_of(feeds::NoticeSeverity s);

// A full-screen notice: a takeover (extreme, severe) or an info slide.
struct NoticePageText {
    NoticeTier tier = NoticeTier::Info;
    std::string label;        // "EKSTREMT VARSEL", "VARSEL", "INFORMATION"; "TEST · VARSEL"
    std::string headline;     // in the language on screen
    std::string body;         // may be empty
    std::string sender_line;  // "Køge Kommune · udsendt i dag kl. 9.30 · gælder til i dag kl. 15.00"
    std::string count_line;   // "1 af 3 · +2 varsler mere"; empty for one notice
    std::string language;     // "English" when the English text is shown, else empty
    std::optional<QrCode> qr;
    std::string qr_caption;
};

// A band across the bottom of a slide (moderate).
struct NoticeBandText {
    std::string label;     // "VARSEL" or "TEST · VARSEL"
    std::string headline;  // Danish
    std::string detail;    // "Faxe Forsyning · til i dag kl. 15.00"
    std::string count;     // "1/2"; "1/3 +2" with hidden ones; empty for one
};

// Local times of a notice, as civil minutes (app/local_time.h civil_minute_of).
struct NoticeTimes {
    feeds::CivilMinute now = 0, sent = 0, expires = 0;
};

// `index` of `shown` notices of its kind, `hidden` more not shown; `english`: show the English
// text (only when the notice has one).
NoticePageText notice_page_text(const feeds::Notice& n, bool english, const NoticeTimes& t, std::size_t index,
                                std::size_t shown, std::size_t hidden);
NoticeBandText notice_band_text(const feeds::Notice& n, const NoticeTimes& t, std::size_t index,
                                std::size_t shown, std::size_t hidden);

// "1 Oct 09:30" for the English page.
std::string english_when(feeds::CivilMinute at);

// Danish number, money, date and clock text for the screen. Pure: no SDL, no ImGui, and no
// clock or timezone is read here (the current time is passed in; local_time.h is the edge).
//
// Conventions (Retskrivningsordbogen / Danmarks Statistik practice):
//   - "." groups thousands, "," is the decimal comma: 1.207; 331.306,79. Four-digit numbers
//     are grouped too (1.207), so columns of figures line up.
//   - Negative numbers use U+2212 MINUS SIGN ("−43"), not the hyphen: it is as wide as "+" and
//     the digits, so signed figures line up, and it is in the font's glyph ranges (fonts.cpp).
//   - A space before "%" and units ("2,3 %"). Plain U+0020, as ImGui's wrapping never has to
//     break a figure: figures are drawn as single labels.
//   - Rounding is half away from zero, on the shortest decimal text that reads back as the same
//     double, i.e. on the figure as the feed wrote it: 2.675 → "2,68" although the binary
//     double is 2.67499999...
//   - A non-finite value (NaN, infinity) is shown as "–" (U+2013 EN DASH), never as "nan".
//   - From 10^15 (money: 10^15 kr.) a figure is written as Danish spreadsheets write it,
//     "1,8E+308": no text here is longer than a few dozen characters, whatever the double.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "feeds/feed_model.h"

inline constexpr std::string_view kMinusSign = "\u2212";  // "−"
inline constexpr std::string_view kNoValue = "\u2013";    // "–", for NaN and infinity

// ---- numbers -----------------------------------------------------------------------------

// Exactly `decimals` digits after the comma (clamped to 0..9): format_number(1207) == "1.207",
// format_number(2.34, 1) == "2,3", format_number(-43) == "−43". A value that rounds to zero
// has no sign ("0,0", not "−0,0").
std::string format_number(double v, int decimals = 0);

// `decimals` given: exactly that many. Not given ("auto"): up to one decimal, dropping ",0":
// 2.34 → "2,3", 34.0 → "34", 1207 → "1.207". Auto is what the manifest means by leaving
// options.decimals out, for every unit except money.
std::string format_number_auto(double v, std::optional<int> decimals);

// "2,3 %", "34,8 %"; auto decimals as format_number_auto (34.0 → "34 %"), decimals = 0 → "34 %".
std::string format_percent(double v, std::optional<int> decimals = std::nullopt);

// Kroner, scaled to what a reader takes in at a glance:
//   below 1 mio.: "600.000 kr.", or with øre when there are any: "331.306,79 kr."
//   from 1 mio.:  "25 mio. kr.", "2,5 mio. kr."  (one decimal, ",0" dropped)
//   from 1 mia.:  "1,1 mia. kr.", "1 mia. kr."   (one decimal, ",0" dropped)
// The scale is chosen after rounding, so 999.950.000 kr. is "1 mia. kr.", never "1.000 mio. kr.",
// and 999.999,996 kr. is "1 mio. kr.".
std::string format_money(double kr);

// A value with its unit, as FORMAT.md "Units" says:
//   "%" → format_percent; "kr" → format_money, except that `decimals` given sets the digits
//   below a million ("331.307 kr." with 0: a budget table without øre);
//   "procentpoint" → "1 procentpoint", "−0,8 procentpoint"; "" → the bare number;
//   anything else → number + " " + unit ("1.207 personer").
std::string format_value(double v, std::string_view unit, std::optional<int> decimals = std::nullopt);

// How format_change compares two figures.
enum class ChangeStyle {
    Difference,  // now − before, in the figure's unit. For "%" this is in procentpoint.
    Relative,    // (now − before) / |before|, in percent.
};

// A change with an explicit sign, for KPI tiles: "+5,0 %", "−43 %", "+1,2 procentpoint",
// "+25 mio. kr.", "−310 personer". A change that rounds to zero reads "±0" ("±0,0 %").
// Relative with decimals not given: one decimal below 10 %, none from 10 % ("+5,0 %", "−43 %").
// Difference with decimals not given: auto, as format_value.
// Returns "" when there is no meaningful change text: a non-finite input or change, or
// Relative with before == 0. The tile then shows no change line.
std::string format_change(double now, double before, ChangeStyle style, std::string_view unit = "",
                          std::optional<int> decimals = std::nullopt);

// ---- dates ---------------------------------------------------------------------------------

// "januar".."december" for 1..12, lowercase as Danish writes them; "" otherwise.
std::string_view danish_month_name(int month);
// "mandag".."søndag" for ISO weekdays 1 (Monday)..7 (Sunday); "" otherwise.
std::string_view danish_weekday_name(int iso_weekday);

// "3. maj 2022", "december 2021", "2021". Parts that are out of range are dropped from the
// right (a 31st of April gives "april 2022"); a year <= 0 gives "".
std::string format_date(const feeds::PartialDate& d);

// "Data pr. december 2021". A non-empty override_text ("2. halvår 2021") replaces the date
// words. "" when there is nothing to say (no override and no valid year).
std::string format_data_as_of(const feeds::PartialDate& d, std::string_view override_text = "");
// The date words of a format_data_as_of() text: "marts 2022" from "Data pr. marts 2022".
std::string_view as_of_words(std::string_view data_as_of);

// ---- the clock -----------------------------------------------------------------------------

// A local wall-clock time, as read off the screen's own clock (or given with --now).
struct CivilTime {
    int year = 0;
    int month = 0;   // 1..12
    int day = 0;     // 1..31
    int hour = 0;    // 0..23
    int minute = 0;  // 0..59
    int second = 0;  // 0..59
};

// ISO weekday of a proleptic Gregorian date: 1 = Monday .. 7 = Sunday; 0 for an invalid date.
int iso_weekday(int year, int month, int day);

// The header's clock, from the longest form to the shortest; the header shows the first that
// fits its room (first_that_fits in canvas.h), so the time is always whole. Danish writes the
// time with a dot and the hour without a leading zero ("kl. 9.05"); abbreviations as
// Retskrivningsordbogen has them ("tors.", "sep."; "maj", "juni", "juli" stay whole):
//   "torsdag 30. september 2027, kl. 23.59"   the long form
//   "torsdag 30. september, kl. 23.59"        without the year
//   "tors. 30. sep., kl. 23.59"               abbreviated
//   "30. sep., kl. 23.59"                     without the weekday
//   "kl. 23.59"                               the time alone
// An invalid date gives just "kl. 23.59".
using ClockForms = std::vector<std::string>;
ClockForms clock_header_forms(const CivilTime& t);

// Parses the --now option: "2022-05-03T10:15", also "2022-05-03T10:15:30" and a space in
// place of the "T". Checks ranges, leap years included. nullopt for anything else.
std::optional<CivilTime> parse_iso_minute(std::string_view text);

#include "app/danish_format.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>

namespace {

// A non-negative decimal rounded to a fixed number of digits, kept as text so no binary
// rounding creeps back in between rounding and printing.
struct Digits {
    std::string whole;     // at least one digit, no leading zeros except a lone "0"
    std::string fraction;  // exactly the requested number of digits
    bool is_zero() const {
        return whole.find_first_not_of('0') == std::string::npos &&
               fraction.find_first_not_of('0') == std::string::npos;
    }
};

// Adds one unit in the last place to a string of digits, carrying leftwards.
void increment(std::string& digits) {
    for (auto it = digits.rbegin(); it != digits.rend(); ++it) {
        if (*it != '9') {
            ++*it;
            return;
        }
        *it = '0';
    }
    digits.insert(digits.begin(), '1');
}

// Rounds |v| half away from zero to `decimals` digits. Works on the shortest round-trip text
// of the double, so 0.05 → "0,1" and 2.675 → "2,68" as a reader of the feed expects.
Digits round_abs(double v, int decimals) {
    decimals = std::clamp(decimals, 0, 9);
    std::array<char, 400> buf{};  // the longest fixed double is ~330 characters
    auto res = std::to_chars(buf.data(), buf.data() + buf.size(), std::fabs(v), std::chars_format::fixed);
    const std::string_view text(buf.data(), std::size_t(res.ptr - buf.data()));
    const auto dot = text.find('.');
    std::string whole(text.substr(0, dot));
    std::string fraction(dot == std::string_view::npos ? std::string_view{} : text.substr(dot + 1));

    fraction.resize(std::max<std::size_t>(fraction.size(), std::size_t(decimals) + 1), '0');
    const bool round_up = fraction[std::size_t(decimals)] >= '5';
    fraction.resize(std::size_t(decimals));
    if (round_up) {
        std::string all = whole + fraction;
        increment(all);
        whole = all.substr(0, all.size() - fraction.size());
        fraction = all.substr(whole.size());
    }
    return {whole, fraction};
}

// "1234567" → "1.234.567".
std::string group_thousands(const std::string& whole) {
    std::string out;
    const std::size_t n = whole.size();
    for (std::size_t i = 0; i < n; ++i) {
        if (i > 0 && (n - i) % 3 == 0) out += '.';
        out += whole[i];
    }
    return out;
}

// The magnitude of a figure as display text, with its sign decided separately: a change line
// needs "+" and "±" where a plain figure has none, and the sign must follow the rounded text.
struct Magnitude {
    std::string text;
    bool zero = false;  // rounded to zero: shown without a sign
};

Magnitude to_magnitude(const Digits& d, bool drop_zero_fraction) {
    std::string text = group_thousands(d.whole);
    const bool fraction_is_zero = d.fraction.find_first_not_of('0') == std::string::npos;
    if (!d.fraction.empty() && !(drop_zero_fraction && fraction_is_zero)) text += "," + d.fraction;
    return {text, d.is_zero()};
}

// From here on a figure is written as a Danish spreadsheet writes it, "1,8E+308": the digits
// of a double this large are no longer the publisher's (2^53 < 10^16), and written out they
// would run to 309 of them.
constexpr double kScientificFrom = 1e15;

// |v| >= kScientificFrom as mantissa and exponent, "1,8E+308"; decimals as number_magnitude.
Magnitude scientific_magnitude(double abs_v, std::optional<int> decimals) {
    const int digits = std::clamp(decimals.value_or(1), 0, 9);
    std::array<char, 40> buf{};  // "9.999999999e+308" at most
    const auto res =
        std::to_chars(buf.data(), buf.data() + buf.size(), abs_v, std::chars_format::scientific, digits);
    const std::string_view text(buf.data(), std::size_t(res.ptr - buf.data()));
    const auto e = text.find('e');
    const auto dot = text.find('.');
    Digits mantissa{std::string(text.substr(0, std::min(dot, e))),
                    dot < e ? std::string(text.substr(dot + 1, e - dot - 1)) : std::string()};
    return {to_magnitude(mantissa, !decimals.has_value()).text + "E" + std::string(text.substr(e + 1)),
            false};
}

// Auto (nullopt) means up to one decimal with ",0" dropped; see format_number_auto.
Magnitude number_magnitude(double abs_v, std::optional<int> decimals) {
    if (abs_v >= kScientificFrom) return scientific_magnitude(abs_v, decimals);
    return to_magnitude(round_abs(abs_v, decimals.value_or(1)), !decimals.has_value());
}

// Below a million: kroner, with øre only when there are any, or with exactly `decimals` digits
// when the feed sets them (0: whole kroner, for a budget table). From a million: mio./mia.
Magnitude money_magnitude(double abs_kr, std::optional<int> decimals) {
    const Digits kr = round_abs(abs_kr, decimals.value_or(2));
    if (decimals && kr.whole.size() <= 6) return {to_magnitude(kr, false).text + " kr.", kr.is_zero()};
    if (!decimals && kr.whole.size() <= 6) {  // below 1.000.000,00 after rounding
        const bool has_ore = kr.fraction != "00";
        return {to_magnitude(has_ore ? kr : Digits{kr.whole, ""}, false).text + " kr.", kr.is_zero()};
    }
    const Digits mio = round_abs(abs_kr / 1e6, 1);
    if (mio.whole.size() <= 3) return {to_magnitude(mio, true).text + " mio. kr.", false};
    if (abs_kr >= kScientificFrom) return {scientific_magnitude(abs_kr, std::nullopt).text + " kr.", false};
    return {to_magnitude(round_abs(abs_kr / 1e9, 1), true).text + " mia. kr.", false};
}

// The magnitude in the unit's own form (FORMAT.md "Units").
Magnitude value_magnitude(double abs_v, std::string_view unit, std::optional<int> decimals) {
    if (unit == "kr") return money_magnitude(abs_v, decimals);
    Magnitude m = number_magnitude(abs_v, decimals);
    if (!unit.empty()) m.text += " " + std::string(unit);
    return m;
}

enum class Sign { NegativeOnly, Always };

std::string signed_text(double v, const Magnitude& m, Sign sign) {
    if (m.zero) return sign == Sign::Always ? "±" + m.text : m.text;
    if (v < 0) return std::string(kMinusSign) + m.text;
    return sign == Sign::Always ? "+" + m.text : m.text;
}

// Relative change in percent: one decimal below 10 % ("+5,0 %"), none from there ("−43 %");
// a 9,96 % change rounds up to "10,0" and is therefore shown as "10".
Magnitude relative_magnitude(double abs_pct, std::optional<int> decimals) {
    if (decimals) return value_magnitude(abs_pct, "%", decimals);
    const Digits one = round_abs(abs_pct, 1);
    if (one.whole.size() >= 2) return value_magnitude(abs_pct, "%", 0);
    return {to_magnitude(one, false).text + " %", one.is_zero()};
}

// Day count of a month, leap years included; 0 for a month out of range.
int days_in_month(int year, int month) {
    if (month < 1 || month > 12) return 0;
    const auto last = std::chrono::year(year) / std::chrono::month(unsigned(month)) / std::chrono::last;
    return int(unsigned(last.day()));
}

bool valid_date(int year, int month, int day) {
    return year > 0 && year <= 9999 && day >= 1 && day <= days_in_month(year, month);
}

std::string two_digits(int v) {
    return (v < 10 ? "0" : "") + std::to_string(v);
}

// Reads exactly `width` digits at `pos` of `text`; nullopt if they are not all digits.
std::optional<int> read_digits(std::string_view text, std::size_t pos, std::size_t width) {
    if (pos + width > text.size()) return std::nullopt;
    int v = 0;
    for (std::size_t i = pos; i < pos + width; ++i) {
        if (text[i] < '0' || text[i] > '9') return std::nullopt;
        v = v * 10 + (text[i] - '0');
    }
    return v;
}

}  // namespace

// ---- numbers -----------------------------------------------------------------------------

std::string format_number(double v, int decimals) {
    if (!std::isfinite(v)) return std::string(kNoValue);
    return signed_text(v, number_magnitude(std::fabs(v), std::clamp(decimals, 0, 9)), Sign::NegativeOnly);
}

std::string format_number_auto(double v, std::optional<int> decimals) {
    if (!std::isfinite(v)) return std::string(kNoValue);
    return signed_text(v, number_magnitude(std::fabs(v), decimals), Sign::NegativeOnly);
}

std::string format_percent(double v, std::optional<int> decimals) {
    return format_value(v, "%", decimals);
}

std::string format_money(double kr) {
    return format_value(kr, "kr", std::nullopt);
}

std::string format_value(double v, std::string_view unit, std::optional<int> decimals) {
    if (!std::isfinite(v)) return std::string(kNoValue);
    return signed_text(v, value_magnitude(std::fabs(v), unit, decimals), Sign::NegativeOnly);
}

std::string format_change(double now, double before, ChangeStyle style, std::string_view unit,
                          std::optional<int> decimals) {
    if (!std::isfinite(now) || !std::isfinite(before)) return "";
    const double diff = now - before;
    if (!std::isfinite(diff)) return "";  // two opposite figures near the largest double
    if (style == ChangeStyle::Relative) {
        if (before == 0) return "";
        const double pct = diff / std::fabs(before) * 100.0;
        if (!std::isfinite(pct)) return "";  // a change from a figure next to nothing
        return signed_text(pct, relative_magnitude(std::fabs(pct), decimals), Sign::Always);
    }
    // The difference of two percentages is in procentpoint, not percent.
    const std::string_view diff_unit = unit == "%" ? std::string_view("procentpoint") : unit;
    return signed_text(diff, value_magnitude(std::fabs(diff), diff_unit, decimals), Sign::Always);
}

// ---- dates ---------------------------------------------------------------------------------

std::string_view danish_month_name(int month) {
    static constexpr std::array<std::string_view, 12> kNames = {
        "januar", "februar", "marts",     "april",   "maj",      "juni",
        "juli",   "august",  "september", "oktober", "november", "december"};
    return month >= 1 && month <= 12 ? kNames[std::size_t(month - 1)] : std::string_view{};
}

std::string_view danish_weekday_name(int iso_weekday) {
    static constexpr std::array<std::string_view, 7> kNames = {"mandag", "tirsdag", "onsdag", "torsdag",
                                                               "fredag", "lørdag",  "søndag"};
    return iso_weekday >= 1 && iso_weekday <= 7 ? kNames[std::size_t(iso_weekday - 1)] : std::string_view{};
}

std::string format_date(const feeds::PartialDate& d) {
    if (d.year <= 0) return "";
    const std::string year = std::to_string(d.year);
    if (d.month < 1 || d.month > 12) return year;
    const std::string month_year = std::string(danish_month_name(d.month)) + " " + year;
    if (!valid_date(d.year, d.month, d.day)) return month_year;
    return std::to_string(d.day) + ". " + month_year;
}

static constexpr std::string_view kDataAsOf = "Data pr. ";

std::string format_data_as_of(const feeds::PartialDate& d, std::string_view override_text) {
    const std::string words = override_text.empty() ? format_date(d) : std::string(override_text);
    return words.empty() ? "" : std::string(kDataAsOf) + words;
}

std::string_view as_of_words(std::string_view data_as_of) {
    if (data_as_of.substr(0, kDataAsOf.size()) == kDataAsOf) data_as_of.remove_prefix(kDataAsOf.size());
    return data_as_of;
}

// ---- the clock -----------------------------------------------------------------------------

int iso_weekday(int year, int month, int day) {
    if (!valid_date(year, month, day)) return 0;
    const auto ymd =
        std::chrono::year(year) / std::chrono::month(unsigned(month)) / std::chrono::day(unsigned(day));
    return int(std::chrono::weekday(std::chrono::sys_days(ymd)).iso_encoding());
}

namespace {

// "tors.", "søn.": the weekday as Retskrivningsordbogen abbreviates it.
std::string_view weekday_abbreviation(int iso_weekday) {
    static constexpr std::array<std::string_view, 7> kNames = {"man.", "tirs.", "ons.", "tors.",
                                                               "fre.", "lør.",  "søn."};
    return kNames[std::size_t(iso_weekday - 1)];
}

// "sep.", "dec."; "maj", "juni" and "juli" are as short whole, and stay so.
std::string month_abbreviation(int month) {
    const std::string_view name = danish_month_name(month);
    if (name.size() <= 4) return std::string(name);
    return std::string(name.substr(0, 3)) + ".";
}

}  // namespace

ClockForms clock_header_forms(const CivilTime& t) {
    const std::string clock = "kl. " + std::to_string(t.hour) + "." + two_digits(t.minute);
    const int wd = iso_weekday(t.year, t.month, t.day);
    if (wd == 0) return {clock};
    const std::string weekday(danish_weekday_name(wd)), day = std::to_string(t.day) + ". ";
    const std::string month(danish_month_name(t.month)), short_month = month_abbreviation(t.month);
    return {
        weekday + " " + day + month + " " + std::to_string(t.year) + ", " + clock,
        weekday + " " + day + month + ", " + clock,
        std::string(weekday_abbreviation(wd)) + " " + day + short_month + ", " + clock,
        day + short_month + ", " + clock,
        clock,
    };
}

std::optional<CivilTime> parse_iso_minute(std::string_view text) {
    // "YYYY-MM-DDTHH:MM" with an optional ":SS"; positions are fixed, so no tokenising.
    if (text.size() != 16 && text.size() != 19) return std::nullopt;
    if (text[4] != '-' || text[7] != '-' || (text[10] != 'T' && text[10] != ' ') || text[13] != ':')
        return std::nullopt;
    if (text.size() == 19 && text[16] != ':') return std::nullopt;
    const auto year = read_digits(text, 0, 4), month = read_digits(text, 5, 2), day = read_digits(text, 8, 2);
    const auto hour = read_digits(text, 11, 2), minute = read_digits(text, 14, 2);
    const auto second = text.size() == 19 ? read_digits(text, 17, 2) : std::optional<int>(0);
    if (!year || !month || !day || !hour || !minute || !second) return std::nullopt;
    if (!valid_date(*year, *month, *day) || *hour > 23 || *minute > 59 || *second > 59) return std::nullopt;
    return CivilTime{*year, *month, *day, *hour, *minute, *second};
}

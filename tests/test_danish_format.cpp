#include <doctest/doctest.h>

#include <cmath>
#include <limits>

#include "app/local_time.h"
#include "app/danish_format.h"

// "−" is U+2212 MINUS SIGN throughout; spelled out so a test never passes on a hyphen.
#define MINUS "\u2212"

TEST_CASE("format_number groups thousands with dots and uses a decimal comma") {
    CHECK(format_number(1207) == "1.207");
    CHECK(format_number(9138) == "9.138");
    CHECK(format_number(999) == "999");
    CHECK(format_number(0) == "0");
    CHECK(format_number(1e9) == "1.000.000.000");
    CHECK(format_number(1234567.891, 2) == "1.234.567,89");
    CHECK(format_number(2.3, 1) == "2,3");
    CHECK(format_number(331306.79, 2) == "331.306,79");
    CHECK(format_number(5, 2) == "5,00");
}

TEST_CASE("format_number negatives use U+2212 and never show minus zero") {
    CHECK(format_number(-43) == MINUS "43");
    CHECK(format_number(-1207.5, 1) == MINUS "1.207,5");
    CHECK(format_number(-0.04, 1) == "0,0");
    CHECK(format_number(-0.0) == "0");
}

TEST_CASE("format_number rounds half away from zero on the written figure") {
    CHECK(format_number(0.05, 1) == "0,1");
    CHECK(format_number(-0.05, 1) == MINUS "0,1");
    CHECK(format_number(2.5) == "3");
    CHECK(format_number(-2.5) == MINUS "3");
    CHECK(format_number(2.675, 2) == "2,68");  // binary 2.67499999..., written 2.675
    CHECK(format_number(0.04999, 1) == "0,0");
    CHECK(format_number(999.95, 1) == "1.000,0");  // the carry reaches a new group
    CHECK(format_number(999999.5) == "1.000.000");
    CHECK(format_number(0.1 + 0.2, 1) == "0,3");
}

TEST_CASE("format_number_auto keeps one decimal and drops ,0") {
    CHECK(format_number_auto(2.34, std::nullopt) == "2,3");
    CHECK(format_number_auto(34.0, std::nullopt) == "34");
    CHECK(format_number_auto(33.96, std::nullopt) == "34");
    CHECK(format_number_auto(1207, std::nullopt) == "1.207");
    CHECK(format_number_auto(34.0, 1) == "34,0");
    CHECK(format_number_auto(2.345, 2) == "2,35");
}

TEST_CASE("non-finite values show a calm dash") {
    CHECK(format_number(std::nan("")) == "\u2013");
    CHECK(format_money(std::numeric_limits<double>::infinity()) == "\u2013");
    CHECK(format_percent(std::nan("")) == "\u2013");
}

TEST_CASE("format_percent") {
    CHECK(format_percent(2.3) == "2,3 %");
    CHECK(format_percent(34.8) == "34,8 %");
    CHECK(format_percent(34.0) == "34 %");
    CHECK(format_percent(34.8, 0) == "35 %");
    CHECK(format_percent(34.0, 1) == "34,0 %");
    CHECK(format_percent(-1.25) == MINUS "1,3 %");
    CHECK(format_percent(0) == "0 %");
}

TEST_CASE("format_money below one million: øre only when there are any") {
    CHECK(format_money(331306.79) == "331.306,79 kr.");
    CHECK(format_money(600000) == "600.000 kr.");
    CHECK(format_money(999999.5) == "999.999,50 kr.");
    CHECK(format_money(12.3) == "12,30 kr.");
    CHECK(format_money(600000.004) == "600.000 kr.");  // rounds to whole kroner
    CHECK(format_money(0) == "0 kr.");
    CHECK(format_money(-600000) == MINUS "600.000 kr.");
}

TEST_CASE("money with decimals set: exactly those digits below a million, no øre with 0") {
    CHECK(format_value(331306.79, "kr", 0) == "331.307 kr.");
    CHECK(format_value(168693.21, "kr", 0) == "168.693 kr.");
    CHECK(format_value(12.3, "kr", 1) == "12,3 kr.");
    CHECK(format_value(999999.6, "kr", 0) == "1 mio. kr.");  // rounds up across the scale
    CHECK(format_value(2.5e6, "kr", 0) == "2,5 mio. kr.");   // the scale keeps its own digits
}

TEST_CASE("format_money scales to mio. and mia.") {
    CHECK(format_money(25e6) == "25 mio. kr.");
    CHECK(format_money(2.5e6) == "2,5 mio. kr.");
    CHECK(format_money(1e6) == "1 mio. kr.");
    CHECK(format_money(999999.996) == "1 mio. kr.");  // rounds up across the scale
    CHECK(format_money(331.34e6) == "331,3 mio. kr.");
    CHECK(format_money(999.94e6) == "999,9 mio. kr.");
    CHECK(format_money(999.95e6) == "1 mia. kr.");  // never "1.000 mio. kr."
    CHECK(format_money(1e9) == "1 mia. kr.");
    CHECK(format_money(1.1e9) == "1,1 mia. kr.");
    CHECK(format_money(1.04e9) == "1 mia. kr.");
    CHECK(format_money(1500e9) == "1.500 mia. kr.");
    CHECK(format_money(-2.5e6) == MINUS "2,5 mio. kr.");
}

TEST_CASE("format_value dispatches on the unit") {
    CHECK(format_value(2.3, "%", std::nullopt) == "2,3 %");
    CHECK(format_value(1.1e9, "kr", 0) == "1,1 mia. kr.");  // money ignores decimals
    CHECK(format_value(1, "procentpoint", std::nullopt) == "1 procentpoint");
    CHECK(format_value(-0.8, "procentpoint", std::nullopt) == MINUS "0,8 procentpoint");
    CHECK(format_value(1207, "", std::nullopt) == "1.207");
    CHECK(format_value(1207, "personer", std::nullopt) == "1.207 personer");
    CHECK(format_value(6.25, "fuldtidspersoner", 2) == "6,25 fuldtidspersoner");
}

TEST_CASE("format_change: relative") {
    CHECK(format_change(105, 100, ChangeStyle::Relative) == "+5,0 %");
    CHECK(format_change(57, 100, ChangeStyle::Relative) == MINUS "43 %");
    CHECK(format_change(109.96, 100, ChangeStyle::Relative) == "+10 %");  // "10,0" → whole
    CHECK(format_change(100.01, 100, ChangeStyle::Relative) == "±0,0 %");
    CHECK(format_change(-50, -100, ChangeStyle::Relative) == "+50 %");  // relative to |before|
    CHECK(format_change(105, 100, ChangeStyle::Relative, "", 2) == "+5,00 %");
    CHECK(format_change(5, 0, ChangeStyle::Relative) == "");
    CHECK(format_change(std::nan(""), 1, ChangeStyle::Relative) == "");
}

TEST_CASE("format_change: difference in the figure's unit") {
    CHECK(format_change(3.5, 2.3, ChangeStyle::Difference, "%") == "+1,2 procentpoint");
    CHECK(format_change(2.3, 3.1, ChangeStyle::Difference, "%") == MINUS "0,8 procentpoint");
    CHECK(format_change(9138, 9448, ChangeStyle::Difference, "personer") == MINUS "310 personer");
    CHECK(format_change(125e6, 100e6, ChangeStyle::Difference, "kr") == "+25 mio. kr.");
    CHECK(format_change(7, 7, ChangeStyle::Difference) == "±0");
    CHECK(format_change(12, 10, ChangeStyle::Difference) == "+2");
}

TEST_CASE("format_date") {
    CHECK(format_date({2022, 5, 3}) == "3. maj 2022");
    CHECK(format_date({2021, 12, 0}) == "december 2021");
    CHECK(format_date({2021, 0, 0}) == "2021");
    CHECK(format_date({2022, 4, 31}) == "april 2022");  // no 31st of April
    CHECK(format_date({2024, 2, 29}) == "29. februar 2024");
    CHECK(format_date({2023, 2, 29}) == "februar 2023");
    CHECK(format_date({2021, 13, 1}) == "2021");
    CHECK(format_date({0, 5, 3}) == "");
}

TEST_CASE("format_data_as_of") {
    CHECK(format_data_as_of({2021, 12, 0}) == "Data pr. december 2021");
    CHECK(format_data_as_of({2021, 12, 0}, "2. halvår 2021") == "Data pr. 2. halvår 2021");
    CHECK(format_data_as_of({}, "") == "");
}

TEST_CASE("weekday and month names") {
    CHECK(iso_weekday(2022, 5, 3) == 2);  // a Tuesday
    CHECK(iso_weekday(2000, 1, 1) == 6);  // a Saturday
    CHECK(iso_weekday(2024, 12, 29) == 7);
    CHECK(iso_weekday(2022, 2, 30) == 0);
    CHECK(danish_weekday_name(6) == "lørdag");
    CHECK(danish_weekday_name(0) == "");
    CHECK(danish_month_name(3) == "marts");
    CHECK(danish_month_name(13) == "");
}

TEST_CASE("format_clock_header") {
    CHECK(format_clock_header({2022, 5, 3, 10, 15, 0}) == "tirsdag 3. maj 2022, kl. 10.15");
    CHECK(format_clock_header({2022, 5, 8, 9, 5, 59}) == "søndag 8. maj 2022, kl. 9.05");
    CHECK(format_clock_header({2022, 1, 1, 0, 0, 0}) == "lørdag 1. januar 2022, kl. 0.00");
    CHECK(format_clock_header({0, 0, 0, 23, 59, 0}) == "kl. 23.59");
}

TEST_CASE("parse_iso_minute") {
    const auto t = parse_iso_minute("2022-05-03T10:15");
    REQUIRE(t.has_value());
    CHECK(t->year == 2022);
    CHECK(t->month == 5);
    CHECK(t->day == 3);
    CHECK(t->hour == 10);
    CHECK(t->minute == 15);
    CHECK(t->second == 0);
    CHECK(format_clock_header(*t) == "tirsdag 3. maj 2022, kl. 10.15");

    const auto s = parse_iso_minute("2024-02-29 23:59:30");
    REQUIRE(s.has_value());
    CHECK(s->second == 30);

    CHECK_FALSE(parse_iso_minute("2023-02-29T10:15"));  // not a leap year
    CHECK_FALSE(parse_iso_minute("2022-05-03T24:00"));
    CHECK_FALSE(parse_iso_minute("2022-05-03T10:60"));
    CHECK_FALSE(parse_iso_minute("2022-5-3T10:15"));
    CHECK_FALSE(parse_iso_minute("2022-05-03"));
    CHECK_FALSE(parse_iso_minute("2022-05-03T10:15Z"));
    CHECK_FALSE(parse_iso_minute("2022-05-03T10:15:3x"));
    CHECK_FALSE(parse_iso_minute(""));
}

TEST_CASE("local_civil_time returns a plausible wall-clock time") {
    const CivilTime t = local_civil_time(std::chrono::system_clock::now());
    CHECK(t.year >= 2020);
    CHECK(iso_weekday(t.year, t.month, t.day) != 0);
    CHECK(t.hour >= 0);
    CHECK(t.hour <= 23);
}

TEST_CASE("huge figures are written as mantissa and exponent, never as 309 digits") {
    const double max = std::numeric_limits<double>::max();
    CHECK(format_number(999999999999999.0) == "999.999.999.999.999");
    CHECK(format_number(1e15) == "1E+15");
    CHECK(format_number(max) == "2E+308");
    CHECK(format_number(max, 2) == "1,80E+308");
    CHECK(format_number(-max, 1) == MINUS "1,8E+308");
    CHECK(format_number_auto(max, std::nullopt) == "1,8E+308");
    CHECK(format_number_auto(1e15, std::nullopt) == "1E+15");
    CHECK(format_percent(max) == "1,8E+308 %");
    CHECK(format_value(-max, "personer") == MINUS "1,8E+308 personer");
    CHECK(format_money(999e12) == "999.000 mia. kr.");
    CHECK(format_money(max) == "1,8E+308 kr.");
    CHECK(format_money(-1e15) == MINUS "1E+15 kr.");
    // Every format stays short for every double, large or small.
    for (double v : {max, -max, 1e300, 1e100, 1e16, std::numeric_limits<double>::min(),
                     std::numeric_limits<double>::denorm_min(), -std::numeric_limits<double>::denorm_min()}) {
        CAPTURE(v);
        for (int d = 0; d <= 9; ++d) CHECK(format_number(v, d).size() < 40);
        CHECK(format_number_auto(v, std::nullopt).size() < 40);
        for (const char* unit : {"", "%", "kr", "procentpoint", "personer"}) {
            CHECK(format_value(v, unit).size() < 40);
            for (double before : {max, -max, 1.0, std::numeric_limits<double>::denorm_min()})
                for (ChangeStyle style : {ChangeStyle::Difference, ChangeStyle::Relative})
                    CHECK(format_change(v, before, style, unit).size() < 40);
        }
    }
}

TEST_CASE("a change too large for a double has no change line") {
    const double max = std::numeric_limits<double>::max();
    CHECK(format_change(max, -max, ChangeStyle::Difference) == "");
    CHECK(format_change(1, std::numeric_limits<double>::denorm_min(), ChangeStyle::Relative) == "");
    CHECK(format_change(max, max, ChangeStyle::Difference) == "±0");
}

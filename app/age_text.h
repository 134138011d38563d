// How old the data on screen is, in Danish, for the slide footer. Pure: the age in seconds comes
// from feeds::data_age() (feeds/freshness.h), which knows nothing of words.
//
// Whole units, rounded down, as people say it: 59 min. is "for 59 min. siden", 119 min.
// "for 1 time siden". The exact age is never needed on a lobby screen; the order of magnitude is.
//   under 1 minute   "for under 1 min. siden"
//   under 1 hour     "for 5 min. siden"        (min. is the same in singular and plural)
//   under 1 day      "for 1 time siden", "for 3 timer siden"
//   under 14 days    "for 1 dag siden", "for 2 dage siden"
//   under 60 days    "for 2 uger siden", "for 8 uger siden"
//   under 1 year     "for 2 måneder siden"     (30-day months)
//   from 1 year      "for 1 år siden", "for 2 år siden"
// A negative age (a clock set back) counts as 0.
#pragma once

#include <cstdint>
#include <string>

// "for 3 timer siden"
std::string age_phrase(std::int64_t age_s);

// "Data hentet for 5 min. siden": the neutral footer line.
std::string fetched_text(std::int64_t age_s);

// "Seneste data hentet for 3 dage siden": the footer line for stale data (SlideText::stale).
std::string stale_text(std::int64_t age_s);

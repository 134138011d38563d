// app/views/home_match.*: one folding rule for --home and options.highlight in every view.
#include <doctest/doctest.h>

#include "app/views/home_match.h"

TEST_CASE("--home matches a municipality's places and words, case and æøå alike") {
    CHECK(place_is_home("Køge", "Køge"));
    CHECK(place_is_home("KØGE", "køge"));
    CHECK(place_is_home("Køge Nord", "Køge"));
    CHECK_FALSE(place_is_home("Køgevej", "Køge"));
    CHECK_FALSE(place_is_home("Københavns Lufthavn", "København"));
    CHECK_FALSE(place_is_home("Køge", ""));
    CHECK(places_include_home({"Hårlev", "Køge Nord"}, "køge"));
    CHECK(text_names_home("Møde i Køge byråd", "Køge"));
    CHECK(text_names_home("Køges borgere", "Køge"));
    CHECK_FALSE(text_names_home("Køgebugt", "Køge"));
    CHECK_FALSE(text_names_home("Møde i Roskilde", "Køge"));
}

TEST_CASE("highlight and --home fold Æ, Ø and Å like ASCII, in every view's matcher") {
    CHECK(folded("ÆBLEØ ÅS") == "æbleø ås");
    CHECK(folded("×") == "×");  // the multiplication sign is no capital letter
    feeds::ViewOptions opt;
    opt.highlight = {"høje-taastrup"};
    CHECK(is_highlighted(opt, "", {"HØJE-TAASTRUP"}));
    CHECK(is_highlighted(opt, "", {"", "Høje-Taastrup"}));
    CHECK_FALSE(is_highlighted(opt, "", {"Høje Taastrup"}));
    CHECK(is_highlighted({}, "KØGE", {"259", "Køge"}));
    CHECK_FALSE(is_highlighted({}, "", {"Køge"}));
    CHECK(same_text("Ærø", "ÆRØ"));
    CHECK_FALSE(same_text("Ærø", "Aerø"));
}

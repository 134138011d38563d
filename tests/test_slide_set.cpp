// The footer's source line: what a lobby reader sees after "Kilde:".
#include <doctest/doctest.h>

#include "app/kiosk/slide_set.h"

TEST_CASE("source line names publisher, document and item once each") {
    feeds::SourceRef s;
    s.publisher = "Copenhagen Capacity";
    s.document = "KKR Sjælland, mødebilag maj 2022";
    s.item = "2.8 Copenhagen Capacity";
    CHECK(
        source_line(s) ==
        "Kilde: Copenhagen Capacity \u00B7 KKR Sjælland, mødebilag maj 2022 \u00B7 2.8 Copenhagen Capacity");
}

TEST_CASE("source line does not repeat a publisher the document already names") {
    feeds::SourceRef s;
    s.publisher = "KKR Sjælland";
    s.document = "KKR Sjælland, mødebilag maj 2022";
    s.item = "2.7 Jobforum";
    CHECK(source_line(s) == "Kilde: KKR Sjælland, mødebilag maj 2022 \u00B7 2.7 Jobforum");
}

TEST_CASE("source line skips empty parts and is empty with no source") {
    feeds::SourceRef s;
    CHECK(source_line(s).empty());
    s.item = "pkt. 2.5";
    CHECK(source_line(s) == "Kilde: pkt. 2.5");
}

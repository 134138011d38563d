#include <doctest/doctest.h>

#include <string>

#include "feeds/raw_text.h"

using namespace feeds;

TEST_CASE("invalid_utf8_offset accepts well-formed UTF-8") {
    CHECK(invalid_utf8_offset("") == kNoOffset);
    CHECK(invalid_utf8_offset("Køge, Næstved, Ærø") == kNoOffset);
    CHECK(invalid_utf8_offset("\xF0\x9F\x98\x80 emoji") == kNoOffset);
    CHECK(invalid_utf8_offset("\xEF\xBB\xBF{}") == kNoOffset);  // BOM
}

TEST_CASE("invalid_utf8_offset finds the first bad byte") {
    CHECK(invalid_utf8_offset("K\xF8ge") == 1);             // Latin-1 ø
    CHECK(invalid_utf8_offset("ab\xC0\xAF") == 2);          // overlong '/'
    CHECK(invalid_utf8_offset("\xED\xA0\x80") == 0);        // surrogate
    CHECK(invalid_utf8_offset("xy\xF4\x90\x80\x80") == 2);  // above U+10FFFF
    CHECK(invalid_utf8_offset("abc\xE2\x82") == 3);         // truncated sequence
    CHECK(invalid_utf8_offset("\x80") == 0);                // lone continuation
}

TEST_CASE("depth_exceeded_offset counts brackets outside strings only") {
    CHECK(depth_exceeded_offset("[[[]]]", 3) == kNoOffset);
    CHECK(depth_exceeded_offset("[[[[]]]]", 3) == 3);
    CHECK(depth_exceeded_offset(R"({"a":"[[[[[[","b":{"c":[]}})", 3) == kNoOffset);
    CHECK(depth_exceeded_offset(R"(["\"[[[["])", 1) == kNoOffset);  // escaped quote stays in the string
    CHECK(depth_exceeded_offset("]]]][[", 1) == 5);                 // stray closers do not go negative
    const std::string deep(100000, '[');
    CHECK(depth_exceeded_offset(deep, 32) == 32);
}

TEST_CASE("position_text gives line, column and byte") {
    CHECK(position_text("ab\ncd", 4) == "line 2, column 2 (byte 4)");
    CHECK(position_text("abc", 0) == "line 1, column 1 (byte 0)");
    CHECK(position_text("abc", 99) == "line 1, column 4 (byte 3)");
}

// Generated worst cases for the parser and checks: every shape the format allows, filled to a
// given size (tests/bench/parse_bench.cpp times them; test_parse_control.cpp bounds them by
// counted operations). Invented content, test use only.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace worst {

enum class Shape {
    EmptyObjects,
    EmptyArrays,
    Numbers,
    Strings,
    DeepNesting,
    ManyKeys,
    TableRows,
    ManySlides
};

struct ShapeName {
    Shape shape;
    const char* name;
};
inline constexpr ShapeName kShapes[] = {
    {Shape::EmptyObjects, "empty objects"},
    {Shape::EmptyArrays, "empty arrays"},
    {Shape::Numbers, "numbers"},
    {Shape::Strings, "strings"},
    {Shape::DeepNesting, "nesting to 32"},
    {Shape::ManyKeys, "1000 keys per object"},
    {Shape::TableRows, "table rows"},
    {Shape::ManySlides, "slides x columns"},
};

// prefix, then `unit` repeated (comma-separated, unit(i) for the i-th) while it fits, then suffix.
template <class Unit>
std::string fill(const std::string& prefix, Unit unit, const std::string& suffix, std::size_t bytes) {
    std::string out = prefix;
    for (std::size_t i = 0;; ++i) {
        const std::string u = unit(i);
        if (out.size() + u.size() + 1 + suffix.size() > bytes) break;
        if (i) out += ',';
        out += u;
    }
    return out + suffix;
}

inline const std::string kFeedHead =
    R"({"format":"infotavle-feed","version":"1.0","id":"w","title":"W","as_of":"2021-12",)"
    R"("source":{"publisher":"P"},)";

// An indicators dataset of n items i0..i{n-1}: what ManySlides' columns name.
inline std::string indicator_feed(std::size_t n) {
    std::string items;
    for (std::size_t i = 0; i < n; ++i)
        items += std::string(i ? "," : "") + R"({"id":"i)" + std::to_string(i) +
                 R"(","label":"L","value":1,"unit":"%"})";
    return kFeedHead + R"("datasets":[{"id":"d","type":"indicators","title":"T","items":[)" + items + "]}]}";
}

// The text of the shape at (at most) `bytes`: a feed, or for ManySlides a manifest whose
// slides name feed "w" at w.json (indicator_feed(1000)).
inline std::string text(Shape shape, std::size_t bytes) {
    const std::string head = kFeedHead + R"("x":[)";
    const std::string tail = "]}";
    auto constant = [](std::string u) { return [u](std::size_t) { return u; }; };
    switch (shape) {
        case Shape::EmptyObjects:
            return fill(head, constant("{}"), tail, bytes);
        case Shape::EmptyArrays:
            return fill(head, constant("[]"), tail, bytes);
        case Shape::Numbers:
            return fill(head, constant("1"), tail, bytes);
        case Shape::Strings:
            return fill(head, constant("\"\""), tail, bytes);
        case Shape::DeepNesting:  // the top object and "x" make 2 levels: 30 more reach 32
            return fill(head, constant(std::string(30, '[') + std::string(30, ']')), tail, bytes);
        case Shape::ManyKeys:
            return fill(
                head,
                constant(fill(
                    "{", [](std::size_t i) { return "\"k" + std::to_string(i) + "\":0"; }, "}", 8000)),
                tail, bytes);
        case Shape::TableRows:
            return fill(
                kFeedHead + R"("datasets":[{"id":"t","type":"municipality_table","title":"T",)"
                            R"("columns":[{"id":"c","label":"C","unit":"%"}],"rows":[)",
                [](std::size_t i) {
                    return R"({"code":")" + std::to_string(100 + i % 900) + R"(","name":"K)" +
                           std::to_string(i) + R"(","values":[1.5]})";
                },
                "]}]}", bytes);
        case Shape::ManySlides: {
            const std::string columns = fill(
                "[", [](std::size_t i) { return "\"i" + std::to_string(i * 7 % 1100) + "\""; }, "]", 6000);
            return fill(R"({"format":"infotavle-manifest","version":"1.0","title":"T",)"
                        R"("feeds":[{"id":"w","url":"w.json"}],"playlist":[)",
                        [&](std::size_t i) {
                            return R"({"id":"s)" + std::to_string(i) +
                                   R"(","feed":"w","dataset":"d","view":"kpi_tiles","title":"T",)"
                                   R"("options":{"columns":)" +
                                   columns + "}}";
                        },
                        "]}", bytes);
        }
    }
    return {};
}

}  // namespace worst

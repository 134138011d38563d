// What a run does (app/actions): the action the flags choose, and the screen's --size.
#include <doctest/doctest.h>

#include "app/actions/actions.h"
#include "app/actions/screen_setup.h"

TEST_CASE("chosen_action: the first action given wins, in the documented order, else the kiosk") {
    Actions a;
    CHECK(chosen_action(a) == Action::kiosk);
    a.render_dir = "out";
    CHECK(chosen_action(a) == Action::render);
    a.from_cap = {"alert.xml"};
    CHECK(chosen_action(a) == Action::from_cap);
    a.publish_dirs = {"src"};  // --publish takes two folders: one is not a publish
    CHECK(chosen_action(a) == Action::from_cap);
    a.publish_dirs = {"src", "out"};
    CHECK(chosen_action(a) == Action::publish);
    a.check_paths = {"manifest.json"};
    CHECK(chosen_action(a) == Action::check);
    a.list_places = true;
    CHECK(chosen_action(a) == Action::list_places);
    a.from_csv = "table.csv";
    CHECK(chosen_action(a) == Action::from_csv);
    a.print_config = true;
    CHECK(chosen_action(a) == Action::print_config);
    a.version = true;
    CHECK(chosen_action(a) == Action::version);
}

TEST_CASE("parse_sizes: one WxH, a list only with --render, 1920x1080 when none is given") {
    std::vector<std::pair<int, int>> sizes;
    CHECK(parse_sizes("", false, sizes));
    CHECK(sizes == std::vector<std::pair<int, int>>{{1920, 1080}});
    CHECK(parse_sizes("800X480", false, sizes));
    CHECK(sizes == std::vector<std::pair<int, int>>{{800, 480}});
    CHECK(parse_sizes("1920x1080,800x480", true, sizes));
    CHECK(sizes == std::vector<std::pair<int, int>>{{1920, 1080}, {800, 480}});
    CHECK_FALSE(parse_sizes("1920x1080,800x480", false, sizes));
    CHECK_FALSE(parse_sizes("1920x1080,", true, sizes));
    CHECK_FALSE(parse_sizes("319x240", false, sizes));
    CHECK_FALSE(parse_sizes("8193x1000", false, sizes));
    CHECK_FALSE(parse_sizes("800x480x", false, sizes));
    CHECK_FALSE(parse_sizes("800*480", false, sizes));
    CHECK(parse_sizes("8192x8192", false, sizes));
    CHECK(parse_sizes("320x240", false, sizes));
}

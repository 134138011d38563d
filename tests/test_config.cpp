// app/config: every setting from the file and the command line, their precedence, the errors
// (each naming file, line and key), --print-config and the shipped configuration file.
#include <doctest/doctest.h>

#include <map>

#include "app/config/config.h"

namespace {

const char* kFile = "/etc/infotavle/infotavle.conf";

struct Files {
    std::map<std::string, FileRead> files;
    ReadFile reader() const {
        return [this](const std::string& path) {
            auto it = files.find(path);
            return it == files.end() ? FileRead{} : it->second;
        };
    }
};

ConfigOutcome parse(const std::vector<std::string>& args, const std::string& text) {
    Files f;
    f.files[kFile] = {true, "", text};
    return parse_config(args, kFile, "skaerm-7", f.reader());
}

Config good(const std::vector<std::string>& args, const std::string& text) {
    ConfigOutcome o = parse(args, text);
    INFO(o.message);
    REQUIRE(o.config);
    CHECK(o.exit_code == 0);
    return *o.config;
}

const SettingValue& value(const Config& c, const std::string& key) {
    for (const auto& v : c.values)
        if (v.key == key) return v;
    FAIL("no setting " << key);
    return c.values.front();
}

}  // namespace

TEST_CASE("config: every key is read from the file") {
    const Config c = good({},
                          "# a screen\n"
                          "manifest = \"https://data.example/manifest.json\"\n"
                          "home = \"Køge\"\n"
                          "cache_dir = \"/var/cache/infotavle\"\n"
                          "cache_max_mb = 64\n"
                          "data_max_mb = 32\n"
                          "ca_file = \"" INFOTAVLE_SOURCE_DIR
                          "/CMakeLists.txt\"\n"
                          "size = \"1280x720\"\n"
                          "fullscreen = true\n"
                          "rotate = 90\n"
                          "software = true\n"
                          "wake_for_notices = true\n"
                          "now = \"2022-05-03T10:15\"\n"
                          "display_schedule = \"always\"\n"
                          "screen_id = \"koege-1\"\n"
                          "screen_name = \"Forhal, skærm 2\"\n"
                          "location = \"Køge Rådhus, forhal\"\n"
                          "status_file = \"/run/infotavle/status.json\"\n"
                          "metrics_file = \"/var/lib/prometheus/node-exporter/infotavle.prom\"\n"
                          "heartbeat_url = \"https://drift.example/heartbeat\"\n"
                          "heartbeat_s = 600\n"
                          "screenshot_s = 3600\n");
    const Settings& s = c.settings;
    CHECK(s.manifest == "https://data.example/manifest.json");
    CHECK(s.home == "Køge");
    CHECK(s.cache_dir == "/var/cache/infotavle");
    CHECK(s.cache_max_mb == 64);
    CHECK(s.ca_file == INFOTAVLE_SOURCE_DIR "/CMakeLists.txt");
    CHECK(s.size == "1280x720");
    CHECK(s.fullscreen);
    CHECK(s.rotate == 90);
    CHECK(s.software);
    CHECK(s.wake_for_notices);
    CHECK(s.now == "2022-05-03T10:15");
    CHECK(s.display_schedule == "always");
    CHECK(s.screen_id == "koege-1");
    CHECK(s.screen_name == "Forhal, skærm 2");
    CHECK(s.location == "Køge Rådhus, forhal");
    CHECK(s.data_max_mb == 32);
    CHECK(s.status_file == "/run/infotavle/status.json");
    CHECK(s.metrics_file == "/var/lib/prometheus/node-exporter/infotavle.prom");
    CHECK(s.heartbeat_url == "https://drift.example/heartbeat");
    CHECK(s.heartbeat_s == 600);
    CHECK(s.screenshot_s == 3600);
    CHECK(c.file == kFile);
    for (const auto& v : c.values) {
        INFO(v.key);
        CHECK(v.origin == Origin::file);
    }
    CHECK(value(c, "manifest").line == 2);
    CHECK(value(c, "location").line == 17);
    CHECK(print_config(c).find("display_schedule = \"always\"") != std::string::npos);
}

TEST_CASE("config: defaults, and screen_id is the host name") {
    const Config c = good({}, "");
    CHECK(c.settings.manifest.empty());
    CHECK(c.settings.cache_max_mb == 256);
    CHECK(c.settings.rotate == 0);
    CHECK_FALSE(c.settings.fullscreen);
    CHECK(c.settings.screen_id == "skaerm-7");
    CHECK(value(c, "screen_id").value == "\"skaerm-7\"");
    CHECK(value(c, "fullscreen").value == "false");
    CHECK(value(c, "cache_max_mb").value == "256");
    CHECK(value(c, "home").value == "\"\"");
    CHECK(value(good({"--fullscreen"}, ""), "fullscreen").value == "true");
    for (const auto& v : c.values) CHECK(v.origin == Origin::default_value);
}

TEST_CASE("config: a missing default file is no error, no file is read") {
    Files none;
    const ConfigOutcome o = parse_config({"--home", "259"}, kFile, "h", none.reader());
    REQUIRE(o.config);
    CHECK(o.config->file.empty());
    CHECK(o.config->settings.home == "259");
}

TEST_CASE("config: a flag wins over the file, the file over the default") {
    const Config c =
        good({"--rotate", "180", "--software"}, "rotate = 90\nsoftware = false\nhome = \"Køge\"\n");
    CHECK(c.settings.rotate == 180);
    CHECK(c.settings.software);
    CHECK(c.settings.home == "Køge");
    CHECK(value(c, "rotate").origin == Origin::flag);
    CHECK(value(c, "software").origin == Origin::flag);
    CHECK(value(c, "home").origin == Origin::file);
    CHECK(value(c, "home").line == 3);
    CHECK(value(c, "size").origin == Origin::default_value);
}

TEST_CASE("config: --config names another file, which must exist") {
    Files f;
    f.files["/srv/screen.conf"] = {true, "", "screen_name = \"Foyer\"\n"};
    const ConfigOutcome o = parse_config({"--config", "/srv/screen.conf"}, kFile, "h", f.reader());
    REQUIRE(o.config);
    CHECK(o.config->settings.screen_name == "Foyer");
    CHECK(o.config->file == "/srv/screen.conf");

    const ConfigOutcome missing = parse_config({"--config", "/srv/none.conf"}, kFile, "h", f.reader());
    CHECK_FALSE(missing.config);
    CHECK(missing.exit_code == 2);
    CHECK(missing.message == "/srv/none.conf: no such configuration file (--config)");
}

TEST_CASE("config: an unreadable file is one line naming it, exit code 2") {
    Files f;
    f.files[kFile] = {true, "Permission denied", ""};
    const ConfigOutcome o = parse_config({}, kFile, "h", f.reader());
    CHECK_FALSE(o.config);
    CHECK(o.exit_code == 2);
    CHECK(o.message == std::string(kFile) + ": cannot read: Permission denied");
}

TEST_CASE("config: an unknown key names file, line and key") {
    const ConfigOutcome o = parse({}, "# x\nhome = \"Køge\"\nhjem = \"Køge\"\n");
    CHECK_FALSE(o.config);
    CHECK(o.exit_code == 2);
    CHECK(o.message ==
          std::string(kFile) + ":3: unknown key \"hjem\" (infotavle --print-config lists the keys)");
}

TEST_CASE("config: command-line actions and sections are not keys of the file") {
    CHECK(parse({}, "render = \"/tmp/x\"\n").message ==
          std::string(kFile) + ":1: unknown key \"render\" (infotavle --print-config lists the keys)");
    CHECK(parse({}, "\n[screen]\nhome = \"Køge\"\n").message ==
          std::string(kFile) + ":3: unknown key \"screen.home\" (infotavle --print-config lists the keys)");
    CHECK(parse({}, "cache-dir = \"/x\"\n").exit_code == 2);
}

TEST_CASE("config: a bad value names file, line and key") {
    SUBCASE("rotate") {
        const ConfigOutcome o = parse({}, "\n\nrotate = 45\n");
        CHECK(o.exit_code == 2);
        CHECK(o.message.rfind(std::string(kFile) + ":3: rotate: ", 0) == 0);
    }
    SUBCASE("a number") {
        const ConfigOutcome o = parse({}, "cache_max_mb = lots\n");
        CHECK(o.exit_code == 2);
        CHECK(o.message.rfind(std::string(kFile) + ":1: cache_max_mb: ", 0) == 0);
    }
    SUBCASE("a flag") {
        const ConfigOutcome o = parse({}, "home = \"x\"\nfullscreen = maybe\n");
        CHECK(o.exit_code == 2);
        CHECK(o.message.rfind(std::string(kFile) + ":2: fullscreen: ", 0) == 0);
    }
    SUBCASE("a missing CA file") {
        const ConfigOutcome o = parse({}, "ca_file = \"/nonexistent/ca.pem\"\n");
        CHECK(o.exit_code == 2);
        CHECK(o.message.rfind(std::string(kFile) + ":1: ca_file: ", 0) == 0);
    }
    SUBCASE("text with a comma, not quoted") {
        const ConfigOutcome o = parse({}, "location = Køge Rådhus, forhal\n");
        CHECK(o.exit_code == 2);
        CHECK(o.message ==
              std::string(kFile) +
                  ":1: location: expected one value (put text with spaces or commas in \"quotes\")");
    }
}

TEST_CASE("config: a bad flag is exit code 2, --help exit code 0") {
    const ConfigOutcome bad = parse({"--rotate", "45"}, "");
    CHECK(bad.exit_code == 2);
    CHECK_FALSE(bad.config);
    const ConfigOutcome unknown = parse({"--nonsense"}, "");
    CHECK(unknown.exit_code == 2);
    const ConfigOutcome help = parse({"--help"}, "");
    CHECK(help.exit_code == 0);
    CHECK_FALSE(help.config);
    CHECK(help.message.find("--screen-name") != std::string::npos);
}

TEST_CASE("config: actions come from the command line") {
    const Config c = good({"--render", "/tmp/out", "--print-config", "--check", "a.json"}, "");
    CHECK(c.actions.render_dir == "/tmp/out");
    CHECK(c.actions.print_config);
    CHECK(c.actions.check_paths == std::vector<std::string>{"a.json"});
}

TEST_CASE("config: --print-config says where each value came from, and reads back") {
    const Config c = good({"--home", "Køge"}, "\nscreen_name = \"Forhal\"\n");
    const std::string text = print_config(c);
    CHECK(text.find("home = \"Køge\"") != std::string::npos);
    CHECK(text.find("# flag") != std::string::npos);
    CHECK(text.find("screen_name = \"Forhal\"") != std::string::npos);
    CHECK(text.find("# file, line 2") != std::string::npos);
    CHECK(text.find("rotate = 0") != std::string::npos);
    CHECK(text.find("# default") != std::string::npos);
    const Config again = good({}, text);
    CHECK(again.settings.home == "Køge");
    CHECK(again.settings.screen_name == "Forhal");
    CHECK(again.settings.screen_id == "skaerm-7");
}

TEST_CASE("config: the shipped file lists every setting, commented, and reads as the defaults") {
    const std::string text = default_config_text();
    const Config defaults = good({}, "");
    for (const auto& v : defaults.values) {
        INFO(v.key);
        CHECK(text.find("\n#" + v.key + " = ") != std::string::npos);
    }
    const Config c = good({}, text);
    CHECK(changed_keys(defaults, c).empty());
    for (const auto& v : c.values) CHECK(v.origin == Origin::default_value);
}

TEST_CASE("config: changed_keys names what a re-read changed") {
    const Config a = good({}, "home = \"Køge\"\nrotate = 90\n");
    const Config b = good({}, "home = \"Køge\"\nrotate = 180\nlocation = \"Hal\"\n");
    CHECK(changed_keys(a, b) == std::vector<std::string>{"rotate", "location"});
}

TEST_CASE("config: SIGHUP's report: what needs a restart, or why the file is kept") {
    const Config running = good({}, "rotate = 90\n");
    const auto same = reload_report(running, parse({}, "rotate = 90\n"));
    REQUIRE(same.size() == 1);
    CHECK(same[0].first == Severity::info);
    CHECK(same[0].second == std::string("SIGHUP: ") + kFile + ": no setting changed");
    const auto changed = reload_report(running, parse({}, "rotate = 180\n"));
    REQUIRE(changed.size() == 1);
    CHECK(changed[0].first == Severity::warning);
    CHECK(changed[0].second ==
          std::string("SIGHUP: ") + kFile +
              ": rotate changed: it takes effect after a restart (systemctl restart infotavle)");
    const auto broken = reload_report(running, parse({}, "rotate = 45\n"));
    REQUIRE(broken.size() == 1);
    CHECK(broken[0].first == Severity::warning);
    CHECK(broken[0].second.rfind(std::string("SIGHUP: ") + kFile + ":1: rotate: ", 0) == 0);
}

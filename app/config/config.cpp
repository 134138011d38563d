#include "app/config/config.h"

#include <set>
#include <sstream>

namespace {

struct Parsed {
    Settings settings;
    Actions actions;
    std::string config_path;
};

// The whole command line: the settings (settings.cpp) and the actions of one run. `p` must
// outlive the app: the options write into it.
void describe(CLI::App& app, Parsed& p) {
    add_settings(app, p.settings);
    app.add_option("--check", p.actions.check_paths,
                   "Check feed and manifest files, print every problem, and exit")
        ->type_name("FILE...");
    app.add_option("--render", p.actions.render_dir,
                   "Write one PNG per slide into OUTDIR and exit (no display needed). With an http(s) "
                   "--manifest, its data is fetched once first (cached copies where a fetch fails); "
                   "a local one is read as it is. Also writes OUTDIR/index.html, a contact sheet with each "
                   "slide's warnings; exit 1 when something written is not on screen. The slides are "
                   "--manifest's (default: the bundled ones)")
        ->type_name("OUTDIR");
    app.add_option("--slide", p.actions.render_slide, "With --render: render only the slide of this id")
        ->type_name("ID");
    app.add_flag("--allow-unknown", p.actions.allow_unknown,
                 "With --check/--render: keys, views and dataset types this version does not know are "
                 "warnings, not errors (a file written for a newer infotavle)");
    app.add_flag("--list-places", p.actions.list_places,
                 "Print the places a project map knows (name, lat, lon) and exit; with --check FEED.json..., "
                 "also the places those feeds add");
    app.add_option(
           "--from-csv", p.actions.from_csv,
           "Print a dataset (JSON, to paste into a feed's \"datasets\") made from a spreadsheet's CSV: "
           "UTF-8 or Windows-1252, ';' separated, Danish numbers (2,3; 1.207,5), and exit")
        ->type_name("FILE.csv");
    app.add_option(
        "--dataset-type", p.actions.dataset_type,
        "With --from-csv: table (code;name;figures...), series (x;lines...) or indicators "
        "(id;label;value;unit, then any of period;note;target;previous;previous_period;qualifier)");
    app.add_option("--dataset-id", p.actions.dataset_id, "With --from-csv: the dataset's id (default data)");
    app.add_option("--dataset-title", p.actions.dataset_title,
                   "With --from-csv: the dataset's title (default: the file's name, \"Ledighed i Køge.csv\" "
                   "gives \"Ledighed i Køge\")");
    app.add_option("--publish", p.actions.publish_dirs,
                   "Check SRC_DIR (its manifest.json and feeds) as --check does and write it to OUT_DIR for "
                   "a web server: feeds content-addressed, the manifest with their sha256, a serial and an "
                   "expiry, signed with --key (README \"Publishing\"), and exit")
        ->expected(2)
        ->type_name("SRC_DIR OUT_DIR");
    app.add_option("--key", p.actions.key_file,
                   "With --publish: the minisign secret key to sign the manifest with (an unencrypted one, "
                   "minisign -G -W); without it the minisign command to sign with is printed");
    app.add_option("--trusted-key", p.actions.trusted_keys,
                   "A minisign public key to trust (repeatable), besides /usr/share/infotavle/keys/*.pub and "
                   "/etc/infotavle/keys.d/*.pub (the place for a site's keys). With any trusted key only "
                   "manifests it signed are shown (README \"Publishing\")")
        ->check(CLI::ExistingFile);
    app.add_option("--from-cap", p.actions.from_cap,
                   "Convert CAP 1.2 alerts (XML files) into a notice feed on standard output, and exit; "
                   "exit 1 with one line per problem");
    app.add_flag("--cap-test", p.actions.cap_test,
                 "With --from-cap: convert Test and Exercise alerts too (shown marked TEST)");
    app.add_option("--config", p.config_path,
                   std::string("Configuration file (default: ") + kDefaultConfigFile +
                       " when it exists). A flag given here wins over the file");
    app.add_flag("--print-config", p.actions.print_config,
                 "Print the effective configuration and where each value came from, and exit");
    app.add_flag("--version", p.actions.version, "Print the version and exit");
}

bool is_flag(const CLI::Option& opt) {
    return opt.get_expected_max() == 0;
}

std::vector<CLI::Option*> setting_options(CLI::App& app) {
    return app.get_options([](const CLI::Option* o) { return o->get_group() == kSettingsGroup; });
}

// Parses `args` (without the program name) into `p`. Throws CLI11's errors.
void parse_args(CLI::App& app, const std::vector<std::string>& args) {
    std::vector<std::string> reversed(args.rbegin(), args.rend());  // CLI11 takes them last first
    app.parse(reversed);
}

std::string trim(const std::string& s) {
    const auto b = s.find_first_not_of(" \t\r");
    if (b == std::string::npos) return "";
    return s.substr(b, s.find_last_not_of(" \t\r") - b + 1);
}

// The 1-based line where `name` is given a value, 0 when not found.
int line_of(const std::string& text, const std::string& name) {
    std::istringstream in(text);
    std::string line;
    for (int n = 1; std::getline(in, line); ++n) {
        const std::string t = trim(line);
        if (t.rfind(name, 0) != 0) continue;
        const std::string rest = trim(t.substr(name.size()));
        if (rest.empty() || rest[0] == '=' || rest[0] == '#') return n;
    }
    return 0;
}

struct FileItem {
    std::string key;
    std::string arg;  // "--key=value", as if given on the command line
    int line = 0;
};

std::string where(const std::string& file, int line) {
    return file + ":" + std::to_string(line);
}

// The file's settings as command-line arguments, each checked on its own so that an error can
// name its line. Returns the error line, or "" when all are good.
std::string file_items(const std::string& file, const std::string& text, std::vector<FileItem>& out) {
    std::istringstream in(text);
    std::vector<CLI::ConfigItem> items;
    try {
        items = CLI::ConfigTOML().from_config(in);
    } catch (const CLI::Error& e) {
        return file + ": " + e.what();
    }
    for (const auto& item : items) {
        if (item.name == "--" || item.name == "++") continue;  // [section] marks; its keys are reported
        const std::string key = item.fullname();
        const int line = line_of(text, item.name);
        Parsed scratch;
        CLI::App app;
        describe(app, scratch);
        const CLI::Option* opt = app.get_option_no_throw(option_name_of(key));
        if (!item.parents.empty() || !opt || opt->get_group() != kSettingsGroup || key_of(*opt) != key)
            return where(file, line) + ": unknown key \"" + key +
                   "\" (infotavle --print-config lists the keys)";
        if (item.inputs.size() != 1)
            return where(file, line) + ": " + key +
                   ": expected one value (put text with spaces or commas in \"quotes\")";
        if (item.inputs.front().empty()) {  // key = "": the default, as an empty option cannot say
            out.push_back({key, "", line});
            continue;
        }
        const std::string arg = option_name_of(key) + "=" + item.inputs.front();
        try {
            parse_args(app, {arg});
        } catch (const CLI::Error& e) {
            return where(file, line) + ": " + key + ": " + e.what();
        }
        out.push_back({key, arg, line});
    }
    return "";
}

// `text` as "# " comment lines of at most 78 characters.
std::string comment_lines(const std::string& text) {
    std::istringstream words(text);
    std::string out, line, word;
    while (words >> word) {
        if (!line.empty() && line.size() + 1 + word.size() > 76) {
            out += "# " + line + "\n";
            line.clear();
        }
        line += (line.empty() ? "" : " ") + word;
    }
    return out + "# " + line + "\n";
}

std::string value_text(const CLI::Option& opt) {
    if (is_flag(opt)) return opt.as<bool>() ? "true" : "false";
    const std::string v = opt.count() ? opt.as<std::string>() : opt.get_default_str();
    if (!v.empty() && v.find_first_not_of("0123456789") == std::string::npos) return v;
    return "\"" + v + "\"";
}

}  // namespace

ConfigOutcome parse_config(const std::vector<std::string>& args, const std::string& default_file,
                           const std::string& host_name, const ReadFile& read) {
    CLI::App cli{"infotavle: Danish data slides for a lobby screen", "infotavle"};
    Parsed given;
    describe(cli, given);
    try {
        parse_args(cli, args);
    } catch (const CLI::CallForHelp&) {
        return {std::nullopt, cli.help(), 0};
    } catch (const CLI::ParseError& e) {
        return {std::nullopt, std::string(e.what()) + " (infotavle --help lists the options)", 2};
    }
    std::set<std::string> flagged;
    for (const auto* opt : setting_options(cli))
        if (opt->count()) flagged.insert(key_of(*opt));

    const bool named = !given.config_path.empty();
    const std::string file = named ? given.config_path : default_file;
    const FileRead f = file.empty() ? FileRead{} : read(file);
    if (!f.exists && named) return {std::nullopt, file + ": no such configuration file (--config)", 2};
    if (f.exists && !f.error.empty()) return {std::nullopt, file + ": cannot read: " + f.error, 2};

    std::vector<FileItem> items;
    if (f.exists)
        if (std::string err = file_items(file, f.text, items); !err.empty()) return {std::nullopt, err, 2};

    std::vector<std::string> all;
    for (const auto& item : items)
        if (!flagged.count(item.key) && !item.arg.empty()) all.push_back(item.arg);
    all.insert(all.end(), args.begin(), args.end());
    CLI::App app;
    Parsed p;
    describe(app, p);
    try {
        parse_args(app, all);
    } catch (const CLI::ParseError& e) {
        return {std::nullopt, std::string(e.what()), 2};
    }

    Config c{p.settings, p.actions, f.exists ? file : "", {}};
    if (c.settings.screen_id.empty()) c.settings.screen_id = host_name;
    for (const auto* opt : setting_options(app)) {
        SettingValue v{key_of(*opt), value_text(*opt), Origin::default_value, 0};
        if (flagged.count(v.key)) {
            v.origin = Origin::flag;
        } else {
            for (const auto& item : items)
                if (item.key == v.key) v = {v.key, v.value, Origin::file, item.line};
        }
        if (v.key == "screen_id" && v.origin == Origin::default_value) v.value = "\"" + host_name + "\"";
        c.values.push_back(v);
    }
    return {std::move(c), "", 0};
}

std::vector<std::string> changed_keys(const Config& running, const Config& reread) {
    std::vector<std::string> keys;
    for (std::size_t i = 0; i < running.values.size() && i < reread.values.size(); ++i)
        if (running.values[i].value != reread.values[i].value) keys.push_back(running.values[i].key);
    return keys;
}

std::vector<std::pair<Severity, std::string>> reload_report(const Config& running,
                                                            const ConfigOutcome& reread) {
    const std::string file = running.file.empty() ? "no configuration file" : running.file;
    if (!reread.config)
        return {{Severity::warning, "SIGHUP: " + reread.message + " (the running configuration stays)"}};
    const std::vector<std::string> keys = changed_keys(running, *reread.config);
    if (keys.empty()) return {{Severity::info, "SIGHUP: " + file + ": no setting changed"}};
    std::vector<std::pair<Severity, std::string>> lines;
    for (const auto& key : keys)
        lines.push_back(
            {Severity::warning, "SIGHUP: " + (reread.config->file.empty() ? file : reread.config->file) +
                                    ": " + key +
                                    " changed: it takes effect after a restart "
                                    "(systemctl restart infotavle)"});
    return lines;
}

std::string print_config(const Config& c) {
    std::ostringstream out;
    out << "# infotavle: the effective configuration (file: " << (c.file.empty() ? "none" : c.file) << ")\n";
    for (const auto& v : c.values) {
        std::string line = v.key + " = " + v.value;
        if (line.size() < 40) line.resize(40, ' ');
        out << line << "  # ";
        if (v.origin == Origin::default_value) out << "default";
        if (v.origin == Origin::file) out << "file, line " << v.line;
        if (v.origin == Origin::flag) out << "flag";
        out << "\n";
    }
    return out.str();
}

std::string default_config_text() {
    CLI::App app;
    Parsed p;
    describe(app, p);
    std::ostringstream out;
    out << "# /etc/infotavle/infotavle.conf: the settings of this screen (man infotavle).\n"
           "# Every setting is listed with its default, commented out: remove the # to set one.\n"
           "# Text in \"quotes\". A command-line option wins over this file. After a change:\n"
           "#   infotavle --print-config     shows what is in effect and where it came from\n"
           "#   systemctl reload infotavle   reads the manifest again; other settings say in the\n"
           "#                                journal when they need systemctl restart infotavle\n";
    for (const auto* opt : setting_options(app)) {
        out << "\n" << comment_lines(opt->get_description());
        out << "#" << key_of(*opt) << " = " << value_text(*opt) << "\n";
    }
    return out.str();
}

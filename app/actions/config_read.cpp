// The configuration file and the host name, as the running program finds them.
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "app/actions/actions.h"

namespace {

std::string host_name() {
    char name[256] = {};
    if (gethostname(name, sizeof name - 1) != 0) return "";
    return name;
}

}  // namespace

FileRead read_text_file(const std::string& path) {
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) return {};
    std::ifstream in(path);
    if (!in) return {true, std::strerror(errno), ""};
    std::ostringstream text;
    text << in.rdbuf();
    return {true, "", text.str()};
}

ConfigOutcome read_config(const std::vector<std::string>& args) {
    return parse_config(args, kDefaultConfigFile, host_name(), read_text_file);
}

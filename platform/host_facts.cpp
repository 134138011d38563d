#include "platform/host_facts.h"

#include <sys/statvfs.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

namespace fs = std::filesystem;

namespace {

std::string read_small(const std::string& path) {
    std::ifstream in(path);
    std::string text;
    std::getline(in, text, '\0');
    return text.substr(0, 4096);
}

// The zone whose type names the SoC or CPU ("cpu-thermal" on a Raspberry Pi, "soc_thermal",
// "x86_pkg_temp"), else the first zone; zones in name order.
std::optional<double> read_soc_temp(const std::string& dir) {
    std::vector<fs::path> zones;
    std::error_code ec;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
        if (it->path().filename().string().rfind("thermal_zone", 0) == 0) zones.push_back(it->path());
    std::sort(zones.begin(), zones.end());
    std::optional<double> first;
    for (const auto& z : zones) {
        const auto t = parse_millidegrees(read_small((z / "temp").string()));
        if (!t) continue;
        const std::string type = read_small((z / "type").string());
        for (const char* name : {"cpu", "soc", "x86_pkg"})
            if (type.find(name) != std::string::npos) return t;
        if (!first) first = t;
    }
    return first;
}

}  // namespace

std::optional<double> parse_millidegrees(const std::string& text) {
    std::istringstream in(text);
    long long milli = 0;
    if (!(in >> milli) || milli < -100000 || milli > 200000) return std::nullopt;
    return double(milli) / 1000.0;
}

std::optional<std::uint64_t> parse_statm_resident(const std::string& text, std::uint64_t page_bytes) {
    std::istringstream in(text);
    std::uint64_t size = 0, resident = 0;
    if (!(in >> size >> resident)) return std::nullopt;
    return resident * page_bytes;
}

HostFacts read_host_facts(const std::string& cache_dir, const HostPaths& paths) {
    HostFacts f;
    std::error_code ec;
    f.clock_synchronized = fs::exists(paths.timesync_flag, ec);
    struct statvfs vfs {};
    if (!cache_dir.empty() && ::statvfs(cache_dir.c_str(), &vfs) == 0)
        f.cache_free_bytes = std::uint64_t(vfs.f_bavail) * std::uint64_t(vfs.f_frsize);
    f.soc_temp_c = read_soc_temp(paths.thermal_dir);
    f.resident_bytes = parse_statm_resident(read_small(paths.statm), std::uint64_t(::sysconf(_SC_PAGESIZE)));
    return f;
}

#include "tests/bench/live_run.h"

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <thread>

#include <nlohmann/json.hpp>

#include "feeds/bundled_feeds.h"
#include "tests/temp_dir.h"

namespace {

// utime + stime of all the process's threads, in clock ticks.
long cpu_ticks(pid_t pid) {
    std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
    std::string s((std::istreambuf_iterator<char>(in)), {});
    const auto close = s.rfind(')');
    if (close == std::string::npos) return -1;
    std::istringstream rest(s.substr(close + 2));
    std::string field;
    long utime = 0, stime = 0;
    for (int i = 3; i <= 15 && rest >> field; ++i) {  // fields 3.. after "pid (comm)"
        if (i == 14) utime = std::atol(field.c_str());
        if (i == 15) stime = std::atol(field.c_str());
    }
    return utime + stime;
}

// The kB figure of the line starting with `key` in a /proc file.
double kb_field(const std::string& file, const std::string& key) {
    std::ifstream in(file);
    for (std::string line; std::getline(in, line);)
        if (line.rfind(key, 0) == 0) return std::atof(line.c_str() + key.size());
    return -1;
}

void write_feeds(const TempDir& dir) {
    for (const feeds::BundledFile& f : feeds::bundled_files()) {
        if (f.name != "manifest.json") {
            dir.write(std::string(f.name), f.text);
            continue;
        }
        nlohmann::json m = nlohmann::json::parse(f.text);
        for (auto& s : m["playlist"]) s["duration_s"] = 10;
        dir.write("manifest.json", m.dump());
    }
}

}  // namespace

LiveRun run_live(const std::string& program, int width, int height, int warm_s, int secs) {
    LiveRun r;
    TempDir dir("bench-live");
    write_feeds(dir);
    const std::string size = std::to_string(width) + "x" + std::to_string(height);
    const std::string manifest = dir.file("manifest.json"), cache = dir.file("cache"), log = dir.file("log");
    const pid_t pid = fork();
    if (pid < 0) return {"cannot fork"};
    if (pid == 0) {
        setenv("SDL_VIDEODRIVER", "dummy", 1);
        if (!freopen(log.c_str(), "w", stdout) || !freopen(log.c_str(), "a", stderr)) _exit(126);
        execl(program.c_str(), program.c_str(), "--software", "--size", size.c_str(), "--manifest",
              manifest.c_str(), "--cache-dir", cache.c_str(), static_cast<char*>(nullptr));
        _exit(127);
    }
    const std::string proc = "/proc/" + std::to_string(pid);
    std::this_thread::sleep_for(std::chrono::seconds(warm_s));
    std::ofstream(proc + "/clear_refs") << "5";  // resets VmHWM: the peak from here on
    const long t0 = cpu_ticks(pid);
    std::this_thread::sleep_for(std::chrono::seconds(secs));
    const long t1 = cpu_ticks(pid);
    r.pss_mb = kb_field(proc + "/smaps_rollup", "Pss:") / 1024;
    r.peak_rss_mb = kb_field(proc + "/status", "VmHWM:") / 1024;
    kill(pid, SIGTERM);
    int status = 0;
    waitpid(pid, &status, 0);
    if (t0 < 0 || t1 < 0 || r.pss_mb < 0)
        r.error =
            program + " did not run (see its log: exit status " + std::to_string(WEXITSTATUS(status)) + ")";
    r.cpu_percent = double(t1 - t0) / double(sysconf(_SC_CLK_TCK)) / secs * 100;
    return r;
}

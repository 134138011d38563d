// infotavle_parse_bench: parses and checks every generated worst case (tests/worst_cases.h) at
// 1, 2 and 4 MiB and prints the time and peak memory per MiB. A benchmark, not a test: run it
// by hand (build/infotavle_parse_bench). Each case runs in a child process, so its peak
// resident size (wait4's ru_maxrss) is its own.
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "feeds/check.h"
#include "tests/worst_cases.h"

namespace {

struct Sample {
    double seconds = 0;      // wall clock of the parse and check
    double cpu_seconds = 0;  // the child's user + system time (steadier on a busy machine)
    long peak_kb = 0;
};

// Writes the case (and for ManySlides the feed its slides name) and runs --check's code on it.
double run_case(worst::Shape shape, std::size_t bytes, const std::string& dir) {
    const std::string path = dir + (shape == worst::Shape::ManySlides ? "/m.json" : "/f.json");
    std::ofstream(path) << worst::text(shape, bytes);
    if (shape == worst::Shape::ManySlides) std::ofstream(dir + "/w.json") << worst::indicator_feed(1000);
    std::ostringstream out;
    const auto t0 = std::chrono::steady_clock::now();
    feeds::run_check({path}, out);
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

Sample in_child(worst::Shape shape, std::size_t bytes, const std::string& dir) {
    int fds[2];
    if (pipe(fds) != 0) return {};
    const pid_t pid = fork();
    if (pid == 0) {
        const double s = run_case(shape, bytes, dir);
        if (write(fds[1], &s, sizeof s) != sizeof s) _exit(1);
        _exit(0);
    }
    Sample out;
    if (read(fds[0], &out.seconds, sizeof out.seconds) != sizeof out.seconds) out.seconds = -1;
    close(fds[0]);
    close(fds[1]);
    int status = 0;
    rusage use{};
    wait4(pid, &status, 0, &use);
    out.peak_kb = use.ru_maxrss;
    out.cpu_seconds = double(use.ru_utime.tv_sec + use.ru_stime.tv_sec) +
                      double(use.ru_utime.tv_usec + use.ru_stime.tv_usec) / 1e6;
    return out;
}

}  // namespace

int main() {
    const std::string dir =
        (std::filesystem::temp_directory_path() / ("parse_bench." + std::to_string(getpid()))).string();
    std::filesystem::create_directories(dir);
    const Sample base = in_child(worst::Shape::Numbers, 100, dir);  // the process itself
    std::printf("%-22s %4s %9s %9s %9s %9s %9s\n", "shape", "MiB", "wall ms", "cpu ms", "cpu/MiB", "peak MiB",
                "+MiB/MiB");
    for (const auto& [shape, name] : worst::kShapes)
        for (const std::size_t mib : {1u, 2u, 4u}) {
            const Sample s = in_child(shape, mib * 1024 * 1024, dir);
            const double peak = s.peak_kb / 1024.0;
            const double extra = (s.peak_kb - base.peak_kb) / 1024.0;
            const double cpu = (s.cpu_seconds - base.cpu_seconds) * 1000;
            std::printf("%-22s %4zu %9.1f %9.1f %9.1f %9.1f %9.1f\n", name, mib, s.seconds * 1000, cpu,
                        cpu / double(mib), peak, extra / double(mib));
        }
    std::filesystem::remove_all(dir);
    return 0;
}

#include "feeds/problem.h"

#include <algorithm>

namespace feeds {

std::string to_line(const Problem& p) {
    std::string line = p.file.empty() ? std::string("(no file)") : p.file;
    line += ": ";
    if (!p.path.empty()) {
        line += p.path;
        line += ": ";
    }
    if (p.severity == Problem::Severity::Warning) line += "warning: ";
    line += p.message;
    return line;
}

bool has_errors(const std::vector<Problem>& problems) {
    return count(problems, Problem::Severity::Error) > 0;
}

std::size_t count(const std::vector<Problem>& problems, Problem::Severity severity) {
    return static_cast<std::size_t>(std::count_if(problems.begin(), problems.end(),
                                                  [&](const Problem& p) { return p.severity == severity; }));
}

}  // namespace feeds

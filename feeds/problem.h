// A problem found in a feed or manifest: a value, never an exception.
// Every problem names the file, where in it (a JSON path such as "$.datasets[2].items[5].value",
// or "line 3, column 7 (byte 41)" before the JSON could be read) and what is wrong, so a
// publisher can fix all of them in one go.
#pragma once

#include <string>
#include <vector>

namespace feeds {

struct Problem {
    enum class Severity { Error, Warning };
    Severity severity = Severity::Error;
    std::string file;
    std::string path;
    std::string message;
    // Something the publisher wrote that will not be shown (an unknown key, view or dataset
    // type): a warning for a screen with an older reader, an error for --check and --render
    // unless --allow-unknown.
    bool lost = false;
};

// "employment.json: $.datasets[2].items[5].value: expected a number, got \"2,3\""
// "employment.json: $.datasets[0].colour: warning: unknown key \"colour\" (skipped)"
std::string to_line(const Problem& p);

bool has_errors(const std::vector<Problem>& problems);
std::size_t count(const std::vector<Problem>& problems, Problem::Severity severity);

}  // namespace feeds

// Shared by the tests: fixture paths and file helpers.
#pragma once

#include "tests/temp_dir.h"

#include <unistd.h>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#ifndef INFOTAVLE_TEST_FIXTURES
#error "compile with -DINFOTAVLE_TEST_FIXTURES=\"/abs/path/to/tests/fixtures\""
#endif

namespace feeds_test {

using TempDir = ::TempDir;

// Any file under tests/fixtures: "minisign/test.pub".
inline std::string fixture_path(const std::string& relative) {
    return std::string(INFOTAVLE_TEST_FIXTURES) + "/" + relative;
}

inline std::string fixture(const std::string& relative) {
    return fixture_path("feeds/" + relative);
}

inline std::string read_all(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

}  // namespace feeds_test

// Shared by the tests/test_feeds_*.cpp files: fixture paths and file helpers.
#pragma once

#include <unistd.h>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#ifndef INFOTAVLE_TEST_FIXTURES
#error "compile with -DINFOTAVLE_TEST_FIXTURES=\"/abs/path/to/tests/fixtures\""
#endif

namespace feeds_test {

inline std::string fixture(const std::string& relative) {
    return std::string(INFOTAVLE_TEST_FIXTURES) + "/feeds/" + relative;
}

inline std::string read_all(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// A fresh directory under the system temp dir, removed when the object goes.
struct TempDir {
    std::filesystem::path path;
    TempDir() {
        static int counter = 0;
        path = std::filesystem::temp_directory_path() /
               ("infotavle_feeds_test_" + std::to_string(::getpid()) + "_" + std::to_string(++counter));
        std::filesystem::create_directories(path);
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(path, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    std::string write(const std::string& name, const std::string& content) const {
        const auto p = path / name;
        std::ofstream(p, std::ios::binary) << content;
        return p.string();
    }
};

}  // namespace feeds_test

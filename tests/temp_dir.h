// A fresh directory under the system temp dir for one test, removed when the object goes.
#pragma once

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

struct TempDir {
    std::filesystem::path path;

    explicit TempDir(const std::string& what = "test") {
        static int counter = 0;  // one per program: the function is inline
        path = std::filesystem::temp_directory_path() /
               ("infotavle-" + what + "-" + std::to_string(::getpid()) + "-" + std::to_string(++counter));
        std::filesystem::remove_all(path);
        std::filesystem::create_directories(path);
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(path, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    std::string dir() const { return path.string(); }
    std::string file(const std::string& name) const { return (path / name).string(); }
    // Writes `content` to `name` in the directory; returns the file's path.
    std::string write(const std::string& name, std::string_view content) const {
        const auto p = path / name;
        std::ofstream(p, std::ios::binary) << content;
        return p.string();
    }
};

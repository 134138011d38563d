#include "feeds/file_read.h"

#include <filesystem>
#include <fstream>

namespace feeds {

std::optional<std::string> read_file_prefix(const std::string& path, std::size_t max_bytes,
                                            std::string& why) {
    namespace fs = std::filesystem;
    std::error_code ec;
    const auto status = fs::status(path, ec);
    if (ec || !fs::exists(status)) {
        why = "no such file";
        return std::nullopt;
    }
    if (fs::is_directory(status)) {
        why = "is a directory";
        return std::nullopt;
    }
    if (!fs::is_regular_file(status)) {
        why = "not a regular file";
        return std::nullopt;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        why = "permission denied or unreadable";
        return std::nullopt;
    }
    std::string text(max_bytes + 1, '\0');
    in.read(text.data(), static_cast<std::streamsize>(text.size()));
    if (in.bad()) {
        why = "I/O error";
        return std::nullopt;
    }
    text.resize(static_cast<std::size_t>(in.gcount()));
    return text;
}

}  // namespace feeds

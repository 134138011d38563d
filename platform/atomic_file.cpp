#include "platform/atomic_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

std::optional<std::string> replace_file(const std::string& path, std::string_view bytes) {
    const std::string tmp = path + ".tmp";
    const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) return path + ": cannot write " + tmp + ": " + std::strerror(errno);
    std::size_t done = 0;
    int saved = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            saved = n < 0 ? errno : ENOSPC;
            break;
        }
        done += std::size_t(n);
    }
    if (::close(fd) != 0 && saved == 0) saved = errno;
    if (saved == 0 && ::rename(tmp.c_str(), path.c_str()) != 0) saved = errno;
    if (saved == 0) return std::nullopt;
    ::unlink(tmp.c_str());
    return path + ": cannot replace it: " + std::strerror(saved);
}

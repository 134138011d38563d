#include "platform/file_watch.h"

#include <poll.h>
#include <sys/eventfd.h>
#include <sys/inotify.h>
#include <sys/statfs.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <filesystem>

namespace {

// What a directory watch reports: a file written and closed, renamed in or out, created,
// removed, or its attributes changed (a touch, a chmod); and the directory itself going.
constexpr std::uint32_t kDirEvents = IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE |
                                     IN_ATTRIB | IN_DELETE_SELF | IN_MOVE_SELF | IN_ONLYDIR;

// Filesystems where another machine writes: inotify sees only this machine's own changes there.
bool reports_all_changes(const std::string& dir, std::string& why) {
    struct statfs st {};
    if (::statfs(dir.c_str(), &st) != 0) {
        why = dir + ": " + std::strerror(errno);
        return false;
    }
    constexpr long kNetworked[] = {
        0x6969,            // NFS
        0x517B,            // SMB
        long(0xFF534D42),  // CIFS
        long(0xFE534D42),  // SMB2
        0x65735546,        // FUSE (sshfs and the like)
        0x01021997,        // 9P
        0x00C36400,        // Ceph
        0x5346414F,        // AFS
        0x73757245,        // Coda
    };
    for (long magic : kNetworked)
        if (long(st.f_type) == magic) {
            why = dir + " is on a network filesystem, whose changes inotify does not report";
            return false;
        }
    return true;
}

// The directory and name an event for `path` comes with.
std::pair<std::string, std::string> split(const std::string& path) {
    const std::filesystem::path p(path);
    std::string dir = p.parent_path().string();
    return {dir.empty() ? "." : dir, p.filename().string()};
}

// `path` as its own directory's entry, and as its target's when it is a symlink.
std::vector<std::pair<std::string, std::string>> entries_of(const std::string& path) {
    std::vector<std::pair<std::string, std::string>> out{split(path)};
    if (char* real = ::realpath(path.c_str(), nullptr)) {
        auto target = split(real);
        std::free(real);
        const auto own = split(std::filesystem::absolute(path).lexically_normal().string());
        if (target != own) out.push_back(std::move(target));
    }
    return out;
}

int add_dir(FileWatch& w, const std::string& dir) {
    if (w.fd < 0) return -1;
    if (!reports_all_changes(dir, w.error)) return -1;
    const int wd = ::inotify_add_watch(w.fd, dir.c_str(), kDirEvents);
    if (wd < 0) w.error = "watching " + dir + ": " + std::strerror(errno);  // ENOSPC: out of watches
    return wd;
}

// Every path in directory `wd` changed: the directory went, or was renamed.
void dir_gone(FileWatch& w, int wd, FileChanges& c) {
    for (const auto& [key, paths] : w.paths_in)
        if (key.first == wd) c.paths.insert(paths.begin(), paths.end());
    c.rewatch = true;
    if (w.dirs.erase(wd)) ::inotify_rm_watch(w.fd, wd);  // a renamed directory's watch would follow it
}

void take_event(FileWatch& w, const inotify_event& e, FileChanges& c) {
    if (e.mask & IN_Q_OVERFLOW) {
        c.all = true;
        c.rewatch = true;
        return;
    }
    if (!w.dirs.count(e.wd)) return;  // a watch dropped already
    if (e.mask & (IN_IGNORED | IN_DELETE_SELF | IN_MOVE_SELF | IN_UNMOUNT)) {
        dir_gone(w, e.wd, c);
        return;
    }
    if (e.len == 0) return;
    const auto it = w.paths_in.find({e.wd, std::string(e.name)});
    if (it != w.paths_in.end()) c.paths.insert(it->second.begin(), it->second.end());
}

void bell_loop(int fd, int stop_fd, std::shared_ptr<WatchBellState> st, std::function<void()> wake) {
    for (;;) {
        pollfd p[2] = {{fd, POLLIN, 0}, {stop_fd, POLLIN, 0}};
        if (::poll(p, 2, -1) < 0) {
            if (errno == EINTR) continue;
            return;
        }
        if (p[1].revents != 0 || (p[0].revents & (POLLERR | POLLHUP | POLLNVAL)) != 0) return;
        if ((p[0].revents & POLLIN) == 0) continue;
        {
            std::lock_guard lock(st->m);
            st->rung = true;
        }
        wake();
        // Until read_changes() has taken the events the fd stays readable: wait, do not spin.
        std::unique_lock lock(st->m);
        st->cv.wait(lock, [&] { return !st->rung || st->stop; });
        if (st->stop) return;
    }
}

void stop_bell(FileWatch& w) {
    if (!w.bell_thread.joinable()) return;
    {
        std::lock_guard lock(w.bell->m);
        w.bell->stop = true;
    }
    w.bell->cv.notify_all();
    const std::uint64_t one = 1;
    if (::write(w.stop_fd, &one, sizeof one) < 0) {
    }  // cannot fail for an eventfd far from its limit; the cv ends a waiting thread anyway
    w.bell_thread.join();
}

void close_watch(FileWatch& w) {
    stop_bell(w);
    if (w.stop_fd >= 0) ::close(w.stop_fd);
    if (w.fd >= 0) ::close(w.fd);
    w.stop_fd = w.fd = -1;
}

}  // namespace

FileWatch::FileWatch(FileWatch&& o) noexcept {
    *this = std::move(o);
}

FileWatch& FileWatch::operator=(FileWatch&& o) noexcept {
    if (this == &o) return *this;
    close_watch(*this);
    fd = std::exchange(o.fd, -1);
    stop_fd = std::exchange(o.stop_fd, -1);
    error = std::move(o.error);
    dirs = std::move(o.dirs);
    paths_in = std::move(o.paths_in);
    watched = std::move(o.watched);
    bell = std::move(o.bell);
    bell_thread = std::move(o.bell_thread);
    return *this;
}

FileWatch::~FileWatch() {
    close_watch(*this);
}

FileWatch open_file_watch() {
    FileWatch w;
    w.fd = ::inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    if (w.fd < 0) w.error = std::string("inotify: ") + std::strerror(errno);
    return w;
}

void watch_paths(FileWatch& w, const std::vector<std::string>& paths) {
    std::set<int> used;
    std::map<std::pair<int, std::string>, std::set<std::string>> paths_in;
    w.watched.clear();
    if (w.fd >= 0) w.error.clear();
    for (const auto& path : paths) {
        bool all = true;
        for (const auto& [dir, name] : entries_of(path)) {
            const int wd = add_dir(w, dir);
            if (wd < 0) {
                all = false;
                continue;
            }
            used.insert(wd);
            paths_in[{wd, name}].insert(path);
        }
        if (all) w.watched.insert(path);
    }
    for (int wd : w.dirs)
        if (!used.count(wd)) ::inotify_rm_watch(w.fd, wd);
    w.dirs = std::move(used);
    w.paths_in = std::move(paths_in);
}

FileChanges read_changes(FileWatch& w) {
    FileChanges c;
    if (w.fd < 0) return c;
    if (w.bell) {  // no syscall on the loop's turns while nothing has happened
        std::lock_guard lock(w.bell->m);
        if (!w.bell->rung) return c;
    }
    alignas(inotify_event) char buf[16 * (sizeof(inotify_event) + NAME_MAX + 1)];
    for (;;) {
        const ssize_t n = ::read(w.fd, buf, sizeof buf);
        if (n <= 0) break;  // EAGAIN: all read
        for (ssize_t at = 0; at < n;) {
            const auto* e = reinterpret_cast<const inotify_event*>(buf + at);
            take_event(w, *e, c);
            at += ssize_t(sizeof(inotify_event) + e->len);
        }
    }
    if (w.bell) {
        {
            std::lock_guard lock(w.bell->m);
            w.bell->rung = false;
        }
        w.bell->cv.notify_all();
    }
    return c;
}

bool wait_for_changes(const FileWatch& w, int timeout_ms) {
    if (w.fd < 0) return false;
    pollfd p{w.fd, POLLIN, 0};
    return ::poll(&p, 1, timeout_ms) > 0 && (p.revents & POLLIN) != 0;
}

void start_file_watch_bell(FileWatch& w, std::function<void()> wake) {
    if (w.fd < 0 || w.bell_thread.joinable()) return;
    w.stop_fd = ::eventfd(0, EFD_CLOEXEC);
    if (w.stop_fd < 0) {  // no bell, no prompt news: the files are looked at as without inotify
        w.error = std::string("eventfd: ") + std::strerror(errno);
        close_watch(w);
        return;
    }
    w.bell = std::make_shared<WatchBellState>();
    w.bell_thread = std::thread(bell_loop, w.fd, w.stop_fd, w.bell, std::move(wake));
}

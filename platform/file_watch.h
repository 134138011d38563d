// Watching local files for changes with Linux inotify (part of glibc: no package), so a changed
// file is seen at once and nothing is read while nothing changes. Knows paths, not feeds: the
// caller (app/kiosk/kiosk_data.cpp) hands the paths to watch and the changed paths to the sync
// (feeds/sync/local_watch.h), which decides what that means.
//
// Directories are watched, not the files: editors and atomic writes (`--publish`) replace a
// file by renaming another over it, which a watch on the file itself would not survive. A path
// that is a symlink is watched in its own directory and in its target's. A directory on a
// filesystem whose changes inotify does not see (NFS, SMB, FUSE: another machine writes there)
// is not watched; nor is anything when inotify cannot start or runs out of watches. A path not
// watched (FileWatch::watched) must be looked at as before.
//
// A watch may call a waker from a thread of its own (start_file_watch_bell): it blocks on the
// inotify fd and rings once per batch of events, then waits until read_changes() has taken
// them, so it never spins.
#pragma once

#include <condition_variable>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <utility>
#include <vector>

// The state the bell's thread shares with the reader.
struct WatchBellState {
    std::mutex m;
    std::condition_variable cv;
    bool rung = false;  // events announced and not yet read
    bool stop = false;
};

struct FileWatch {
    FileWatch() = default;
    FileWatch(FileWatch&& o) noexcept;
    FileWatch& operator=(FileWatch&& o) noexcept;
    ~FileWatch();

    int fd = -1;         // inotify, non-blocking; -1: not available
    std::string error;   // why fd is -1, or why the last path was not watched
    std::set<int> dirs;  // the watch descriptors, one per directory
    // (watch descriptor, name in that directory) -> the paths an event for it stands for
    std::map<std::pair<int, std::string>, std::set<std::string>> paths_in;
    std::set<std::string> watched;  // the paths every change of which is reported
    int stop_fd = -1;               // eventfd that ends the bell's thread
    std::shared_ptr<WatchBellState> bell;
    std::thread bell_thread;
};

// Starts inotify; on failure fd is -1 and error says why (nothing is then watched).
FileWatch open_file_watch();

// Watches `paths` from now on (directories no longer needed are dropped) and sets `watched`.
// Cheap to call again: a directory already watched keeps its watch.
void watch_paths(FileWatch& w, const std::vector<std::string>& paths);

// What read_changes() found.
struct FileChanges {
    std::set<std::string> paths;  // changed, created, replaced or removed
    bool all = false;             // events were lost (queue overflow): anything may have changed
    bool rewatch = false;         // a watched directory went (removed or renamed): watch_paths again
    bool any() const { return all || rewatch || !paths.empty(); }
};

// The changes waiting, never blocking.
FileChanges read_changes(FileWatch& w);

// Waits up to timeout_ms for changes to read (tests, and the bell's thread). False on timeout.
bool wait_for_changes(const FileWatch& w, int timeout_ms);

// From now on `wake` is called (from the watch's own thread) when changes are waiting. When the
// thread cannot start, inotify is closed (fd -1, error says why): nothing is watched.
void start_file_watch_bell(FileWatch& w, std::function<void()> wake);

// tests/fetch_test_server.py as a child process on an ephemeral loopback port, killed when the
// TestServer goes away. Shared by the fetch and feed-sync tests.
#pragma once

#include <doctest/doctest.h>

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <string>
#include <vector>

#include "feeds/fetch.h"

extern char** environ;

inline constexpr const char* kPython = "/usr/bin/python3";
inline constexpr const char* kServerScript = INFOTAVLE_SOURCE_DIR "/tests/fetch_test_server.py";

// The server as a child process. Ready once it has printed "PORT <n>"; waiting for that line is
// bounded by poll(), never a sleep.
struct TestServer {
    pid_t pid = -1;
    int out_fd = -1;
    int port = 0;
    bool tls = false;

    // site_dir: served at /site/<name> (see the script); empty = not served.
    // cert and key (PEM files): serve https with them instead of http.
    explicit TestServer(const std::string& site_dir = "", const std::string& cert = "",
                        const std::string& key = "")
        : tls(!cert.empty()) {
        int fds[2];
        REQUIRE(::pipe2(fds, O_CLOEXEC) == 0);
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_adddup2(&actions, fds[1], STDOUT_FILENO);
        std::vector<char*> argv{const_cast<char*>(kPython), const_cast<char*>(kServerScript)};
        if (!site_dir.empty()) argv.push_back(const_cast<char*>(site_dir.c_str()));
        if (tls) {
            argv.push_back(const_cast<char*>("--tls"));
            argv.push_back(const_cast<char*>(cert.c_str()));
            argv.push_back(const_cast<char*>(key.c_str()));
        }
        argv.push_back(nullptr);
        const int rc = posix_spawn(&pid, kPython, &actions, nullptr, argv.data(), environ);
        posix_spawn_file_actions_destroy(&actions);
        ::close(fds[1]);
        out_fd = fds[0];
        REQUIRE(rc == 0);
        port = read_port();
        REQUIRE(port > 0);
    }
    ~TestServer() {
        if (pid > 0) {
            ::kill(pid, SIGKILL);
            ::waitpid(pid, nullptr, 0);
        }
        if (out_fd >= 0) ::close(out_fd);
    }
    TestServer(const TestServer&) = delete;
    TestServer& operator=(const TestServer&) = delete;

    int read_port() {
        std::string line;
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
        while (line.find('\n') == std::string::npos && std::chrono::steady_clock::now() < deadline) {
            pollfd p{out_fd, POLLIN, 0};
            if (::poll(&p, 1, 1000) <= 0) continue;
            char buf[64];
            const ssize_t n = ::read(out_fd, buf, sizeof buf);
            if (n <= 0) break;  // the server died: its stderr says why
            line.append(buf, static_cast<std::size_t>(n));
        }
        if (line.rfind("PORT ", 0) != 0) return 0;
        return std::stoi(line.substr(5));
    }

    std::string url(const std::string& path) const {
        return (tls ? "https://127.0.0.1:" : "http://127.0.0.1:") + std::to_string(port) + path;
    }
};

// A request for the test server with timeouts generous enough for a loaded CI machine (the
// sanitizer build runs the suite two at a time); tests that time out on purpose set their own.
inline feeds::FetchRequest test_request(std::string url) {
    feeds::FetchRequest r;
    r.url = std::move(url);
    r.label = "employment.json";
    r.connect_timeout_ms = 5000;
    r.total_timeout_ms = 20000;
    r.low_speed_time_s = 10;
    return r;
}

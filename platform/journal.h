// Log lines with syslog priorities for journald. When stderr is the journal (systemd sets
// JOURNAL_STREAM to its device:inode), each line starts with sd-daemon's prefix (<3> error,
// <4> warning, <6> info; SD_ERR, SD_WARNING and SD_INFO of sd-daemon.h), so
// `journalctl -u infotavle -p warning` shows only warnings and errors. On a terminal or in a
// pipe the lines stay plain. The mark lives in the stream itself (ios_base::iword).
#pragma once

#include <ostream>

enum class Severity { error = 3, warning = 4, info = 6 };

// True when JOURNAL_STREAM's value ("dev:ino") names the file with this device and inode.
bool names_journal_stream(const char* journal_stream, unsigned long long dev, unsigned long long ino);

// True when file descriptor `fd` is the journal stream named by $JOURNAL_STREAM.
bool fd_is_journal_stream(int fd);

// Marks `out` as a journal stream, or not.
void mark_journal_stream(std::ostream& out, bool journal);

// Starts a log line: "<4>infotavle: " on a journal stream, "infotavle: " elsewhere. The one
// place the program's log lines get their prefix.
std::ostream& log_line(std::ostream& out, Severity s);

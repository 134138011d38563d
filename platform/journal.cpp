#include "platform/journal.h"

#include <sys/stat.h>

#include <cstdio>
#include <cstdlib>

namespace {
int journal_index() {
    static const int index = std::ios_base::xalloc();  // one slot per program, in every stream
    return index;
}
}  // namespace

bool names_journal_stream(const char* journal_stream, unsigned long long dev, unsigned long long ino) {
    if (!journal_stream) return false;
    unsigned long long d = 0, i = 0;
    char extra = 0;
    if (std::sscanf(journal_stream, "%llu:%llu%c", &d, &i, &extra) != 2) return false;
    return d == dev && i == ino;
}

bool fd_is_journal_stream(int fd) {
    struct stat st {};
    if (fstat(fd, &st) != 0) return false;
    return names_journal_stream(std::getenv("JOURNAL_STREAM"), st.st_dev, st.st_ino);
}

void mark_journal_stream(std::ostream& out, bool journal) {
    out.iword(journal_index()) = journal ? 1 : 0;
}

std::ostream& log_line(std::ostream& out, Severity s) {
    if (out.iword(journal_index())) out << '<' << int(s) << '>';
    return out << "infotavle: ";
}

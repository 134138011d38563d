// Reading a CAP 1.2 alert (OASIS Common Alerting Protocol) from XML, for `infotavle --from-cap`.
// libxml2 (Debian's libxml2-dev) reads it with the network off (XML_PARSE_NONET), no DTD
// loaded and no entity substituted; a document with a DOCTYPE (where entities and external
// references would be declared) is refused before the parser sees it, and so is one over
// kMaxCapBytes. Only the elements the conversion needs are kept, as plain text.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace feeds {

inline constexpr std::size_t kMaxCapBytes = 1024 * 1024;  // a real alert is a few KB; IPAWS audio ~100 KB

struct CapInfo {
    std::string language = "en-US";  // CAP's default when <language> is absent
    std::string event, urgency, severity, certainty;
    std::string effective, onset, expires;  // as written, "2003-06-17T14:57:00-07:00"
    std::string sender_name, headline, description, instruction, web;
    std::vector<std::pair<std::string, std::string>> geocodes;  // valueName, value of every area
    std::vector<std::string> area_descs;
};

struct CapAlert {
    std::string identifier, sender, sent, status, msg_type, scope, references;
    std::vector<CapInfo> infos;
};

struct CapRead {
    std::optional<CapAlert> alert;
    std::string error;  // why not, one line
};

// `text` is the file's content (at most kMaxCapBytes + 1 bytes read: more is refused).
CapRead read_cap(std::string_view text);

}  // namespace feeds

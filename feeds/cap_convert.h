// CAP 1.2 alerts to a notice feed (FORMAT.md "Notices", "From CAP"), for `infotavle --from-cap`.
// Pure: the alerts are read already (cap_read.h); the result is the feed's JSON text, checked
// by the feed parser before it is given out, and one line per problem.
//
// The mapping, in one place:
//  - status Actual; Test and Exercise only when `allow_test` (the notice is marked TEST);
//    System and Draft never. msgType Alert/Update/Cancel -> kind alert/update/cancel, the
//    identifiers in <references> ("sender,identifier,sent ...") -> references; Ack and Error
//    are no notices.
//  - severity and urgency -> the tier (cap_tier): Extreme now (Immediate, Expected) -> extreme;
//    Extreme later or Severe now -> severe; Severe later and Moderate -> moderate; Minor,
//    Unknown, and anything whose urgency is Past -> info.
//  - the Danish <info> block (language da*) gives headline and body, an English one (en*) the
//    English text; without a Danish block the first block is the main text (said as a
//    warning); blocks in other languages are left out (said). headline: <headline>, else
//    <event>; body: <description> (whitespace made single spaces), shortened to whole
//    sentences when over the format's limit (said). sender: <senderName>, else <sender>.
//  - effective: <effective>, else <sent>; expires: <expires>, required (no end: refused).
//  - areas: the <geocode>s named "kommunekode" whose value is a Region Sjælland municipality
//    code, else "region". link: <web> when it is an http(s) URL a QR code holds.
//  - id: the <identifier> with characters outside A-Z a-z 0-9 _ - made "-" (long ones shortened
//    with a hash); references likewise, so an update names what it replaces.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "feeds/cap_read.h"
#include "feeds/feed_model.h"

namespace feeds {

NoticeSeverity cap_tier(const std::string& severity, const std::string& urgency);

// An identifier as a notice id: "urn:oid:2.49.0.1.208.0.2027" -> "urn-oid-2-49-0-1-208-0-2027".
std::string cap_id(const std::string& identifier);

struct CapConversion {
    std::optional<Notice> notice;
    std::vector<std::string> errors;    // why it cannot be converted, one line each
    std::vector<std::string> warnings;  // what was left out or shortened
};
CapConversion convert_cap(const CapAlert& alert, bool allow_test);

// The notice feed holding `notices` as JSON text (format 1.2).
std::string notice_feed_json(const std::vector<Notice>& notices);

// Unix seconds as an instant in UTC: "2027-10-01T10:00:00Z".
std::string utc_instant(std::int64_t unix_s);

struct FromCapResult {
    std::string json;                // empty when any file had an error
    std::vector<std::string> lines;  // "FILE: reason" per problem; "FILE: warning: ..." too
    bool ok = false;
};
// Reads each file (bounded to kMaxCapBytes), converts it and checks the feed that results.
FromCapResult from_cap_files(const std::vector<std::string>& paths, bool allow_test);

}  // namespace feeds

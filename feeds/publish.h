// The publisher's step behind "infotavle --publish SRC_DIR OUT_DIR [--key SECRET_KEY_FILE]"
// (FORMAT.md "Signed publishing"): checks SRC_DIR exactly as --check does and refuses on any
// error; writes each local feed content-addressed as OUT_DIR/feeds/<sha256>.json and the
// manifest (SRC_DIR/manifest.json) with each feed's url, sha256 and length, a serial and an
// expiry (format 1.2); signs the manifest's exact bytes into manifest.json.minisig, or says
// the minisign command that does.
#pragma once

#include <cstdint>
#include <ostream>
#include <string>

namespace feeds {

inline constexpr std::int64_t kDefaultValidityS = 7 * 86400;  // expires a week after publishing

struct PublishRequest {
    std::string src_dir;
    std::string out_dir;
    std::string key_file;  // an unencrypted minisign secret key (minisign -G -W); empty: unsigned
    std::int64_t now = 0;  // unix seconds: the serial's time stamp and the expiry's start
    std::int64_t valid_s = kDefaultValidityS;
};

// Returns 0 when OUT_DIR holds the published (and, with a key, signed) manifest; 1 otherwise,
// with every reason on `out`. Nothing in OUT_DIR is touched unless all checks pass.
int run_publish(const PublishRequest& request, std::ostream& out);

}  // namespace feeds

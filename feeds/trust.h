// What a screen with trusted keys accepts (FORMAT.md "Signed publishing"): pure checks over the
// bytes received, the keys and what was accepted before. The kiosk's acceptance step calls
// them; nothing here fetches, stores or reads the clock.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "feeds/feed_model.h"
#include "feeds/minisign.h"

namespace feeds {

// Empty when `bytes` are what `ref` promises (its sha256 and length; a ref without them
// promises nothing); else one line: "employment.json: sha256 differs from the manifest's".
std::string verify_feed(std::string_view bytes, const FeedRef& ref, const std::string& label);

// What the screen remembers between manifests (kept in the cache dir: trust_state_file).
struct TrustState {
    std::int64_t highest_serial = -1;  // of the last manifest accepted; -1 = none yet
};

struct ManifestVerdict {
    bool accepted = false;
    std::string why;                 // when refused: one line for the log and the status record
    std::vector<std::string> notes;  // accepted, but worth saying (expired on an unsynced clock)
    TrustState next;                 // the state to store once the manifest is taken (accepted only)
    std::string key_id;              // the key that signed it (accepted only)
};

struct TrustCheck {
    const std::vector<MinisignPublicKey>* keys = nullptr;  // at least one, else nothing is trusted
    TrustState state;
    std::int64_t now = 0;      // unix seconds
    bool clock_synced = true;  // adjtimex() without STA_UNSYNC (platform/host_facts.h)
    bool new_data = true;      // false for the cached copy at start: its expiry does not drop it
};

// The signed manifest's checks, in order: a signature at all, its format, a trusted key, the
// bytes, the trusted comment; then the manifest itself (parsed from those same bytes): it has
// a serial, no lower than state's highest (rollback), and as new data it has not expired at
// `now` unless the clock is not synchronised (then accepted with a note: an unsynchronised
// clock never blanks a screen). `sig_bytes` nullopt: none was found. `label` names the
// manifest ("manifest.json").
ManifestVerdict verify_manifest(std::string_view bytes, const std::optional<std::string>& sig_bytes,
                                const Manifest& manifest, const TrustCheck& check, const std::string& label);

// The keys trusted: every "*.pub" file in `dirs` (sorted by name; a missing dir is no error)
// and each of `files`. Problems name the file.
struct TrustedKeys {
    std::vector<MinisignPublicKey> keys;
    std::vector<std::string> problems;
};
TrustedKeys load_trusted_keys(const std::vector<std::string>& dirs, const std::vector<std::string>& files);

// The default key directories: /usr/share/infotavle/keys (shipped) and /etc/infotavle/keys.d (site).
std::vector<std::string> default_key_dirs();

// The state file in a cache dir, and reading/writing it (atomically). A missing or unreadable
// file reads as no state (-1) with a problem line only when it exists but is damaged.
std::string trust_state_file(const std::string& cache_dir);
TrustState read_trust_state(const std::string& cache_dir, std::string& problem);
std::string write_trust_state(const std::string& cache_dir, const TrustState& state);

}  // namespace feeds

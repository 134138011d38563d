#include "feeds/trust.h"

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "feeds/crypto.h"
#include "feeds/file_read.h"
#include "feeds/utc_time.h"

namespace feeds {

namespace fs = std::filesystem;

namespace {

constexpr std::size_t kMaxKeyFileBytes = 4096;

ManifestVerdict refuse(std::string why) {
    ManifestVerdict v;
    v.why = std::move(why);
    return v;
}

}  // namespace

std::string verify_feed(std::string_view bytes, const FeedRef& ref, const std::string& label) {
    if (ref.length && static_cast<std::int64_t>(bytes.size()) != *ref.length)
        return label + ": " + std::to_string(bytes.size()) + " bytes, but the manifest says " +
               std::to_string(*ref.length) + ": refused";
    if (!ref.sha256.empty() && sha256_hex(bytes) != ref.sha256)
        return label + ": sha256 differs from the manifest's (" + ref.sha256.substr(0, 12) + "…): refused";
    return {};
}

ManifestVerdict verify_manifest(std::string_view bytes, const std::optional<std::string>& sig_bytes,
                                const Manifest& manifest, const TrustCheck& check, const std::string& label) {
    const std::string sig_file = label + ".minisig";
    if (!sig_bytes)
        return refuse(label + ": unsigned (no " + sig_file +
                      "), and this screen trusts only signed manifests");
    const auto sig = parse_signature(*sig_bytes, sig_file);
    if (!sig.value) return refuse(sig.error);
    static const std::vector<MinisignPublicKey> none;
    const std::string bad =
        verify_signature(bytes, *sig.value, check.keys ? *check.keys : none, label, sig_file);
    if (!bad.empty()) return refuse(bad);
    if (!manifest.serial)
        return refuse(label + ": signed, but has no \"serial\", so a rollback could not be noticed: refused");
    if (*manifest.serial < check.state.highest_serial)
        return refuse(label + ": serial " + std::to_string(*manifest.serial) + " is lower than " +
                      std::to_string(check.state.highest_serial) +
                      ", the highest this screen has accepted (a rollback): refused");
    ManifestVerdict v;
    if (check.new_data && manifest.expires && *manifest.expires <= check.now) {
        const std::string when = "expired at " + format_utc(*manifest.expires);
        if (check.clock_synced) return refuse(label + ": " + when + " (frozen feeds?): refused as new data");
        v.notes.push_back(label + ": " + when +
                          " by this screen's clock, which is not synchronised: taken all the same");
    }
    v.accepted = true;
    v.next.highest_serial = std::max(check.state.highest_serial, *manifest.serial);
    v.key_id = key_id_hex(sig.value->key_id);
    return v;
}

TrustedKeys load_trusted_keys(const std::vector<std::string>& dirs, const std::vector<std::string>& files) {
    TrustedKeys out;
    std::vector<std::string> paths;
    for (const auto& dir : dirs) {
        std::vector<std::string> found;
        std::error_code ec;
        for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
            if (it->path().extension() == ".pub") found.push_back(it->path().string());
        std::sort(found.begin(), found.end());
        paths.insert(paths.end(), found.begin(), found.end());
    }
    paths.insert(paths.end(), files.begin(), files.end());
    for (const auto& path : paths) {
        std::string why;
        const auto text = read_file_prefix(path, kMaxKeyFileBytes, why);
        if (!text) {
            out.problems.push_back(path + ": trusted key not read: " + why);
            continue;
        }
        auto key = parse_public_key(*text, path);
        if (key.value)
            out.keys.push_back(std::move(*key.value));
        else
            out.problems.push_back(key.error);
    }
    return out;
}

std::vector<std::string> default_key_dirs() {
    return {"/usr/share/infotavle/keys", "/etc/infotavle/keys.d"};
}

std::string trust_state_file(const std::string& cache_dir) {
    return (fs::path(cache_dir) / "trust.state").string();
}

TrustState read_trust_state(const std::string& cache_dir, std::string& problem) {
    TrustState state;
    std::string why;
    const std::string path = trust_state_file(cache_dir);
    const auto text = read_file_prefix(path, 64, why);
    if (!text) return state;  // none yet
    long long serial = -1;
    std::istringstream in(*text);
    std::string word;
    if (!(in >> word >> serial) || word != "highest_serial" || serial < 0)
        problem = path + ": damaged, so no serial is remembered: the next signed manifest sets it";
    else
        state.highest_serial = serial;
    return state;
}

std::string write_trust_state(const std::string& cache_dir, const TrustState& state) {
    const std::string path = trust_state_file(cache_dir);
    const std::string tmp = path + "." + std::to_string(::getpid()) + ".tmp";
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        out << "highest_serial " << state.highest_serial << "\n";
        out.flush();
        if (!out) return tmp + ": cannot write the trust state";
    }
    std::error_code ec;
    fs::rename(tmp, path, ec);
    if (ec) return path + ": cannot replace the trust state: " + ec.message();
    return {};
}

}  // namespace feeds

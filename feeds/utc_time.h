// UTC time stamps of signed manifests (FORMAT.md "Signed publishing"): `expires` as
// "YYYY-MM-DDTHH:MM:SSZ" and `serial` as the number YYYYMMDDhhmmss. Pure: unix seconds in, out.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace feeds {

// "2027-10-07T12:00:00Z" -> unix seconds; nullopt unless exactly that form and a real time.
std::optional<std::int64_t> parse_utc(std::string_view text);

// unix seconds -> "2027-10-07T12:00:00Z"
std::string format_utc(std::int64_t unix_s);

// unix seconds -> 20271007120000 (the serial --publish chooses)
std::int64_t utc_serial(std::int64_t unix_s);

}  // namespace feeds

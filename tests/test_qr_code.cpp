// The link's QR code: libqrencode's matrix as the chrome draws it. Whether a phone can read the
// drawn code is checked end to end by tests/qr_scan.sh (zbarimg on rendered slides).
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <string>

#include "app/qr_code.h"
#include "feeds/limits.h"

namespace {

// The 7x7 finder pattern: a dark ring, a light ring, a dark 3x3 core.
bool finder_at(const QrCode& q, int x0, int y0) {
    for (int y = 0; y < 7; ++y)
        for (int x = 0; x < 7; ++x) {
            const int ring = std::max(std::abs(x - 3), std::abs(y - 3));
            if (q.is_dark(x0 + x, y0 + y) != (ring != 2)) return false;
        }
    return true;
}

}  // namespace

TEST_CASE("encode_qr: a version's size, finder patterns in three corners") {
    const auto q = encode_qr("https://example.dk/");
    REQUIRE(q);
    CHECK((q->size - 21) % 4 == 0);  // 21 + 4 (version - 1) modules
    CHECK(q->dark.size() == size_t(q->size * q->size));
    CHECK(finder_at(*q, 0, 0));
    CHECK(finder_at(*q, q->size - 7, 0));
    CHECK(finder_at(*q, 0, q->size - 7));
    CHECK_FALSE(finder_at(*q, q->size - 7, q->size - 7));  // the fourth corner has none
}

TEST_CASE("encode_qr: longer text, larger version, nothing for empty text") {
    const auto small = encode_qr("https://example.dk/");
    const auto large = encode_qr(
        "https://erhvervsfremmebestyrelsen.dk/sites/default/files/2020-03/"
        "Erhvervsfremme-i-Danmark-2020-2023_Strategi.pdf");
    REQUIRE(small);
    REQUIRE(large);
    CHECK(large->size > small->size);
    CHECK_FALSE(encode_qr(""));
}

TEST_CASE("qr_module_px: whole pixels, never smaller than asked, 300 px and more at 1080p") {
    const int size = 45;  // version 7, the bundled link's
    const int px = qr_module_px(size, 1080 * 0.28f);
    CHECK((size + 2 * kQrQuietZone) * px >= 300);
    CHECK((size + 2 * kQrQuietZone) * (px - 1) < 1080 * 0.28f);
    CHECK(qr_module_px(size, 1) == 1);
}

TEST_CASE("qr_readable: the longest link --check allows is drawn with 3 px modules at 800x480") {
    const std::string base = "https://example.dk/";
    const std::string longest = base + std::string(feeds::kMaxLinkBytes - base.size(), 'a');
    const std::string over = longest + "b";
    const auto fits = encode_qr(longest);
    const auto too_big = encode_qr(over);
    REQUIRE(fits);
    REQUIRE(too_big);
    CHECK(fits->size == 57);  // version 10
    CHECK(qr_readable(fits->size, 800, 480));
    CHECK(qr_readable(fits->size, 480, 800));
    CHECK(qr_module_px(fits->size, qr_target_px(800, 480)) == kMinQrModulePx);
    CHECK(too_big->size == 61);  // one byte more: version 11, 2 px modules at 800x480
    CHECK_FALSE(qr_readable(too_big->size, 800, 480));
    CHECK(qr_readable(too_big->size, 1920, 1080));
    // The 1.990-byte link of issue 14: left out even at 1080p (its modules would be 2 px).
    const auto huge = encode_qr(base + std::string(1990 - base.size(), 'a'));
    REQUIRE(huge);
    CHECK_FALSE(qr_readable(huge->size, 800, 480));
    CHECK_FALSE(qr_readable(huge->size, 1920, 1080));
    CHECK_FALSE(qr_readable(0, 1920, 1080));
}

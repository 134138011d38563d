// A slide's hand-off link as a QR code: the module matrix, encoded once when the slide set is
// built (libqrencode), drawn by the chrome as whole-pixel squares.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

struct QrCode {
    int size = 0;                    // modules per side, without the quiet zone
    std::vector<std::uint8_t> dark;  // size * size, row by row: 1 = dark module
    bool is_dark(int x, int y) const { return dark[size_t(y) * size_t(size) + size_t(x)] != 0; }
};

// The quiet zone every reader needs around the code, in modules (ISO/IEC 18004).
constexpr int kQrQuietZone = 4;

// `text` as a QR code with error correction level M (15 % of the code may be covered or
// soiled and it still reads). Nothing when the text is empty or too long for any version.
std::optional<QrCode> encode_qr(std::string_view text);

// The smallest module a phone reads from a kiosk screen at arm's length: a code that would be
// drawn with smaller modules is left out (feeds/limits.h kMaxLinkBytes follows from it).
constexpr int kMinQrModulePx = 3;

// The code's width, quiet zone included, as the chrome draws it: 0.28 of the screen's shorter side.
float qr_target_px(float screen_w, float screen_h);

// Whether a code of `size` modules is drawn with modules of at least kMinQrModulePx there.
bool qr_readable(int size, float screen_w, float screen_h);

// Pixels per module for a code of `size` modules that should be about `target_px` wide with
// its quiet zone: whole pixels, rounded up so the code is never smaller than asked for.
int qr_module_px(int size, float target_px);

// A slide's hand-off link as a QR code: the module matrix, encoded once when the slide set is
// built (libqrencode), drawn by the chrome as whole-pixel squares.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

struct QrCode {
    int size = 0;                     // modules per side, without the quiet zone
    std::vector<std::uint8_t> dark;  // size * size, row by row: 1 = dark module
    bool is_dark(int x, int y) const { return dark[size_t(y) * size_t(size) + size_t(x)] != 0; }
};

// The quiet zone every reader needs around the code, in modules (ISO/IEC 18004).
constexpr int kQrQuietZone = 4;

// `text` as a QR code with error correction level M (15 % of the code may be covered or
// soiled and it still reads). Nothing when the text is empty or too long for any version.
std::optional<QrCode> encode_qr(std::string_view text);

// Pixels per module for a code of `size` modules that should be about `target_px` wide with
// its quiet zone: whole pixels, rounded up so the code is never smaller than asked for.
int qr_module_px(int size, float target_px);

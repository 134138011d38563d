#include "app/qr_code.h"

#include <qrencode.h>

#include <algorithm>
#include <cmath>
#include <string>

std::optional<QrCode> encode_qr(std::string_view text) {
    if (text.empty()) return std::nullopt;
    const std::string data(text);
    // 8-bit mode keeps the URL's bytes as they are; version 0 lets the library pick the
    // smallest version that holds them.
    QRcode* q = QRcode_encodeData(int(data.size()), reinterpret_cast<const unsigned char*>(data.data()), 0,
                                  QR_ECLEVEL_M);
    if (!q) return std::nullopt;
    QrCode out;
    out.size = q->width;
    out.dark.resize(size_t(q->width) * size_t(q->width));
    for (size_t i = 0; i < out.dark.size(); ++i) out.dark[i] = q->data[i] & 1;  // bit 0: dark
    QRcode_free(q);
    return out;
}

int qr_module_px(int size, float target_px) {
    const int modules = size + 2 * kQrQuietZone;
    if (modules <= 0) return 1;
    return std::max(1, int(std::ceil(target_px / float(modules))));
}

float qr_target_px(float screen_w, float screen_h) {
    return std::min(screen_w, screen_h) * 0.28f;
}

bool qr_readable(int size, float screen_w, float screen_h) {
    return size > 0 && qr_module_px(size, qr_target_px(screen_w, screen_h)) >= kMinQrModulePx;
}

#include "platform/png_write.h"

#include <png.h>

#include <cerrno>
#include <csetjmp>
#include <cstdio>
#include <cstring>
#include <filesystem>

// libpng reports errors by longjmp; keep the message for the error value.
struct PngErrorSink {
    char message[200] = {};
};

static void on_png_error(png_structp png, png_const_charp msg) {
    auto* sink = static_cast<PngErrorSink*>(png_get_error_ptr(png));
    std::snprintf(sink->message, sizeof sink->message, "%s", msg);
    png_longjmp(png, 1);
}

static void on_png_warning(png_structp, png_const_charp) {}

// Everything libpng touches lives here, so setjmp has no C++ objects with destructors to skip.
static bool encode(std::FILE* f, const unsigned char* pixels, int width, int height, int channels, int stride,
                   PngErrorSink& sink) {
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, &sink, on_png_error, on_png_warning);
    if (!png) {
        std::snprintf(sink.message, sizeof sink.message, "out of memory");
        return false;
    }
    png_infop info = png_create_info_struct(png);
    if (!info || setjmp(png_jmpbuf(png))) {
        png_destroy_write_struct(&png, &info);
        if (!sink.message[0]) std::snprintf(sink.message, sizeof sink.message, "libpng failed");
        return false;
    }
    png_init_io(png, f);
    // Fixed settings: the same pixels always give the same bytes.
    png_set_compression_level(png, 6);
    png_set_filter(png, 0, PNG_FILTER_SUB | PNG_FILTER_UP | PNG_FILTER_PAETH);
    png_set_IHDR(png, info, png_uint_32(width), png_uint_32(height), 8,
                 channels == 4 ? PNG_COLOR_TYPE_RGB_ALPHA : PNG_COLOR_TYPE_RGB, PNG_INTERLACE_NONE,
                 PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    png_write_info(png, info);
    for (int y = 0; y < height; ++y) png_write_row(png, pixels + size_t(y) * size_t(stride));
    png_write_end(png, nullptr);
    png_destroy_write_struct(&png, &info);
    return true;
}

std::optional<std::string> write_png(const std::string& path, const unsigned char* pixels, int width,
                                     int height, int channels, int stride) {
    if (width <= 0 || height <= 0 || (channels != 3 && channels != 4) || stride < width * channels)
        return path + ": bad image dimensions";
    const std::string tmp = path + ".tmp";
    std::FILE* f = std::fopen(tmp.c_str(), "wb");
    if (!f) return path + ": cannot create file: " + std::strerror(errno);
    PngErrorSink sink;
    bool ok = encode(f, pixels, width, height, channels, stride, sink);
    std::string why = sink.message;
    // A full disk often shows only at flush or close.
    if (std::fflush(f) != 0 || std::ferror(f)) {
        if (ok || why.empty()) why = std::strerror(errno);
        ok = false;
    }
    if (std::fclose(f) != 0 && ok) {
        why = std::strerror(errno);
        ok = false;
    }
    std::error_code ec;
    if (!ok) {
        std::filesystem::remove(tmp, ec);
        return path + ": cannot write PNG: " + why;
    }
    std::filesystem::rename(tmp, path, ec);
    if (ec) {
        std::filesystem::remove(tmp, ec);
        return path + ": cannot rename the written file into place: " + ec.message();
    }
    return std::nullopt;
}

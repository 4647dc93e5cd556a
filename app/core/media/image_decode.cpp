// [SECTION] Display size and DCT scale
// [SECTION] JPEG (libjpeg-turbo)
// [SECTION] PNG (stb_image)
// [SECTION] Files
#include "core/media/image_decode.hpp"
#include "core/media/image_header.hpp"

#include <cstdio>
#include <cstring>
#include <memory>
#include <turbojpeg.h>

// A private copy of stb_image (static functions), for PNG only: the pack tool has its own.
#define STB_IMAGE_STATIC
#define STB_IMAGE_IMPLEMENTATION
#define STBI_ONLY_PNG
#define STBI_NO_STDIO
#if defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wunused-function"
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"
#endif
#include <stb/stb_image.h>
#if defined(__GNUC__)
#pragma GCC diagnostic pop
#endif

namespace zj {

// [SECTION] Display size and DCT scale

bool coversDisplay(int width, int height, DisplaySize want) {
    if (want.full()) return false; // "full size" is only met by the file's own size
    if (want.contain) return width >= want.width || height >= want.height;
    return width >= want.width && height >= want.height;
}

JpegScale chooseJpegScale(int fileWidth, int fileHeight, DisplaySize want) {
    JpegScale best; // 1/1
    if (want.full() || fileWidth <= 0 || fileHeight <= 0) return best;
    int count = 0;
    const tjscalingfactor* factors = tjGetScalingFactors(&count);
    for (int i = 0; factors && i < count; ++i) {
        JpegScale s{factors[i].num, factors[i].denom};
        // Only 1/2, 1/4 and 1/8: libjpeg-turbo's other n/8 scales use plain-C IDCTs and decode
        // slower than the full size (measured on the demo photos: 3/4 took twice 1/1's time).
        if (s.num != 1 || (s.denom != 2 && s.denom != 4 && s.denom != 8)) continue;
        if (s.num * best.denom >= best.num * s.denom) continue; // not smaller than the best
        if (coversDisplay(s.apply(fileWidth), s.apply(fileHeight), want)) best = s;
    }
    return best;
}

namespace {

std::string tooLarge(const std::string& label, int w, int h, int maxPixels) {
    return label + ": image is " + std::to_string(w) + "x" + std::to_string(h) +
           ", more than the allowed " + std::to_string(maxPixels) + " pixels";
}

// [SECTION] JPEG (libjpeg-turbo)

// A decompressor per decode: TurboJPEG 2.1 leaves a handle in a broken state after an error in
// the header (the next file fails with a stale marker error), and a fresh one costs microseconds.
struct TjHandle {
    tjhandle h = tjInitDecompress();
    TjHandle() = default;
    TjHandle(const TjHandle&) = delete;
    TjHandle& operator=(const TjHandle&) = delete;
    ~TjHandle() {
        if (h) tjDestroy(h);
    }
};

DecodedImage decodeJpeg(const uint8_t* data, size_t size, int maxPixels, DisplaySize want,
                        const std::string& label) {
    DecodedImage out;
    TjHandle tj;
    if (!tj.h) {
        out.error = label + ": cannot start the JPEG decoder (" +
                    std::string(tjGetErrorStr2(nullptr)) + ")";
        return out;
    }
    int w = 0, h = 0, subsamp = 0, colorspace = 0;
    if (tjDecompressHeader3(tj.h, data, static_cast<unsigned long>(size), &w, &h, &subsamp,
                            &colorspace) != 0) {
        out.error = label + ": corrupt JPEG header (" + tjGetErrorStr2(tj.h) + ")";
        return out;
    }
    // Refused from the header alone: no pixel of a forged or huge image is decoded.
    if (w <= 0 || h <= 0 || static_cast<int64_t>(w) * h > maxPixels) {
        out.error = tooLarge(label, w, h, maxPixels);
        return out;
    }
    JpegScale scale = chooseJpegScale(w, h, want);
    int sw = scale.apply(w), sh = scale.apply(h);
    out.fullWidth = w;
    out.fullHeight = h;
    out.rgba.resize(static_cast<size_t>(sw) * sh * 4);
    // A warning (premature end of data, corrupt entropy data) stops the decode and fails it:
    // libjpeg would otherwise fill the missing part with grey and call it a success.
    if (tjDecompress2(tj.h, data, static_cast<unsigned long>(size), out.rgba.data(), sw, sw * 4, sh,
                      TJPF_RGBA, TJFLAG_STOPONWARNING) != 0) {
        bool warning = tjGetErrorCode(tj.h) == TJERR_WARNING;
        out.error = label + (warning ? ": truncated or corrupt JPEG (" : ": corrupt JPEG (") +
                    tjGetErrorStr2(tj.h) + ")";
        out.rgba.clear();
        out.rgba.shrink_to_fit();
        return out;
    }
    out.width = sw;
    out.height = sh;
    return out;
}

// [SECTION] PNG (stb_image)

DecodedImage decodePng(const uint8_t* data, size_t size, int maxPixels, const std::string& label) {
    DecodedImage out;
    int w = 0, h = 0, comp = 0;
    int len = static_cast<int>(size);
    if (!stbi_info_from_memory(data, len, &w, &h, &comp)) {
        out.error = label + ": not a readable PNG (" + stbi_failure_reason() + ")";
        return out;
    }
    if (std::string problem = pngChunkProblem(data, size); !problem.empty()) {
        out.error = label + ": corrupt PNG (" + problem + ")";
        return out;
    }
    if (w <= 0 || h <= 0 || static_cast<int64_t>(w) * h > maxPixels) {
        out.error = tooLarge(label, w, h, maxPixels);
        return out;
    }
    unsigned char* px = stbi_load_from_memory(data, len, &w, &h, &comp, 4);
    if (!px) {
        out.error = label + ": PNG decode failed (" + stbi_failure_reason() + ")";
        return out;
    }
    out.width = out.fullWidth = w;
    out.height = out.fullHeight = h;
    out.rgba.assign(px, px + static_cast<size_t>(w) * h * 4);
    stbi_image_free(px);
    return out;
}

} // namespace

DecodedImage decodeImageMemory(const uint8_t* data, size_t size, int maxPixels, DisplaySize want,
                               const std::string& label) {
    DecodedImage out;
    if (!data || size == 0) {
        out.error = label + ": empty file";
        return out;
    }
    if (size > static_cast<size_t>(INT32_MAX)) {
        out.error = label + ": file too large";
        return out;
    }
    switch (sniffImageFormat(data, size)) {
        case ImageFormat::Jpeg:
            return decodeJpeg(data, size, maxPixels, want, label);
        case ImageFormat::Png:
            return decodePng(data, size, maxPixels, label);
        case ImageFormat::Unknown:
            break;
    }
    out.error = label + ": not a JPEG or PNG image";
    return out;
}

// [SECTION] Files

DecodedImage decodeImageFile(const std::filesystem::path& file, int maxPixels, DisplaySize want) {
    DecodedImage out;
    std::FILE* f = std::fopen(file.c_str(), "rb");
    if (!f) {
        out.error = "cannot open " + file.string();
        return out;
    }
    std::vector<uint8_t> bytes;
    std::error_code ec;
    if (uint64_t expected = std::filesystem::file_size(file, ec);
        !ec && expected <= kMaxImageFileBytes)
        bytes.reserve(expected); // one allocation for the whole file
    uint8_t buf[64 * 1024];
    size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) {
        bytes.insert(bytes.end(), buf, buf + n);
        if (bytes.size() > kMaxImageFileBytes) {
            std::fclose(f);
            out.error = file.string() + ": file larger than " +
                        std::to_string(kMaxImageFileBytes >> 20) + " MB";
            return out;
        }
    }
    std::fclose(f);
    return decodeImageMemory(bytes.data(), bytes.size(), maxPixels, want, file.string());
}

} // namespace zj

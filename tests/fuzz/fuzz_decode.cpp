// The kiosk's photo decoder (core/media/image_decode: libjpeg-turbo with DCT scaling, stb_image
// for PNG): any bytes at any display size give pixels or an error, never a crash, a leak or a
// read past the buffer. The first two bytes pick the display size (0 = full size).
#include "core/media/image_decode.hpp"

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size < 2) return 0;
    zj::DisplaySize want{data[0] * 8, data[0] * 5, (data[1] & 1) != 0};
    zj::DecodedImage img = zj::decodeImageMemory(data + 2, size - 2, 40'000'000, want, "fuzz");
    if (img.ok() && img.rgba.size() != size_t(img.width) * img.height * 4) __builtin_trap();
    return 0;
}

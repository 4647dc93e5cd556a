// A guard for stb_image 2.27 (Debian 12's libstb-dev), which trusts the symbol counts of a JPEG's
// Huffman tables (DHT): more than 256 symbols overflow its fixed tables (a heap buffer overflow,
// fixed upstream in 2.28), and stbi_info alone already parses them. Found by tests/fuzz/fuzz_image.
// Call this before any stbi_* call on JPEG bytes; false means "corrupt JPEG, do not decode".
// Only the pack tool reads JPEGs with stb now: the kiosk decodes them with libjpeg-turbo
// (core/media/image_decode), which needs none of this.
#pragma once
#include <cstddef>

namespace zj {

bool jpegHuffmanTablesSafe(const unsigned char* data, size_t size);

// Every 8x8 block a JPEG codes costs at least one bit (the shortest Huffman code), so a file
// smaller than one byte per 512 pixels cannot hold the size its header claims: a truncated or
// forged file that would still cost a full-size decode (found by fuzz_image: 118 bytes claiming
// 8456x2568). Never refuses a real JPEG.
bool jpegSizePlausible(size_t fileBytes, int width, int height);

} // namespace zj

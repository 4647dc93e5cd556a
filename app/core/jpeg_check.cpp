#include "core/jpeg_check.hpp"

#include <cstdint>

namespace zj {

// Walks the markers as stb does (fill bytes, standalone markers, segments, and the entropy-coded
// data after each SOS, since progressive JPEGs define tables between scans) and reads every DHT
// table header the way stb reads it: a segment's tables continue while its length is not used
// up, even past the segment or the file (stb reads zeros there).
bool jpegHuffmanTablesSafe(const unsigned char* d, size_t size) {
    auto at = [&](size_t i) -> unsigned { return i < size ? d[i] : 0u; };
    size_t p = 2; // after SOI
    while (p + 1 < size) {
        if (d[p] != 0xFF) { // entropy-coded data or garbage: find the next real marker
            ++p;
            continue;
        }
        unsigned m = d[p + 1];
        if (m == 0xFF) { // fill byte
            ++p;
            continue;
        }
        if (m == 0x00 || m == 0x01 || m == 0xD8 || (m >= 0xD0 && m <= 0xD7)) { // no length
            p += 2;
            continue;
        }
        if (m == 0xD9) return true; // EOI
        long length = long(at(p + 2) << 8 | at(p + 3));
        if (m == 0xC4) {
            long left = length - 2;
            size_t q = p + 4;
            while (left > 0) {
                unsigned symbols = 0;
                for (size_t i = 1; i <= 16; ++i) symbols += at(q + i);
                if (symbols > 256) return false;
                left -= 17 + long(symbols);
                q += 17 + symbols;
            }
        }
        p += 2 + size_t(length < 2 ? 2 : length);
    }
    return true;
}

bool jpegSizePlausible(size_t fileBytes, int width, int height) {
    if (width <= 0 || height <= 0) return false;
    return uint64_t(fileBytes) * 512 >= uint64_t(width) * uint64_t(height);
}

} // namespace zj

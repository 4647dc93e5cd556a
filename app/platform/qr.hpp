// QR codes (libqrencode) as GL textures, for park pages, contacts and "take it with you".
// (API fixed by the lead; implemented by the map work.)
#pragma once
#include <cstdint>
#include <string>

namespace zj {

struct QrTexture {
    uint64_t glTexture = 0; // 0 when the text could not be encoded
    int modules = 0;        // modules per side (e.g. 29 for a 43-char URL at level M)
};

// Encodes `text` (UTF-8) at level M with a 4-module quiet zone; cached by text (bounded LRU of
// 64 codes). Call on the UI thread with the GL context current.
QrTexture qrTexture(const std::string& text);
void qrClearCache(); // frees every cached code's texture

} // namespace zj

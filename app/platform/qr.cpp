// QR codes with libqrencode, uploaded as small RGBA textures (one texel per module, GL_NEAREST
// so they stay crisp at any size) and kept in a bounded LRU keyed by the text.
#include "platform/qr.hpp"

#include "platform/gl_api.hpp"

#include <list>
#include <qrencode.h>
#include <unordered_map>
#include <vector>

namespace zj {

namespace {

constexpr int kQuietZone = 4; // modules of white border the standard asks for

void freeTexture(const QrTexture& t) {
    if (t.glTexture == 0 || !glReady()) return; // no context: it went with it
    GLuint name = static_cast<GLuint>(t.glTexture);
    gl().deleteTextures(1, &name);
}

QrTexture encode(const std::string& text) {
    QrTexture out;
    if (!glReady()) return out;
    QRcode* code = QRcode_encodeString(text.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1);
    if (!code) return out;
    int n = code->width;
    int side = n + 2 * kQuietZone;
    std::vector<unsigned char> rgba(static_cast<size_t>(side) * side * 4, 0xFF);
    for (int y = 0; y < n; ++y)
        for (int x = 0; x < n; ++x) {
            if (!(code->data[y * n + x] & 1)) continue; // bit 0: dark module
            size_t i = (static_cast<size_t>(y + kQuietZone) * side + (x + kQuietZone)) * 4;
            rgba[i] = rgba[i + 1] = rgba[i + 2] = 0x00;
        }
    QRcode_free(code);

    GLint previous = 0;
    gl().getIntegerv(GL_TEXTURE_BINDING_2D, &previous);
    GLuint tex = 0;
    gl().genTextures(1, &tex);
    gl().bindTexture(GL_TEXTURE_2D, tex);
    setTextureSampling(GL_NEAREST);
    gl().pixelStorei(GL_UNPACK_ALIGNMENT, 1);
    gl().texImage2D(GL_TEXTURE_2D, 0, GL_RGBA, side, side, 0, GL_RGBA, GL_UNSIGNED_BYTE,
                    rgba.data());
    gl().bindTexture(GL_TEXTURE_2D, static_cast<GLuint>(previous));
    out.glTexture = tex;
    out.modules = n;
    return out;
}

} // namespace

QrTexture QrCache::get(const std::string& text) {
    auto it = entries_.find(text);
    if (it != entries_.end()) {
        order_.splice(order_.begin(), order_, it->second.position); // now most recent
        return it->second.texture;
    }
    QrTexture t = encode(text);
    while (entries_.size() >= kMaxCodes) {
        auto last = entries_.find(order_.back());
        freeTexture(last->second.texture);
        entries_.erase(last);
        order_.pop_back();
    }
    order_.push_front(text);
    entries_.emplace(text, Entry{t, order_.begin()});
    return t;
}

void QrCache::clear() {
    for (auto& [text, entry] : entries_) freeTexture(entry.texture);
    entries_.clear();
    order_.clear();
}

} // namespace zj

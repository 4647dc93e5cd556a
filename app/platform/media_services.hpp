// The GPU and media resources of one kiosk, owned by the app in one place: bundle images as
// textures, QR codes, and the hub every video player registers with. release() frees them all
// while the GL context is still current, before ImGui and the window go.
#pragma once
#include "platform/qr.hpp"
#include "platform/texture_cache.hpp"
#include "platform/video_player.hpp"

#include <memory>

namespace zj {

struct MediaServices {
    std::unique_ptr<TextureCache> textures; // created once GL is up
    QrCache qr;                             // codes drawn so far (bounded)
    VideoHub video;                         // players, volume, headless switch

    // Closes every video, frees every QR code and image texture. GL context must be current.
    void release() {
        video.closeAll();
        qr.clear();
        textures.reset();
    }
};

} // namespace zj

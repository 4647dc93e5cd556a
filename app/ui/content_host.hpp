// What is on screen and what shows it: the bundle and its content, the fonts built for it, the
// media services (textures, QR codes, videos) and, with --preview, the sources' live rebuilds.
// It chooses content (core/content/startup) and swaps it between frames; what a visitor is
// doing with it belongs to the visit session.
#pragma once
#include "core/bundle/bundle.hpp"
#include "core/bundle/crypto.hpp"
#include "core/content/model.hpp"
#include "core/sync/config.hpp"
#include "platform/fonts.hpp"
#include "platform/media_services.hpp"

#include <filesystem>
#include <memory>
#include <optional>
#include <string>

namespace zj {

class ContentPreview;

// Where content comes from (AppOptions' --data, --bundle, --public-key, the config's root key).
struct ContentSources {
    std::filesystem::path dataDir;              // the synced content store
    std::filesystem::path bundleDir;            // a packed bundle; empty: the demo bundle
    std::optional<crypto::PublicKey> publicKey; // none: the development key (demo bundle only)
    std::optional<KioskConfig> rootKeyConfig;   // root mode: show what a rotated key signed
    bool runtimeFontAtlas = false;              // FreeType even if the bundle has an atlas
};

class ContentHost {
  public:
    explicit ContentHost(ContentSources sources);
    ~ContentHost();
    ContentHost(const ContentHost&) = delete;
    ContentHost& operator=(const ContentHost&) = delete;

    // Chooses the content to show (the store's current version, else the demo bundle, else the
    // built-in titles) and drops the textures of the old one. Between frames only.
    void load();
    const Content& content() const { return *content_; }
    const std::optional<Bundle>& bundle() const { return bundle_; } // none: built-in titles
    uint64_t version() const { return content_ ? content_->version : 0; }

    // Once the GL context exists: the texture cache, and whether videos play headless.
    void startMedia(bool headless);
    // Before ImGui and GL go: videos, QR codes, images and the font atlas texture.
    void releaseGpu();
    MediaServices& media() { return media_; }
    const MediaServices& media() const { return media_; }
    uint64_t textureBytes() const { return media_.textures ? media_.textures->bytesResident() : 0; }

    FontSet& fonts() { return fonts_; }
    const FontSet& fonts() const { return fonts_; }
    bool fontsDirty() const { return fontsDirty_; }
    // Rebuilds the atlas when the content or the display scale changed (between frames).
    bool ensureFonts(float scale, std::string& err);

    // [SECTION] --preview: the sources packed on every save (content_host_preview.cpp)
    bool startPreview(const std::string& sources, std::string& err);
    // Rebuilt*: the new bundle is loaded. SameIds: the edit kept every id in its order (a text,
    // a photo), so screens may keep their state; NewIds: their state may name what is gone.
    enum class PreviewChange { None, RebuiltSameIds, RebuiltNewIds, Failed };
    PreviewChange pollPreview(double nowMs);
    bool previewing() const { return preview_ != nullptr; }
    double previewDeadlineMs() const; // a due rebuild, a running one; < 0: none
    uint64_t previewBuilds() const;   // builds finished so far (ok or failed)
    const std::string& previewError() const { return previewError_; } // the last build's, or ""
    const std::string& previewSources() const { return previewSources_; }

  private:
    ContentSources sources_;
    std::shared_ptr<const Content> content_;
    std::optional<Bundle> bundle_; // the bundle content_ came from (media paths)
    FontSet fonts_;
    bool fontsDirty_ = true;
    MediaServices media_; // textures, QR codes, video hub
    std::unique_ptr<ContentPreview> preview_;
    std::string previewSources_;
    std::string previewError_;
};

} // namespace zj

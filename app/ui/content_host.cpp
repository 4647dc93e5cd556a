// [SECTION] Content
// [SECTION] Media and fonts
// [SECTION] --preview
#include "ui/content_host.hpp"

#include "core/asset_name.hpp"
#include "core/content/startup.hpp"
#include "core/session/log_ring.hpp"
#include "platform/content_preview.hpp"
#include "platform/font_atlas.hpp"
#include "ui/builtin_content.hpp"
#include "ui/theme.hpp"

namespace zj {

namespace {
// The UI's own art (assets/README.md): the source tree's in a build, else the installed copy.
std::filesystem::path assetsDir() {
    std::error_code ec;
    if (std::filesystem::exists(ZJ_ASSETS_SOURCE "/README.md", ec)) return ZJ_ASSETS_SOURCE;
    return ZJ_ASSETS_INSTALLED;
}

// Logical names -> files, for the texture cache and the video: bundle names resolve in (a copy
// of) the bundle, so decodes in flight never see a switched one; "asset:..." in the UI's art.
TextureCache::Resolver mediaResolver(const std::optional<Bundle>& bundle) {
    return [bundle, assets = assetsDir()](const std::string& name) {
        if (isAssetName(name)) return resolveAssetName(assets, name);
        return bundle ? bundle->pathOf(name) : std::filesystem::path();
    };
}

// The content's ids in order: when an edit keeps them, screens keep their state (scroll, open
// card, selected link); when it adds, removes or reorders things, they start fresh.
std::string contentShape(const Content& c) {
    std::string s;
    auto ids = [&s](const auto& items) {
        for (const auto& i : items) s += i.id + '\n';
        s += '|';
    };
    ids(c.modules);
    ids(c.parks);
    ids(c.industries);
    for (const Industry& i : c.industries) ids(i.nodes);
    ids(c.projects);
    ids(c.policies);
    ids(c.events);
    ids(c.contacts);
    ids(c.photos);
    ids(c.tours);
    for (const Park& p : c.parks) s += std::to_string(p.photos.size()) + ',';
    return s;
}

std::filesystem::path defaultDemoBundle() {
    std::error_code ec;
    if (std::filesystem::exists(ZJ_DEMO_BUNDLE_BUILD "/manifest.json", ec))
        return ZJ_DEMO_BUNDLE_BUILD;
    return ZJ_DEMO_BUNDLE_INSTALLED;
}
} // namespace

ContentHost::ContentHost(ContentSources sources)
    : sources_(std::move(sources)), content_(std::make_shared<const Content>(builtinContent())) {}

ContentHost::~ContentHost() = default;

// [SECTION] Content

void ContentHost::load() {
    // The one key of the process (main.cpp: --public-key, else the config's); with none, the
    // development key, for the built-in demo bundle only: it may be shown, and sync never
    // installs anything with it (sync_client.cpp).
    crypto::PublicKey publisher = sources_.publicKey.value_or(developmentPublicKey());
    // Root mode: after a sync rotated the publisher key, show what the new key signed.
    if (sources_.rootKeyConfig && sources_.rootKeyConfig->rootKey)
        if (std::optional<crypto::PublicKey> k = displayKeyFor(*sources_.rootKeyConfig))
            publisher = *k;
    std::filesystem::path demo =
        sources_.bundleDir.empty() ? defaultDemoBundle() : sources_.bundleDir;
    LoadedContent loaded = loadStartupContent(sources_.dataDir, demo, publisher);
    for (const auto& line : loaded.log) logLine("content: %s", line.c_str());
    bundle_ = loaded.bundle;
    if (media_.textures)
        media_.textures->setResolver(mediaResolver(bundle_)); // drops the old textures
    content_ = loaded.content ? loaded.content : std::make_shared<const Content>(builtinContent());
    fontsDirty_ = true;
}

// [SECTION] Media and fonts

void ContentHost::startMedia(bool headless) {
    // Headless scenarios play no sound and never autoplay (see video_player.hpp).
    media_.video.setHeadless(headless);
    TextureCacheSettings settings;
    // The hub's wake event is the loop's one "work arrived from another thread" signal.
    settings.onDecoded = [this] { media_.video.wake(); };
    media_.textures = std::make_unique<TextureCache>(std::move(settings));
    media_.textures->setResolver(mediaResolver(bundle_));
}

void ContentHost::releaseGpu() {
    media_.release(); // GL is still current: videos, QR codes and images go first
    fonts_.releaseTexture();
}

bool ContentHost::ensureFonts(float scale, std::string& err) {
    if (!fontsDirty_ && scale == fonts_.builtScale()) return true;
    fontatlas::AtlasText text = fontatlas::atlasTextFor(*content_);
    std::string baked;
    if (bundle_ && !sources_.runtimeFontAtlas) baked = bundle_->pathOf(fontatlas::kBlobName);
    const char* none = sources_.runtimeFontAtlas ? "--runtime-font-atlas" : "the bundle has none";
    if (!fonts_.build(text.glyphs, text.displayGlyphs, scale, baked, none, err)) return false;
    logLine("fonts: %s", fonts_.stats().source.c_str());
    theme::applyImGuiStyle(scale);
    fontsDirty_ = false;
    return true;
}

// [SECTION] --preview

bool ContentHost::startPreview(const std::string& sources, std::string& err) {
    previewSources_ = sources;
    preview_ = std::make_unique<ContentPreview>();
    if (!preview_->start(sources, err)) return false;
    // The preview's own key and empty store: nothing else verifies with that key.
    sources_.publicKey = preview_->publicKey();
    sources_.dataDir = preview_->dataDir();
    const ContentPreview::Event& first = preview_->firstBuild();
    if (first.kind == ContentPreview::Event::Kind::Built) {
        sources_.bundleDir = first.bundle;
    } else {
        // No good content yet: the built-in titles under the banner, until a fix is saved.
        sources_.bundleDir = preview_->dataDir() / "none";
        previewError_ = first.error;
        logLine("preview: %s", previewError_.c_str());
    }
    return true;
}

ContentHost::PreviewChange ContentHost::pollPreview(double nowMs) {
    if (!preview_) return PreviewChange::None;
    ContentPreview::Event e = preview_->poll(nowMs);
    if (e.kind == ContentPreview::Event::Kind::Built) {
        sources_.bundleDir = e.bundle;
        previewError_.clear();
        std::string before = contentShape(*content_);
        load();
        logLine("preview: rebuilt from %s", preview_->sources().c_str());
        return contentShape(*content_) == before ? PreviewChange::RebuiltSameIds
                                                 : PreviewChange::RebuiltNewIds;
    }
    if (e.kind == ContentPreview::Event::Kind::Failed) {
        previewError_ = e.error;
        logLine("preview: %s", previewError_.c_str());
        return PreviewChange::Failed;
    }
    return PreviewChange::None;
}

double ContentHost::previewDeadlineMs() const {
    return preview_ ? preview_->deadlineMs() : -1;
}

uint64_t ContentHost::previewBuilds() const {
    return preview_ ? preview_->buildsFinished() : 0;
}

} // namespace zj

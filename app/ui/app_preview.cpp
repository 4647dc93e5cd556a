// The content editor's live preview in the app (zjmap-kiosk --preview SRC): the sources are
// packed on every save (platform/content_preview.hpp), the new bundle replaces the old one
// between frames with the visitor's place kept, and a build that fails leaves the last good
// content on screen under a banner naming file, line and field.
#include "core/session/log_ring.hpp"
#include "core/ui_strings.hpp"
#include "platform/content_preview.hpp"
#include "ui/app.hpp"
#include "ui/screens/screen.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"
#include "ui/widgets_media.hpp"

#include <imgui.h>

namespace zj {

namespace {
namespace C = tokens::color;

// The content's ids in order: when an edit keeps them (a text, a photo), the screens keep
// their state (scroll, open card, selected link); when it adds, removes or reorders things,
// their state may point at what is gone, and they start fresh on the same screen.
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
} // namespace

bool KioskApp::startPreview(std::string& err) {
    preview_ = std::make_unique<ContentPreview>();
    if (!preview_->start(options_.previewSources, err)) return false;
    options_.publicKey = preview_->publicKey(); // nothing else verifies with it
    options_.dataDir = preview_->dataDir().string();
    const ContentPreview::Event& first = preview_->firstBuild();
    if (first.kind == ContentPreview::Event::Kind::Built)
        options_.bundleDir = first.bundle.string();
    else {
        // No good content yet: the built-in titles under the banner, until a fix is saved.
        options_.bundleDir = (preview_->dataDir() / "none").string();
        previewError_ = first.error;
        logLine("preview: %s", previewError_.c_str());
    }
    return true;
}

void KioskApp::pollPreview() {
    ContentPreview::Event e = preview_->poll(clock_.nowMs());
    if (e.kind == ContentPreview::Event::Kind::Built) {
        options_.bundleDir = e.bundle.string();
        previewError_.clear();
        reloadKeepingPlace();
        logLine("preview: rebuilt from %s", preview_->sources().c_str());
    } else if (e.kind == ContentPreview::Event::Kind::Failed) {
        previewError_ = e.error;
        logLine("preview: %s", previewError_.c_str());
        framesPending_ = std::max(framesPending_, 2);
    }
}

uint64_t KioskApp::previewBuilds() const {
    return preview_ ? preview_->buildsFinished() : 0;
}

void KioskApp::reloadKeepingPlace() {
    std::string before = contentShape(*content_);
    loadContent();
    if (contentShape(*content_) != before) {
        screenFor(nav_.current().screen)->onLeave();
        for (auto& screen : screens_) screen->resetSession();
    }
    // The same screen and selection (an id the edit removed is ignored by the screen), the
    // same language and history; no transition, as if the text had changed in place.
    enterCurrentScreen(/*instant=*/true);
}

void KioskApp::drawPreviewOverlay(UiContext& ui) {
    float W = ui.ds.width, H = ui.ds.height;
    float pad = ui.px(tokens::space::m);
    const std::string& title = ui.tr(uiText(UiString::PreviewBroken));
    const std::string& kept = ui.tr(uiText(UiString::PreviewKeptLast));
    float textW = W - pad * 2;
    float h = pad * 2 + theme::textSize(ui, FontRole::BodyBold, title).y +
              widgets::paraSize(ui, FontRole::Body, previewError_, textW).y +
              widgets::paraSize(ui, FontRole::Caption, kept, textW).y + ui.px(16);
    ImVec2 min(0, H - h), max(W, H);
    ImGui::SetNextWindowPos(min);
    ImGui::SetNextWindowSize(ImVec2(W, h));
    ImGui::Begin("##preview-error", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                     ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBackground |
                     ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoInputs);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(min, max, theme::col(ui, 0xB71C1C, 0.96f));
    float y = min.y + pad;
    theme::text(ui, FontRole::BodyBold, ImVec2(pad, y), C::textOnPrimary, title);
    y += theme::textSize(ui, FontRole::BodyBold, title).y + ui.px(8);
    y += widgets::para(ui, FontRole::Body, ImVec2(pad, y), C::textOnPrimary, previewError_, textW)
             .y +
         ui.px(8);
    widgets::para(ui, FontRole::Caption, ImVec2(pad, y), C::textOnPrimary, kept, textW);
    ImGui::End();
}

} // namespace zj

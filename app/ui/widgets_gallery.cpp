// [SECTION] Gallery
// [SECTION] Photo viewer
#include "core/ui_strings.hpp"
#include "platform/texture_cache.hpp"
#include "ui/widgets.hpp"
#include "ui/widgets_internal.hpp"
#include "ui/widgets_media.hpp"

#include <algorithm>
#include <cstdio>

namespace zj::widgets {

namespace {
namespace C = tokens::color;
using namespace detail;
} // namespace

// [SECTION] Gallery

int Gallery::draw(UiContext& ui, const char* id, const std::vector<const Photo*>& photos,
                  ImVec2 min, ImVec2 max, bool input) {
    if (photos.empty()) return -1;
    float dotsH = ui.px(40);
    ImVec2 viewMax(max.x, max.y - dotsH);
    float w = max.x - min.x;
    area_.scroller().setPageSize(w);
    float offset = area_.begin(ui, min, viewMax, w * photos.size(), input);
    int tapped = -1;
    for (size_t i = 0; i < photos.size(); ++i) {
        float x = min.x + i * w - offset;
        if (x > max.x || x + w < min.x) continue;
        // The photo, and its caption under it (the sample photos carry text of their own:
        // nothing is laid over them).
        const Photo& p = *photos[i];
        float capH = ui.px(64);
        ImVec2 a(x, min.y), b(x + w, viewMax.y - capH);
        photo(ui, p, PhotoSize::Display, a, b);
        float capY = b.y + ui.px(12);
        para(ui, FontRole::Body, ImVec2(a.x, capY), C::text, ui.tr(p.caption), w - ui.px(130));
        if (p.sample) sampleTagRight(ui, ImVec2(b.x, capY + ui.px(4)));
        std::string tid = std::string(id) + ":" + p.id;
        if (input && clippedTouch(ui, tid.c_str(), p.caption, a, b, min, viewMax)) tapped = (int)i;
    }
    area_.end(ui);
    // The pages either side load ahead at the page's size, so a swipe lands on a ready photo
    // (the texture cache's budget and LRU still decide what stays).
    if (ui.textures) {
        ImVec2 pageMin(min.x, min.y), pageMax(min.x + w, viewMax.y - ui.px(64));
        int current = area_.scroller().page();
        for (int i : {current - 1, current + 1})
            if (i >= 0 && i < static_cast<int>(photos.size()) && !photos[i]->file.empty())
                request(ui, photos[i]->file, pageMin, pageMax, false);
        // The page on show loads at the viewer's size too (one texture serves both): a tap
        // opens it sharp in the next frame, not after a larger decode (~100 ms on llvmpipe).
        if (current >= 0 && current < static_cast<int>(photos.size()) &&
            !photos[current]->file.empty())
            ui.textures->get(photos[current]->file, viewerPhotoSize(ui.ds));
    }
    // Page dots.
    float dot = ui.px(12), gap = ui.px(28);
    float total = gap * (photos.size() - 1);
    float cx = (min.x + max.x) * 0.5f - total * 0.5f, cy = max.y - dotsH * 0.4f;
    int current = area_.scroller().page();
    for (size_t i = 0; i < photos.size(); ++i) {
        bool on = static_cast<int>(i) == current;
        dl()->AddCircleFilled(ImVec2(cx + gap * i, cy), on ? dot * 0.75f : dot * 0.45f,
                              theme::col(ui, on ? C::primary : C::textSecondary, on ? 1.0f : 0.4f));
    }
    return tapped;
}

// [SECTION] Photo viewer

void viewerPhotoBox(const DesignScale& ds, ImVec2& min, ImVec2& max) {
    float margin = ds.px(tokens::space::xl);
    min = ImVec2(margin, ds.px(tokens::space::topBar));
    max = ImVec2(ds.width - margin, ds.height - ds.px(kViewerCaptionDesign));
}

DisplaySize viewerPhotoSize(const DesignScale& ds) {
    ImVec2 min, max;
    viewerPhotoBox(ds, min, max);
    return onScreen(min, max, true);
}

void PhotoViewer::open(const std::vector<const Photo*>& photos, int index, double nowMs) {
    if (photos.empty()) return;
    photos_ = photos;
    index_ = std::clamp(index, 0, static_cast<int>(photos.size()) - 1);
    open_ = true;
    zp_.reset();
    openedMs_ = nowMs;
}

void PhotoViewer::go(int delta, double nowMs) {
    int n = static_cast<int>(photos_.size());
    int next = index_ + delta;
    if (next >= 0 && next < n) {
        index_ = next;
        zp_.swipe += delta * ImGui::GetIO().DisplaySize.x; // continue the motion from where it was
    }
    float swipe = zp_.swipe;
    zp_.reset();
    zp_.swipe = swipe;
    settleFromMs_ = nowMs;
    settleFromSwipe_ = swipe;
}

// Pinch zooms about its centre; drags pan (zoomed) or swipe (not zoomed).
void PhotoViewer::followGestures(UiContext& ui, ImVec2 centre) {
    bool dragging = false;
    for (const Gesture& g : *ui.gestures) {
        switch (g.kind) {
            case Gesture::Kind::PinchMove:
                zp_.pinch(Vec2{g.center.x - centre.x, g.center.y - centre.y}, g.scale, g.delta);
                break;
            case Gesture::Kind::DoubleTap:
                zp_.doubleTap(Vec2{g.pos.x - centre.x, g.pos.y - centre.y});
                break;
            case Gesture::Kind::DragMove:
                dragging = true;
                zp_.drag(g.delta);
                break;
            case Gesture::Kind::DragEnd:
                if (!zp_.zoomed()) {
                    // The same flick that turns a gallery page turns the viewer's photo.
                    float flick = KineticSettings{}.scaled(ui.ds.scale).snapFlickVelocity;
                    if (int turn = zp_.release(g.velocity.x, ui.ds.width, flick))
                        go(turn, ui.nowMs);
                    settleFromMs_ = ui.nowMs;
                    settleFromSwipe_ = zp_.swipe;
                }
                break;
            default:
                break;
        }
    }
    settleSwipe(ui, dragging);
}

// Swipe settles back to 0 (ease out) after a release.
void PhotoViewer::settleSwipe(UiContext& ui, bool dragging) {
    if (dragging || zp_.swipe == 0) return;
    float t = static_cast<float>((ui.nowMs - settleFromMs_) / tokens::motion::transitionMs);
    zp_.swipe = settleFromSwipe_ * (1 - tokens::easeOutCubic(t));
    if (t >= 1)
        zp_.swipe = 0;
    else
        ui.animateUntil(settleFromMs_ + tokens::motion::transitionMs);
}

// Backdrop and photos (neighbours visible while swiping).
void PhotoViewer::drawPhotos(UiContext& ui, ImVec2 boxMin, ImVec2 boxMax) {
    float W = ui.ds.width, H = ui.ds.height;
    float capH = ui.px(kViewerCaptionDesign);
    dl()->AddRectFilled(ImVec2(0, 0), ImVec2(W, H), theme::col(ui, 0x0A0F1A, 0.96f));
    theme::occlude(ui, ImVec2(0, 0), ImVec2(W, H));
    dl()->PushClipRect(ImVec2(0, 0), ImVec2(W, H - capH), true); // the caption bar stays clear
    for (int d = -1; d <= 1; ++d) {
        int i = index_ + d;
        if (i < 0 || i >= static_cast<int>(photos_.size())) continue;
        if (d != 0 && zp_.swipe == 0) continue;
        const Photo& p = *photos_[i];
        float z = d == 0 ? zp_.zoom : 1.0f;
        ImVec2 off(zp_.swipe + d * W + (d == 0 ? zp_.pan.x : 0), d == 0 ? zp_.pan.y : 0);
        ImVec2 bc((boxMin.x + boxMax.x) * 0.5f, (boxMin.y + boxMax.y) * 0.5f);
        ImVec2 half((boxMax.x - boxMin.x) * 0.5f * z, (boxMax.y - boxMin.y) * 0.5f * z);
        // Contain inside the box (a photo is seen whole), scaled by the zoom.
        const std::string& name = p.file.empty() ? p.thumb : p.file;
        ImVec2 at = bc - half + off, to = bc + half + off;
        bool drawn = false;
        if (ui.textures && !p.file.empty() &&
            request(ui, p.file, at, to, true).state == TextureRef::State::Loading &&
            !p.thumb.empty() &&
            request(ui, p.thumb, at, to, true).state == TextureRef::State::Ready) {
            drawn = image(ui, p.thumb, at, to, 0, true);
        }
        if (!drawn) image(ui, name, at, to, 0, true);
    }
    dl()->PopClipRect();
}

// Caption and counter.
void PhotoViewer::drawCaption(UiContext& ui) {
    float W = ui.ds.width, H = ui.ds.height;
    float margin = ui.px(tokens::space::xl);
    float capH = ui.px(kViewerCaptionDesign);
    const Photo& p = *photos_[index_];
    dl()->AddRectFilled(ImVec2(0, H - capH), ImVec2(W, H), theme::col(ui, 0x0A0F1A));
    ImVec2 capPos(margin, H - capH + ui.px(24));
    char counter[32];
    std::snprintf(counter, sizeof counter, "%d / %d", index_ + 1, static_cast<int>(photos_.size()));
    ImVec2 cs = theme::textSize(ui, FontRole::BodyBold, counter);
    theme::text(ui, FontRole::BodyBold, ImVec2(W - margin - cs.x, capPos.y), C::textOnPrimary,
                counter);
    // A sample photo says so here too, between its caption and the counter.
    float captionRight = W - margin - cs.x - ui.px(tokens::space::m);
    if (p.sample) {
        sampleTagRight(ui, ImVec2(captionRight, capPos.y + ui.px(4)));
        captionRight -= sampleTagSize(ui).x + ui.px(tokens::space::m);
    }
    para(ui, FontRole::Body, capPos, C::textOnPrimary, ui.tr(p.caption), captionRight - margin);
    if (zp_.zoomed()) ui.hits->noteText("zoom " + std::to_string(static_cast<int>(zp_.zoom * 10)));
}

// Close, and previous / next as large side targets (swipe works too).
void PhotoViewer::drawControls(UiContext& ui) {
    float W = ui.ds.width, H = ui.ds.height;
    float margin = ui.px(tokens::space::xl);
    float btn = ui.px(tokens::space::touchMin);
    ImVec2 cmin(W - margin - btn, ui.px(16)), cmax(W - margin, ui.px(16) + btn);
    bool pressed = false;
    if (touchArea(ui, "viewer-close", uiText(UiString::MediaClose), cmin, cmax, &pressed))
        open_ = false;
    ImVec2 cc = (cmin + cmax) * 0.5f;
    dl()->AddCircleFilled(cc, btn * 0.5f, theme::col(ui, C::surface, pressed ? 0.35f : 0.18f));
    float s = btn * 0.2f;
    ImU32 white = theme::col(ui, C::textOnPrimary);
    dl()->AddLine(cc - ImVec2(s, s), cc + ImVec2(s, s), white, ui.px(5));
    dl()->AddLine(cc + ImVec2(-s, s), cc + ImVec2(s, -s), white, ui.px(5));
    if (index_ > 0 && touchArea(ui, "viewer-prev", uiText(UiString::MediaPrevious),
                                ImVec2(0, H * 0.4f), ImVec2(margin * 1.5f, H * 0.6f)))
        go(-1, ui.nowMs);
    if (index_ + 1 < static_cast<int>(photos_.size()) &&
        touchArea(ui, "viewer-next", uiText(UiString::MediaNext),
                  ImVec2(W - margin * 1.5f, H * 0.4f), ImVec2(W, H * 0.6f)))
        go(+1, ui.nowMs);
    for (int side = -1; side <= 1; side += 2) {
        bool has = side < 0 ? index_ > 0 : index_ + 1 < static_cast<int>(photos_.size());
        if (!has) continue;
        float x = side < 0 ? margin * 0.6f : W - margin * 0.6f;
        ImVec2 chevron[] = {ImVec2(x - side * ui.px(10), H * 0.5f - ui.px(22)),
                            ImVec2(x + side * ui.px(10), H * 0.5f),
                            ImVec2(x - side * ui.px(10), H * 0.5f + ui.px(22))};
        dl()->AddPolyline(chevron, 3, theme::col(ui, C::textOnPrimary, 0.8f), ImDrawFlags_None,
                          ui.px(5));
    }
}

void PhotoViewer::draw(UiContext& ui) {
    if (!open_ || photos_.empty()) return;
    float W = ui.ds.width, H = ui.ds.height;
    float appear = tokens::easeOutCubic(
        static_cast<float>((ui.nowMs - openedMs_) / tokens::motion::transitionMs));
    if (appear < 1) ui.animateUntil(openedMs_ + tokens::motion::transitionMs);
    float saved = ui.fade;
    ui.fade *= appear;

    followGestures(ui, ImVec2(W * 0.5f, H * 0.5f));
    ImVec2 boxMin, boxMax;
    viewerPhotoBox(ui.ds, boxMin, boxMax);
    // The neighbours load ahead at the size they will be shown, so a swipe lands on a ready
    // photo (the texture cache's budget and LRU still decide what stays).
    if (ui.textures)
        for (int d : {-1, 1}) {
            int i = index_ + d;
            if (i >= 0 && i < static_cast<int>(photos_.size()) && !photos_[i]->file.empty())
                request(ui, photos_[i]->file, boxMin, boxMax, true);
        }
    drawPhotos(ui, boxMin, boxMax);
    drawCaption(ui);
    drawControls(ui);
    ui.fade = saved;
}

} // namespace zj::widgets

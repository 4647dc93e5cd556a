#include "ui/screens/attract_screen.hpp"

#include "core/ui_strings.hpp"
#include "platform/texture_cache.hpp"
#include "ui/widgets.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>

namespace zj {

namespace {
namespace C = tokens::color;
ImDrawList* dl() {
    return ImGui::GetWindowDrawList();
}
constexpr double kFadeMs = 1200; // crossfade between two photos
constexpr const char* kBackdrop = "asset:attract/attract-16x9.jpg";
constexpr const char* kBackdropPortrait = "asset:attract/attract-9x16.jpg";
} // namespace

void AttractScreen::onEnter(UiContext& ui, const std::string&) {
    enteredMs_ = ui.nowMs;
}

void AttractScreen::drawBackdrop(UiContext& ui) {
    float W = ui.ds.width, H = ui.ds.height;
    dl()->AddRectFilledMultiColor(ImVec2(0, 0), ImVec2(W, H), theme::col(ui, C::primary),
                                  theme::col(ui, C::primaryDark), theme::col(ui, C::primaryDark),
                                  theme::col(ui, C::primary));
    // Content without attract photos: the kiosk's own backdrop (assets/attract), composed for
    // the orientation, covering the screen.
    if (ui.content->attract.photos.empty() && ui.textures) {
        TextureRef art = ui.textures->get(ui.ds.portrait() ? kBackdropPortrait : kBackdrop);
        if (art.state == TextureRef::State::Ready && art.width > 0 && art.height > 0) {
            float fit = std::max(W / art.width, H / art.height);
            float iw = art.width * fit, ih = art.height * fit;
            ImVec2 o((W - iw) * 0.5f, (H - ih) * 0.5f);
            dl()->AddImage(reinterpret_cast<ImTextureID>(static_cast<intptr_t>(art.glTexture)), o,
                           ImVec2(o.x + iw, o.y + ih));
            return;
        }
    }
    // The river, slowly drifting (one full drift per minute).
    float phase = static_cast<float>(std::fmod((ui.nowMs - enteredMs_) / 60000.0, 1.0)) * 6.2832f;
    for (int i = 0; i < 5; ++i) {
        float y = H * (0.55f + 0.07f * i);
        float amp = H * (0.05f + 0.015f * i) * (0.8f + 0.2f * std::sin(phase + i));
        dl()->AddBezierCubic(
            ImVec2(0, y), ImVec2(W * 0.3f, y - amp), ImVec2(W * 0.65f, y + amp),
            ImVec2(W, y - amp * 0.5f), theme::col(ui, C::surface, 0.06f + 0.02f * i),
            ui.px(ui.style.attract.riverStroke + ui.style.attract.riverStrokeStep * i));
    }
}

void AttractScreen::drawPhoto(UiContext& ui, size_t index, double ageMs, float alpha) {
    const Content& content = *ui.content;
    const Photo* photo = content.photo(content.attract.photos[index]);
    if (!photo || !ui.textures) return;
    TextureRef tex = ui.textures->get(photo->file.empty() ? photo->thumb : photo->file);
    if (tex.state != TextureRef::State::Ready || tex.width <= 0 || tex.height <= 0) return;
    float W = ui.ds.width, H = ui.ds.height;
    // Cover the screen, zoomed 6..12 % and panning slowly: alternate directions per photo.
    float t = static_cast<float>(std::clamp(ageMs / (slideMs_ + kFadeMs), 0.0, 1.0));
    float zoom = 1.06f + 0.06f * t;
    // The photo covers the whole screen in both orientations (the attract photos keep their
    // subject in a centre safe area that survives a 9:16 crop). In portrait the photo is much
    // wider than the screen: the drift stays near its centre.
    bool portrait = ui.ds.portrait();
    float fit = std::max(W / tex.width, H / tex.height);
    float iw = tex.width * fit * zoom, ih = tex.height * fit * zoom;
    float dir = index % 2 ? -1.0f : 1.0f;
    float drift = portrait ? 0.15f : 0.5f;
    float ox = (W - iw) * (0.5f + drift * dir * (t - 0.5f));
    float oy = (H - ih) * 0.5f;
    dl()->AddImage(reinterpret_cast<ImTextureID>(static_cast<intptr_t>(tex.glTexture)),
                   ImVec2(ox, oy), ImVec2(ox + iw, oy + ih), ImVec2(0, 0), ImVec2(1, 1),
                   theme::col(ui, C::surface, alpha));
}

void AttractScreen::draw(UiContext& ui) {
    const Content& content = *ui.content;
    float W = ui.ds.width, H = ui.ds.height;
    drawBackdrop(ui);
    size_t n = content.attract.photos.size();
    if (n > 0) {
        double age = ui.nowMs - enteredMs_;
        size_t index = static_cast<size_t>(age / slideMs_) % n;
        double inSlide = std::fmod(age, slideMs_);
        if (inSlide < kFadeMs && age >= slideMs_) {
            size_t prev = (index + n - 1) % n;
            drawPhoto(ui, prev, inSlide + slideMs_, 1.0f);
            drawPhoto(ui, index, inSlide, static_cast<float>(inSlide / kFadeMs));
        } else {
            drawPhoto(ui, index, inSlide, 1.0f);
        }
        // Warm the next photo's texture before its crossfade.
        if (ui.textures && n > 1) {
            const Photo* next = content.photo(content.attract.photos[(index + 1) % n]);
            if (next) ui.textures->get(next->file.empty() ? next->thumb : next->file);
        }
    }
    // The words sit at the foot of the screen on a scrim that fades in above them and is
    // darkest under them: readable over a bright sky or water (the text-free photos are often
    // light there), without a hard band across the picture.
    bool portrait = ui.ds.portrait();
    float margin = ui.px(portrait ? tokens::space::l : tokens::space::xl);
    float wrap = W - margin * 2;
    const Text& title = content.site.title;
    const Text& touch = content.attract.caption.zh.empty() ? uiText(UiString::AttractTouch)
                                                           : content.attract.caption;
    std::string line = touch.zh + "  ·  " + touch.en;
    float pillPad = ui.px(tokens::space::m);
    ImVec2 ls = theme::textSize(ui, FontRole::H2, line);
    float blockH = theme::textSize(ui, FontRole::H1, title.zh, wrap).y + ui.px(tokens::space::xs) +
                   theme::textSize(ui, FontRole::H2, title.en, wrap).y + ui.px(tokens::space::l) +
                   ls.y + pillPad;
    float textTop = H - ui.px(ui.style.attract.textBottom) - blockH;
    float fadeH = ui.px(ui.style.attract.scrimHeight);
    dl()->AddRectFilledMultiColor(ImVec2(0, textTop - fadeH), ImVec2(W, textTop),
                                  theme::col(ui, C::shadow, 0.0f), theme::col(ui, C::shadow, 0.0f),
                                  theme::col(ui, C::shadow, 0.55f),
                                  theme::col(ui, C::shadow, 0.55f));
    dl()->AddRectFilledMultiColor(
        ImVec2(0, textTop), ImVec2(W, H), theme::col(ui, C::shadow, 0.55f),
        theme::col(ui, C::shadow, 0.55f), theme::col(ui, C::shadow, 0.85f),
        theme::col(ui, C::shadow, 0.85f));
    // The site's title in both languages, then the content's call to action (or ours).
    float y = textTop;
    y += theme::text(ui, FontRole::H1, ImVec2(margin, y), C::textOnPrimary, title.zh, wrap).y;
    y += theme::text(ui, FontRole::H2, ImVec2(margin, y + ui.px(tokens::space::xs)),
                     C::textOnPrimary, title.en, wrap, 0.85f)
             .y +
         ui.px(tokens::space::l);
    // "Touch to explore", breathing gently (the pacing is 10 fps: a slow pulse looks fine).
    float pulse = 0.75f + 0.25f * static_cast<float>(std::sin((ui.nowMs - enteredMs_) / 700.0));
    ImVec2 pmin(margin, y), pmax(margin + ls.x + pillPad * 2, y + ls.y + pillPad);
    dl()->AddRectFilled(pmin, pmax, theme::col(ui, C::gold, 0.9f * pulse),
                        (pmax.y - pmin.y) * 0.5f);
    theme::text(ui, FontRole::H2, ImVec2(pmin.x + pillPad, pmin.y + pillPad * 0.5f), C::text, line);
}

} // namespace zj

// [SECTION] Text
// [SECTION] Photos
// [SECTION] Kinetic scrolling
// [SECTION] Video
// [SECTION] QR and figures
#include "ui/widgets_media.hpp"

#include "core/session/usage_events.hpp"
#include "core/text_wrap.hpp"
#include "core/ui_strings.hpp"
#include "platform/qr.hpp"
#include "platform/texture_cache.hpp"
#include "platform/video_player.hpp"
#include "ui/widgets.hpp"
#include "ui/widgets_internal.hpp"

#include <cmath>
#include <cstdio>

namespace zj::widgets {

namespace {
namespace C = tokens::color;
using namespace detail;
} // namespace

// [SECTION] Text

std::string wrapText(const UiContext& ui, FontRole role, const std::string& s, float wrapPx) {
    if (wrapPx <= 0) return s;
    ImFont* f = ui.fonts->get(role);
    return text::wrap(s, wrapPx, [f](std::string_view t) {
        return f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, t.data(), t.data() + t.size()).x;
    });
}

ImVec2 para(const UiContext& ui, FontRole role, ImVec2 pos, uint32_t rgb, const std::string& s,
            float wrapPx, float alpha) {
    if (wrapPx <= 0) return theme::text(ui, role, pos, rgb, s, 0, alpha);
    ui.hits->noteText(s); // the unbroken text, for `expect visible`
    return theme::text(ui, role, pos, rgb, wrapText(ui, role, s, wrapPx), 0, alpha);
}

ImVec2 paraFit(const UiContext& ui, FontRole role, ImVec2 pos, uint32_t rgb, const std::string& s,
               float wrapPx, float maxHeightPx, float alpha) {
    std::string wrapped = wrapText(ui, role, s, wrapPx);
    float lineH = ui.fonts->get(role)->FontSize;
    int fit = std::max(0, static_cast<int>((maxHeightPx + 0.5f) / lineH));
    ui.hits->noteText(s); // the whole text, for `expect visible`
    bool cut = false;
    std::vector<std::string> lines = text::fitLines(
        wrapped, fit, wrapPx,
        [&](std::string_view t) { return theme::textSize(ui, role, std::string(t)).x; }, &cut);
    if (!cut) return theme::text(ui, role, pos, rgb, wrapped, 0, alpha);
    if (lines.empty()) return ImVec2(0, 0);
    std::string out;
    for (size_t i = 0; i < lines.size(); ++i) out += (i ? "\n" : "") + lines[i];
    return theme::text(ui, role, pos, rgb, out, 0, alpha);
}

ImVec2 paraSize(const UiContext& ui, FontRole role, const std::string& s, float wrapPx) {
    return theme::textSize(ui, role, wrapPx > 0 ? wrapText(ui, role, s, wrapPx) : s);
}

// [SECTION] Photos

void loadingTile(UiContext& ui, ImVec2 min, ImVec2 max, float r) {
    dl()->AddRectFilled(min, max, theme::col(ui, C::surfaceMuted), r);
    // A soft light band sweeping across: "coming", without a spinner.
    float w = max.x - min.x;
    float phase = static_cast<float>(std::fmod(ui.nowMs / 1200.0, 1.0));
    float cx = min.x - w * 0.3f + phase * w * 1.6f;
    float band = std::max(w * 0.25f, ui.px(60));
    dl()->PushClipRect(min, max, true);
    ImU32 clear = theme::col(ui, C::surface, 0.0f), light = theme::col(ui, C::surface, 0.55f);
    dl()->AddRectFilledMultiColor(ImVec2(cx - band, min.y), ImVec2(cx, max.y), clear, light, light,
                                  clear);
    dl()->AddRectFilledMultiColor(ImVec2(cx, min.y), ImVec2(cx + band, max.y), light, clear, clear,
                                  light);
    dl()->PopClipRect();
    ui.animateUntil(ui.nowMs + kFrameKeepAliveMs);
}

void brokenTile(UiContext& ui, ImVec2 min, ImVec2 max, float r) {
    // Wholly outside what is visible (a neighbouring page of a swiped viewer): nothing to draw,
    // and no text placed where nobody can read it.
    ImVec2 clipMin = dl()->GetClipRectMin(), clipMax = dl()->GetClipRectMax();
    if (max.x <= clipMin.x || min.x >= clipMax.x || max.y <= clipMin.y || min.y >= clipMax.y)
        return;
    dl()->AddRectFilled(min, max, theme::col(ui, C::surfaceMuted), r);
    dl()->AddRect(min, max, theme::col(ui, C::textSecondary, 0.35f), r, 0, ui.px(2));
    ImVec2 c((min.x + max.x) * 0.5f, (min.y + max.y) * 0.5f);
    float s = std::min({(max.x - min.x) * 0.22f, (max.y - min.y) * 0.3f, ui.px(80)});
    ImU32 ink = theme::col(ui, C::textSecondary);
    float th = std::max(ui.px(3), 1.5f);
    // A picture frame with a mountain, broken by a zig-zag crack.
    ImVec2 a(c.x - s, c.y - s * 0.75f - s * 0.3f), b(c.x + s, c.y + s * 0.75f - s * 0.3f);
    dl()->AddRect(a, b, ink, s * 0.12f, 0, th);
    ImVec2 hill[] = {
        ImVec2(a.x + s * 0.2f, b.y - s * 0.2f), ImVec2(c.x - s * 0.25f, c.y - s * 0.3f),
        ImVec2(c.x + s * 0.15f, b.y - s * 0.55f), ImVec2(b.x - s * 0.2f, b.y - s * 0.2f)};
    dl()->AddPolyline(hill, 4, ink, ImDrawFlags_None, th);
    ImVec2 crack[] = {
        ImVec2(c.x + s * 0.1f, a.y - s * 0.1f), ImVec2(c.x - s * 0.15f, c.y - s * 0.55f),
        ImVec2(c.x + s * 0.2f, c.y - s * 0.2f), ImVec2(c.x - s * 0.05f, b.y + s * 0.1f)};
    dl()->AddPolyline(crack, 4, theme::col(ui, C::national), ImDrawFlags_None, th);
    const std::string& msg = ui.tr(uiText(UiString::MediaImageBroken));
    ImVec2 ts = theme::textSize(ui, FontRole::Caption, msg);
    if (ts.x < max.x - min.x - ui.px(8) && b.y + ui.px(12) + ts.y < max.y)
        theme::text(ui, FontRole::Caption, ImVec2(c.x - ts.x * 0.5f, b.y + ui.px(12)),
                    C::textSecondary, msg);
    else
        ui.hits->noteText(msg);
}

bool image(UiContext& ui, const std::string& name, ImVec2 min, ImVec2 max, float radiusDesign,
           bool contain, float anchorY) {
    float r = ui.px(radiusDesign);
    if (!ui.textures || name.empty()) {
        brokenTile(ui, min, max, r);
        return false;
    }
    TextureRef t = request(ui, name, min, max, contain);
    if (t.state == TextureRef::State::Loading) {
        loadingTile(ui, min, max, r);
        return false;
    }
    if (t.state == TextureRef::State::Broken || t.width <= 0 || t.height <= 0) {
        brokenTile(ui, min, max, r);
        return false;
    }
    float w = max.x - min.x, h = max.y - min.y;
    float ia = static_cast<float>(t.width) / t.height, ra = w / std::max(1.0f, h);
    ImVec2 uv0(0, 0), uv1(1, 1);
    if (contain) {
        // Letterbox: the whole image, centred, at its aspect.
        ImVec2 size = ia > ra ? ImVec2(w, w / ia) : ImVec2(h * ia, h);
        min = ImVec2(min.x + (w - size.x) * 0.5f, min.y + (h - size.y) * 0.5f);
        max = min + size;
    } else if (ia > ra) {
        float u = ra / ia; // crop the sides: fill, never stretch
        uv0.x = (1 - u) * 0.5f;
        uv1.x = 1 - uv0.x;
    } else {
        float v = ia / ra; // crop top and bottom
        uv0.y = (1 - v) * std::clamp(anchorY, 0.0f, 1.0f);
        uv1.y = uv0.y + v;
    }
    dl()->AddImageRounded(texId(t.glTexture), min, max, uv0, uv1, theme::col(ui, C::surface), r);
    return true;
}

void photo(UiContext& ui, const Photo& p, PhotoSize size, ImVec2 min, ImVec2 max,
           float radiusDesign, float anchorY) {
    if (size == PhotoSize::Thumb || p.file.empty()) {
        image(ui, p.thumb.empty() ? p.file : p.thumb, min, max, radiusDesign, false, anchorY);
        return;
    }
    // Display size: the thumbnail holds the place until the large image is on the GPU.
    if (ui.textures && request(ui, p.file, min, max, false).state == TextureRef::State::Loading &&
        !p.thumb.empty() &&
        request(ui, p.thumb, min, max, false).state == TextureRef::State::Ready) {
        image(ui, p.thumb, min, max, radiusDesign, false, anchorY);
        return;
    }
    image(ui, p.file, min, max, radiusDesign, false, anchorY);
}

bool clippedTouch(UiContext& ui, const char* id, const Text& label, ImVec2 min, ImVec2 max,
                  ImVec2 clipMin, ImVec2 clipMax, bool* pressed) {
    // Also within the draw list's current clip (a scrolled page under a fixed header).
    ImVec2 dlMin = dl()->GetClipRectMin(), dlMax = dl()->GetClipRectMax();
    ImVec2 a(std::max({min.x, clipMin.x, dlMin.x}), std::max({min.y, clipMin.y, dlMin.y}));
    ImVec2 b(std::min({max.x, clipMax.x, dlMax.x}), std::min({max.y, clipMax.y, dlMax.y}));
    if (pressed) *pressed = false;
    if (b.x - a.x < ui.px(24) || b.y - a.y < ui.px(24)) return false; // a sliver: not a target
    bool clicked = touchArea(ui, id, label, a, b, pressed);
    // The lint measures the whole target: a list's edge may cut it, its size is what it is.
    ui.hits->setLastFullSize({max.x - min.x, max.y - min.y});
    return clicked;
}

// [SECTION] Kinetic scrolling

float KineticArea::begin(UiContext& ui, ImVec2 min, ImVec2 max, float contentLength, bool input) {
    min_ = min;
    max_ = max;
    if (ui.ds.scale != scale_) { // thresholds in the display's pixels (1080p design units)
        scale_ = ui.ds.scale;
        k_.setSettings(KineticSettings{}.scaled(scale_));
    }
    float view = horizontal_ ? max.x - min.x : max.y - min.y;
    k_.setExtent(contentLength, view);
    auto along = [&](Vec2 v) { return horizontal_ ? v.x : v.y; };
    if (input && ui.gestures) {
        for (const Gesture& g : *ui.gestures) {
            switch (g.kind) {
                case Gesture::Kind::DragBegin:
                    // Only a drag that starts here and mostly along our axis is ours.
                    if (inRect(g.start, min, max)) {
                        Vec2 d = g.pos - g.start;
                        float a = std::fabs(horizontal_ ? d.x : d.y);
                        float b = std::fabs(horizontal_ ? d.y : d.x);
                        if (a >= b * 0.8f && k_.maxOffset() > 0) {
                            captured_ = true;
                            k_.dragBegin(ui.nowMs);
                        }
                    }
                    break;
                case Gesture::Kind::DragMove:
                    if (captured_) k_.dragBy(along(g.delta));
                    break;
                case Gesture::Kind::DragEnd:
                    if (captured_) k_.release(along(g.velocity), ui.nowMs);
                    captured_ = false;
                    break;
                case Gesture::Kind::PinchBegin:
                    if (captured_) k_.release(0, ui.nowMs);
                    captured_ = false;
                    break;
                default:
                    break;
            }
        }
    } else if (captured_) {
        k_.release(0, ui.nowMs);
        captured_ = false;
    }
    k_.update(ui.nowMs);
    if (k_.animating()) ui.animateUntil(ui.nowMs + kFrameKeepAliveMs);
    dl()->PushClipRect(min, max, true);
    ui.hits->pushScroll(horizontal_ ? ScrollAxis::Horizontal : ScrollAxis::Vertical,
                        {min.x, min.y, max.x - min.x, max.y - min.y});
    return k_.offset();
}

void KineticArea::end(UiContext& ui) {
    ui.hits->popScroll();
    dl()->PopClipRect();
    float view = horizontal_ ? max_.x - min_.x : max_.y - min_.y;
    float total = view + k_.maxOffset();
    if (k_.maxOffset() <= 0) return;
    // Fade masks: an edge with more content beyond it dissolves into the background. Paged
    // areas (the gallery) rest on whole pages and show their position with dots instead.
    if (k_.pageSize() <= 0) {
        float fade = std::min(ui.px(56), view * 0.2f);
        ImU32 clear = theme::col(ui, edgeColor, 0.0f);
        float before = std::clamp(k_.offset() / fade, 0.0f, 1.0f);
        float after = std::clamp((k_.maxOffset() - k_.offset()) / fade, 0.0f, 1.0f);
        ImU32 solidBefore = theme::col(ui, edgeColor, before);
        ImU32 solidAfter = theme::col(ui, edgeColor, after);
        if (horizontal_) {
            if (before > 0)
                dl()->AddRectFilledMultiColor(min_, ImVec2(min_.x + fade, max_.y), solidBefore,
                                              clear, clear, solidBefore);
            if (after > 0)
                dl()->AddRectFilledMultiColor(ImVec2(max_.x - fade, min_.y), max_, clear,
                                              solidAfter, solidAfter, clear);
        } else {
            if (before > 0)
                dl()->AddRectFilledMultiColor(min_, ImVec2(max_.x, min_.y + fade), solidBefore,
                                              solidBefore, clear, clear);
            if (after > 0)
                dl()->AddRectFilledMultiColor(ImVec2(min_.x, max_.y - fade), max_, clear, clear,
                                              solidAfter, solidAfter);
        }
    }
    // A thin scroll indicator while there is more to see.
    if (horizontal_) return;
    float len = std::max(ui.px(48), view * view / total);
    float pos = min_.y + (view - len) * std::clamp(k_.offset() / k_.maxOffset(), 0.0f, 1.0f);
    float x = max_.x - ui.px(6);
    dl()->AddLine(ImVec2(x, pos), ImVec2(x, pos + len), theme::col(ui, C::textSecondary, 0.35f),
                  ui.px(5));
}

// [SECTION] Video

namespace {
std::string clockText(double s) {
    int t = static_cast<int>(std::max(0.0, s));
    char buf[16];
    std::snprintf(buf, sizeof buf, "%d:%02d", t / 60, t % 60);
    return buf;
}

// A clear message where the picture would be; the rest of the screen keeps working.
void videoFailedMessage(UiContext& ui, ImVec2 min, ImVec2 max, ImVec2 vidMax, float pad) {
    ImVec2 c = (min + vidMax) * 0.5f;
    const std::string& msg = ui.tr(uiText(UiString::VideoFailed));
    ImVec2 ms = theme::textSize(ui, FontRole::H2, msg);
    theme::text(ui, FontRole::H2, ImVec2(c.x - ms.x * 0.5f, c.y - ms.y), C::textOnPrimary, msg);
    const std::string& hint = ui.tr(uiText(UiString::VideoFailedHint));
    ImVec2 hs = paraSize(ui, FontRole::Body, hint, max.x - min.x - pad * 2);
    para(ui, FontRole::Body, ImVec2(c.x - hs.x * 0.5f, c.y + ui.px(12)), C::textOnPrimary, hint,
         max.x - min.x - pad * 2, 0.7f);
}

// The frame (or a loading tile), and until the visitor starts it, a poster photo (the film
// opens on black).
void videoPicture(UiContext& ui, VideoPlayer& player, const std::string& poster, ImVec2 min,
                  ImVec2 vidMax, float r) {
    if (player.hasFrame() && player.texture()) {
        float w = vidMax.x - min.x, h = vidMax.y - min.y;
        float va = static_cast<float>(player.width()) / std::max(1, player.height());
        ImVec2 size = va > w / h ? ImVec2(w, w / va) : ImVec2(h * va, h);
        ImVec2 a(min.x + (w - size.x) * 0.5f, min.y + (h - size.y) * 0.5f);
        dl()->AddImageRounded(texId(player.texture()), a, a + size, ImVec2(0, 0), ImVec2(1, 1),
                              theme::col(ui, C::surface), a.y <= min.y + 1 ? r : 0,
                              ImDrawFlags_RoundCornersTop);
    } else {
        loadingTile(ui, min, vidMax, r);
        theme::textCentered(ui, FontRole::Body, min, vidMax, C::textSecondary,
                            ui.tr(uiText(UiString::VideoLoading)));
    }
    if (!player.playing() && player.position() < 0.5 && !poster.empty()) {
        ImVec2 pmin = min;
        ImVec2 pmax = vidMax;
        image(ui, poster, pmin, pmax, tokens::radius::card);
        dl()->AddRectFilled(ImVec2(pmin.x, pmax.y - ui.px(24)), pmax, theme::col(ui, 0x0A0F1A));
    }
}

void toggleVideo(UiContext& ui, VideoPlayer& player, bool wasPlaying) {
    if (!wasPlaying) ui.noteUsage(event::VideoPlay, "promo");
    player.togglePause();
}

void playPauseIcon(ImVec2 pc, float is, bool playing, ImU32 white) {
    if (playing) {
        dl()->AddRectFilled(ImVec2(pc.x - is * 0.8f, pc.y - is),
                            ImVec2(pc.x - is * 0.25f, pc.y + is), white);
        dl()->AddRectFilled(ImVec2(pc.x + is * 0.25f, pc.y - is),
                            ImVec2(pc.x + is * 0.8f, pc.y + is), white);
    } else {
        dl()->AddTriangleFilled(ImVec2(pc.x - is * 0.7f, pc.y - is),
                                ImVec2(pc.x - is * 0.7f, pc.y + is), ImVec2(pc.x + is, pc.y),
                                white);
    }
}

// Scrubber: a tap or a drag along it seeks.
void videoScrubber(UiContext& ui, VideoPlayer& player, ImVec2 smin, ImVec2 smax) {
    float cy = (smin.y + smax.y) * 0.5f;
    double frac = player.duration() > 0 ? player.position() / player.duration() : 0;
    dl()->AddRectFilled(ImVec2(smin.x, cy - ui.px(4)), ImVec2(smax.x, cy + ui.px(4)),
                        theme::col(ui, C::surface, 0.3f), ui.px(4));
    float fx = smin.x + (smax.x - smin.x) * static_cast<float>(std::clamp(frac, 0.0, 1.0));
    dl()->AddRectFilled(ImVec2(smin.x, cy - ui.px(4)), ImVec2(fx, cy + ui.px(4)),
                        theme::col(ui, C::gold), ui.px(4));
    dl()->AddCircleFilled(ImVec2(fx, cy), ui.px(14), theme::col(ui, C::gold));
    ui.hits->add("video-scrubber", uiText(UiString::VideoScrubber),
                 {smin.x, smin.y, smax.x - smin.x, smax.y - smin.y});
    for (const Gesture& g : *ui.gestures) {
        bool seek = (g.kind == Gesture::Kind::Tap || g.kind == Gesture::Kind::DragMove ||
                     g.kind == Gesture::Kind::DragEnd) &&
                    inRect(g.kind == Gesture::Kind::Tap ? g.pos : g.pos, smin, smax);
        if (seek && smax.x > smin.x) player.seekFraction((g.pos.x - smin.x) / (smax.x - smin.x));
    }
}

void videoMute(UiContext& ui, VideoPlayer& player, ImVec2 mmin, ImVec2 mmax, float is,
               ImU32 white) {
    bool muted = player.muted();
    if (clippedTouch(ui, "video-mute", uiText(muted ? UiString::VideoUnmute : UiString::VideoMute),
                     mmin, mmax, mmin, mmax))
        player.setMuted(!muted);
    ImVec2 mc = (mmin + mmax) * 0.5f;
    ImVec2 spk[] = {
        ImVec2(mc.x - is, mc.y - is * 0.4f),        ImVec2(mc.x - is * 0.4f, mc.y - is * 0.4f),
        ImVec2(mc.x + is * 0.2f, mc.y - is),        ImVec2(mc.x + is * 0.2f, mc.y + is),
        ImVec2(mc.x - is * 0.4f, mc.y + is * 0.4f), ImVec2(mc.x - is, mc.y + is * 0.4f)};
    dl()->AddConvexPolyFilled(spk, 6, white);
    if (muted) {
        dl()->AddLine(ImVec2(mc.x + is * 0.5f, mc.y - is * 0.5f),
                      ImVec2(mc.x + is * 1.2f, mc.y + is * 0.5f), white, ui.px(4));
        dl()->AddLine(ImVec2(mc.x + is * 0.5f, mc.y + is * 0.5f),
                      ImVec2(mc.x + is * 1.2f, mc.y - is * 0.5f), white, ui.px(4));
    } else {
        dl()->PathArcTo(ImVec2(mc.x + is * 0.2f, mc.y), is * 0.8f, -0.9f, 0.9f, 12);
        dl()->PathStroke(white, 0, ui.px(4));
    }
}

// Control bar: play/pause, time, scrubber, mute.
void videoControlBar(UiContext& ui, VideoPlayer& player, ImVec2 bmin, ImVec2 bmax, float barH,
                     float pad, bool playing, const Text& toggleLabel) {
    ImU32 white = theme::col(ui, C::textOnPrimary);
    float x = bmin.x + pad * 0.5f;
    ImVec2 pmin(x, bmin.y), pmax(x + barH, bmax.y);
    if (clippedTouch(ui, "video-toggle", toggleLabel, pmin, pmax, pmin, pmax))
        toggleVideo(ui, player, playing);
    float is = barH * 0.2f;
    playPauseIcon((pmin + pmax) * 0.5f, is, playing, white);
    ui.hits->noteText(
        ui.tr(playing ? uiText(UiString::VideoStatePlaying) : uiText(UiString::VideoStatePaused)));
    x = pmax.x + pad * 0.25f;
    std::string time = clockText(player.position()) + " / " + clockText(player.duration());
    ImVec2 ts = theme::textSize(ui, FontRole::Caption, time);
    theme::text(ui, FontRole::Caption, ImVec2(x, (bmin.y + bmax.y - ts.y) * 0.5f), C::textOnPrimary,
                time);
    x += ts.x + pad;
    ImVec2 mmax(bmax.x - pad * 0.5f, bmax.y), mmin(mmax.x - barH, bmin.y);
    videoScrubber(ui, player, ImVec2(x, bmin.y), ImVec2(mmin.x - pad, bmax.y));
    videoMute(ui, player, mmin, mmax, is, white);
}
} // namespace

bool videoView(UiContext& ui, VideoPlayer& player, const std::string& poster, ImVec2 min,
               ImVec2 max) {
    float r = ui.px(tokens::radius::card);
    dl()->AddRectFilled(min, max, theme::col(ui, 0x0A0F1A), r);
    float barH = ui.px(tokens::space::touchMin);
    ImVec2 vidMax(max.x, max.y - barH);
    player.setSubtitleLanguageZh(ui.lang == Lang::Zh);
    ImVec2 clipMin = dl()->GetClipRectMin(), clipMax = dl()->GetClipRectMax();
    bool visible = max.x > clipMin.x && min.x < clipMax.x && max.y > clipMin.y && min.y < clipMax.y;
    player.setOnScreen(visible);
    if (!visible) return false;
    player.renderIfNeeded();
    float pad = ui.px(tokens::space::m);

    if (player.failed() || !player.opened()) {
        videoFailedMessage(ui, min, max, vidMax, pad);
        return true;
    }
    videoPicture(ui, player, poster, min, vidMax, r);
    // Tapping the picture toggles play/pause too (the biggest target there is).
    bool playing = player.playing();
    const Text& toggleLabel = uiText(playing ? UiString::VideoPause : UiString::VideoPlay);
    if (clippedTouch(ui, "video-picture", toggleLabel, min, vidMax, min, vidMax))
        toggleVideo(ui, player, playing);
    if (!playing) {
        ImVec2 c = (min + vidMax) * 0.5f;
        float s = ui.px(64);
        dl()->AddCircleFilled(c, s, theme::col(ui, C::shadow, 0.55f), 48);
        dl()->AddTriangleFilled(ImVec2(c.x - s * 0.3f, c.y - s * 0.45f),
                                ImVec2(c.x - s * 0.3f, c.y + s * 0.45f),
                                ImVec2(c.x + s * 0.5f, c.y), theme::col(ui, C::textOnPrimary));
    }
    videoControlBar(ui, player, ImVec2(min.x, vidMax.y), max, barH, pad, playing, toggleLabel);
    return true;
}

// [SECTION] QR and figures

ImVec2 qrCard(UiContext& ui, const std::string& text, const Text& caption, ImVec2 tl, float codePx,
              const std::string& usageItem) {
    QrTexture q = ui.qr ? ui.qr->get(text) : QrTexture{};
    float pad = ui.px(tokens::space::m);
    // Whole pixels per module keep every module the same size (a cleaner scan).
    float code = codePx;
    if (q.modules > 0) code = std::floor(codePx / q.modules) * q.modules;
    const std::string& zh = caption.zh;
    const std::string& en = caption.en;
    ImVec2 zs = theme::textSize(ui, FontRole::BodyBold, zh, code);
    ImVec2 es = theme::textSize(ui, FontRole::Caption, en, code);
    ImVec2 size(code + pad * 2, code + pad * 2 + zs.y + es.y + ui.px(8));
    theme::card(ui, tl, tl + size, C::surface, tokens::radius::card, 8);
    ImVec2 cmin(tl.x + pad, tl.y + pad);
    if (q.glTexture)
        dl()->AddImage(texId(q.glTexture), cmin, cmin + ImVec2(code, code), ImVec2(0, 0),
                       ImVec2(1, 1), theme::col(ui, C::surface));
    else
        brokenTile(ui, cmin, cmin + ImVec2(code, code), ui.px(8));
    float y = cmin.y + code + ui.px(8);
    theme::text(ui, FontRole::BodyBold, ImVec2(tl.x + (size.x - zs.x) * 0.5f, y), C::text, zh,
                code);
    theme::text(ui, FontRole::Caption, ImVec2(tl.x + (size.x - es.x) * 0.5f, y + zs.y),
                C::textSecondary, en, code);
    ui.hits->noteText("qr:" + text);
    ui.noteUsage(event::QrShown, usageItem);
    return size;
}

std::string formatNumber(double value) {
    char buf[32];
    bool whole = std::fabs(value - std::round(value)) < 1e-6;
    std::snprintf(buf, sizeof buf, whole ? "%.0f" : "%.1f", value);
    return buf;
}

std::string countUp(UiContext& ui, double value, double startMs) {
    float t = static_cast<float>((ui.nowMs - startMs) / tokens::motion::countUpMs);
    if (t >= 1) return formatNumber(value);
    ui.animateUntil(startMs + tokens::motion::countUpMs);
    double shown = value * tokens::easeOutCubic(std::max(0.0f, t));
    char buf[32];
    bool whole = std::fabs(value - std::round(value)) < 1e-6;
    std::snprintf(buf, sizeof buf, whole ? "%.0f" : "%.1f", shown);
    return buf;
}

} // namespace zj::widgets

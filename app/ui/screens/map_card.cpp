// [SECTION] Card sections
// [SECTION] Card frame
// [SECTION] Card body
// [SECTION] Photos
#include "core/session/usage_events.hpp"
#include "core/ui_strings.hpp"
#include "platform/qr.hpp"
#include "platform/texture_cache.hpp"
#include "ui/screens/map_screen.hpp"
#include "ui/widgets.hpp"
#include "ui/widgets_media.hpp"

#include <algorithm>
#include <cstdint>
#include <cstdio>

namespace zj {

namespace {
namespace C = tokens::color;
namespace M = tokens::map;
ImDrawList* dl() {
    return ImGui::GetWindowDrawList();
}

uint32_t levelColor(ParkLevel level) {
    return level == ParkLevel::National     ? C::national
           : level == ParkLevel::Provincial ? C::provincial
                                            : M::special;
}
const Text& levelText(ParkLevel level) {
    return uiText(level == ParkLevel::National     ? UiString::MapLevelNational
                  : level == ParkLevel::Provincial ? UiString::MapLevelProvincial
                                                   : UiString::MapLevelSpecial);
}

// A small pill tag (the 示例 style, with any text).
float tag(const UiContext& ui, ImVec2 pos, const std::string& s, uint32_t fill, uint32_t ink,
          float fillAlpha) {
    const TagStyle& st = ui.style.tag;
    ImVec2 ts = theme::textSize(ui, FontRole::Caption, s);
    ImVec2 pad(ui.px(st.padX), ui.px(st.padY));
    dl()->AddRectFilled(pos, pos + ts + pad * 2, theme::col(ui, fill, fillAlpha),
                        ui.px(st.rounding));
    theme::text(ui, FontRole::Caption, pos + pad, ink, s);
    return ts.x + pad.x * 2;
}

float sectionHeader(const UiContext& ui, ImVec2 pos, const Text& title) {
    const MapCardStyle& st = ui.style.mapCard;
    const std::string& t = ui.tr(title);
    ImVec2 ts = theme::textSize(ui, FontRole::BodyBold, t);
    dl()->AddRectFilled(
        ImVec2(pos.x, pos.y + ui.px(st.headerBarTop)),
        ImVec2(pos.x + ui.px(st.headerBar), pos.y + ts.y - ui.px(st.headerBarBottom)),
        theme::col(ui, C::gold), ui.px(st.headerBarRounding));
    theme::text(ui, FontRole::BodyBold, ImVec2(pos.x + ui.px(st.headerIndent), pos.y), C::primary,
                t);
    return ts.y + ui.px(tokens::space::s);
}

std::string number(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.10g", v);
    return buf;
}

// [SECTION] Card sections

// Key figures in two columns: the number large and gold, its unit beside it, the label under.
// Returns the y below it.
float cardFigures(UiContext& ui, const Park& park, ImVec2 o, float y, float w) {
    const MapCardStyle& st = ui.style.mapCard;
    float s = ui.px(tokens::space::s), m = ui.px(tokens::space::m);
    y += sectionHeader(ui, ImVec2(o.x, y), uiText(UiString::CardFigures));
    float colW = (w - s) * 0.5f;
    float rowTop = y, rowH = 0;
    for (size_t i = 0; i < park.figures.size(); ++i) {
        const ParkFigure& f = park.figures[i];
        float cx = o.x + (i % 2) * (colW + s);
        if (i % 2 == 0 && i > 0) rowTop += rowH + s, rowH = 0;
        float fy = rowTop;
        ImVec2 vs = theme::text(ui, FontRole::H1, ImVec2(cx, fy), C::gold, number(f.value));
        const std::string& unit = ui.tr(f.unit);
        ImVec2 us = theme::textSize(ui, FontRole::Body, unit);
        float unitGap = ui.px(st.figureUnitGap);
        theme::text(ui, FontRole::Body, ImVec2(cx + vs.x + unitGap, fy + vs.y - us.y - unitGap),
                    C::textSecondary, unit);
        fy += vs.y;
        fy += theme::text(ui, FontRole::Caption, ImVec2(cx, fy), C::textSecondary, ui.tr(f.label),
                          colW)
                  .y;
        if (f.sample) {
            widgets::sampleTag(ui, ImVec2(cx, fy + ui.px(st.figureTagGap)));
            fy += theme::textSize(ui, FontRole::Caption, "A").y + ui.px(st.figureTagRow);
        }
        rowH = std::max(rowH, fy - rowTop);
    }
    return rowTop + rowH + m;
}

// The leading industries as chips in their hues, wrapping to new rows. Returns the y below it.
float cardIndustries(UiContext& ui, const Content& content, const Park& park, ImVec2 o, float y,
                     float w) {
    const MapCardStyle& st = ui.style.mapCard;
    float m = ui.px(tokens::space::m);
    y += sectionHeader(ui, ImVec2(o.x, y), uiText(UiString::CardIndustries));
    float x = o.x, chipH = ui.px(st.chipHeight), dotR = ui.px(st.chipDot);
    float padX = ui.px(st.chipPadX), gap = ui.px(st.chipGap);
    for (const std::string& id : park.industries) {
        const Industry* ind = content.industry(id);
        if (!ind) continue;
        const std::string& name = ui.tr(ind->name);
        ImVec2 ts = theme::textSize(ui, FontRole::Body, name);
        float cw = padX * 2 + dotR * 2 + gap + ts.x;
        if (x > o.x && x + cw > o.x + w) x = o.x, y += chipH + gap;
        ImVec2 cmin(x, y), cmax(x + cw, y + chipH);
        dl()->AddRectFilled(cmin, cmax, theme::col(ui, ind->color, 0.16f), chipH * 0.5f);
        dl()->AddCircleFilled(ImVec2(x + padX + dotR, y + chipH * 0.5f), dotR,
                              theme::col(ui, ind->color), 16);
        theme::text(ui, FontRole::Body,
                    ImVec2(x + padX + dotR * 2 + gap, y + (chipH - ts.y) * 0.5f), C::text, name);
        x += cw + gap;
    }
    return y + chipH + m;
}

// Rankings: a "No. n" badge where the rank is a number, else a bullet. Returns the y below it.
float cardRankings(UiContext& ui, const Park& park, ImVec2 o, float y, float w) {
    const MapCardStyle& st = ui.style.mapCard;
    float m = ui.px(tokens::space::m);
    y += sectionHeader(ui, ImVec2(o.x, y), uiText(UiString::CardRankings));
    for (const Ranking& r : park.rankings) {
        float indent = 0;
        if (r.rank > 0) {
            std::string badge = "No." + std::to_string(r.rank);
            ImVec2 bs = theme::textSize(ui, FontRole::BodyBold, badge);
            float bx = ui.px(st.badgePadX);
            dl()->AddRectFilled(ImVec2(o.x, y), ImVec2(o.x + bs.x + bx * 2, y + bs.y),
                                theme::col(ui, C::gold, 0.2f), ui.px(st.badgeRounding));
            theme::text(ui, FontRole::BodyBold, ImVec2(o.x + bx, y), C::sampleTag, badge);
            indent = bs.x + ui.px(st.badgeIndent);
        } else {
            dl()->AddCircleFilled(ImVec2(o.x + ui.px(st.bulletX), y + ui.px(st.bulletY)),
                                  ui.px(st.bulletRadius), theme::col(ui, C::gold), 12);
            indent = ui.px(st.bulletIndent);
        }
        y += theme::text(ui, FontRole::Body, ImVec2(o.x + indent, y), C::text, ui.tr(r.text),
                         w - indent)
                 .y +
             ui.px(st.rowGap);
    }
    return y + m - ui.px(st.rowGap);
}

// Honours, one bulleted line each. Returns the y below it.
float cardHonours(UiContext& ui, const Park& park, ImVec2 o, float y, float w) {
    const MapCardStyle& st = ui.style.mapCard;
    float m = ui.px(tokens::space::m);
    y += sectionHeader(ui, ImVec2(o.x, y), uiText(UiString::CardHonours));
    for (const Text& h : park.honours) {
        float indent = ui.px(st.bulletIndent);
        dl()->AddCircleFilled(ImVec2(o.x + ui.px(st.bulletX), y + ui.px(st.bulletY)),
                              ui.px(st.bulletRadius), theme::col(ui, C::primary), 12);
        y += theme::text(ui, FontRole::Body, ImVec2(o.x + indent, y), C::text, ui.tr(h), w - indent)
                 .y +
             ui.px(st.rowGap);
    }
    return y + m - ui.px(st.rowGap);
}

// The park's page as a QR code with a short label beside it. Returns the y below it.
float cardQr(UiContext& ui, const Park& park, ImVec2 o, float y, float w) {
    const MapCardStyle& st = ui.style.mapCard;
    float s = ui.px(tokens::space::s), m = ui.px(tokens::space::m);
    QrTexture qr = ui.qr ? ui.qr->get(park.url) : QrTexture{};
    ui.noteUsage(event::QrShown, "park:" + park.id);
    float q = ui.px(M::qrSize);
    if (qr.glTexture != 0) {
        dl()->AddRectFilled(ImVec2(o.x, y), ImVec2(o.x + q, y + q), theme::col(ui, C::surface));
        dl()->AddImage(reinterpret_cast<ImTextureID>(static_cast<intptr_t>(qr.glTexture)),
                       ImVec2(o.x, y), ImVec2(o.x + q, y + q), ImVec2(0, 0), ImVec2(1, 1),
                       theme::col(ui, 0xFFFFFF));
        dl()->AddRect(ImVec2(o.x, y), ImVec2(o.x + q, y + q), theme::col(ui, C::surfaceMuted),
                      ui.px(st.qrRounding), 0, ui.px(ui.style.stroke.thin));
    }
    float qx = o.x + q + m;
    float qy = y + s;
    qy += theme::text(ui, FontRole::BodyBold, ImVec2(qx, qy), C::text,
                      ui.tr(uiText(UiString::CardScanQr)), o.x + w - qx)
              .y +
          ui.px(st.qrTextGap);
    // A short label, not the raw address: visitors scan, they do not type.
    theme::text(ui, FontRole::Caption, ImVec2(qx, qy), C::textSecondary,
                ui.tr(uiText(UiString::CardQrWebsite)), o.x + w - qx);
    ui.hits->noteText("qr:" + park.url);
    return y + q;
}

} // namespace

// [SECTION] Card frame

void MapScreen::drawCard(UiContext& ui, const Layout& L) {
    const Park& park = content_->parks[cardPark_];
    Rect r = L.cardNow;
    const MapCardStyle& st = ui.style.mapCard;
    float band = ui.px(st.band);
    ImVec2 min(r.x, r.y), max(r.x + r.w, r.y + r.h);
    float radius = ui.px(tokens::radius::card);
    // The sheet's bottom corners sit below the window: only its top is rounded.
    ImVec2 drawMax = L.portrait ? ImVec2(max.x, max.y + radius) : max;
    theme::card(ui, min, drawMax, C::surface, tokens::radius::card, st.shadow);
    theme::occlude(ui, min, max); // the map's labels under the card are not seen
    dl()->AddRectFilled(min, ImVec2(max.x, min.y + band), theme::col(ui, levelColor(park.level)),
                        radius, ImDrawFlags_RoundCornersTop);

    float pad = ui.px(tokens::space::l);
    dl()->PushClipRect(ImVec2(min.x, min.y + band), max, true);
    // The body scrolls: rows may be cut at the card's edge.
    ui.hits->pushScroll(ScrollAxis::Vertical, {min.x, min.y + band, r.w, r.h - band});
    float h = drawCardBody(ui, park, ImVec2(min.x + pad, min.y + pad - cardScroll_), r.w - 2 * pad);
    ui.hits->popScroll();
    cardContentH_ = h + 2 * pad;
    dl()->PopClipRect();

    // A hint that the card scrolls: a fade at the bottom while there is more below.
    if (cardContentH_ - cardScroll_ > r.h + 1) {
        float fh = ui.px(st.fadeHeight);
        dl()->AddRectFilledMultiColor(ImVec2(min.x, max.y - fh), max, theme::col(ui, C::surface, 0),
                                      theme::col(ui, C::surface, 0), theme::col(ui, C::surface),
                                      theme::col(ui, C::surface));
    }
    if (L.portrait) { // grab handle
        float hw = ui.px(ui.style.stroke.handleHalf), hy = min.y + ui.px(st.handleY);
        dl()->AddLine(ImVec2((min.x + max.x) * 0.5f - hw, hy),
                      ImVec2((min.x + max.x) * 0.5f + hw, hy),
                      theme::col(ui, C::textSecondary, 0.4f), ui.px(ui.style.stroke.handle));
    }

    // Close: fixed in the top right corner while the body scrolls.
    float b = ui.px(tokens::space::touchMin);
    ImVec2 cmin(max.x - ui.px(tokens::space::s) - b, min.y + ui.px(tokens::space::s));
    ImVec2 cmax = cmin + ImVec2(b, b);
    bool pressed = false;
    if (widgets::touchArea(ui, "card-close", uiText(UiString::MapClose), cmin, cmax, &pressed))
        closeCard(ui);
    ImVec2 c = (cmin + cmax) * 0.5f;
    dl()->AddCircleFilled(c, b * 0.34f, theme::col(ui, C::surfaceMuted, pressed ? 0.7f : 1.0f), 32);
    float x = b * 0.12f;
    ImU32 ink = theme::col(ui, C::text);
    dl()->AddLine(c - ImVec2(x, x), c + ImVec2(x, x), ink, ui.px(st.closeStroke));
    dl()->AddLine(c + ImVec2(-x, x), c + ImVec2(x, -x), ink, ui.px(st.closeStroke));
}

// [SECTION] Card body

float MapScreen::drawCardBody(UiContext& ui, const Park& park, ImVec2 o, float w) {
    const Content& content = *content_;
    const MapCardStyle& st = ui.style.mapCard;
    float y = o.y;
    float s = ui.px(tokens::space::s), m = ui.px(tokens::space::m);
    float closeSpace = ui.px(tokens::space::touchMin);

    // Level pill and, when the source does not state the data, the 示例 tag.
    float tx = o.x + tag(ui, ImVec2(o.x, y), ui.tr(levelText(park.level)), levelColor(park.level),
                         C::textOnPrimary, 1.0f);
    float tagGap = ui.px(st.tagGap);
    if (park.sample) widgets::sampleTag(ui, ImVec2(tx + tagGap, y));
    y += theme::textSize(ui, FontRole::Caption, "A").y + tagGap + s;

    y += theme::text(ui, FontRole::H2, ImVec2(o.x, y), C::text, ui.tr(park.name), w - closeSpace).y;
    y += ui.px(st.nameGap);
    y += theme::text(ui, FontRole::Body, ImVec2(o.x, y), C::textSecondary, ui.tr(park.kind), w).y;
    y += ui.px(st.nameGap);

    // District, and 位置示意 where the marker's position is only indicative.
    std::string where = ui.tr(uiText(UiString::CardDistrict)) + " · ";
    if (const District* d = content.district(park.district)) where += ui.tr(d->name);
    ImVec2 ws = theme::text(ui, FontRole::Body, ImVec2(o.x, y), C::textSecondary, where);
    if (park.approximate)
        tag(ui,
            ImVec2(o.x + ws.x + s,
                   y + (ws.y - theme::textSize(ui, FontRole::Caption, "A").y) * 0.5f -
                       ui.px(st.approxRaise)),
            ui.tr(uiText(UiString::MapApproximate)), C::gold, C::sampleTag, 0.22f);
    y += ws.y + m;

    if (!park.photos.empty()) {
        float ph = ui.px(M::cardPhotoHeight);
        drawPhotos(ui, park, ImVec2(o.x, y), ImVec2(o.x + w, y + ph));
        y += ph + m;
    } else {
        photoRect_ = {};
    }

    y += theme::text(ui, FontRole::Body, ImVec2(o.x, y), C::text, ui.tr(park.intro), w).y + m;

    if (!park.figures.empty()) y = cardFigures(ui, park, o, y, w);
    if (!park.industries.empty()) y = cardIndustries(ui, content, park, o, y, w);
    if (!park.rankings.empty()) y = cardRankings(ui, park, o, y, w);
    if (!park.honours.empty()) y = cardHonours(ui, park, o, y, w);
    if (!park.url.empty()) y = cardQr(ui, park, o, y, w);
    return y - o.y;
}

// [SECTION] Photos

void MapScreen::drawPhotos(UiContext& ui, const Park& park, ImVec2 min, ImVec2 max) {
    photoRect_ = {min.x, min.y, max.x - min.x, max.y - min.y};
    int n = static_cast<int>(park.photos.size());
    photoIndex_ = std::clamp(photoIndex_, 0, n - 1);
    const Photo* photo = content_->photo(park.photos[photoIndex_]);
    const MapCardStyle& st = ui.style.mapCard;
    float r = ui.px(st.photoRounding);
    dl()->AddRectFilled(min, max, theme::col(ui, C::surfaceMuted), r);
    bool shown = false;
    if (ui.textures && photo) {
        TextureRef t = ui.textures->get(photo->file);
        if (t.state == TextureRef::State::Ready && t.width > 0 && t.height > 0) {
            // Cover: crop the longer side so the photo fills the strip, never stretched.
            float boxA = (max.x - min.x) / (max.y - min.y);
            float imgA = static_cast<float>(t.width) / static_cast<float>(t.height);
            ImVec2 uv0(0, 0), uv1(1, 1);
            if (imgA > boxA) {
                float k = boxA / imgA;
                uv0.x = (1 - k) * 0.5f, uv1.x = 1 - uv0.x;
            } else {
                float k = imgA / boxA;
                uv0.y = (1 - k) * 0.5f, uv1.y = 1 - uv0.y;
            }
            dl()->AddImageRounded(reinterpret_cast<ImTextureID>(static_cast<intptr_t>(t.glTexture)),
                                  min, max, uv0, uv1, theme::col(ui, 0xFFFFFF), r);
            shown = true;
        }
    }
    if (!shown) {
        // Placeholder: a simple landscape glyph while the image loads (or without a cache).
        ImVec2 c = (min + max) * 0.5f;
        float s = ui.px(st.photoGlyph);
        ImU32 ink = theme::col(ui, C::textSecondary, 0.5f);
        ImVec2 hills[] = {
            ImVec2(c.x - s * 1.6f, c.y + s * 0.6f), ImVec2(c.x - s * 0.5f, c.y - s * 0.5f),
            ImVec2(c.x + s * 0.2f, c.y + s * 0.2f), ImVec2(c.x + s * 0.7f, c.y - s * 0.2f),
            ImVec2(c.x + s * 1.6f, c.y + s * 0.6f)};
        float stroke = ui.px(ui.style.stroke.bold);
        dl()->AddPolyline(hills, 5, ink, ImDrawFlags_None, stroke);
        dl()->AddCircle(ImVec2(c.x + s * 0.9f, c.y - s * 0.9f), s * 0.3f, ink, 16, stroke);
        if (ui.textures) {
            const std::string& t = ui.tr(uiText(UiString::CardPhotoLoading));
            ImVec2 ts = theme::textSize(ui, FontRole::Caption, t);
            theme::text(ui, FontRole::Caption, ImVec2(c.x - ts.x * 0.5f, c.y + s), C::textSecondary,
                        t);
        }
    }
    // Caption over a dark fade at the bottom, and the position dots.
    float fh = ui.px(st.photoFade);
    dl()->AddRectFilledMultiColor(ImVec2(min.x, max.y - fh), max, theme::col(ui, C::shadow, 0),
                                  theme::col(ui, C::shadow, 0), theme::col(ui, C::shadow, 0.55f),
                                  theme::col(ui, C::shadow, 0.55f));
    if (photo) {
        // One line on the photo's foot (a long caption is cut, not wrapped below the photo).
        dl()->PushClipRect(min, max, true);
        widgets::paraFit(ui, FontRole::Caption,
                         ImVec2(min.x + ui.px(st.photoCaptionX), max.y - ui.px(st.photoCaptionY)),
                         C::textOnPrimary, ui.tr(photo->caption),
                         max.x - min.x - ui.px(st.photoCaptionRoom),
                         ui.fonts->get(FontRole::Caption)->FontSize);
        dl()->PopClipRect();
        if (photo->sample) widgets::sampleTag(ui, min + ImVec2(1, 1) * ui.px(st.photoTagInset));
    }
    if (n > 1) {
        float dot = ui.px(st.photoDot), gap = ui.px(st.photoDotGap);
        float x = max.x - gap - (n - 1) * gap;
        for (int i = 0; i < n; ++i)
            dl()->AddCircleFilled(ImVec2(x + i * gap, max.y - ui.px(st.photoDotY)), dot,
                                  theme::col(ui, C::surface, i == photoIndex_ ? 1.0f : 0.45f), 12);
    }
}

} // namespace zj

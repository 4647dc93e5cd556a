#include "ui/screens/home_screen.hpp"

#include "core/ui_strings.hpp"
#include "platform/texture_cache.hpp"
#include "ui/widgets.hpp"
#include "ui/widgets_media.hpp"

#include <cmath>
#include <cstdint>

namespace zj {

namespace {
namespace C = tokens::color;
ImDrawList* dl() {
    return ImGui::GetWindowDrawList();
}

constexpr widgets::Icon kModuleIcons[4] = {widgets::Icon::City, widgets::Icon::Map,
                                           widgets::Icon::Industry, widgets::Icon::Invest};
constexpr ScreenId kModuleScreens[4] = {ScreenId::City, ScreenId::Map, ScreenId::Industry,
                                        ScreenId::Invest};
constexpr double kStaggerMs = 60;
constexpr const char* kBrandMark = "asset:brand/zjmap-mark-256.png";

int moduleIndex(const std::string& id) {
    static const char* ids[4] = {"city", "map", "industry", "invest"};
    for (int i = 0; i < 4; ++i)
        if (id == ids[i]) return i;
    return -1;
}

// Gentle river lines across the header: the Yangtze, drawn, not a picture.
void drawRiver(const UiContext& ui, ImVec2 min, ImVec2 max) {
    float w = max.x - min.x, h = max.y - min.y;
    for (int i = 0; i < 4; ++i) {
        float y = min.y + h * (0.55f + 0.1f * i);
        float amp = h * (0.06f + 0.02f * i);
        dl()->AddBezierCubic(ImVec2(min.x, y), ImVec2(min.x + w * 0.3f, y - amp),
                             ImVec2(min.x + w * 0.65f, y + amp), ImVec2(max.x, y - amp * 0.5f),
                             theme::col(ui, C::surface, 0.07f + 0.02f * i),
                             ui.px(ui.style.home.riverStroke + ui.style.home.riverStrokeStep * i));
    }
}
} // namespace

void HomeScreen::onEnter(UiContext& ui, const std::string&) {
    enteredMs_ = ui.instantEntry ? -1e9 : ui.nowMs;
    if (!ui.instantEntry) ui.animateUntil(ui.nowMs + tokens::motion::transitionMs + 4 * kStaggerMs);
}

void HomeScreen::draw(UiContext& ui) {
    const Content& content = *ui.content;
    const HomeStyle& st = ui.style.home;
    float W = ui.ds.width, H = ui.ds.height;
    bool portrait = ui.ds.portrait();
    float margin = ui.px(portrait ? tokens::space::l : tokens::space::xl);

    // Header band.
    float bandH = ui.px(st.bandHeight);
    dl()->AddRectFilledMultiColor(ImVec2(0, 0), ImVec2(W, bandH), theme::col(ui, C::primary),
                                  theme::col(ui, 0x1456B8), theme::col(ui, 0x0E4AA3),
                                  theme::col(ui, C::primaryDark));
    drawRiver(ui, ImVec2(0, 0), ImVec2(W, bandH));
    widgets::languageSwitch(ui, ImVec2(W - margin, ui.px(tokens::space::m)), true);

    // The brand mark (assets/brand) beside the publisher and the title; its place is kept while
    // it loads so that the title never jumps.
    float y = ui.px(st.titleTop);
    float markSize = ui.px(st.brandMark);
    TextureRef mark = ui.textures ? ui.textures->get(kBrandMark) : TextureRef{};
    if (mark.state == TextureRef::State::Ready)
        dl()->AddImage(reinterpret_cast<ImTextureID>(static_cast<intptr_t>(mark.glTexture)),
                       ImVec2(margin, y), ImVec2(margin + markSize, y + markSize));
    float textX = margin + markSize + ui.px(tokens::space::m);
    const std::string& publisher = ui.tr(content.site.publisher);
    if (!publisher.empty())
        y += theme::text(ui, FontRole::Body, ImVec2(textX, y), C::gold, publisher).y +
             ui.px(tokens::space::xs);
    float titleWrap = W - margin - textX;
    // Visitors see content, staff see internals: the edition line and the content version
    // are on the staff panel, not here.
    theme::text(ui, FontRole::H1, ImVec2(textX, y), C::textOnPrimary, ui.tr(content.site.title),
                titleWrap);

    // Tiles: four in a row (landscape) or a 2x2 grid (portrait), rising into the band.
    int cols = portrait ? 2 : 4;
    int rows = portrait ? 2 : 1;
    float gap = ui.px(st.tileGap);
    float top = bandH - ui.px(st.tileOverlap);
    float bottom = H - margin;
    float tileW = (W - margin * 2 - gap * (cols - 1)) / cols;
    float tileH = (bottom - top - gap * (rows - 1)) / rows;
    int index = 0;
    for (const Module& m : content.modules) {
        if (index >= 4) break;
        int c = index % cols, r = index / cols;
        ImVec2 min(margin + c * (tileW + gap), top + r * (tileH + gap));
        drawTile(ui, index, m, min, ImVec2(min.x + tileW, min.y + tileH));
        ++index;
    }
}

void HomeScreen::drawTile(UiContext& ui, int index, const Module& module, ImVec2 min, ImVec2 max) {
    int mi = moduleIndex(module.id);
    if (mi < 0) return;
    const HomeStyle& st = ui.style.home;
    // Staggered entrance: each tile rises and fades in a little after the previous one.
    float t = static_cast<float>((ui.nowMs - enteredMs_ - index * kStaggerMs) /
                                 tokens::motion::transitionMs);
    float e = tokens::easeOutCubic(t);
    float rise = (1.0f - e) * ui.px(st.tileRise);
    min.y += rise;
    max.y += rise;
    theme::ScopedFade fade(ui, e);

    std::string id = std::string("tile:") + module.id;
    bool pressed = false;
    if (widgets::touchArea(ui, id.c_str(), module.title, min, max, &pressed))
        ui.post(NavCommand::go(kModuleScreens[mi]));
    if (pressed) {
        float inset = ui.px(ui.style.press.inset);
        min += ImVec2(inset, inset);
        max -= ImVec2(inset, inset);
    }
    uint32_t hue = tokens::moduleColor[mi];
    theme::card(ui, min, max, C::surface, tokens::radius::card,
                pressed ? ui.style.press.shadowPressed : st.tileShadow);

    // The module's photo on top (its hue while it loads or when there is none), then the
    // module's line icon on a disc of its hue, straddling the photo's lower edge.
    float w = max.x - min.x;
    float artH = (max.y - min.y) * 0.48f;
    float r = ui.px(tokens::radius::card);
    ImVec2 artMax(max.x, min.y + artH);
    dl()->AddRectFilled(min, artMax, theme::col(ui, hue), r, ImDrawFlags_RoundCornersTop);
    if (const Photo* p = ui.content->photo(module.photo))
        widgets::photo(ui, *p, widgets::PhotoSize::Thumb, min, artMax, tokens::radius::card);
    // The hue as a band along the photo's foot: the same colour as the module's header.
    float band = ui.px(tokens::space::accentBand);
    dl()->AddRectFilled(ImVec2(min.x, artMax.y - band), artMax, theme::col(ui, hue));
    float disc = std::min(artH * 0.28f, ui.px(st.iconDisc));
    float pad = ui.px(st.tilePadding);
    ImVec2 dc(min.x + pad + disc, artMax.y);
    dl()->AddCircleFilled(dc, disc + ui.px(st.iconRing), theme::col(ui, C::surface), 48);
    dl()->AddCircleFilled(dc, disc, theme::col(ui, hue), 48);
    widgets::icon(ui, kModuleIcons[mi], dc, disc * 1.1f, theme::col(ui, C::textOnPrimary),
                  ui.px(ui.style.stroke.bold));

    float y = min.y + artH + disc + ui.px(tokens::space::s);
    float wrap = w - pad * 2;
    const Text& title = module.title;
    y += theme::text(ui, FontRole::H2, ImVec2(min.x + pad, y), C::text, ui.tr(title), wrap).y;
    // The other language beneath: bilingual at a glance.
    const std::string& other = title.get(ui.lang == Lang::Zh ? Lang::En : Lang::Zh);
    y += theme::text(ui, FontRole::Caption, ImVec2(min.x + pad, y + ui.px(st.otherTitleGap)),
                     C::textSecondary, other, wrap)
             .y +
         ui.px(tokens::space::s);
    // "Tap to open" with an arrow, in the module's hue, at the foot; the subtitle gets the
    // lines between (cut, never shrunk, where it does not fit).
    const std::string& open = ui.tr(uiText(UiString::TapToOpen));
    ImVec2 os = theme::textSize(ui, FontRole::BodyBold, open);
    ImVec2 op(min.x + pad, max.y - pad - os.y);
    widgets::paraFit(ui, FontRole::Body, ImVec2(min.x + pad, y), C::textSecondary,
                     ui.tr(module.subtitle), wrap, op.y - ui.px(tokens::space::s) - y);
    theme::text(ui, FontRole::BodyBold, op, hue, open);
    float ax = op.x + os.x + ui.px(st.arrowGap), ay = op.y + os.y * 0.55f, as = ui.px(st.arrowHead);
    float stroke = ui.px(ui.style.stroke.bold);
    dl()->AddLine(ImVec2(ax, ay), ImVec2(ax + as * 2, ay), theme::col(ui, hue), stroke);
    ImVec2 head[] = {ImVec2(ax + as, ay - as), ImVec2(ax + as * 2, ay), ImVec2(ax + as, ay + as)};
    dl()->AddPolyline(head, 3, theme::col(ui, hue), ImDrawFlags_None, stroke);
}

} // namespace zj

// [SECTION] Filter chips
// [SECTION] Panel and legend
// [SECTION] Scale bar and credits
// [SECTION] Reset button
#include "core/ui_strings.hpp"
#include "ui/screens/map_screen.hpp"
#include "ui/widgets.hpp"
#include "ui/widgets_internal.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace zj {

namespace {
namespace C = tokens::color;
namespace M = tokens::map;
using widgets::detail::dl;

// "显示 %d / %d 个园区" with the two numbers filled in (the format comes from the string table).
std::string formatCount(const std::string& format, int shown, int total) {
    std::string out;
    int which = 0;
    for (size_t i = 0; i < format.size(); ++i) {
        if (format.compare(i, 2, "%d") == 0) {
            out += std::to_string(which++ == 0 ? shown : total);
            ++i;
        } else {
            out += format[i];
        }
    }
    return out;
}

// The legend glyph of a level, the same shapes as the markers.
void levelGlyph(const UiContext& ui, ParkLevel level, ImVec2 c) {
    uint32_t color = level == ParkLevel::National     ? C::national
                     : level == ParkLevel::Provincial ? C::provincial
                                                      : M::special;
    float r = ui.px(level == ParkLevel::National     ? M::markerNational
                    : level == ParkLevel::Provincial ? M::markerProvincial
                                                     : M::markerSpecial);
    float ring = ui.px(ui.style.mapMarker.ring);
    if (level == ParkLevel::Special) {
        float d = (r + ring) * 1.25f, e = r * 1.25f;
        dl()->AddQuadFilled(ImVec2(c.x, c.y - d), ImVec2(c.x + d, c.y), ImVec2(c.x, c.y + d),
                            ImVec2(c.x - d, c.y), theme::col(ui, M::markerRing));
        dl()->AddQuadFilled(ImVec2(c.x, c.y - e), ImVec2(c.x + e, c.y), ImVec2(c.x, c.y + e),
                            ImVec2(c.x - e, c.y), theme::col(ui, color));
        return;
    }
    dl()->AddCircleFilled(c, r + ring, theme::col(ui, M::markerRing), 24);
    dl()->AddCircle(c, r + ring, theme::col(ui, C::shadow, 0.15f), 24,
                    ui.px(ui.style.stroke.hairline));
    dl()->AddCircleFilled(c, r, theme::col(ui, color), 24);
    if (level == ParkLevel::National)
        dl()->AddCircleFilled(c, r * 0.38f, theme::col(ui, M::markerRing), 12);
}
} // namespace

// [SECTION] Filter chips

// Lays out (and unless `measureOnly`, draws) the chips in `area` (x, y, w; h > 0: only the rows
// that fit); returns the height of them all.
// Order: All, the two levels, then a new row with the industries.
float MapScreen::drawChips(UiContext& ui, const Layout&, Rect area, bool measureOnly,
                           bool interactive) {
    const Content& content = *ui.content;
    float chipH = ui.px(M::chipHeight);
    float touchH = ui.px(tokens::space::touchMin);
    const MapPanelStyle& st = ui.style.mapPanel;
    float gapX = ui.px(st.chipGap), rowPitch = touchH + ui.px(st.chipRowGap); // never overlap
    float padX = ui.px(st.chipPadX), dotR = ui.px(st.chipDot), dotGap = ui.px(st.chipDotGap);
    float x = area.x, y = area.y;
    float bottom = y;

    auto chip = [&](const std::string& id, const Text& label, uint32_t hue, bool dot,
                    bool selected) -> bool {
        const std::string& t = ui.tr(label);
        float tw = theme::textSize(ui, FontRole::Body, t).x;
        // Never narrower than a finger: a short label ("All") gets a wider pill.
        float w = std::max(touchH, padX * 2 + tw + (dot ? dotR * 2 + dotGap : 0));
        if (x > area.x && x + w > area.x + area.w) { // wrap
            x = area.x;
            y += rowPitch;
        }
        ImVec2 min(x, y + (touchH - chipH) * 0.5f), max(x + w, min.y + chipH);
        x += w + gapX;
        bottom = y + touchH;
        if (measureOnly) return false;
        if (area.h > 0 && y + touchH > area.y + area.h + 0.5f) return false; // not yet revealed
        bool pressed = false;
        bool clicked = interactive && widgets::touchArea(ui, id.c_str(), label, ImVec2(min.x, y),
                                                         ImVec2(max.x, y + touchH), &pressed);
        float r = chipH * 0.5f;
        if (selected) {
            dl()->AddRectFilled(min, max, theme::col(ui, hue, pressed ? 0.3f : 0.18f), r);
            dl()->AddRect(min, max, theme::col(ui, hue), r, 0, ui.px(ui.style.stroke.regular));
        } else {
            dl()->AddRectFilled(min, max, theme::col(ui, pressed ? C::surfaceMuted : C::surface),
                                r);
            dl()->AddRect(min, max, theme::col(ui, C::textSecondary, 0.35f), r, 0,
                          ui.px(st.chipOutlineOff));
        }
        float tx = dot ? min.x + padX : (min.x + max.x - tw) * 0.5f;
        if (dot) {
            dl()->AddCircleFilled(ImVec2(tx + dotR, (min.y + max.y) * 0.5f), dotR,
                                  theme::col(ui, hue), 16);
            tx += dotR * 2 + dotGap;
        }
        float ty = (min.y + max.y - theme::textSize(ui, FontRole::Body, t).y) * 0.5f;
        theme::text(ui, selected ? FontRole::BodyBold : FontRole::Body, ImVec2(tx, ty),
                    selected ? C::text : C::text, t);
        return clicked;
    };

    if (chip("chip:all", uiText(UiString::MapAll), C::primary, false, !filter_.active()))
        filter_.clear();
    if (chip("chip:national", uiText(UiString::MapLevelNational), C::national, true,
             filter_.national))
        filter_.national = !filter_.national;
    if (chip("chip:provincial", uiText(UiString::MapLevelProvincial), C::provincial, true,
             filter_.provincial))
        filter_.provincial = !filter_.provincial;
    x = area.x;
    y += rowPitch;
    for (const Industry& ind : content.industries) {
        if (chip("chip:industry:" + ind.id, ind.name, ind.color, true, filter_.hasIndustry(ind.id)))
            filter_.toggleIndustry(ind.id);
    }
    return bottom - area.y;
}

// [SECTION] Panel and legend

void MapScreen::drawPanel(UiContext& ui, const Layout& L) {
    float m = ui.px(tokens::space::m);
    ImVec2 min(L.panel.x, L.panel.y), max(L.panel.x + L.panel.w, L.panel.y + L.panel.h);
    int shown = map::countMatches(*ui.content, filter_);
    int total = static_cast<int>(ui.content->parks.size());
    std::string count = formatCount(ui.tr(uiText(UiString::MapShowingCount)), shown, total);
    if (L.portrait) {
        drawSheet(ui, L, count);
        return;
    }
    dl()->AddRectFilled(min, max, theme::col(ui, C::surface));
    theme::occlude(ui, min, max);
    // A soft edge towards the map.
    dl()->AddRectFilledMultiColor(ImVec2(max.x, min.y),
                                  ImVec2(max.x + ui.px(ui.style.mapPanel.panelShadow), max.y),
                                  theme::col(ui, C::shadow, 0.12f), theme::col(ui, C::shadow, 0),
                                  theme::col(ui, C::shadow, 0), theme::col(ui, C::shadow, 0.12f));
    float y = min.y + m;
    ImVec2 cs = theme::text(ui, FontRole::BodyBold, ImVec2(min.x + m, y), C::primary, count);
    y += cs.y + ui.px(tokens::space::s);
    drawChips(ui, L, {min.x + m, y, L.panel.w - 2 * m, 0}, false, true);
}

// Portrait: the bottom sheet. A grab strip, the count beside "Filter parks" / "Done", the legend
// in one row, and below them the chips, revealed as the sheet grows (clipped to it).
void MapScreen::drawSheet(UiContext& ui, const Layout& L, const std::string& count) {
    if (insetOpen_ || (cardPark_ >= 0 && L.cardShown >= 1.0f)) return; // a sheet lies over it
    bool interactive = !sheetCovered(L);
    float m = ui.px(tokens::space::m), s = ui.px(tokens::space::s);
    float touchH = ui.px(tokens::space::touchMin);
    ImVec2 min(L.panel.x, L.panel.y), max(L.panel.x + L.panel.w, L.panel.y + L.panel.h);
    float radius = ui.px(tokens::radius::card);
    dl()->AddRectFilledMultiColor(ImVec2(min.x, min.y - ui.px(ui.style.mapPanel.sheetShadow)),
                                  ImVec2(max.x, min.y + radius), theme::col(ui, C::shadow, 0),
                                  theme::col(ui, C::shadow, 0), theme::col(ui, C::shadow, 0.10f),
                                  theme::col(ui, C::shadow, 0.10f));
    dl()->AddRectFilled(min, ImVec2(max.x, max.y + radius), theme::col(ui, C::surface), radius,
                        ImDrawFlags_RoundCornersTop);
    theme::occlude(ui, min, max);
    float hw = ui.px(ui.style.stroke.handleHalf), cx = (min.x + max.x) * 0.5f;
    dl()->AddLine(ImVec2(cx - hw, min.y + L.sheetHandle * 0.55f),
                  ImVec2(cx + hw, min.y + L.sheetHandle * 0.55f),
                  theme::col(ui, C::textSecondary, 0.4f), ui.px(ui.style.stroke.handle));

    // Header: the count (what the filters leave) and the button that opens or closes the sheet.
    float y = min.y + L.sheetHandle;
    const Text& label = uiText(filtersOpen_ ? UiString::MapFiltersDone : UiString::MapFilters);
    float bw = theme::textSize(ui, FontRole::BodyBold, ui.tr(label)).x + touchH;
    ImVec2 bmin(max.x - m - bw, y), bmax(max.x - m, y + touchH);
    ImVec2 cs = theme::textSize(ui, FontRole::BodyBold, count);
    theme::text(ui, FontRole::BodyBold, ImVec2(min.x + m, y + (touchH - cs.y) * 0.5f), C::primary,
                count);
    if (interactive) {
        auto style = filtersOpen_ ? widgets::ButtonStyle::Primary : widgets::ButtonStyle::Secondary;
        if (widgets::button(ui, "map-filters", label, bmin, bmax, style))
            setFiltersOpen(ui, !filtersOpen_);
    }
    drawLegend(ui, L);
    if (L.sheetShown <= 0.0f) return;
    // Row by row as the sheet grows: a chip shows once its whole row is inside.
    float chipsY = L.legend.y + L.legend.h + s;
    drawChips(ui, L, {min.x + m, chipsY, L.panel.w - 2 * m, max.y - chipsY}, false, interactive);
}

void MapScreen::drawLegend(UiContext& ui, const Layout& L) {
    ImVec2 min(L.legend.x, L.legend.y), max(L.legend.x + L.legend.w, L.legend.y + L.legend.h);
    const struct {
        ParkLevel level;
        UiString text;
    } rows[] = {{ParkLevel::National, UiString::MapLevelNational},
                {ParkLevel::Provincial, UiString::MapLevelProvincial},
                {ParkLevel::Special, UiString::MapLevelSpecial}};
    const MapPanelStyle& st = ui.style.mapPanel;
    float rowH = ui.px(M::legendRow);
    float glyphW = ui.px(M::markerNational) * 2;
    if (L.portrait) { // one row in the sheet, the entries spread evenly
        float step = L.legend.w / 3.0f;
        for (size_t i = 0; i < 3; ++i) {
            float x = min.x + step * static_cast<float>(i);
            levelGlyph(ui, rows[i].level, ImVec2(x + glyphW * 0.5f, min.y + rowH * 0.5f));
            const std::string& t = ui.tr(uiText(rows[i].text));
            ImVec2 ts = theme::textSize(ui, FontRole::Body, t);
            theme::text(ui, FontRole::Body,
                        ImVec2(x + glyphW + ui.px(st.legendGlyphGap), min.y + (rowH - ts.y) * 0.5f),
                        C::text, t);
        }
        return;
    }
    float dy = ui.px(st.legendDividerGap);
    dl()->AddLine(ImVec2(min.x, min.y - dy), ImVec2(max.x, min.y - dy),
                  theme::col(ui, C::surfaceMuted), ui.px(ui.style.stroke.thin));
    float y = min.y + ui.px(tokens::space::s);
    float gx = min.x + ui.px(tokens::space::m) + ui.px(M::markerNational);
    for (const auto& row : rows) {
        levelGlyph(ui, row.level, ImVec2(gx, y + rowH * 0.5f));
        const std::string& t = ui.tr(uiText(row.text));
        ImVec2 ts = theme::textSize(ui, FontRole::Body, t);
        theme::text(ui, FontRole::Body,
                    ImVec2(gx + ui.px(M::markerNational) + ui.px(st.legendTextGap),
                           y + (rowH - ts.y) * 0.5f),
                    C::text, t);
        y += rowH;
    }
}

// [SECTION] Scale bar and credits

namespace {

// The longest round length (1, 2 or 5 times a power of ten) not over `target`.
double roundScaleLength(double target) {
    double nice = std::pow(10.0, std::floor(std::log10(target)));
    for (double f : {5.0, 2.0, 1.0})
        if (nice * f <= target) {
            nice *= f;
            break;
        }
    return nice;
}

// Credits: the base map's sources, each once, by the short name its attribution starts with
// ("AMap 高德地图 via ..." -> "AMap 高德地图"); a reviewed base map's 审图号 entry is shown whole.
std::string creditLine(UiContext& ui) {
    std::string credit = ui.tr(uiText(UiString::MapDataCredit));
    std::string names;
    for (const Attribution& a : ui.content->attributions) {
        const std::string& src = a.source;
        bool review = src.rfind("审图号", 0) == 0;
        if (!review && src.find("AMap") == std::string::npos &&
            src.find("Natural Earth") == std::string::npos)
            continue;
        size_t end =
            review ? src.size()
                   : std::min({src.find(" via "), src.find(" ("), src.find(" 1:"), src.find(';')});
        std::string name = src.substr(0, std::min(end, src.size()));
        if (names.find(name) == std::string::npos) names += (names.empty() ? "" : " · ") + name;
    }
    if (!names.empty()) credit += " © " + names;
    return credit;
}

// The bar with its end ticks, and its length's label.
void drawScaleBar(UiContext& ui, float bx, float cy, float barW, const char* label, ImVec2 ls) {
    const MapPanelStyle& st = ui.style.mapPanel;
    ImU32 ink = theme::col(ui, C::text);
    float tick = ui.px(st.scaleTick), th = ui.px(st.scaleStroke);
    dl()->AddLine(ImVec2(bx, cy + tick * 0.5f), ImVec2(bx + barW, cy + tick * 0.5f), ink, th);
    dl()->AddLine(ImVec2(bx, cy - tick * 0.5f), ImVec2(bx, cy + tick * 0.5f), ink, th);
    dl()->AddLine(ImVec2(bx + barW, cy - tick * 0.5f), ImVec2(bx + barW, cy + tick * 0.5f), ink,
                  th);
    theme::text(ui, FontRole::Caption, ImVec2(bx + barW + ui.px(st.scaleTextGap), cy - ls.y * 0.5f),
                C::text, label);
}

} // namespace

void MapScreen::drawScaleAndCredits(UiContext& ui, const Layout& L) {
    float m = ui.px(tokens::space::m);
    float h = ui.px(M::creditsHeight);
    float x = L.map.x + m, y = L.reset.y + (L.reset.h - h) * 0.5f;   // beside reset
    if (L.portrait && cardPark_ >= 0 && L.cardNow.y < y + h) return; // under the sheet

    // Ground metres per pixel: Web Mercator stretches by 1/cos(latitude).
    constexpr double kEarthRadius = 6378137.0, kPi = 3.14159265358979323846;
    double lat = 2.0 * std::atan(std::exp(camera_.center().y / kEarthRadius)) - kPi / 2;
    double metresPerPx = std::cos(lat) / camera_.scale();
    double nice = roundScaleLength(metresPerPx * ui.px(M::scaleBarMax));
    float barW = static_cast<float>(nice / metresPerPx);
    char label[32];
    if (nice >= 1000)
        std::snprintf(label, sizeof label, "%g km", nice / 1000.0);
    else
        std::snprintf(label, sizeof label, "%g m", nice);
    // The tag says the park positions are indicative.
    std::string credit = creditLine(ui);
    const std::string& approx = ui.tr(uiText(UiString::MapApproximate));

    ImVec2 ls = theme::textSize(ui, FontRole::Caption, label);
    ImVec2 as = theme::textSize(ui, FontRole::Caption, approx);
    ImVec2 cs = theme::textSize(ui, FontRole::Caption, credit);
    const MapPanelStyle& st = ui.style.mapPanel;
    const TagStyle& tag = ui.style.tag;
    float gap = ui.px(tokens::space::s), tagPad = ui.px(tag.padX);
    float textGap = ui.px(st.scaleTextGap);
    // Left of the inset and reset buttons: the credit line goes first when space is short (it is
    // also on the about sheet), then the tag; the scale bar always stays.
    float room = L.insetButton.x - gap - x;
    float base = gap + barW + textGap + ls.x + gap;
    float tagW = gap + as.x + tagPad * 2;
    bool showCredit = base + tagW + gap + cs.x + gap <= room;
    bool showTag = base + tagW + gap <= room;
    float w = base + (showTag ? tagW + gap : 0) + (showCredit ? cs.x + gap : 0);
    dl()->AddRectFilled(ImVec2(x, y), ImVec2(x + w, y + h), theme::col(ui, C::surface, 0.85f),
                        h * 0.5f);
    float cy = y + h * 0.5f;
    float bx = x + gap;
    drawScaleBar(ui, bx, cy, barW, label, ls);
    if (!showTag) return;
    // The 位置示意 tag, in the sample-tag style.
    float tx = bx + barW + textGap + ls.x + gap * 2, tagPadY = ui.px(tag.padY);
    dl()->AddRectFilled(ImVec2(tx, cy - as.y * 0.5f - tagPadY),
                        ImVec2(tx + as.x + tagPad * 2, cy + as.y * 0.5f + tagPadY),
                        theme::col(ui, C::gold, 0.22f), ui.px(tag.rounding));
    theme::text(ui, FontRole::Caption, ImVec2(tx + tagPad, cy - as.y * 0.5f), C::sampleTag, approx);
    if (showCredit)
        theme::text(ui, FontRole::Caption, ImVec2(tx + as.x + tagPad * 2 + gap, cy - cs.y * 0.5f),
                    C::textSecondary, credit);
}

// [SECTION] Reset button

void MapScreen::drawResetButton(UiContext& ui, const Layout& L) {
    ImVec2 min(L.reset.x, L.reset.y), max(L.reset.x + L.reset.w, L.reset.y + L.reset.h);
    if (widgets::button(ui, "map-reset", uiText(UiString::MapResetView), min, max,
                        widgets::ButtonStyle::Secondary))
        resetView(ui, L);
}

} // namespace zj

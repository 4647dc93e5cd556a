#include "ui/screens/placeholder_screen.hpp"

#include "core/ui_strings.hpp"
#include "ui/widgets.hpp"

namespace zj {

namespace {
namespace C = tokens::color;
constexpr UiString kTitles[4] = {UiString::ModuleCity, UiString::ModuleMap,
                                 UiString::ModuleIndustry, UiString::ModuleInvest};
constexpr const char* kIds[4] = {"city", "map", "industry", "invest"};
} // namespace

void PlaceholderScreen::draw(UiContext& ui) {
    const Module* m = ui.content->module(kIds[moduleIndex_]);
    const Text& title = m ? m->title : uiText(kTitles[moduleIndex_]);
    uint32_t hue = tokens::moduleColor[moduleIndex_];
    widgets::topBar(ui, title, hue);

    float W = ui.ds.width, H = ui.ds.height;
    float cardW = std::min(W - ui.px(2 * tokens::space::xl), ui.px(1100));
    float cardH = ui.px(420);
    ImVec2 min((W - cardW) * 0.5f,
               ui.px(tokens::space::topBar) + (H - ui.px(tokens::space::topBar) - cardH) * 0.45f);
    ImVec2 max(min.x + cardW, min.y + cardH);
    theme::card(ui, min, max, C::surface, tokens::radius::card);
    float pad = ui.px(tokens::space::xl);
    float wrap = cardW - pad * 2;
    float y = min.y + pad;
    y += theme::text(ui, FontRole::H2, ImVec2(min.x + pad, y), hue, ui.tr(title), wrap).y +
         ui.px(tokens::space::m);
    y += theme::text(ui, FontRole::Body, ImVec2(min.x + pad, y), C::text,
                     ui.tr(uiText(UiString::NotYetBuilt)), wrap)
             .y +
         ui.px(tokens::space::xs);
    theme::text(ui, FontRole::Body, ImVec2(min.x + pad, y), C::textSecondary,
                ui.tr(uiText(UiString::NotYetBuiltDetail)), wrap);

    float bw = ui.px(320), bh = ui.px(tokens::space::touchMin);
    ImVec2 bmin(min.x + pad, max.y - pad - bh);
    if (widgets::button(ui, "placeholder-home", uiText(UiString::Home), bmin,
                        ImVec2(bmin.x + bw, bmin.y + bh)))
        ui.post(NavCommand::home());
}

} // namespace zj

#include "ui/preview_banner.hpp"

#include "core/ui_strings.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"
#include "ui/widgets_media.hpp"

#include <imgui.h>

namespace zj {

namespace C = tokens::color;

void drawPreviewBanner(UiContext& ui, const std::string& error) {
    float W = ui.ds.width, H = ui.ds.height;
    float pad = ui.px(tokens::space::m);
    const std::string& title = ui.tr(uiText(UiString::PreviewBroken));
    const std::string& kept = ui.tr(uiText(UiString::PreviewKeptLast));
    float textW = W - pad * 2;
    float h = pad * 2 + theme::textSize(ui, FontRole::BodyBold, title).y +
              widgets::paraSize(ui, FontRole::Body, error, textW).y +
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
    y += widgets::para(ui, FontRole::Body, ImVec2(pad, y), C::textOnPrimary, error, textW).y +
         ui.px(8);
    widgets::para(ui, FontRole::Caption, ImVec2(pad, y), C::textOnPrimary, kept, textW);
    ImGui::End();
}

} // namespace zj

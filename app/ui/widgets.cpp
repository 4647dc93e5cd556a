// [SECTION] Buttons and touch areas
// [SECTION] Top bar and language switch
// [SECTION] Tags
// [SECTION] Icons
#include "ui/widgets.hpp"

#include "core/ui_strings.hpp"

#include <cmath>

namespace zj::widgets {

namespace {
ImDrawList* dl() {
    return ImGui::GetWindowDrawList();
}
namespace C = tokens::color;
} // namespace

// [SECTION] Buttons and touch areas

bool touchArea(UiContext& ui, const char* id, const Text& label, ImVec2 min, ImVec2 max,
               bool* pressed) {
    ImGui::SetCursorScreenPos(min);
    ImVec2 size(std::max(1.0f, max.x - min.x), std::max(1.0f, max.y - min.y));
    bool clicked = ImGui::InvisibleButton(id, size);
    if (pressed) *pressed = ImGui::IsItemActive() && ImGui::IsItemHovered();
    ui.hits->add(id, label, {min.x, min.y, size.x, size.y});
    return clicked;
}

bool button(UiContext& ui, const char* id, const Text& label, ImVec2 min, ImVec2 max,
            ButtonStyle style) {
    bool pressed = false;
    bool clicked = touchArea(ui, id, label, min, max, &pressed);
    uint32_t fill = C::primary, textColor = C::textOnPrimary;
    float fillAlpha = 1.0f;
    switch (style) {
        case ButtonStyle::Primary:
            break;
        case ButtonStyle::Secondary:
            fill = C::surface;
            textColor = C::primary;
            break;
        case ButtonStyle::Ghost:
            fill = C::surfaceMuted;
            textColor = C::text;
            break;
        case ButtonStyle::OnPrimary:
            fill = C::surface;
            textColor = C::surface;
            fillAlpha = 0.16f;
            break;
    }
    float r = (max.y - min.y) * 0.5f;
    ImVec2 sink = pressed ? ImVec2(0, ui.px(2)) : ImVec2(0, 0);
    if (style == ButtonStyle::Secondary)
        theme::card(ui, min + sink, max + sink, fill, (max.y - min.y) * 0.5f / ui.ds.scale,
                    pressed ? 2 : 6);
    else
        dl()->AddRectFilled(min + sink, max + sink,
                            theme::col(ui, fill, fillAlpha * (pressed ? 0.8f : 1.0f)), r);
    theme::textCentered(ui, FontRole::BodyBold, min + sink, max + sink, textColor, ui.tr(label));
    return clicked;
}

// [SECTION] Top bar and language switch

void languageSwitch(UiContext& ui, ImVec2 topRight, bool onDark) {
    float h = ui.px(tokens::space::touchMin);
    float segW = ui.px(110);
    ImVec2 min(topRight.x - segW * 2, topRight.y);
    ImVec2 max(topRight.x, topRight.y + h);
    // One target toggles the language: a visitor does not need to aim at a half.
    const Text label{"中文 / EN", "中文 / EN"};
    bool pressed = false;
    if (touchArea(ui, "lang-switch", label, min, max, &pressed)) ui.langSwitchRequested = true;
    float inset = ui.px(12);
    ImVec2 pmin(min.x, min.y + inset), pmax(max.x, max.y - inset);
    float r = (pmax.y - pmin.y) * 0.5f;
    dl()->AddRectFilled(
        pmin, pmax, theme::col(ui, onDark ? C::surface : C::surfaceMuted, onDark ? 0.18f : 1.0f),
        r);
    bool zh = ui.lang == Lang::Zh;
    ImVec2 selMin = zh ? pmin : ImVec2(pmin.x + segW, pmin.y);
    ImVec2 selMax = zh ? ImVec2(pmin.x + segW, pmax.y) : pmax;
    float pad = ui.px(5);
    dl()->AddRectFilled(
        ImVec2(selMin.x + pad, selMin.y + pad), ImVec2(selMax.x - pad, selMax.y - pad),
        theme::col(ui, onDark ? C::surface : C::primary, pressed ? 0.85f : 1.0f), r - pad);
    uint32_t selText = onDark ? C::primary : C::textOnPrimary;
    uint32_t otherText = onDark ? C::textOnPrimary : C::textSecondary;
    theme::textCentered(ui, FontRole::BodyBold, pmin, ImVec2(pmin.x + segW, pmax.y),
                        zh ? selText : otherText, "中文");
    theme::textCentered(ui, FontRole::BodyBold, ImVec2(pmin.x + segW, pmin.y), pmax,
                        zh ? otherText : selText, "EN");
}

void topBar(UiContext& ui, const Text& title, uint32_t accent) {
    float w = ui.ds.width;
    float h = ui.px(tokens::space::topBar);
    // One brand header on every screen (the same blue); the module's hue is only an accent:
    // a band along its lower edge and a mark before the title.
    dl()->AddRectFilled(ImVec2(0, 0), ImVec2(w, h), theme::col(ui, C::primary));
    theme::occlude(ui, ImVec2(0, 0), ImVec2(w, h)); // a page scrolled under it is not seen
    if (accent == C::primary) accent = C::gold;     // a blue accent would not show on the blue
    float band = ui.px(tokens::space::accentBand);
    dl()->AddRectFilled(ImVec2(0, h - band), ImVec2(w, h), theme::col(ui, accent));
    float pad = ui.px(tokens::space::m);
    float btn = ui.px(tokens::space::touchMin);
    float y = (h - btn) * 0.5f;
    ImU32 white = theme::col(ui, C::textOnPrimary);
    float x = pad;

    bool pressed = false;
    if (touchArea(ui, "nav-home", uiText(UiString::Home), ImVec2(x, y), ImVec2(x + btn, y + btn),
                  &pressed))
        ui.post(NavCommand::home());
    dl()->AddCircleFilled(ImVec2(x + btn * 0.5f, y + btn * 0.5f), btn * 0.5f,
                          theme::col(ui, C::surface, pressed ? 0.3f : 0.14f));
    icon(ui, Icon::Home, ImVec2(x + btn * 0.5f, y + btn * 0.5f), btn * 0.46f, white, ui.px(4));
    x += btn + ui.px(tokens::space::s);

    if (ui.nav->canGoBack()) {
        if (touchArea(ui, "nav-back", uiText(UiString::Back), ImVec2(x, y),
                      ImVec2(x + btn, y + btn), &pressed))
            ui.post(NavCommand::back());
        dl()->AddCircleFilled(ImVec2(x + btn * 0.5f, y + btn * 0.5f), btn * 0.5f,
                              theme::col(ui, C::surface, pressed ? 0.3f : 0.14f));
        icon(ui, Icon::Back, ImVec2(x + btn * 0.5f, y + btn * 0.5f), btn * 0.46f, white, ui.px(4));
        x += btn + ui.px(tokens::space::s);
    }

    const std::string& t = ui.tr(title);
    ImVec2 ts = theme::textSize(ui, FontRole::H2, t);
    float markW = ui.px(10);
    float ty = (h - band - ts.y) * 0.5f;
    x += ui.px(tokens::space::s);
    dl()->AddRectFilled(ImVec2(x, ty + ts.y * 0.15f), ImVec2(x + markW, ty + ts.y * 0.85f),
                        theme::col(ui, accent), ui.px(4));
    theme::text(ui, FontRole::H2, ImVec2(x + markW + ui.px(tokens::space::s), ty), C::textOnPrimary,
                t);
    languageSwitch(ui, ImVec2(w - pad, y), true);
}

// [SECTION] Tags

ImVec2 sampleTagSize(const UiContext& ui) {
    ImVec2 ts = theme::textSize(ui, FontRole::Caption, ui.tr(uiText(UiString::SampleTag)));
    return ImVec2(ts.x + ui.px(14) * 2, ts.y + ui.px(4) * 2);
}

ImVec2 sampleTag(UiContext& ui, ImVec2 pos) {
    const std::string& s = ui.tr(uiText(UiString::SampleTag));
    ImVec2 size = sampleTagSize(ui);
    dl()->AddRectFilled(pos, pos + size, theme::col(ui, tokens::color::gold), size.y * 0.5f);
    theme::textCentered(ui, FontRole::Caption, pos, pos + size, tokens::color::text, s);
    return size;
}

void sampleTagRight(UiContext& ui, ImVec2 topRight) {
    sampleTag(ui, ImVec2(topRight.x - sampleTagSize(ui).x, topRight.y));
}

float sampleStrip(UiContext& ui, ImVec2 pos, float w) {
    const std::string& s = ui.tr(uiText(UiString::SampleStrip));
    float pad = ui.px(tokens::space::s);
    ImVec2 ts = theme::textSize(ui, FontRole::BodyBold, s, w - pad * 2);
    float h = ts.y + pad * 1.5f;
    dl()->AddRectFilled(pos, ImVec2(pos.x + w, pos.y + h), theme::col(ui, tokens::color::gold),
                        ui.px(tokens::radius::button));
    theme::text(ui, FontRole::BodyBold, ImVec2(pos.x + pad, pos.y + pad * 0.75f),
                tokens::color::text, s, w - pad * 2);
    return h;
}

// [SECTION] Icons

void icon(UiContext& ui, Icon which, ImVec2 c, float size, ImU32 color, float th) {
    ImDrawList* d = dl();
    float s = size * 0.5f;
    auto P = [&](float x, float y) { return ImVec2(c.x + x * s, c.y + y * s); };
    switch (which) {
        case Icon::Home: {
            ImVec2 roof[] = {P(-0.85f, -0.05f), P(0, -0.8f), P(0.85f, -0.05f)};
            d->AddPolyline(roof, 3, color, ImDrawFlags_None, th);
            ImVec2 body[] = {P(-0.6f, -0.25f), P(-0.6f, 0.75f), P(0.6f, 0.75f), P(0.6f, -0.25f)};
            d->AddPolyline(body, 4, color, ImDrawFlags_None, th);
            d->AddRect(P(-0.18f, 0.25f), P(0.18f, 0.75f), color, 0, 0, th);
            break;
        }
        case Icon::Back: {
            ImVec2 chevron[] = {P(0.25f, -0.6f), P(-0.35f, 0), P(0.25f, 0.6f)};
            d->AddPolyline(chevron, 3, color, ImDrawFlags_None, th * 1.2f);
            break;
        }
        case Icon::City: {
            d->AddRect(P(-0.8f, -0.1f), P(-0.35f, 0.8f), color, 0, 0, th);
            d->AddRect(P(-0.3f, -0.8f), P(0.2f, 0.8f), color, 0, 0, th);
            d->AddRect(P(0.25f, -0.35f), P(0.8f, 0.8f), color, 0, 0, th);
            for (int i = 0; i < 3; ++i)
                d->AddLine(P(-0.15f, -0.5f + i * 0.35f), P(0.05f, -0.5f + i * 0.35f), color, th);
            break;
        }
        case Icon::Map: {
            d->AddCircle(P(0, -0.3f), s * 0.32f, color, 24, th);
            ImVec2 pin[] = {P(-0.5f, -0.1f), P(0, 0.8f), P(0.5f, -0.1f)};
            d->AddPolyline(pin, 3, color, ImDrawFlags_None, th);
            d->AddCircleFilled(P(0, -0.3f), s * 0.1f, color);
            break;
        }
        case Icon::Industry: {
            ImVec2 a = P(-0.65f, -0.45f), b = P(0.65f, -0.45f), e = P(0, 0.55f);
            d->AddLine(a, b, color, th);
            d->AddLine(a, e, color, th);
            d->AddLine(b, e, color, th);
            for (ImVec2 p : {a, b, e}) {
                d->AddCircleFilled(p, s * 0.22f, color);
            }
            break;
        }
        case Icon::Invest: {
            d->AddLine(P(-0.8f, 0.8f), P(0.8f, 0.8f), color, th);
            float hs[] = {0.35f, 0.8f, 1.3f};
            for (int i = 0; i < 3; ++i) {
                float x0 = -0.6f + i * 0.45f;
                d->AddRect(P(x0, 0.8f - hs[i]), P(x0 + 0.3f, 0.8f), color, 0, 0, th);
            }
            ImVec2 up[] = {P(-0.7f, -0.1f), P(-0.1f, -0.55f), P(0.2f, -0.35f), P(0.75f, -0.85f)};
            d->AddPolyline(up, 4, color, ImDrawFlags_None, th);
            break;
        }
        case Icon::Globe: {
            d->AddCircle(c, s * 0.85f, color, 32, th);
            d->AddLine(P(-0.85f, 0), P(0.85f, 0), color, th);
            d->AddBezierCubic(P(0, -0.85f), P(-0.5f, -0.4f), P(-0.5f, 0.4f), P(0, 0.85f), color,
                              th);
            d->AddBezierCubic(P(0, -0.85f), P(0.5f, -0.4f), P(0.5f, 0.4f), P(0, 0.85f), color, th);
            break;
        }
    }
}

} // namespace zj::widgets

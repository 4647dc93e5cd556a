#include "ui/builtin_content.hpp"

#include "core/ui_strings.hpp"

namespace zj {

Content builtinContent() {
    Content c;
    c.version = 0;
    c.site.title = uiText(UiString::AppTitle);
    c.site.subtitle = uiText(UiString::AppSubtitle);
    const struct {
        const char* id;
        UiString title, subtitle;
    } modules[] = {
        {"city", UiString::ModuleCity, UiString::ModuleCitySub},
        {"map", UiString::ModuleMap, UiString::ModuleMapSub},
        {"industry", UiString::ModuleIndustry, UiString::ModuleIndustrySub},
        {"invest", UiString::ModuleInvest, UiString::ModuleInvestSub},
    };
    for (const auto& m : modules)
        c.modules.push_back({m.id, uiText(m.title), uiText(m.subtitle), ""});
    return c;
}

} // namespace zj

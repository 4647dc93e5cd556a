#include "core/ui_strings.hpp"

namespace zj {

namespace {
// Indexed by UiString; keep the order of the enum.
const Text kUiStrings[] = {
    {"镇江产业招商地图", "Zhenjiang Industrial Investment Map"},
    {"园区版 · 展会互动终端", "Park edition · booth kiosk"},
    {"首页", "Home"},
    {"返回", "Back"},
    {"中文", "中文"},
    {"EN", "EN"},
    {"此模块尚在建设中", "This module is not yet built"},
    {"内容将在后续版本中加入。", "Its content arrives in a later version."},
    {"示例", "Sample"},
    {"点击进入", "Tap to open"},
    {"走进镇江", "Discover Zhenjiang"},
    {"空间分布", "Spatial Distribution"},
    {"产业配套", "Industry Support"},
    {"投资推介", "Investment Promotion"},
    {"城市风貌与发展概况", "The city and its development zones"},
    {"园区与产业分布地图", "Where the parks and industries are"},
    {"产业链与配套资源", "Industrial chains and supporting industry"},
    {"项目、政策与服务", "Projects, policies and services"},
    {"内容版本", "Content version"},
    {"重置视图", "Reset view"},
    {"显示 %d / %d 个园区", "Showing %d of %d parks"},
    {"国家级", "National"},
    {"省级", "Provincial"},
    {"特色园区", "Special park"},
    {"图例", "Legend"},
    {"位置示意", "Approximate positions"},
    {"地图数据", "Map data"},
    {"全部", "All"},
    {"关闭", "Close"},
    {"所在区域", "District"},
    {"主导产业", "Leading industries"},
    {"排名", "Rankings"},
    {"荣誉", "Honours"},
    {"数据", "Figures"},
    {"扫码了解更多", "Scan for more"},
    {"图片加载中", "Loading image"},
    {"比例尺", "Scale"},
};
static_assert(sizeof(kUiStrings) / sizeof(kUiStrings[0]) == static_cast<size_t>(UiString::Count_),
              "every UiString needs its text");
} // namespace

const Text& uiText(UiString id) { return kUiStrings[static_cast<size_t>(id)]; }

std::string allUiGlyphText() {
    std::string all;
    for (const auto& t : kUiStrings) {
        all += t.zh;
        all += t.en;
    }
    return all;
}

} // namespace zj

// The UI's own strings (not content): every one in Chinese and English.
#pragma once
#include "core/lang.hpp"

#include <string>

namespace zj {

enum class UiString {
    AppTitle,
    AppSubtitle,
    Home,
    Back,
    LanguageZh,
    LanguageEn,
    NotYetBuilt,
    NotYetBuiltDetail,
    SampleTag,
    TapToOpen,
    ModuleCity,
    ModuleMap,
    ModuleIndustry,
    ModuleInvest,
    ModuleCitySub,
    ModuleMapSub,
    ModuleIndustrySub,
    ModuleInvestSub,
    ContentVersion,
    MapResetView,
    MapShowingCount,
    MapLevelNational,
    MapLevelProvincial,
    MapLevelSpecial,
    MapLegend,
    MapApproximate,
    MapDataCredit,
    MapAll,
    MapClose,
    CardDistrict,
    CardIndustries,
    CardRankings,
    CardHonours,
    CardFigures,
    CardScanQr,
    CardPhotoLoading,
    MapScale,
    Count_
};

const Text& uiText(UiString id);
// Every UI string in both languages, concatenated (UTF-8): the UI part of the font glyph set.
std::string allUiGlyphText();

} // namespace zj

// The content editor's live preview (zjmap-kiosk --preview SRC, ui/content_host.hpp): a build
// that fails leaves the last good content on screen under this banner, which names file, line
// and field of the first error.
#pragma once
#include "ui/ui_context.hpp"

#include <string>

namespace zj {

void drawPreviewBanner(UiContext& ui, const std::string& error);

} // namespace zj

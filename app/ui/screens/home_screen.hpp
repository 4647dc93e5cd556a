// The start: the map's title and the four modules as large bilingual tiles.
#pragma once
#include "ui/screens/screen.hpp"

#include <imgui.h>

namespace zj {

class HomeScreen final : public Screen {
  public:
    ScreenId id() const override { return ScreenId::Home; }
    void onEnter(UiContext& ui, const std::string& selection) override;
    void draw(UiContext& ui) override;

  private:
    void drawTile(UiContext& ui, int index, const Module& module, ImVec2 min, ImVec2 max);
    double enteredMs_ = 0;
};

} // namespace zj

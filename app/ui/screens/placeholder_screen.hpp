// A module that a later issue fills: says so honestly, with home/back/language like every screen.
#pragma once
#include "ui/screens/screen.hpp"

namespace zj {

class PlaceholderScreen final : public Screen {
  public:
    PlaceholderScreen(ScreenId id, int moduleIndex) : id_(id), moduleIndex_(moduleIndex) {}
    ScreenId id() const override { return id_; }
    void draw(UiContext& ui) override;

  private:
    ScreenId id_;
    int moduleIndex_; // 0..3: city, map, industry, invest
};

} // namespace zj

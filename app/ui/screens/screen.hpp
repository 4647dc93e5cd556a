// One screen = one class with its state and draw(). Screens post navigation commands; they
// never call each other.
#pragma once
#include "ui/ui_context.hpp"

namespace zj {

class Screen {
  public:
    virtual ~Screen() = default;
    virtual ScreenId id() const = 0;
    virtual void onEnter(UiContext& ui, const std::string& selection) {}
    virtual void onLeave() {}
    virtual void resetSession() {} // a visitor left: forget scroll positions, selections
    virtual void draw(UiContext& ui) = 0;
};

} // namespace zj

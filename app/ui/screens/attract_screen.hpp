// The attract loop: a slideshow of the content's attract photos (a slow Ken-Burns pan and a
// crossfade), or the site title over a calm drawn river when there are no images, with
// "触摸屏幕开始浏览 · Touch to explore". It asks for no frames itself: the session layer paces
// it at ~10 fps (SessionLayer::deadline), so the loop never renders at full rate for months.
// The touch that ends it is taken by the session layer before any widget sees it.
#pragma once
#include "ui/screens/screen.hpp"

namespace zj {

class AttractScreen final : public Screen {
  public:
    ScreenId id() const override { return ScreenId::Attract; }
    void onEnter(UiContext& ui, const std::string& selection) override;
    void draw(UiContext& ui) override;
    void setSlideSeconds(double s) { slideMs_ = s * 1000; }

  private:
    void drawPhoto(UiContext& ui, size_t index, double ageMs, float alpha);
    void drawBackdrop(UiContext& ui);
    double enteredMs_ = 0;
    double slideMs_ = 7000; // one photo
};

} // namespace zj

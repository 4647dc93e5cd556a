// Scaling from design units to window pixels. One design unit is one pixel when the short
// edge of the window is 1080 px, so landscape 1920x1080 and portrait 1080x1920 share sizes.
#pragma once

namespace zj {

struct DesignScale {
    float width = 1920;  // window pixels
    float height = 1080; // window pixels
    float scale = 1;     // pixels per design unit

    static DesignScale forViewport(float width, float height);
    bool portrait() const { return height > width; }
    float px(float designUnits) const { return designUnits * scale; }
    // Width and height in design units.
    float designWidth() const { return width / scale; }
    float designHeight() const { return height / scale; }
};

} // namespace zj

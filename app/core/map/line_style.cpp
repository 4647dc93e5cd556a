#include "core/map/line_style.hpp"

#include <algorithm>
#include <cmath>

namespace zj::map {

float lineWidthPx(float basePx, float zoomRelative, float maxGrowth) {
    float growth = std::sqrt(std::max(zoomRelative, 0.0f));
    return basePx * std::clamp(growth, 1.0f, std::max(1.0f, maxGrowth));
}

bool railVisible(int scalerank, float zoomRelative, float minorFromZoom) {
    return scalerank <= 6 || zoomRelative >= minorFromZoom;
}

} // namespace zj::map

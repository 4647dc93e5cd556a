#include "core/layout.hpp"
#include "core/theme_tokens.hpp"

#include <algorithm>

namespace zj {

DesignScale DesignScale::forViewport(float width, float height) {
    DesignScale d;
    d.width = std::max(1.0f, width);
    d.height = std::max(1.0f, height);
    // Small development windows still get legible text: never below half size.
    d.scale = std::max(0.5f, std::min(d.width, d.height) / 1080.0f);
    return d;
}

float tokens::easeOutCubic(float t) {
    t = std::clamp(t, 0.0f, 1.0f);
    float u = 1.0f - t;
    return 1.0f - u * u * u;
}

} // namespace zj

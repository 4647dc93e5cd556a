// Base-map line widths are screen units: constant while the map scales, thickening with zoom
// only within their limit (app/core/map/line_style.*).
#include "core/map/line_style.hpp"

#include <gtest/gtest.h>

using namespace zj::map;

TEST(MapLineStyle, WidthIsInScreenPixelsNotMapUnits) {
    // At the fit zoom and below, the stroke is its base width whatever the map's scale.
    EXPECT_FLOAT_EQ(lineWidthPx(3.0f, 1.0f, 2.0f), 3.0f);
    EXPECT_FLOAT_EQ(lineWidthPx(3.0f, 0.8f, 2.0f), 3.0f);
    // Zooming in 4x quadruples every map distance but only doubles the line (sqrt), ...
    EXPECT_FLOAT_EQ(lineWidthPx(3.0f, 4.0f, 3.0f), 6.0f);
    // ... and never past the limit, so at 12x a railway is not a road-wide band.
    EXPECT_FLOAT_EQ(lineWidthPx(3.0f, 12.0f, 2.0f), 6.0f);
    // It grows monotonically in between.
    float last = 0;
    for (float z = 0.5f; z <= 12.0f; z += 0.25f) {
        float w = lineWidthPx(3.0f, z, 2.0f);
        EXPECT_GE(w, last);
        last = w;
    }
}

TEST(MapLineStyle, MinorRailwaysWaitForTheZoom) {
    EXPECT_TRUE(railVisible(4, 0.8f, 1.6f));
    EXPECT_FALSE(railVisible(10, 1.0f, 1.6f));
    EXPECT_TRUE(railVisible(10, 1.6f, 1.6f));
}

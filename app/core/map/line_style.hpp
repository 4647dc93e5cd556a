// Line widths of the base map in screen pixels: constant on screen while the map zooms (the
// geometry scales, the stroke does not), thickening a little as the visitor zooms in so a
// railway keeps its weight against the larger districts.
#pragma once

namespace zj::map {

// The stroke width for a line of `basePx` at the fit zoom, at `zoomRelative` (1 = the city
// framed): basePx * sqrt(zoom), never thinner than basePx nor thicker than basePx * maxGrowth.
float lineWidthPx(float basePx, float zoomRelative, float maxGrowth);

// Main railways (Natural Earth scalerank <= 6) always; minor ones from `minorFromZoom` on.
bool railVisible(int scalerank, float zoomRelative, float minorFromZoom);

} // namespace zj::map

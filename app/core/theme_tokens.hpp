// Design tokens: palette, type scale, spacing, radii, motion. Screens never hard-code colours
// or sizes; they ask the theme. Sizes are design units: pixels at 1080 px on the short edge.
#pragma once
#include <cstdint>

namespace zj::tokens {

// [SECTION] Palette (0xRRGGBB)
namespace color {
constexpr uint32_t primary = 0x0B3D91;     // Yangtze blue: headers, primary actions
constexpr uint32_t primaryDark = 0x072A66; // pressed / deep header
constexpr uint32_t teal = 0x00897B;        // river teal: secondary accents
constexpr uint32_t gold = 0xF2A900;        // Jinshan gold: key figures, highlights
// Zone levels (map markers, legend, level chips). No industry colour may come near them: the
// industries use the Okabe–Ito palette (content/industries.toml), the levels crimson, violet
// and slate, each ≥ 38 ΔE*ab from every industry (tests/unit/core/theme_palette_test.cpp).
constexpr uint32_t national = 0xA3123A;      // national-level zones (crimson)
constexpr uint32_t provincial = 0x5E35B1;    // provincial-level zones (violet)
constexpr uint32_t background = 0xF4F6F9;    // page
constexpr uint32_t surface = 0xFFFFFF;       // cards
constexpr uint32_t surfaceMuted = 0xE8ECF2;  // chips, placeholders
constexpr uint32_t text = 0x1A1F2B;          // body text
constexpr uint32_t textSecondary = 0x5F6B7A; // captions
constexpr uint32_t textOnPrimary = 0xFFFFFF; // text on blue
constexpr uint32_t shadow = 0x0B1A33;        // card shadow (drawn with low alpha)
constexpr uint32_t sampleTag = 0x8A6D00;     // 示例/Sample tag text
} // namespace color

// The four modules' hues (tiles, headers).
constexpr uint32_t moduleColor[4] = {0x0B3D91, 0x00897B, 0x6A3FB5, 0xC75B12};

// [SECTION] Type scale (px at 1080 short edge)
namespace type {
constexpr float display = 96;    // key figures
constexpr float h1 = 64;         // screen titles
constexpr float h2 = 48;         // card titles, tile titles (titles: 48..64)
constexpr float body = 30;       // running text (never smaller than 30)
constexpr float caption = 26;    // secondary lines, tags (never smaller than 26)
constexpr float visitorMin = 24; // nothing a visitor reads is smaller (the layout lint checks)
} // namespace type

// [SECTION] Spacing and shape
namespace space {
constexpr float unit = 8; // the grid
constexpr float xs = 8;
constexpr float s = 16;
constexpr float m = 24;
constexpr float l = 40;
constexpr float xl = 64;
constexpr float touchMin = 96;   // ≥ 20 mm on a 55" 1080p screen
constexpr float topBar = 128;    // header height
constexpr float accentBand = 10; // the module's hue along the header's lower edge
} // namespace space

namespace radius {
constexpr float card = 24;
constexpr float chip = 999; // pill
constexpr float button = 20;
} // namespace radius

// [SECTION] Motion
namespace motion {
constexpr double transitionMs = 250; // screen transitions
constexpr double cameraMs = 350;     // map camera flights
constexpr double countUpMs = 900;    // key figures counting up
constexpr double pressMs = 120;      // press feedback
} // namespace motion

// [SECTION] Map (spatial distribution)
namespace map {
constexpr uint32_t background = 0xDDE6F0; // around the city (reads as "not Zhenjiang")
constexpr uint32_t districtTints[6] = {0xE3EEFA, 0xE4F3EA, 0xFBF0DE, 0xEEE8F8, 0xFAE8E6, 0xE0F2F2};
constexpr uint32_t outline = 0x8C9DB5;       // district borders
constexpr uint32_t districtLabel = 0x3D4B5E; // district names
constexpr uint32_t special = 0x37474F;       // special parks (slate; see color::national)
constexpr uint32_t markerRing = 0xFFFFFF;    // ring around every marker
constexpr float outlineWidth = 2.0f;         // design units
constexpr float markerNational = 19;         // marker radii, design units
constexpr float markerProvincial = 15;
constexpr float markerSpecial = 12;
constexpr float fingerRadius = 48;     // a tap this close to a marker selects it
constexpr float fadedAlpha = 0.22f;    // markers that do not match the filter
constexpr float cardWidth = 700;       // park card in landscape
constexpr float sheetHeight = 0.56f;   // park card in portrait, share of the window height
constexpr float chipHeight = 72;       // filter chips (their touch area is 96 tall)
constexpr float cardPhotoHeight = 300; // photo strip in the card
constexpr float qrSize = 220;          // QR code on the card
constexpr float panelWidth = 470;      // filter column in landscape
constexpr float legendRow = 44;        // one legend line
constexpr float legendWidth = 330;     // floating legend in portrait
constexpr float creditsHeight = 48;    // scale bar and data credit line under the map
constexpr float cityPadding = 48;      // margin around the city when it is framed
constexpr float fitParksPadding = 160; // margin around a group of parks shown together
constexpr float scaleBarMax = 200;     // the scale bar is at most this long
} // namespace map

// The base map under the districts: land muted so the city and its parks lead, water strong.
namespace mapLayers {
constexpr uint32_t beyondData = 0xE9E6DF;    // outside every layer: reads as more land
constexpr uint32_t neighbourLand = 0xE9E6DF; // neighbouring cities
constexpr uint32_t neighbourBorder = 0xC4BDB0;
constexpr uint32_t neighbourLabel = 0x7D766A; // their names
constexpr uint32_t water = 0x7FB3E0;          // Yangtze and lakes
constexpr uint32_t waterEdge = 0x5E9BD0;
constexpr uint32_t waterLabel = 0x1F5C99;
constexpr uint32_t railCasing = 0xFFFFFF;
constexpr uint32_t railCore = 0x5A6270;
constexpr uint32_t symbolFill = 0x2F4A6D;    // airport and port symbols
constexpr float neighbourBorderWidth = 1.5f; // design units
constexpr float railWidth = 3.0f;            // core line at the fit zoom, design units
constexpr float railCasingExtra = 3.0f;      // casing beyond the core, each side
constexpr float railMaxGrowth = 2.0f;        // lines thicken with zoom up to this factor
constexpr float symbolRadius = 22;           // airport / port symbol
constexpr float clusterRadius = 30;        // parks too close to tell apart, drawn with their count
constexpr float minorRailsFromZoom = 1.6f; // main railways always, minor ones from this zoom
} // namespace mapLayers

float easeOutCubic(float t); // 0..1 -> 0..1

} // namespace zj::tokens

// Per-component styles, like ImGuiStyle: every size a screen draws with, in design units
// (pixels at 1080 px on the short edge; UiContext::px turns them into the window's pixels).
// Screens read `ui.style.<component>.<field>` and carry no literal sizes; the palette, the type
// scale and the shared spacing stay in core/theme_tokens.hpp, which these build on.
//
// [SECTION] Orientation-dependent sizes
// [SECTION] Shared components (tags, pills, strokes)
// [SECTION] Home and attract
// [SECTION] City (Discover Zhenjiang)
// [SECTION] Industry (chains)
// [SECTION] Invest (projects, policies, contacts)
// [SECTION] Map (card, panels, markers, inset)
// [SECTION] Staff panel
// [SECTION] Style
#pragma once
#include "core/theme_tokens.hpp"

namespace zj {

// [SECTION] Orientation-dependent sizes

// A size that differs between landscape and portrait; UiContext::px(ByOrientation) picks.
struct ByOrientation {
    float landscape = 0; // design units in a landscape window
    float portrait = 0;  // ... and in portrait
    constexpr float pick(bool isPortrait) const { return isPortrait ? portrait : landscape; }
};

// [SECTION] Shared components (tags, pills, strokes)

// A small pill with a caption in it (level, kind, 位置示意), the 示例 tag's shape with any text.
struct TagStyle {
    float padX = 12;    // text inset, left and right
    float padY = 4;     // text inset, top and bottom
    float rounding = 8; // corner radius
};

// A pressed tile or card shrinks a little and its shadow drops: the finger's feedback.
struct PressStyle {
    float inset = 4;         // each side, while pressed
    float shadowPressed = 4; // card shadow while pressed
};

// Hairlines and strokes the screens share.
struct StrokeStyle {
    float hairline = 1;    // the thinnest visible line
    float thin = 2;        // dividers, outlines of a card or code
    float regular = 3;     // outlined buttons, timeline lines
    float bold = 4;        // icon strokes, arrows
    float heavy = 5;       // chain flow arrows, large icons
    float handle = 6;      // a sheet's grab handle
    float handleHalf = 36; // half the grab handle's length
};

// [SECTION] Home and attract

struct HomeStyle {
    ByOrientation bandHeight{400, 560}; // the blue header band
    ByOrientation titleTop{96, 150};    // brand mark and title, from the top
    float brandMark = 132;              // as tall as the publisher and the title
    ByOrientation tileOverlap{80, 40};  // the tiles rise this far into the band
    float tileGap = 32;                 // between tiles
    float tileRise = 48;                // entrance: each tile rises from this far below
    float tileShadow = 14;              // card shadow of a tile at rest
    float tilePadding = 32;             // text inset inside a tile
    float iconDisc = 64;                // the module icon's disc radius, at most
    float iconRing = 6;                 // white ring around the disc
    float otherTitleGap = 4;            // title -> the other language's title
    float arrowGap = 16;                // "tap to open" -> its arrow
    float arrowHead = 12;               // half the arrow head's height
    float riverStroke = 3;              // the header's river lines ...
    float riverStrokeStep = 2;          // ... each one this much wider than the last
};

struct AttractStyle {
    ByOrientation textBottom{128, 200};  // the words' block ends this far above the foot
    ByOrientation scrimHeight{300, 420}; // the scrim fades in over this height above the words
    float riverStroke = 4;               // the drawn river's lines ...
    float riverStrokeStep = 3;           // ... each one this much wider than the last
};

// [SECTION] City (Discover Zhenjiang)

struct CityStyle {
    float sectionBar = 8;       // the gold bar before a section title
    float publisherGap = 8;     // publisher -> title
    float captionGap = 10;      // video -> its caption
    float captionTagRoom = 140; // the caption leaves this for the 示例 tag on its right
    // Key-figure cards.
    float figureShadow = 10;    // card shadow
    float figureBand = 8;       // gold band along the card's top
    float figurePadding = 28;   // inside a card
    float figureUnitGap = 4;    // number -> unit, number -> label
    float figureUnitRaise = 10; // the unit sits this far above the number's foot
    float figureFooter = 56;    // room for the year under the label
    float figureYear = 28;      // the year's top, above the padding at the foot
    float figureTag = 34;       // the 示例 tag's top, above the padding at the foot
    // Ranking cards.
    float rankingShadow = 8;     // card shadow
    float rankingEdge = 8;       // the level's colour along the card's left edge
    float rankingNameRoom = 150; // the name leaves this for the kind tag on its right
    float rankingNameGap = 12;   // name -> first fact
    float rankingIndent = 28;    // facts, right of their bullets
    float rankingRowGap = 10;    // between facts
    float bulletX = 8;           // a fact's bullet: centre from the text's left ...
    float bulletY = 20;          // ... and from the line's top
    float bulletRadius = 6;      // bullet radius
};

// [SECTION] Industry (chains)

struct IndustryStyle {
    // Tiles (the choice of chain).
    ByOrientation tileHeight{400, 520}; // a tile, by orientation
    float tileGap = 32;                 // between tiles
    float tileRise = 40;                // entrance: each tile rises from this far below
    float tileShadow = 12;              // card shadow at rest
    float tileBand = 10;                // the industry's hue along the photo's foot
    float tileNameGap = 6;              // name -> summary
    float tileCountMin = 38;            // the node count's line is at least this tall (tag height)
    float tileSummaryGap = 8;           // summary -> node count
    float tileTag = 38;                 // 示例 tag's top, above the padding at the foot
    float mapTilePadding = 32;          // the last tile, "all on the map"
    float mapTileIcon = 120;            // its icon, at most
    // The chain view.
    float viewMapWidth = 300;     // "view on map" button
    float summaryTagGap = 8;      // summary -> 示例 tag
    float headerExtra = 56;       // the header is the summary plus this (room for the tag)
    float detailPortrait = 620;   // node detail's height in portrait
    float photoMin = 200;         // the industry photo is shown when it gets this much height
    float arrowHead = 12;         // flow arrow between stages
    float stageArrow = 56;        // the gap an arrow sits in (width or height)
    float stageHead = 64;         // a stage's name band
    float stageRounding = 16;     // a stage band's corners
    float listBleed = 16;         // the node list's scroll area beyond the chain's sides
    float listGap = 12;           // stage band -> first node
    float listInset = 8;          // first node from the list's top, and after the last
    float nodeMinLandscape = 120; // node card height range in the columns ...
    float nodeMaxLandscape = 240; // ... and at most
    float nodePortrait = 144;     // ... and in the rows
    // A node card.
    float nodeRounding = 16;     // card corners
    float nodeShadow = 6;        // card shadow at rest ...
    float nodeShadowPressed = 2; // ... and pressed
    float nodeEdge = 8;          // the hue along an unselected card's left edge
    float nodeHostsGap = 8;      // name -> host count
    // Node detail.
    float detailShadow = 10;    // card shadow
    float detailBand = 10;      // the hue along the top
    float detailScrollTop = 12; // the scrolled body starts under the band
    float detailButtonGap = 8;  // scrolled body -> pinned button
    float detailTitleGap = 8;   // title -> 示例 tag -> section
    float detailHeadGap = 10;   // section heading -> first row
    float detailIndent = 32;    // rows right of their bullets
    float detailRowGap = 8;     // between rows
    float parkDotX = 10;        // host-park dot: centre from the text's left ...
    float parkDotY = 21;        // ... and from the row's top
    float parkDotRadius = 8;    // dot radius
    float firmMarkMin = 4;      // enterprise square bullet, from the row's left ...
    float firmMarkMax = 18;     // ... to here (both axes offset by firmMarkTop)
    float firmMarkTop = 10;     // the square's top is this far below firmMarkMin
    float firmMarkRounding = 3; // square bullet's corners
};

// [SECTION] Invest (projects, policies, contacts)

struct InvestStyle {
    // Filter chips.
    float chipTextRoom = 56;  // chip width: its text plus this
    float chipInset = 10;     // the drawn pill inside its touch height
    float chipDotX = 22;      // off: the hue dot's centre from the pill's left
    float chipDotRadius = 7;  // the hue dot's radius
    float chipTextOn = 28;    // text's left inset when on ...
    float chipTextOff = 38;   // ... and when off (after the dot)
    float chipGap = 12;       // between chips
    float chipRowLabel = 120; // "Industry" / "Zone" label column
    float chipRowGap = 4;     // between the two rows
    // Portrait bottom sheet.
    float sheetHandle = 28; // the grab handle's band
    float sheetShadow = 12; // shadow above the sheet
    // Project cards.
    float listBleed = 12;         // the scroll area beyond the cards' sides
    float listInset = 8;          // first card from the list's top
    float pickWidth = 260;        // "add to my list" button
    float projectShadow = 8;      // card shadow
    float projectEdge = 10;       // the industry's hue along the left edge
    float projectIndent = 8;      // text right of the padding (clear of the edge)
    float projectNameGap = 8;     // name -> summary
    float projectSummaryGap = 12; // summary -> meta line
    float projectMeta = 44;       // the meta line's height
    float projectMinExtra = 50;   // a card is at least the button plus padding plus this
    float metaDotX = 8;           // industry dot: centre from the line's left ...
    float metaDotY = 17;          // ... and from its top
    float metaDotRadius = 8;      // dot radius
    float metaDotRoom = 24;       // the dot's room before the industry name
    float metaTextX = 22;         // the industry name from the line's left
    float metaGap = 20;           // between meta items
    float projectTag = 38;        // 示例 tag's top, above the padding at the foot
    // Tabs.
    float tabInset = 6;     // the selected tab's pill inside its cell
    float tabTextRoom = 16; // a label wider than the cell less this gets the caption size
    float panelBleed = 12;  // the tab panel's scroll area beyond its sides
    float panelInset = 8;   // first row from the panel's top
    // Policies.
    float policyTagRoom = 110; // the title leaves this for the 示例 tag on its right
    float policyTitleGap = 8;  // title -> body
    float policyShadow = 6;    // card shadow
    // Events (a timeline).
    float eventLineX = 14;     // the timeline from the left
    float eventIndent = 48;    // text from the left
    float eventTagRoom = 110;  // the title leaves this for the 示例 tag
    float eventDotY = 20;      // the dot's centre from the event's top
    float eventDotRadius = 10; // dot radius
    float eventTitleGap = 4;   // title -> body
    float eventLineTop = 34;   // the line starts this far below the event's top
    // Contacts.
    float contactQr = 300;        // ≥ 300 px: scannable from a metre away
    float contactSideMin = 560;   // the code goes beside the text when this much is left
    float contactOrgGap = 6;      // organisation -> name
    float contactNameGap = 10;    // name -> phone
    float contactLineGap = 4;     // after phone, e-mail
    float contactTagRoom = 50;    // the 示例 tag's row
    float contactTagTop = 6;      // 示例 tag below the last line
    float contactQrCaption = 130; // the code's card is the code plus this
    float contactQrUnderTag = 56; // stacked: the code below the tag
    float contactShadow = 6;      // card shadow
    // My list.
    float takeAwayQr = 360;   // the take-away code
    float takeAwayShift = 24; // the take-away card sits this far left of centre
    float removeWidth = 170;  // "remove" button
    float removeRoom = 32;    // the name leaves this before the button
    float removeInset = 12;   // the drawn pill inside its touch height
    float pickIndent = 8;     // a pick's name from the left
    float pickTagGap = 6;     // name -> 示例 tag, and after it
};

// [SECTION] Map (card, panels, markers, inset)

struct MapCardStyle {
    float shadow = 18;            // card shadow
    float band = 10;              // the level's colour along the card's top
    float fadeHeight = 48;        // "more below" fade at the foot
    float handleY = 22;           // portrait: the grab handle's line from the top
    float closeStroke = 3.5f;     // the close button's cross
    float tagGap = 8;             // level pill -> 示例 tag; pill row -> name
    float nameGap = 6;            // name -> kind -> district
    float approxRaise = 4;        // 位置示意 pill raised to centre on the district line
    float headerBarTop = 6;       // section header: the gold bar from the line's top ...
    float headerBarBottom = 4;    // ... and above its foot
    float headerBar = 6;          // the bar's width
    float headerBarRounding = 3;  // the bar's corners
    float headerIndent = 18;      // the heading right of its bar
    float figureUnitGap = 8;      // number -> unit (and the unit raised by it)
    float figureTagGap = 4;       // label -> 示例 tag
    float figureTagRow = 12;      // the tag's row is the caption plus this
    float chipHeight = 56;        // leading-industry chips
    float chipDot = 8;            // their hue dot's radius
    float chipPadX = 18;          // text inset, left and right
    float chipGap = 10;           // dot -> name, chip -> chip, row -> row
    float badgePadX = 10;         // "No. n" badge's text inset
    float badgeRounding = 8;      // corner radius
    float badgeIndent = 32;       // fact text right of the badge
    float bulletX = 8;            // a fact's bullet: centre from the left ...
    float bulletY = 20;           // ... and from the line's top
    float bulletRadius = 5;       // bullet radius
    float bulletIndent = 28;      // fact text right of the bullet
    float rowGap = 10;            // between facts
    float qrRounding = 8;         // the code's frame
    float qrTextGap = 8;          // "scan" -> its label
    float photoRounding = 16;     // the photo strip's corners
    float photoGlyph = 34;        // the placeholder's landscape glyph
    float photoFade = 72;         // dark fade under the caption
    float photoCaptionX = 16;     // caption from the photo's left ...
    float photoCaptionY = 44;     // ... and from its foot
    float photoCaptionRoom = 140; // the caption leaves this for the position dots
    float photoTagInset = 12;     // 示例 tag from the photo's corner
    float photoDot = 6;           // position dots' radius ...
    float photoDotGap = 20;       // ... pitch, and the last one's inset from the right
    float photoDotY = 28;         // their centre above the photo's foot
};

struct MapPanelStyle {
    float chipGap = 12;          // between filter chips
    float chipRowGap = 4;        // between rows of touch areas (they never overlap)
    float chipPadX = 20;         // text inset, left and right
    float chipDot = 8;           // the hue dot's radius
    float chipDotGap = 10;       // dot -> text
    float chipOutlineOff = 1.5f; // an unselected chip's outline
    float panelShadow = 10;      // landscape: the shadow right of the filter column
    float sheetShadow = 12;      // portrait: above the bottom sheet
    float sheetHandle = 28;      // portrait: the bottom sheet's grab band
    float legendGlyphGap = 14;   // glyph -> text
    float legendDividerGap = 8;  // divider above the floating legend
    float legendTextGap = 20;    // portrait legend: glyph -> text
    float scaleTextGap = 8;      // scale bar -> its label
    float scaleTick = 8;         // the bar's end ticks
    float scaleStroke = 2.5f;    // the bar and its ticks
};

struct MapMarkerStyle {
    float labelPadX = 12;      // label plates: text inset
    float labelPadY = 4;       // text inset, top and bottom
    float labelRounding = 10;  // label plates' corners
    float ringExtra = 4;       // the white ring around a marker (its hit radius too)
    float labelGap = 8;        // marker -> its label
    float separation = 6;      // labels keep this apart
    float leaderStep = 64;     // leader lines grow in steps of this
    float ring = 3;            // marker glyph: ring width
    float haloStroke = 2;      // selected marker's halo, cluster ring
    float shadowDrop = 2;      // the marker's shadow drops this far ...
    float shadowExtra = 1;     // ... and is this much larger
    float clusterDrop = 3;     // a cluster's shadow drop
    float leaderStroke = 2.5f; // leader lines
    float leaderDot = 5;       // the dot at a leader's marker end
    float districtGap = 24;    // district labels keep this from each other
    float symbolGap = 8;       // airport/port labels beyond the symbol
    float clusterOpenGap = 6;  // zoom until the cluster's parks are this far apart
};

struct MapLayerStyle {
    float waterEdge = 1.5f; // the outline of rivers and lakes
    float symbolRing = 3;   // airport/port symbol's white ring
    float symbolStroke = 3; // their glyph lines
};

struct MapInsetStyle {
    float shadowDrop = 6;     // the inset's shadow
    float closeStroke = 3.5f; // the close button's cross
    float minHeight = 120;    // below this the inset is not drawn
    float rounding = 16;      // the mini map's corners
    float padding = 64;       // the region's frame inside the inset
    float routeStroke = 3;    // travel lines
    float labelPadX = 8;      // label plates: text inset ...
    float labelPadY = 2;      // ... top and bottom
    float labelRounding = 8;  // ... and corners
    float airport = 16;       // city dot radii: airport, home city, others
    float homeCity = 14;      // Zhenjiang
    float city = 10;          // every other city
    float cityRing = 3;       // the white ring around a city dot
    float glyphStroke = 3;    // the airport's glyph
    float labelGap = 6;       // dot -> label
    float rowHeight = 46;     // travel-time table rows
    float tagGap = 8;         // table head -> 示例 tag (and its raise: tagRaise)
    float tagRaise = 2;       // the tag sits this far above the head line
};

// [SECTION] Staff panel

struct StaffStyle {
    float valueRaise = 3;       // a row's value sits this far above its label's top
    float pinKey = 128;         // PIN pad keys
    float keyShadow = 8;        // a key's card shadow at rest ...
    float keyShadowPressed = 2; // ... and pressed
    float cardShadow = 6;       // the panel's cards
    float pinDots = 140;        // the dots' band above the keys
    float pinDot = 14;          // one dot's radius ...
    float pinDotGap = 40;       // ... and their pitch
    float pinDotY = 30;         // the dots' centre below the band's top
    float pinMessageY = 64;     // "wrong PIN" below the band's top
    float pinDotStroke = 2;     // an empty dot's ring
    float backspaceStroke = 3;  // the backspace key's glyph
    float logMin = 120;         // the log is drawn when this much height is left
    float logLineGap = 4;       // between credit entries
    float overlayPadX = 16;     // test-pattern overlays: caption plate
    float overlayPadY = 8;      // ... top and bottom
    float overlayRounding = 8;  // ... and corners
    float gridStep = 64;        // test pattern grid
    float gridStroke = 3;       // test pattern circle
};

// [SECTION] Style

struct Style {
    TagStyle tag;             // level, kind and 位置示意 pills
    PressStyle press;         // pressed tiles and cards
    StrokeStyle stroke;       // line widths
    HomeStyle home;           // home screen
    AttractStyle attract;     // attract loop
    CityStyle city;           // Discover Zhenjiang
    IndustryStyle industry;   // Industry Support
    InvestStyle invest;       // Investment Promotion
    MapCardStyle mapCard;     // the park card (landscape) or sheet (portrait)
    MapPanelStyle mapPanel;   // filter column or sheet, legend, scale bar
    MapMarkerStyle mapMarker; // markers, clusters, their labels
    MapLayerStyle mapLayer;   // the base map
    MapInsetStyle mapInset;   // "how to get here" inset
    StaffStyle staff;         // staff panel, PIN pad, test pattern
};

} // namespace zj

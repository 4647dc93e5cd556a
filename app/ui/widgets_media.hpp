// Media widgets over the platform layer: photos from the texture cache (cropped to fill,
// rounded, shimmer while loading, a broken-image tile), a kinetic scrolling area, a swipeable
// gallery with page dots, a full-screen photo viewer (pinch, double-tap, swipe, close), the
// video view with its controls, a QR card, and count-up numbers for key figures.
#pragma once
#include "core/kinetic.hpp"
#include "core/layout.hpp"
#include "core/media/image_decode.hpp"
#include "core/zoom_pan.hpp"
#include "ui/theme.hpp"

#include <string>
#include <vector>

namespace zj {
class VideoPlayer;
struct Photo;
} // namespace zj

namespace zj::widgets {

// [SECTION] Text
// Wrapped text that breaks Chinese between characters (ImGui breaks only at spaces and ASCII
// punctuation, which leaves ragged half-empty lines in Chinese) and never starts a line with
// closing punctuation. Same arguments as theme::text / theme::textSize.
ImVec2 para(const UiContext& ui, FontRole role, ImVec2 pos, uint32_t rgb, const std::string& s,
            float wrapPx = 0, float alpha = 1.0f);
ImVec2 paraSize(const UiContext& ui, FontRole role, const std::string& s, float wrapPx = 0);
// para() cut to the lines that fit in `maxHeightPx` (the last one ends in "…"): copy that does
// not fit is cut, never shrunk below the type scale.
ImVec2 paraFit(const UiContext& ui, FontRole role, ImVec2 pos, uint32_t rgb, const std::string& s,
               float wrapPx, float maxHeightPx, float alpha = 1.0f);
std::string wrapText(const UiContext& ui, FontRole role, const std::string& s, float wrapPx);

enum class PhotoSize { Thumb, Display };
// Draws `photo` cropped to fill [min, max] with rounded corners (radius in design units).
// Display size shows the thumbnail while the large image loads.
// `anchorY` picks which part survives a vertical crop (0 top, 0.5 centre, 1 bottom).
void photo(UiContext& ui, const Photo& photo, PhotoSize size, ImVec2 min, ImVec2 max,
           float radiusDesign = tokens::radius::card, float anchorY = 0.5f);
// The same for any bundle image name; `contain` letterboxes instead of cropping.
// Returns false while nothing could be drawn yet (loading) or the file is broken.
bool image(UiContext& ui, const std::string& logicalName, ImVec2 min, ImVec2 max,
           float radiusDesign, bool contain = false, float anchorY = 0.5f);
void loadingTile(UiContext& ui, ImVec2 min, ImVec2 max, float radiusPx);
void brokenTile(UiContext& ui, ImVec2 min, ImVec2 max, float radiusPx);

// A touch area that only exists where it is visible inside `clipMin..clipMax` (rows of a
// scrolled list must not be tappable under the header or be found by scenarios off-screen).
bool clippedTouch(UiContext& ui, const char* id, const Text& label, ImVec2 min, ImVec2 max,
                  ImVec2 clipMin, ImVec2 clipMax, bool* pressed = nullptr);

// [SECTION] Kinetic scrolling
// A scrolling area along one axis. Each frame: begin() with the viewport and content length
// (it feeds this frame's drag gestures that started inside the viewport to the physics and
// pushes a clip rect), draw the content shifted by -offset(), then end(). Where there is more
// to see beyond an edge, end() fades that edge into `edgeColor` (what lies behind the area), so
// content never looks cut off.
class KineticArea {
  public:
    explicit KineticArea(bool horizontal = false) : horizontal_(horizontal) {}
    uint32_t edgeColor = tokens::color::background; // the colour behind the area (fade masks)
    float begin(UiContext& ui, ImVec2 min, ImVec2 max, float contentLength, bool input = true);
    void end(UiContext& ui);
    float offset() const { return k_.offset(); }
    KineticScroller& scroller() { return k_; }
    const KineticScroller& scroller() const { return k_; }
    void reset() { k_.jumpTo(0); }
    bool dragging() const { return captured_; }

  private:
    KineticScroller k_;
    float scale_ = 0; // the display scale k_'s settings were made for
    bool horizontal_;
    bool captured_ = false; // the current drag started inside this area
    ImVec2 min_, max_;
};

// [SECTION] Gallery and viewer
// Photos side by side, one page per photo, swipe with snapping and page dots. Returns the
// index of a tapped photo, or -1.
class Gallery {
  public:
    int draw(UiContext& ui, const char* id, const std::vector<const Photo*>& photos, ImVec2 min,
             ImVec2 max, bool input = true);
    int page() const { return area_.scroller().page(); }
    void reset() { area_.reset(); }

  private:
    KineticArea area_{true};
};

// Where the viewer shows its photo at zoom 1 (letterboxed inside), and that box as the size
// the texture cache decodes for (the frame bench's photo-open figure uses it too).
inline constexpr float kViewerCaptionDesign = 120; // the caption bar under the photo
void viewerPhotoBox(const DesignScale& ds, ImVec2& min, ImVec2& max);
DisplaySize viewerPhotoSize(const DesignScale& ds);

// The full-screen photo viewer: pinch and double-tap zoom (the point under the fingers stays
// put), drag to pan when zoomed, swipe to the next or previous photo, close button.
class PhotoViewer {
  public:
    void open(const std::vector<const Photo*>& photos, int index, double nowMs);
    void close() { open_ = false; }
    bool isOpen() const { return open_; }
    int index() const { return index_; }
    void draw(UiContext& ui); // over everything; consumes this frame's gestures when open

  private:
    void go(int delta, double nowMs);
    // The steps of draw(), in drawing order.
    void followGestures(UiContext& ui, ImVec2 centre);
    void settleSwipe(UiContext& ui, bool dragging);
    void drawPhotos(UiContext& ui, ImVec2 boxMin, ImVec2 boxMax);
    void drawCaption(UiContext& ui);
    void drawControls(UiContext& ui);
    std::vector<const Photo*> photos_;
    bool open_ = false;
    int index_ = 0;
    ZoomPan zp_;
    double openedMs_ = 0;
    double settleFromMs_ = -1e9; // swipe snap-back / zoom animation start
    float settleFromSwipe_ = 0;
};

// [SECTION] Video
// The video in [min, max] (letterboxed), with play/pause, scrubber, mute and a clear message
// when the file does not play. Subtitles follow ui.lang.
// `poster` (a bundle image name, may be empty) covers the picture until playback starts.
// Returns whether any of it is visible (inside the current clip rect): an off-screen video
// neither draws nor asks for frames.
bool videoView(UiContext& ui, VideoPlayer& player, const std::string& poster, ImVec2 min,
               ImVec2 max);

// [SECTION] QR and figures
// A white card with the code (≥ 300 px: scannable from 1 m) and a bilingual caption under it.
// Returns the card's size. `usageItem` names it for the analytics (QR shown).
ImVec2 qrCard(UiContext& ui, const std::string& text, const Text& caption, ImVec2 topLeft,
              float codePx, const std::string& usageItem);
// `value` counted up from 0 over tokens::motion::countUpMs since `startMs`, formatted with as
// many decimals as the value has (52.3 -> "52.3", 68 -> "68").
std::string countUp(UiContext& ui, double value, double startMs);
std::string formatNumber(double value);

} // namespace zj::widgets

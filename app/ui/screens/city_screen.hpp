// Discover Zhenjiang 走进镇江: the city's intro, the 2019 key figures of the development zones
// as large gold numbers that count up, the promo video, a photo gallery and the zones' rankings.
#pragma once
#include "platform/video_player.hpp"
#include "ui/screens/screen.hpp"
#include "ui/widgets_media.hpp"

#include <vector>

namespace zj {

// The gallery's photos, in its order (the viewer opened from it steps through the same list):
// the city's own pictures first, then one per park (photo-first, but bounded).
std::vector<const Photo*> cityGalleryPhotos(const Content& c);

class CityScreen final : public Screen {
  public:
    explicit CityScreen(VideoHub& videos) : video_(videos) {}
    ScreenId id() const override { return ScreenId::City; }
    void onEnter(UiContext& ui, const std::string& selection) override;
    void onLeave() override;
    void resetSession() override;
    void draw(UiContext& ui) override;

  private:
    float drawIntro(UiContext& ui, float x, float y, float w);
    float drawFigures(UiContext& ui, float x, float y, float w, int cols, float viewBottom);
    float drawMedia(UiContext& ui, float x, float y, float w); // video and gallery
    float drawGallery(UiContext& ui, float x, float y, float w, float h);
    float drawRankings(UiContext& ui, float x, float y, float w);
    float sectionTitle(UiContext& ui, float x, float y, const Text& title);
    void openVideo(UiContext& ui);

    VideoPlayer video_;
    bool videoOpened_ = false;
    bool resumeOnView_ = false; // play when the film is next in view (autoplay, or it was playing)
    const Content* videoContent_ = nullptr; // the content the video was opened for
    widgets::KineticArea scroll_;
    widgets::Gallery gallery_;
    widgets::PhotoViewer viewer_;
    std::vector<const Photo*> photos_;
    double figuresStartMs_ = -1; // when the key figures came into view (count-up start)
    bool input_ = true;          // false while the photo viewer covers the screen
    float contentH_ = 0;         // scrolled page length, measured by the last frame
};

} // namespace zj

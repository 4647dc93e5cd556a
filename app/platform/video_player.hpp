// The promo video through libmpv's render API into an FBO texture (shown with ImGui::Image).
// mpv's wakeup/update callbacks push an SDL user event so the event-driven loop wakes; the app
// calls VideoHub::pumpAll() every loop iteration and renders a frame only when a player on
// screen has a new video frame (or is still loading). Headless (scenarios, simulated clock):
// no autoplay, no audio output, and a playing video never asks for frames by itself, so tests
// stay fast and deterministic; the texture is refreshed whenever something else draws.
#pragma once
#include <atomic>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

struct mpv_handle;
struct mpv_render_context;

namespace zj {

class VideoPlayer;

// What every player shares, owned by the app (MediaServices): the headless switch, the staff
// panel's volume, the loop count and the players that exist. UI thread only, except wake().
class VideoHub {
  public:
    VideoHub();
    VideoHub(const VideoHub&) = delete;
    VideoHub& operator=(const VideoHub&) = delete;

    // Set once by the app before any player opens.
    void setHeadless(bool headless) { headless_ = headless; }
    bool headless() const { return headless_; }
    // The staff panel's volume (0..100), applied to every open player and to those opened later.
    // Returns what an open player's mpv then reports (-1: none open).
    int setVolume(int percent);
    int volume() const { return volume_; }
    uint64_t loopsPlayed() const { return loops_; } // films that reached their end and restarted
    // Drains every player's mpv events; true when one on screen needs a frame drawn.
    bool pumpAll();
    // Closes every player (mpv, its render context and FBO): GL must still be current.
    void closeAll();
    // From mpv's threads: wakes the event loop (an SDL user event).
    void wake() const;

  private:
    friend class VideoPlayer;
    bool headless_ = false;
    int volume_ = 70;    // percent, the staff panel's setting
    uint64_t loops_ = 0; // films played to the end and restarted, all players (the soak's figure)
    uint32_t wakeEvent_; // SDL user event type
    std::vector<VideoPlayer*> players_;
};

class VideoPlayer {
  public:
    struct Source {
        std::filesystem::path file;        // empty: the bundle has no (or a missing) video
        std::filesystem::path subtitlesZh; // may be empty
        std::filesystem::path subtitlesEn; // may be empty
        int width = 1280, height = 720;    // render size (the video's pixels)
    };

    explicit VideoPlayer(VideoHub& hub);
    ~VideoPlayer(); // GL context must be current (frees the FBO, render context, then mpv)
    VideoPlayer(const VideoPlayer&) = delete;
    VideoPlayer& operator=(const VideoPlayer&) = delete;

    VideoHub& hub() const { return hub_; }
    int mpvVolume() const; // what mpv reports (-1: not open): the setting really reached it

    // Opens `source` (stopping what played before); plays when `autoplay`, else shows the first
    // frame paused. Returns false (and failed()) when mpv cannot start at all.
    bool open(const Source& source, bool autoplay);
    void close();
    // On the UI thread inside the frame: renders a new video frame into the texture if mpv has
    // one. Call each frame the video is visible (marks it on screen).
    void renderIfNeeded();
    void setOnScreen(bool on) { onScreen_ = on; }

    void play();
    void pause();
    void togglePause() { playing_ ? pause() : play(); }
    void setMuted(bool muted);
    void seekFraction(double fraction); // 0..1 of the duration
    void setSubtitleLanguageZh(bool zh);

    bool opened() const { return mpv_ != nullptr; }
    bool playing() const { return playing_; } // what the visitor asked for
    bool muted() const { return muted_; }
    bool loading() const { return loading_; } // no first frame yet and no error
    bool failed() const { return failed_; }
    const std::string& error() const { return error_; }
    double position() const { return position_; } // seconds
    double duration() const { return duration_; } // seconds, 0 until known
    uint64_t texture() const { return texture_; } // GL texture (0 before the first frame)
    int width() const { return width_; }
    int height() const { return height_; }
    bool hasFrame() const { return framesRendered_ > 0; }

  private:
    static void onWakeup(void* self);
    static void onUpdate(void* self);
    bool pump(); // this player's events; true when a frame should be drawn
    bool ensureGl(std::string& err);
    void applySubtitle();
    void fail(const std::string& why);

    friend class VideoHub;
    VideoHub& hub_;
    mpv_handle* mpv_ = nullptr;
    mpv_render_context* render_ = nullptr;
    uint32_t fbo_ = 0;
    uint64_t texture_ = 0;
    int width_ = 0, height_ = 0;
    Source source_;
    std::atomic<bool> wakeup_{false};
    std::atomic<bool> update_{false};
    bool needRender_ = false;
    bool onScreen_ = false;
    bool playing_ = false;
    bool muted_ = true;
    bool loading_ = false;
    bool failed_ = false;
    bool subZh_ = true;
    int64_t subIdZh_ = 0, subIdEn_ = 0; // mpv track ids of the external subtitle files
    double loadStartMs_ = 0;
    std::string error_;
    double position_ = 0, duration_ = 0;
    uint64_t framesRendered_ = 0;
};

} // namespace zj

// [SECTION] Clock and GL lookup
// [SECTION] mpv options
// [SECTION] The hub
// [SECTION] Open and close
// [SECTION] Events and rendering
// [SECTION] Controls
#include "platform/video_player.hpp"

#include "core/session/log_ring.hpp"
#include "platform/gl_api.hpp"

#include <SDL.h>
#include <algorithm>
#include <cstdio>
#include <mpv/client.h>
#include <mpv/render_gl.h>
#include <vector>

namespace zj {

// [SECTION] Clock and GL lookup

namespace {
constexpr double kLoadTimeoutMs = 8000; // a file that never answers is reported as failed

double nowMs() {
    return SDL_GetTicks64();
}

// libmpv's renderer resolves its own entry points: through the kiosk's one lookup.
void* getProc(void*, const char* name) {
    return glProcAddress(name);
}

// [SECTION] mpv options

// Output, decoding, looping and sound, before mpv_initialize.
void setPlaybackOptions(mpv_handle* mpv, bool headless, int volume, bool paused) {
    mpv_set_option_string(mpv, "vo", "libmpv");
    mpv_set_option_string(mpv, "hwdec", "no");
    // No GPU interop probing either: on a machine without CUDA it prints "Cannot load
    // libcuda.so.1" on every open, which buried real messages in the journal.
    mpv_set_option_string(mpv, "gpu-hwdec-interop", "no");
    mpv_set_option_string(mpv, "terminal", "no");
    mpv_set_option_string(mpv, "input-default-bindings", "no");
    mpv_set_option_string(mpv, "loop-file", "inf");
    mpv_set_option_string(mpv, "keep-open", "yes");
    mpv_set_option_string(mpv, "sub-auto", "no");
    mpv_set_option_string(mpv, "audio-fallback-to-null", "yes"); // no sound device: still plays
    if (headless) mpv_set_option_string(mpv, "ao", "null");
    mpv_set_option_string(mpv, "mute", "yes");
    mpv_set_option_string(mpv, "volume", std::to_string(volume).c_str());
    mpv_set_option_string(mpv, "pause", paused ? "yes" : "no");
}

// The bundle's subtitle files and how they look, before mpv_initialize.
void setSubtitleOptions(mpv_handle* mpv, const VideoPlayer::Source& source) {
    std::string subs;
    for (const auto& s : {source.subtitlesZh, source.subtitlesEn}) {
        if (s.empty()) continue;
        if (!subs.empty()) subs += ":";
        subs += s.string();
    }
    if (!subs.empty()) mpv_set_option_string(mpv, "sub-files", subs.c_str());
    // Subtitles in the UI's own typeface (libass finds the family through fontconfig), sized
    // for a visitor 2 m away: font size is in pixels of a 720-line frame, scaled with the view.
    // No sub-fonts-dir: libass would read every font file in that directory into memory (the
    // Noto CJK directory holds hundreds of MB), and fontconfig already knows the family.
    mpv_set_option_string(mpv, "sub-font", "Noto Sans CJK SC");
    mpv_set_option_string(mpv, "sub-bold", "yes");
    mpv_set_option_string(mpv, "sub-font-size", "44");
    mpv_set_option_string(mpv, "sub-color", "#FFFFFFFF");
    mpv_set_option_string(mpv, "sub-border-color", "#E00A0F1A");
    mpv_set_option_string(mpv, "sub-border-size", "3.5");
    mpv_set_option_string(mpv, "sub-shadow-offset", "1.5");
    mpv_set_option_string(mpv, "sub-shadow-color", "#800A0F1A");
    mpv_set_option_string(mpv, "sub-margin-y", "34");
}

// An OpenGL render context on the current GL context; null when libmpv has none here.
mpv_render_context* createRenderContext(mpv_handle* mpv) {
    mpv_opengl_init_params glInit{getProc, nullptr};
    int advanced = 0;
    mpv_render_param params[] = {
        {MPV_RENDER_PARAM_API_TYPE, const_cast<char*>(MPV_RENDER_API_TYPE_OPENGL)},
        {MPV_RENDER_PARAM_OPENGL_INIT_PARAMS, &glInit},
        {MPV_RENDER_PARAM_ADVANCED_CONTROL, &advanced},
        {MPV_RENDER_PARAM_INVALID, nullptr}};
    mpv_render_context* render = nullptr;
    if (mpv_render_context_create(&render, mpv, params) < 0) return nullptr;
    return render;
}
} // namespace

// [SECTION] The hub

// SDL user event types are process-wide: one registration serves every hub.
VideoHub::VideoHub() {
    static const Uint32 type = SDL_RegisterEvents(1);
    wakeEvent_ = type;
}

void VideoHub::wake() const {
    if (wakeEvent_ == static_cast<Uint32>(-1)) return;
    SDL_Event e{};
    e.type = wakeEvent_;
    SDL_PushEvent(&e); // thread-safe; wakes SDL_WaitEventTimeout
}

int VideoHub::setVolume(int percent) {
    volume_ = std::clamp(percent, 0, 100);
    std::string v = std::to_string(volume_);
    int reported = -1;
    for (VideoPlayer* p : players_) {
        if (!p->mpv_) continue;
        mpv_set_property_string(p->mpv_, "volume", v.c_str());
        reported = p->mpvVolume();
    }
    return reported;
}

bool VideoHub::pumpAll() {
    bool want = false;
    for (VideoPlayer* p : players_) want |= p->pump();
    return want;
}

void VideoHub::closeAll() {
    for (VideoPlayer* p : players_) p->close();
}

int VideoPlayer::mpvVolume() const {
    int64_t v = -1;
    if (mpv_) mpv_get_property(mpv_, "volume", MPV_FORMAT_INT64, &v);
    return static_cast<int>(v);
}

VideoPlayer::VideoPlayer(VideoHub& hub) : hub_(hub) {
    hub_.players_.push_back(this);
}

VideoPlayer::~VideoPlayer() {
    close();
    auto& all = hub_.players_;
    all.erase(std::remove(all.begin(), all.end(), this), all.end());
}

bool VideoPlayer::ensureGl(std::string& err) {
    if (!glReady()) {
        err = "no OpenGL framebuffer functions";
        return false;
    }
    if (fbo_ && width_ == source_.width && height_ == source_.height) return true;
    width_ = std::max(16, source_.width);
    height_ = std::max(16, source_.height);
    GLint prevTex = 0, prevFbo = 0;
    gl().getIntegerv(GL_TEXTURE_BINDING_2D, &prevTex);
    gl().getIntegerv(GL_FRAMEBUFFER_BINDING, &prevFbo);
    GLuint tex = static_cast<GLuint>(texture_);
    if (!tex) gl().genTextures(1, &tex);
    texture_ = tex;
    gl().bindTexture(GL_TEXTURE_2D, tex);
    setTextureSampling(GL_LINEAR);
    gl().texImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, width_, height_, 0, GL_RGBA, GL_UNSIGNED_BYTE,
                    nullptr);
    GLuint fbo = fbo_;
    if (!fbo) gl().genFramebuffers(1, &fbo);
    fbo_ = fbo;
    gl().bindFramebuffer(GL_FRAMEBUFFER, fbo);
    gl().framebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, tex, 0);
    bool complete = gl().checkFramebufferStatus(GL_FRAMEBUFFER) == GL_FRAMEBUFFER_COMPLETE;
    gl().bindFramebuffer(GL_FRAMEBUFFER, static_cast<GLuint>(prevFbo));
    gl().bindTexture(GL_TEXTURE_2D, static_cast<GLuint>(prevTex));
    if (!complete) err = "the video framebuffer is incomplete";
    return complete;
}

// [SECTION] Open and close

void VideoPlayer::fail(const std::string& why) {
    failed_ = true;
    loading_ = false;
    playing_ = false;
    error_ = why;
    logLine("video: %s", why.c_str());
}

bool VideoPlayer::open(const Source& source, bool autoplay) {
    close();
    source_ = source;
    failed_ = false;
    error_.clear();
    position_ = duration_ = 0;
    framesRendered_ = 0;
    if (source.file.empty()) {
        fail("the content has no video file");
        return false;
    }
    std::string err;
    if (!ensureGl(err)) {
        fail(err);
        return false;
    }
    mpv_ = mpv_create();
    if (!mpv_) {
        fail("libmpv could not start");
        return false;
    }
    muted_ = true; // a booth video starts muted; the visitor can turn sound on
    playing_ = autoplay && !hub_.headless_;
    setPlaybackOptions(mpv_, hub_.headless_, hub_.volume_, !playing_);
    setSubtitleOptions(mpv_, source);
    mpv_request_log_messages(mpv_, "error");
    if (mpv_initialize(mpv_) < 0) {
        mpv_terminate_destroy(mpv_);
        mpv_ = nullptr;
        fail("libmpv could not be initialised");
        return false;
    }
    render_ = createRenderContext(mpv_);
    if (!render_) {
        mpv_terminate_destroy(mpv_);
        mpv_ = nullptr;
        fail("libmpv has no OpenGL renderer here");
        return false;
    }
    mpv_set_wakeup_callback(mpv_, &VideoPlayer::onWakeup, this);
    mpv_render_context_set_update_callback(render_, &VideoPlayer::onUpdate, this);
    mpv_observe_property(mpv_, 1, "time-pos", MPV_FORMAT_DOUBLE);
    mpv_observe_property(mpv_, 2, "duration", MPV_FORMAT_DOUBLE);
    std::string file = source.file.string();
    const char* cmd[] = {"loadfile", file.c_str(), nullptr};
    mpv_command_async(mpv_, 0, cmd);
    loading_ = true;
    loadStartMs_ = nowMs();
    return true;
}

void VideoPlayer::close() {
    // The render context goes first, while mpv still exists (libmpv's rule).
    if (render_) {
        mpv_render_context_set_update_callback(render_, nullptr, nullptr);
        mpv_render_context_free(render_);
        render_ = nullptr;
    }
    if (mpv_) {
        mpv_set_wakeup_callback(mpv_, nullptr, nullptr);
        mpv_terminate_destroy(mpv_);
        mpv_ = nullptr;
    }
    if (glReady() && fbo_) {
        GLuint f = fbo_;
        gl().deleteFramebuffers(1, &f);
    }
    if (glReady() && texture_) {
        GLuint t = static_cast<GLuint>(texture_);
        gl().deleteTextures(1, &t);
    }
    fbo_ = 0;
    texture_ = 0;
    width_ = height_ = 0;
    playing_ = loading_ = needRender_ = false;
    subIdZh_ = subIdEn_ = 0;
    wakeup_ = update_ = false;
}

// [SECTION] Events and rendering

void VideoPlayer::onWakeup(void* self) {
    auto* player = static_cast<VideoPlayer*>(self);
    player->wakeup_ = true;
    player->hub_.wake();
}

void VideoPlayer::onUpdate(void* self) {
    auto* player = static_cast<VideoPlayer*>(self);
    player->update_ = true;
    player->hub_.wake();
}

bool VideoPlayer::pump() {
    if (!mpv_) return false;
    bool want = false;
    if (wakeup_.exchange(false)) {
        for (;;) {
            mpv_event* ev = mpv_wait_event(mpv_, 0);
            if (ev->event_id == MPV_EVENT_NONE) break;
            switch (ev->event_id) {
                case MPV_EVENT_LOG_MESSAGE: {
                    auto* m = static_cast<mpv_event_log_message*>(ev->data);
                    std::string text = m->text ? m->text : "";
                    while (!text.empty() && text.back() == '\n') text.pop_back();
                    if (error_.empty() && !text.empty()) error_ = text; // the first, clearest one
                    break;
                }
                case MPV_EVENT_FILE_LOADED: {
                    // Find the external subtitle tracks (ids follow the sub-files order).
                    int64_t count = 0;
                    mpv_get_property(mpv_, "track-list/count", MPV_FORMAT_INT64, &count);
                    for (int64_t i = 0; i < count; ++i) {
                        std::string base = "track-list/" + std::to_string(i) + "/";
                        char* type = mpv_get_property_string(mpv_, (base + "type").c_str());
                        char* ext =
                            mpv_get_property_string(mpv_, (base + "external-filename").c_str());
                        int64_t id = 0;
                        mpv_get_property(mpv_, (base + "id").c_str(), MPV_FORMAT_INT64, &id);
                        if (type && ext && std::string(type) == "sub") {
                            if (source_.subtitlesZh.string() == ext) subIdZh_ = id;
                            if (source_.subtitlesEn.string() == ext) subIdEn_ = id;
                        }
                        mpv_free(type);
                        mpv_free(ext);
                    }
                    applySubtitle();
                    want = true;
                    break;
                }
                case MPV_EVENT_END_FILE: {
                    auto* end = static_cast<mpv_event_end_file*>(ev->data);
                    if (end->reason == MPV_END_FILE_REASON_ERROR) {
                        std::string why = mpv_error_string(end->error);
                        fail(error_.empty() ? why : error_ + " (" + why + ")");
                        want = true;
                    }
                    break;
                }
                case MPV_EVENT_PROPERTY_CHANGE: {
                    auto* p = static_cast<mpv_event_property*>(ev->data);
                    if (p->format == MPV_FORMAT_DOUBLE && p->data) {
                        double v = *static_cast<double*>(p->data);
                        if (ev->reply_userdata == 1) {
                            // Back near the start from past the middle: the film looped.
                            if (duration_ > 0 && position_ > duration_ * 0.5 &&
                                v < duration_ * 0.25)
                                ++hub_.loops_;
                            position_ = v;
                        }
                        if (ev->reply_userdata == 2) duration_ = v;
                    }
                    break;
                }
                default:
                    break;
            }
        }
    }
    if (update_.exchange(false) && render_) {
        if (mpv_render_context_update(render_) & MPV_RENDER_UPDATE_FRAME) needRender_ = true;
    }
    if (loading_ && nowMs() - loadStartMs_ > kLoadTimeoutMs) {
        fail("the video did not start within " + std::to_string(int(kLoadTimeoutMs / 1000)) + " s");
        want = true;
    }
    if (!onScreen_) return false;
    // Headless, only loading and errors ask for frames: playback never drives the loop there.
    if (loading_ || want) return true;
    return needRender_ && !hub_.headless_;
}

void VideoPlayer::renderIfNeeded() {
    onScreen_ = true;
    if (!render_ || !needRender_) return;
    needRender_ = false;
    GLint prevFbo = 0, vp[4] = {0, 0, 0, 0};
    gl().getIntegerv(GL_FRAMEBUFFER_BINDING, &prevFbo);
    gl().getIntegerv(GL_VIEWPORT, vp);
    mpv_opengl_fbo target{static_cast<int>(fbo_), width_, height_, 0};
    int flip = 0; // the texture is sampled top-down by ImGui: keep mpv's row order
    int block = 0;
    mpv_render_param params[] = {{MPV_RENDER_PARAM_OPENGL_FBO, &target},
                                 {MPV_RENDER_PARAM_FLIP_Y, &flip},
                                 {MPV_RENDER_PARAM_BLOCK_FOR_TARGET_TIME, &block},
                                 {MPV_RENDER_PARAM_INVALID, nullptr}};
    mpv_render_context_render(render_, params);
    gl().bindFramebuffer(GL_FRAMEBUFFER, static_cast<GLuint>(prevFbo));
    gl().viewport(vp[0], vp[1], vp[2], vp[3]);
    ++framesRendered_;
    loading_ = false;
}

// [SECTION] Controls

void VideoPlayer::play() {
    if (!mpv_ || failed_) return;
    playing_ = true;
    mpv_set_property_string(mpv_, "pause", "no");
}

void VideoPlayer::pause() {
    if (!mpv_) return;
    playing_ = false;
    mpv_set_property_string(mpv_, "pause", "yes");
}

void VideoPlayer::setMuted(bool muted) {
    muted_ = muted;
    if (mpv_) mpv_set_property_string(mpv_, "mute", muted ? "yes" : "no");
}

void VideoPlayer::seekFraction(double fraction) {
    if (!mpv_ || duration_ <= 0) return;
    std::string t = std::to_string(std::clamp(fraction, 0.0, 1.0) * duration_);
    const char* cmd[] = {"seek", t.c_str(), "absolute", nullptr};
    mpv_command_async(mpv_, 0, cmd);
    position_ = std::clamp(fraction, 0.0, 1.0) * duration_;
}

void VideoPlayer::setSubtitleLanguageZh(bool zh) {
    if (zh == subZh_) return;
    subZh_ = zh;
    applySubtitle();
}

void VideoPlayer::applySubtitle() {
    if (!mpv_) return;
    int64_t id = subZh_ ? subIdZh_ : subIdEn_;
    if (id > 0) mpv_set_property(mpv_, "sid", MPV_FORMAT_INT64, &id);
}

} // namespace zj

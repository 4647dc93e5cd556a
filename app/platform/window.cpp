#include "platform/window.hpp"

#include "platform/gl_api.hpp"

#include <SDL.h>
#include <cstring>

namespace zj {

Window::~Window() {
    close();
}

bool Window::open(const WindowOptions& options, std::string& err) {
    // Touch is handled by our own gesture layer: no synthetic mouse events from touches, and
    // no mouse capture (both misbehave on X11; see DESIGN.md).
    SDL_SetHint(SDL_HINT_TOUCH_MOUSE_EVENTS, "0");
    SDL_SetHint(SDL_HINT_MOUSE_AUTO_CAPTURE, "0");
    SDL_SetHint(SDL_HINT_VIDEO_MINIMIZE_ON_FOCUS_LOSS, "0");
    SDL_SetHint(SDL_HINT_VIDEO_X11_NET_WM_BYPASS_COMPOSITOR, "0");

    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS | SDL_INIT_TIMER) != 0) {
        err = std::string("no display: cannot start video (") + SDL_GetError() +
              "); run it in a graphical session (X11, Wayland or cage), or headless with "
              "SDL_VIDEODRIVER=offscreen";
        return false;
    }
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_FLAGS, 0);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_CORE);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
    SDL_GL_SetAttribute(SDL_GL_DEPTH_SIZE, 0);
    SDL_GL_SetAttribute(SDL_GL_STENCIL_SIZE, 0);

    // SDL falls back to its offscreen driver when no display answers: for the kiosk itself
    // that means there is no screen to show anything on.
    const char* driver = SDL_GetCurrentVideoDriver();
    bool offscreen =
        driver && (SDL_strcmp(driver, "offscreen") == 0 || SDL_strcmp(driver, "dummy") == 0);
    const char* asked = SDL_getenv("SDL_VIDEODRIVER");
    if (offscreen && !options.allowHeadless && !(asked && SDL_strcmp(asked, driver) == 0)) {
        err = "no display: neither X11 nor Wayland answered (DISPLAY / WAYLAND_DISPLAY unset or "
              "unreachable); start it in a graphical session (X11, Wayland or cage), or headless "
              "with SDL_VIDEODRIVER=offscreen";
        SDL_Quit();
        return false;
    }
    // A fullscreen request on the offscreen driver gives 1024x768: headless runs use a window.
    fullscreen_ = options.fullscreen && !offscreen;

    Uint32 flags = SDL_WINDOW_OPENGL | SDL_WINDOW_ALLOW_HIGHDPI;
    flags |= fullscreen_ ? SDL_WINDOW_FULLSCREEN_DESKTOP : SDL_WINDOW_SHOWN;
    window_ = SDL_CreateWindow(options.title, SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED,
                               options.width, options.height, flags);
    if (!window_) {
        err = std::string("cannot create the window: ") + SDL_GetError();
        SDL_Quit();
        return false;
    }
    context_ = SDL_GL_CreateContext(window_);
    if (!context_) {
        err = std::string("cannot create an OpenGL 3.3 core context: ") + SDL_GetError();
        close();
        return false;
    }
    SDL_GL_MakeCurrent(window_, context_);
    // Every GL entry point, once, here: a context without one fails now, naming it, rather than
    // at the first photo or video.
    if (!loadGl(err)) {
        close();
        return false;
    }
    SDL_GL_SetSwapInterval(1); // vsync where available; we render only on demand anyway
    if (fullscreen_) SDL_ShowCursor(SDL_DISABLE);
    return true;
}

void Window::close() {
    unloadGl();
    if (context_) SDL_GL_DeleteContext(context_);
    if (window_) SDL_DestroyWindow(window_);
    if (context_ || window_) SDL_Quit();
    context_ = nullptr;
    window_ = nullptr;
}

int Window::width() const {
    int w = 0, h = 0;
    SDL_GL_GetDrawableSize(window_, &w, &h);
    return w;
}

int Window::height() const {
    int w = 0, h = 0;
    SDL_GL_GetDrawableSize(window_, &w, &h);
    return h;
}

bool Window::resize(int width, int height, std::string& err) {
    if (fullscreen_) {
        err = "cannot resize a fullscreen window";
        return false;
    }
    SDL_SetWindowSize(window_, width, height);
    SDL_PumpEvents();
    if (this->width() != width || this->height() != height) {
        err = "window is " + std::to_string(this->width()) + "x" + std::to_string(this->height()) +
              " after asking for " + std::to_string(width) + "x" + std::to_string(height);
        return false;
    }
    return true;
}

void Window::swap() {
    SDL_GL_SwapWindow(window_);
    // Under SDL's offscreen driver (tests, monkey, soak) the swap of the EGL pbuffer does not
    // flush, and Mesa's llvmpipe queues every frame's commands: RSS grew by ~2 MB per frame
    // until glFinish (found by the monkey). Displays flush on swap, so only offscreen waits.
    static const bool offscreen = std::strcmp(SDL_GetCurrentVideoDriver(), "offscreen") == 0;
    if (offscreen && glReady()) gl().finish();
}

} // namespace zj

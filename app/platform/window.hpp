// The SDL window and its OpenGL 3.3 core context.
#pragma once
#include <string>

struct SDL_Window;

namespace zj {

struct WindowOptions {
    bool fullscreen = true; // kiosk default; --windowed WxH for development
    int width = 1920;       // windowed size (and the headless size)
    int height = 1080;
    const char* title = "zjmap-kiosk";
    bool allowHeadless = false; // scenarios and benchmarks may run on SDL's offscreen driver
};

class Window {
  public:
    Window() = default;
    Window(const Window&) = delete;
    Window& operator=(const Window&) = delete;
    ~Window();

    // Initialises SDL video and creates the window and context. On failure `err` is one line
    // a person can act on (e.g. "no display: ...").
    bool open(const WindowOptions& options, std::string& err);
    void close();

    SDL_Window* sdl() const { return window_; }
    void* glContext() const { return context_; }
    int width() const;                                    // drawable pixels
    int height() const;                                   // drawable pixels
    bool resize(int width, int height, std::string& err); // windowed/headless only
    void swap();
    bool fullscreen() const { return fullscreen_; }

  private:
    SDL_Window* window_ = nullptr;
    void* context_ = nullptr;
    bool fullscreen_ = false;
};

} // namespace zj

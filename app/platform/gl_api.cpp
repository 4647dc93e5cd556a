#include "platform/gl_api.hpp"

#include <SDL.h>

namespace zj {

namespace {
GlApi table;
bool ready = false;

// Resolves one entry point into its slot; the first name that does not resolve is kept.
template <class Fn>
void resolve(Fn& slot, const char* name, const char*& missing) {
    slot = reinterpret_cast<Fn>(SDL_GL_GetProcAddress(name));
    if (!slot && !missing) missing = name;
}
} // namespace

bool loadGl(std::string& err) {
    if (ready) return true;
    GlApi t;
    const char* missing = nullptr;
    resolve(t.genTextures, "glGenTextures", missing);
    resolve(t.deleteTextures, "glDeleteTextures", missing);
    resolve(t.bindTexture, "glBindTexture", missing);
    resolve(t.texParameteri, "glTexParameteri", missing);
    resolve(t.texParameteriv, "glTexParameteriv", missing);
    resolve(t.texImage2D, "glTexImage2D", missing);
    resolve(t.texSubImage2D, "glTexSubImage2D", missing);
    resolve(t.pixelStorei, "glPixelStorei", missing);
    resolve(t.genFramebuffers, "glGenFramebuffers", missing);
    resolve(t.deleteFramebuffers, "glDeleteFramebuffers", missing);
    resolve(t.bindFramebuffer, "glBindFramebuffer", missing);
    resolve(t.framebufferTexture2D, "glFramebufferTexture2D", missing);
    resolve(t.checkFramebufferStatus, "glCheckFramebufferStatus", missing);
    resolve(t.viewport, "glViewport", missing);
    resolve(t.clearColor, "glClearColor", missing);
    resolve(t.clear, "glClear", missing);
    resolve(t.readPixels, "glReadPixels", missing);
    resolve(t.getIntegerv, "glGetIntegerv", missing);
    resolve(t.getError, "glGetError", missing);
    resolve(t.finish, "glFinish", missing);
    if (missing) {
        err = std::string("the OpenGL context has no ") + missing;
        return false;
    }
    table = t;
    ready = true;
    return true;
}

void unloadGl() {
    table = GlApi{};
    ready = false;
}

bool glReady() {
    return ready;
}

const GlApi& gl() {
    return table;
}

void* glProcAddress(const char* name) {
    return SDL_GL_GetProcAddress(name);
}

void setTextureSampling(GLint filter) {
    gl().texParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, filter);
    gl().texParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, filter);
    gl().texParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    gl().texParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
}

void clearFrame(int width, int height, float r, float g, float b) {
    if (!ready) return;
    table.viewport(0, 0, width, height);
    table.clearColor(r, g, b, 1.0f);
    table.clear(GL_COLOR_BUFFER_BIT);
}

} // namespace zj

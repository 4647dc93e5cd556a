// The one way the kiosk reaches OpenGL: a table of every entry point it calls, resolved once
// through SDL_GL_GetProcAddress when Window::open has made the context current. The headless
// EGL context and GLX both resolve there, and nothing links against libGL's prototypes.
// <SDL_opengl.h> comes in for the GL types and enums only; keep this header out of headers
// that many UI files include (include it from .cpp files).
#pragma once
#include <SDL_opengl.h>
#include <string>

namespace zj {

struct GlApi {
    // Textures
    void(APIENTRY* genTextures)(GLsizei, GLuint*) = nullptr;
    void(APIENTRY* deleteTextures)(GLsizei, const GLuint*) = nullptr;
    void(APIENTRY* bindTexture)(GLenum, GLuint) = nullptr;
    void(APIENTRY* texParameteri)(GLenum, GLenum, GLint) = nullptr;
    void(APIENTRY* texParameteriv)(GLenum, GLenum, const GLint*) = nullptr;
    void(APIENTRY* texImage2D)(GLenum, GLint, GLint, GLsizei, GLsizei, GLint, GLenum, GLenum,
                               const void*) = nullptr;
    void(APIENTRY* texSubImage2D)(GLenum, GLint, GLint, GLint, GLsizei, GLsizei, GLenum, GLenum,
                                  const void*) = nullptr;
    void(APIENTRY* pixelStorei)(GLenum, GLint) = nullptr;
    // Framebuffers (the video players render into their own)
    void(APIENTRY* genFramebuffers)(GLsizei, GLuint*) = nullptr;
    void(APIENTRY* deleteFramebuffers)(GLsizei, const GLuint*) = nullptr;
    void(APIENTRY* bindFramebuffer)(GLenum, GLuint) = nullptr;
    void(APIENTRY* framebufferTexture2D)(GLenum, GLenum, GLenum, GLuint, GLint) = nullptr;
    GLenum(APIENTRY* checkFramebufferStatus)(GLenum) = nullptr;
    // Frame, state and readback
    void(APIENTRY* viewport)(GLint, GLint, GLsizei, GLsizei) = nullptr;
    void(APIENTRY* clearColor)(GLfloat, GLfloat, GLfloat, GLfloat) = nullptr;
    void(APIENTRY* clear)(GLbitfield) = nullptr;
    void(APIENTRY* readPixels)(GLint, GLint, GLsizei, GLsizei, GLenum, GLenum, void*) = nullptr;
    void(APIENTRY* getIntegerv)(GLenum, GLint*) = nullptr;
    GLenum(APIENTRY* getError)() = nullptr;
    void(APIENTRY* finish)() = nullptr;
};

// Resolves every entry point from the current context. On failure nothing is loaded and err
// names the first missing entry point. Loading again after success does nothing.
bool loadGl(std::string& err);
// Forgets the table: called before the context is deleted, so nothing calls into a dead one.
void unloadGl();
// True between a successful loadGl and unloadGl.
bool glReady();
// The table; every pointer is null unless glReady().
const GlApi& gl();
// The same lookup, for libraries that resolve their own entry points (libmpv's renderer).
void* glProcAddress(const char* name);

// The start of every frame: viewport to the drawable, clear to the background colour.
void clearFrame(int width, int height, float r, float g, float b);
// The bound 2D texture's sampling: `filter` (GL_LINEAR, GL_NEAREST) both ways, edges clamped
// (UI images are drawn whole: a repeat would bleed the far edge into a border).
void setTextureSampling(GLint filter);

} // namespace zj

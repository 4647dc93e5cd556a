// Fixture for platform_one_gl_loader_refuses: a second loader with its own prototypes.
#define GL_GLEXT_PROTOTYPES 1
#include <SDL_opengl.h>

void* lookup(const char* name) {
    return SDL_GL_GetProcAddress(name);
}

void upload(GLuint* tex) {
    glGenTextures(1, tex); // a direct prototype call
    // glFinish() in a comment is not a call
    if (zj::glReady()) zj::gl().finish();
}

void mixed() {
    if (glReady()) glFinish(); // a loader name on the line does not hide a call
}

// Fixture: the named exceptions cover only the frame clear, not a new call.
#include <SDL_opengl.h>

void frame(int w, int h) {
    glViewport(0, 0, w, h);
    glFinish();
}

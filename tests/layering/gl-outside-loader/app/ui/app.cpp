// Fixture: no file is exempt, the frame clear included.
#include <SDL_opengl.h>

void frame(int w, int h) {
    glViewport(0, 0, w, h);
    glFinish();
}

// Fixture: test drivers use the loader too.
void clearIt() {
    glClear(GL_COLOR_BUFFER_BIT);
}

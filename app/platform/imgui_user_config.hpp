// Dear ImGui configuration for our own translation units (IMGUI_USER_CONFIG, app/CMakeLists.txt).
// IM_ASSERT stays on in every build type: RelWithDebInfo defines NDEBUG, which would silently
// drop the asserts of imgui.h's inline code compiled into our files (ImVector bounds, the
// Push/Pop helpers). A kiosk that runs for months should stop loudly (systemd restarts it)
// rather than run on with a corrupt UI state, and the monkey test counts on the abort.
// Debian's prebuilt libimgui.a keeps its own assert() calls (built without NDEBUG); this file
// does not change them.
#pragma once
#include <cstdio>
#include <cstdlib>

[[noreturn]] inline void zjImGuiAssertFailed(const char* expr, const char* file, int line) {
    std::fprintf(stderr, "ImGui assertion failed: %s (%s:%d)\n", expr, file, line);
    std::abort();
}

#define IM_ASSERT(_EXPR) ((_EXPR) ? (void)0 : zjImGuiAssertFailed(#_EXPR, __FILE__, __LINE__))

// libmpv, loaded on first use rather than at exec: it brings ~230 shared libraries (FFmpeg,
// libass, audio outputs...), which cost tens of ms of relocation before main() and tens of MiB
// of PSS on a kiosk showing only the home screen. These definitions of the libmpv functions the
// video player uses forward to the real ones, found with dlopen/dlsym the first time a video
// is created; the kiosk does not link libmpv (app/CMakeLists.txt). The real headers declare
// every function, so a signature that does not match libmpv's fails to compile.
#include <dlfcn.h>
#include <mpv/client.h>
#include <mpv/render.h>

#include <cstdio>
#include <mutex>

namespace {

constexpr const char* kLibMpv = "libmpv.so.2"; // Debian 12's libmpv2

// Every libmpv function the video player calls, once: the table and the lookup expand it.
#define ZJ_MPV_FUNCTIONS(X)                                                                        \
    X(mpv_create)                                                                                  \
    X(mpv_initialize)                                                                              \
    X(mpv_terminate_destroy)                                                                       \
    X(mpv_set_option_string)                                                                       \
    X(mpv_set_property_string)                                                                     \
    X(mpv_set_property)                                                                            \
    X(mpv_get_property)                                                                            \
    X(mpv_get_property_string)                                                                     \
    X(mpv_free)                                                                                    \
    X(mpv_command_async)                                                                           \
    X(mpv_wait_event)                                                                              \
    X(mpv_set_wakeup_callback)                                                                     \
    X(mpv_observe_property)                                                                        \
    X(mpv_request_log_messages)                                                                    \
    X(mpv_error_string)                                                                            \
    X(mpv_render_context_create)                                                                   \
    X(mpv_render_context_set_update_callback)                                                      \
    X(mpv_render_context_update)                                                                   \
    X(mpv_render_context_render)                                                                   \
    X(mpv_render_context_free)

struct LibMpv {
#define ZJ_MPV(fn) decltype(&::fn) fn = nullptr;
    ZJ_MPV_FUNCTIONS(ZJ_MPV)
#undef ZJ_MPV
    bool ok = false;
};

const LibMpv& lib() {
    static LibMpv l;
    static std::once_flag once;
    std::call_once(once, [] {
        void* h = dlopen(kLibMpv, RTLD_NOW | RTLD_LOCAL);
        if (!h) {
            std::fprintf(stderr, "zjmap-kiosk: video: cannot load %s: %s\n", kLibMpv, dlerror());
            return;
        }
        const char* missing = nullptr; // the first function this libmpv lacks
#define ZJ_MPV(fn)                                                                                 \
    l.fn = reinterpret_cast<decltype(l.fn)>(dlsym(h, #fn));                                        \
    if (!l.fn && !missing) missing = #fn;
        ZJ_MPV_FUNCTIONS(ZJ_MPV)
#undef ZJ_MPV
        if (missing) std::fprintf(stderr, "zjmap-kiosk: video: %s lacks %s\n", kLibMpv, missing);
        l.ok = missing == nullptr;
    });
    return l;
}

} // namespace

// Without libmpv, mpv_create() returns null (the player shows "video cannot be played"); the
// other functions are only reached with a handle, so they need no fallback beyond an error.
mpv_handle* mpv_create() {
    return lib().ok ? lib().mpv_create() : nullptr;
}
int mpv_initialize(mpv_handle* ctx) {
    return lib().mpv_initialize(ctx);
}
void mpv_terminate_destroy(mpv_handle* ctx) {
    lib().mpv_terminate_destroy(ctx);
}
int mpv_set_option_string(mpv_handle* ctx, const char* name, const char* data) {
    return lib().mpv_set_option_string(ctx, name, data);
}
int mpv_set_property_string(mpv_handle* ctx, const char* name, const char* data) {
    return lib().mpv_set_property_string(ctx, name, data);
}
int mpv_set_property(mpv_handle* ctx, const char* name, mpv_format format, void* data) {
    return lib().mpv_set_property(ctx, name, format, data);
}
int mpv_get_property(mpv_handle* ctx, const char* name, mpv_format format, void* data) {
    return lib().mpv_get_property(ctx, name, format, data);
}
char* mpv_get_property_string(mpv_handle* ctx, const char* name) {
    return lib().mpv_get_property_string(ctx, name);
}
void mpv_free(void* data) {
    if (lib().ok) lib().mpv_free(data);
}
int mpv_command_async(mpv_handle* ctx, uint64_t reply, const char** args) {
    return lib().mpv_command_async(ctx, reply, args);
}
mpv_event* mpv_wait_event(mpv_handle* ctx, double timeout) {
    return lib().mpv_wait_event(ctx, timeout);
}
void mpv_set_wakeup_callback(mpv_handle* ctx, void (*cb)(void* d), void* d) {
    lib().mpv_set_wakeup_callback(ctx, cb, d);
}
int mpv_observe_property(mpv_handle* ctx, uint64_t reply, const char* name, mpv_format format) {
    return lib().mpv_observe_property(ctx, reply, name, format);
}
int mpv_request_log_messages(mpv_handle* ctx, const char* minLevel) {
    return lib().mpv_request_log_messages(ctx, minLevel);
}
const char* mpv_error_string(int error) {
    return lib().ok ? lib().mpv_error_string(error) : "libmpv is not available";
}
int mpv_render_context_create(mpv_render_context** res, mpv_handle* mpv, mpv_render_param* params) {
    return lib().mpv_render_context_create(res, mpv, params);
}
void mpv_render_context_set_update_callback(mpv_render_context* ctx, mpv_render_update_fn cb,
                                            void* cbCtx) {
    lib().mpv_render_context_set_update_callback(ctx, cb, cbCtx);
}
uint64_t mpv_render_context_update(mpv_render_context* ctx) {
    return lib().mpv_render_context_update(ctx);
}
int mpv_render_context_render(mpv_render_context* ctx, mpv_render_param* params) {
    return lib().mpv_render_context_render(ctx, params);
}
void mpv_render_context_free(mpv_render_context* ctx) {
    lib().mpv_render_context_free(ctx);
}

#include "crash_report.hpp"

#include <csignal>
#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <unistd.h>

#if defined(__SANITIZE_ADDRESS__)
#include <sanitizer/common_interface_defs.h>
#endif

namespace zj::crash {

volatile uint64_t g_event = 0;
const char* volatile g_action = "start";

namespace {

// What the signal handler prints. Plain globals: a handler may only read them.
volatile uint64_t g_seed = 0;
volatile uint64_t g_events = 0;
const char* volatile g_mode = "monkey";
struct sigaction g_previous[32];

// Async-signal-safe: write(2) and hand-made number formatting only.
void writeText(const char* s) {
    ssize_t ignored = write(STDERR_FILENO, s, std::strlen(s));
    (void)ignored;
}

void writeNumber(uint64_t n) {
    char buf[24];
    int i = sizeof buf;
    buf[--i] = 0;
    do {
        buf[--i] = static_cast<char>('0' + n % 10);
        n /= 10;
    } while (n && i > 0);
    writeText(buf + i);
}

void writeWhere(const char* what) {
    writeText("\n");
    writeText(g_mode);
    writeText(": FAIL ");
    writeText(what);
    writeText(" at event ");
    writeNumber(g_event);
    writeText(" of ");
    writeNumber(g_events);
    writeText(" (");
    writeText(g_action);
    writeText("), seed ");
    writeNumber(g_seed);
    writeText("\n");
}

void onFatalSignal(int sig, siginfo_t* info, void* context) {
    // SIGABRT is what a failed assert() does, including ImGui's IM_ASSERT in Debian's libimgui.
    writeWhere(sig == SIGABRT   ? "abort (an assertion failed?)"
               : sig == SIGSEGV ? "crash (SIGSEGV)"
               : sig == SIGBUS  ? "crash (SIGBUS)"
               : sig == SIGFPE  ? "crash (SIGFPE)"
                                : "crash (SIGILL)");
    // Chain to whoever was there before (AddressSanitizer prints its report), else die by the
    // same signal so the exit status says what happened.
    const struct sigaction& prev = g_previous[sig];
    if ((prev.sa_flags & SA_SIGINFO) && prev.sa_sigaction) {
        prev.sa_sigaction(sig, info, context);
    } else if (!(prev.sa_flags & SA_SIGINFO) && prev.sa_handler != SIG_DFL &&
               prev.sa_handler != SIG_IGN) {
        prev.sa_handler(sig);
    }
    signal(sig, SIG_DFL);
    raise(sig);
}

#if defined(__SANITIZE_ADDRESS__)
void onSanitizerDeath() {
    writeWhere("sanitizer report");
}
#endif

} // namespace

void install(const char* mode, uint64_t seed, uint64_t events) {
    g_mode = mode;
    g_seed = seed;
    g_events = events;
    for (int sig : {SIGSEGV, SIGABRT, SIGBUS, SIGFPE, SIGILL}) {
        struct sigaction sa {};
        sa.sa_sigaction = onFatalSignal;
        sa.sa_flags = SA_SIGINFO | SA_RESETHAND | SA_NODEFER;
        sigemptyset(&sa.sa_mask);
        sigaction(sig, &sa, &g_previous[sig]);
    }
#if defined(__SANITIZE_ADDRESS__)
    __sanitizer_set_death_callback(onSanitizerDeath);
#endif
}

} // namespace zj::crash

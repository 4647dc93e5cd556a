// What a dying test driver says: signal handlers (and the sanitizers' death callback) that name
// the mode, the seed, the event and the action under way, then let the process die by the same
// signal (or chain to the sanitizer that was there first).
#pragma once
#include <cstdint>

namespace zj::crash {

// Plain globals: a signal handler may only read them.
extern volatile uint64_t g_event;
extern const char* volatile g_action; // a string literal: the action under way

void install(const char* mode, uint64_t seed, uint64_t events);

} // namespace zj::crash

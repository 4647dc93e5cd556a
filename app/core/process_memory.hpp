// This process's resident memory, from /proc/self/statm (the monkey, the soak, --metrics).
#pragma once
#include <cstdint>

namespace zj {

uint64_t residentBytes(); // 0 when unknown

} // namespace zj

#include "core/process_memory.hpp"

#include <cstdio>
#include <unistd.h>

namespace zj {

uint64_t residentBytes() {
    unsigned long long pages = 0, resident = 0;
    FILE* f = std::fopen("/proc/self/statm", "r");
    if (!f) return 0;
    if (std::fscanf(f, "%llu %llu", &pages, &resident) != 2) resident = 0;
    std::fclose(f);
    return uint64_t(resident) * uint64_t(sysconf(_SC_PAGESIZE));
}

} // namespace zj

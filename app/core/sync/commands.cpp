// Placeholder until the sync issue lands.
#include "core/sync/commands.hpp"

#include <cstdio>

namespace zj {

int runSyncCommand(const std::vector<std::string>&) {
    std::fprintf(stderr, "zjmap-kiosk sync: not built yet\n");
    return 2;
}

int runStatusCommand(const std::vector<std::string>&) {
    std::fprintf(stderr, "zjmap-kiosk status: not built yet\n");
    return 2;
}

} // namespace zj

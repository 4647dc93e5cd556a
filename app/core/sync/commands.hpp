// `zjmap-kiosk sync ...` and `zjmap-kiosk status ...`: headless commands, no display needed.
// Each takes the arguments after its name and returns the process exit code.
#pragma once
#include <string>
#include <vector>

namespace zj {

// sync --once [--config F] [--data D] [--source URL] [--public-key F]
int runSyncCommand(const std::vector<std::string>& args);
// status [--config F] [--data D]
int runStatusCommand(const std::vector<std::string>& args);

} // namespace zj

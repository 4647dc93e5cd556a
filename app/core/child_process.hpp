// Running another program of ours (zjmap-pack, zjmap-kiosk) without a shell, its output in a log.
#pragma once
#include <sys/types.h>

#include <filesystem>
#include <string>
#include <vector>

namespace zj {

// Starts argv[0] (searched on PATH when it has no slash) with stdout and stderr going to `log`
// (created 0600, truncated). Returns the child's pid, or -1 with `err` saying why.
pid_t spawnLogged(const std::vector<std::string>& argv, const std::filesystem::path& log,
                  std::string& err);

// Waits for the child: its exit status (0..255), or -1 when it did not exit normally.
int waitForExit(pid_t pid);

} // namespace zj

// Restarts counted across runs, for the staff panel and the metrics (zjmap_restarts_total): a
// booth that crashes, hangs until the watchdog kills it, or loses power shows it here.
//
// A run marker, state/running, is written (durably) and locked when the kiosk starts and removed
// when its loop ends cleanly (SIGTERM from systemd, the staff panel's restart or exit). A start
// that finds the marker still there follows an unclean end: a crash, a SIGKILL or SIGABRT from the
// watchdog, a power cut, or a start that failed before its loop ran (a crash loop looks like that
// too). state/restarts keeps the counts ("starts N\nunclean M\n"), rewritten atomically; the
// store's rules apply (ensureStoreLayout: real directories owned by the kiosk user; no file is read
// through a symlink). Scenarios and test drivers only read the counts.
#pragma once
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace zj {

struct RestartCounts {
    uint64_t starts = 0;  // every recorded start, this one included
    uint64_t unclean = 0; // starts that found the previous run's marker (an unclean end)
};

std::filesystem::path restartCountsFile(const std::filesystem::path& dataDir); // state/restarts
std::filesystem::path runMarkerFile(const std::filesystem::path& dataDir);     // state/running

// The counts kept in state/restarts; zeros when there is none yet. A file that is there but
// cannot be used (not a regular file, unreadable, not two counts) gives zeros and `err` names
// the file and what is wrong with it.
RestartCounts readRestartCounts(const std::filesystem::path& dataDir, std::string& err);

// Counts this start (and an unclean end when the marker is still there), writes the counts and
// the marker, and keeps the marker open and locked (flock) in `markerFd` for the life of the run.
// A marker locked by another kiosk running on the same store is left alone: this start is not
// counted (`markerFd` = -1). Never throws; `log` gets one line for an unclean end and one per
// problem (a corrupt counts file starts again from zero; a store that cannot be written keeps
// counting in memory only; a missing counts file is said once, as a new count). Returns the
// counts including this start.
RestartCounts recordStart(const std::filesystem::path& dataDir, std::vector<std::string>& log,
                          int& markerFd);

// The clean end: removes the marker (durably) and closes `markerFd`; nothing when it is -1. False
// with `err` when it could not be removed (the next start will then count an unclean end).
bool recordCleanExit(const std::filesystem::path& dataDir, int& markerFd, std::string& err);

} // namespace zj

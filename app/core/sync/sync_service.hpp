// The app's background sync: one worker thread runs a cycle at start, then every interval (plus
// jitter; doubling waits after failures), or at once on syncNow(). It never touches what is on
// screen: the UI thread polls takeNewVersion() between frames and switches at a safe moment
// (home screen or attract loop), then tells the service which version it shows, so garbage
// collection keeps that bundle's blobs.
//
//   SyncService sync(config, clock);   // config from loadKioskConfig (needs a public key)
//   sync.start();
//   ... each frame / on a timer:  if (auto v = sync.takeNewVersion()) pendingSwitch = *v;
//   ... when switched:            sync.setVersionInUse(v);
//   staff panel:                  sync.syncNow();  SyncServiceStatus s = sync.status();
//   shutdown:                     sync.stop();     // joins within about a second
#pragma once
#include "core/clock.hpp"
#include "core/sync/backoff.hpp"
#include "core/sync/config.hpp"
#include "core/sync/heartbeat.hpp"
#include "core/sync/sync_client.hpp"

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>

namespace zj {

struct SyncServiceStatus {
    bool running = false;          // the worker thread is alive
    bool syncing = false;          // a cycle is in progress
    std::optional<LastSync> last;  // the last finished attempt (also in state/last-sync.json)
    uint64_t installedVersion = 0; // current in the store (0 = none)
    int failures = 0;              // consecutive failed or refused cycles
    double msUntilNextAttempt = 0; // on the service clock
    uint64_t cycles = 0;           // cycles run since start()
};

class SyncService {
  public:
    SyncService(KioskConfig config, const Clock& clock);
    ~SyncService(); // stop()
    SyncService(const SyncService&) = delete;
    SyncService& operator=(const SyncService&) = delete;

    void start();   // no-op when running; the first cycle starts at once
    void syncNow(); // wake the worker: run a cycle now (ignored while one runs)
    void stop();    // aborts a running transfer and joins

    // A version installed and self-checked since the last call; the UI switches to it.
    std::optional<uint64_t> takeNewVersion();
    void setVersionInUse(uint64_t version); // the bundle on screen: GC keeps its blobs
    SyncServiceStatus status() const;
    // Visits since start, for the heartbeat's counts (any thread).
    void setSessions(uint64_t sessions) { sessions_ = sessions; }
    // The figures the heartbeat and the metrics textfile report (any thread).
    KioskStatusReport statusReport() const;

  private:
    void run();

    const KioskConfig config_;
    const Clock& clock_;
    mutable std::mutex mutex_;
    std::condition_variable wake_;
    std::thread worker_;
    std::atomic<bool> stopping_{false};
    bool nowRequested_ = false;
    bool syncing_ = false;
    uint64_t cycles_ = 0;
    bool lastWasUpToDate_ = false;               // worker only: "up to date" logged once a streak
    std::atomic<uint64_t> sessions_{0};          // visits since start (setSessions)
    double startedMs_ = 0;                       // for the uptime
    std::unique_ptr<HeartbeatSender> heartbeat_; // worker only; null without a URL
    Backoff backoff_;
    std::optional<uint64_t> newVersion_;
    uint64_t versionInUse_ = 0;
    std::optional<LastSync> last_;
};

} // namespace zj

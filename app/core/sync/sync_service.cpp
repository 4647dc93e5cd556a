#include "core/sync/sync_service.hpp"
#include "core/bundle/store.hpp"
#include "core/session/log_ring.hpp"
#include "core/version.hpp"

#include <chrono>
#include <ctime>

namespace zj {

static BackoffPolicy policyOf(const KioskConfig& c) {
    BackoffPolicy p;
    p.intervalMs = double(c.intervalS) * 1000.0;
    p.maxMs = double(std::max(c.maxBackoffS, c.intervalS)) * 1000.0;
    p.jitterMs = double(c.jitterS) * 1000.0;
    return p;
}

SyncService::SyncService(KioskConfig config, const Clock& clock)
    : config_(std::move(config)), clock_(clock), backoff_(clock, policyOf(config_)) {
    last_ = loadLastSync(config_.dataDir);
    startedMs_ = clock_.nowMs();
    if (!config_.heartbeatUrl.empty())
        heartbeat_ = std::make_unique<HeartbeatSender>(HeartbeatOptions{
            config_.heartbeatUrl, config_.heartbeatTimeoutS, config_.caFile.string(),
            config_.heartbeatToken, config_.heartbeatAllowHttp});
}

KioskStatusReport SyncService::statusReport() const {
    KioskStatusReport r;
    r.kioskId = config_.kioskId.empty() ? defaultKioskId() : config_.kioskId;
    r.appVersion = versionString();
    r.contentVersion = slotVersion(config_.dataDir, DataDir::kCurrent).value_or(0);
    r.uptimeS = (clock_.nowMs() - startedMs_) / 1000.0;
    r.time = clock_.wallSeconds();
    r.sessions = sessions_;
    std::lock_guard<std::mutex> lock(mutex_);
    r.syncCycles = cycles_;
    r.syncFailures = backoff_.failures();
    if (last_) {
        r.lastSyncResult = last_->result;
        if (last_->result == "failed" || last_->result == "refused") r.lastError = last_->reason;
        r.contentExpired = last_->stale;
    }
    return r;
}

SyncService::~SyncService() {
    stop();
}

void SyncService::start() {
    std::lock_guard<std::mutex> lock(mutex_);
    if (worker_.joinable()) return;
    stopping_ = false;
    backoff_.scheduleNow();
    worker_ = std::thread([this] { run(); });
}

void SyncService::syncNow() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        nowRequested_ = true;
    }
    wake_.notify_all();
}

void SyncService::stop() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        stopping_ = true; // also read by curl's progress callback: aborts a transfer
    }
    wake_.notify_all();
    if (worker_.joinable()) worker_.join();
}

std::optional<uint64_t> SyncService::takeNewVersion() {
    std::lock_guard<std::mutex> lock(mutex_);
    std::optional<uint64_t> v = newVersion_;
    newVersion_.reset();
    return v;
}

void SyncService::setVersionInUse(uint64_t version) {
    std::lock_guard<std::mutex> lock(mutex_);
    versionInUse_ = version;
}

SyncServiceStatus SyncService::status() const {
    std::lock_guard<std::mutex> lock(mutex_);
    SyncServiceStatus s;
    s.running = worker_.joinable() && !stopping_;
    s.syncing = syncing_;
    s.last = last_;
    s.installedVersion = slotVersion(config_.dataDir, DataDir::kCurrent).value_or(0);
    s.failures = backoff_.failures();
    s.msUntilNextAttempt = backoff_.msUntilDue();
    s.cycles = cycles_;
    return s;
}

void SyncService::run() {
    std::unique_lock<std::mutex> lock(mutex_);
    while (!stopping_) {
        if (!nowRequested_ && !backoff_.due()) {
            // Sleep until due; the clock is re-read on wake-up, so a wait that ends early (a
            // spurious wake, a stepped clock) simply goes round again.
            double waitMs = std::min(backoff_.msUntilDue(), 60e3);
            wake_.wait_for(lock, std::chrono::milliseconds(int64_t(waitMs) + 1),
                           [this] { return stopping_.load() || nowRequested_; });
            continue;
        }
        nowRequested_ = false;
        syncing_ = true;
        SyncOptions options;
        options.dataDir = config_.dataDir;
        options.publicKey = config_.publicKey.value_or(crypto::PublicKey{});
        options.limits = config_.limits;
        options.caFile = config_.caFile;
        options.clock = &clock_;
        options.allowDevelopmentKey = config_.allowDevelopmentKey;
        options.channel = config_.channel;
        options.rootKey = config_.rootKey;
        options.stop = &stopping_;
        if (versionInUse_) options.keepVersions.push_back(versionInUse_);
        lock.unlock();

        SyncResult result;
        if (!config_.publicKey && !config_.rootKey) {
            result.reason = "no publisher key configured ([sync] public_key)";
        } else {
            result = runSyncCycleAll(config_.sources, options);
        }
        LastSync last =
            toLastSync(result, clock_.wallSeconds(), last_); // only this thread writes last_
        std::string err;
        saveLastSync(config_.dataDir, last, err); // best effort: the snapshot is in memory too
        // Every outcome but a repeated "up to date" goes to the log (journal and staff panel):
        // a poll every few minutes must not push the interesting lines out.
        if (result.status != SyncStatus::UpToDate || !lastWasUpToDate_)
            logLine("sync: %s: %s", syncStatusName(result.status), result.reason.c_str());
        lastWasUpToDate_ = result.status == SyncStatus::UpToDate;

        lock.lock();
        syncing_ = false;
        cycles_++;
        last_ = last;
        if (result.status == SyncStatus::Updated) newVersion_ = result.version;
        if (result.ok())
            backoff_.onSuccess();
        else
            backoff_.onFailure();
        if (heartbeat_) {
            lock.unlock(); // statusReport() locks; the POST must not hold up status() callers
            std::string hbErr;
            size_t before = heartbeat_->queued() + 1;
            size_t sent = heartbeat_->send(heartbeatJson(statusReport()), hbErr, &stopping_);
            if (sent < before)
                logLine("heartbeat: %zu queued (%s)", heartbeat_->queued(), hbErr.c_str());
            lock.lock();
        }
    }
}

} // namespace zj

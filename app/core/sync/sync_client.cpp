// One sync cycle (see sync_client.hpp) as a sequence of named steps, each returning a Step: the
// first that does not say "go on" ends the cycle, and finish() turns it into the SyncResult.
// Every refusal leaves `current` untouched; every failure leaves at most a tmp/<sha>.part that a
// later cycle resumes (or deletes when it is garbage). Transports: source.hpp; state files:
// sync_state.hpp; self-check and recovery: bundle/self_check.hpp.
// [SECTION] The cycle's state
// [SECTION] Before the source: key, lock, recovery
// [SECTION] The source, the root list and the manifest
// [SECTION] Policy: channel, expiry, version, size, space
// [SECTION] Download, commit, switch, self-check, tidy-up
// [SECTION] Entry points
// [SECTION] Last sync status
#include "core/sync/sync_client.hpp"
#include "core/bundle/bundle.hpp"
#include "core/bundle/file_util.hpp"
#include "core/bundle/manifest.hpp"
#include "core/bundle/root_list.hpp"
#include "core/bundle/self_check.hpp"
#include "core/bundle/store.hpp"
#include "core/bundle/verified_blobs.hpp"
#include "core/content/startup.hpp"
#include "core/failpoint.hpp"
#include "core/sync/config.hpp"
#include "core/sync/redact.hpp"
#include "core/sync/source.hpp"
#include "core/sync/sync_state.hpp"

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <ctime>
#include <memory>
#include <set>
#include <sys/statvfs.h>

namespace zj {

namespace fs = std::filesystem;

const char* syncStatusName(SyncStatus status) {
    switch (status) {
        case SyncStatus::UpToDate:
            return "up-to-date";
        case SyncStatus::Updated:
            return "updated";
        case SyncStatus::Refused:
            return "refused";
        case SyncStatus::Failed:
            return "failed";
    }
    return "failed";
}

namespace {

constexpr uint64_t kMaxManifestBytes = uint64_t(16) << 20; // a manifest of ~100k files
constexpr uint64_t kMaxSignatureBytes = 1024;
constexpr uint64_t kMaxRootListBytes = 1 << 16;

// Which blobs of `manifest` must be fetched: absent ones, and present ones whose bytes no longer
// hash right (rot, an edit, a kill mid-write of an older kiosk), which are deleted first: a
// damaged local copy is fetched again, never blamed on the version that reuses it.
std::vector<ManifestFile> blobsToFetch(const fs::path& dataDir, const Manifest& manifest,
                                       VerifiedBlobs& verified, size_t& damaged, uint64_t& bytes) {
    std::vector<ManifestFile> missing;
    std::set<std::string> seen;
    damaged = 0;
    bytes = 0;
    for (const ManifestFile& f : manifest.files) {
        if (!seen.insert(f.sha256).second) continue;
        if (hasBlob(dataDir, f)) {
            fs::path blob = blobPath(dataDir, f.sha256);
            FileStamp before;
            stampOf(blob, before);
            std::string hex, err;
            if (crypto::sha256File(blob, hex, nullptr, err) && hex == f.sha256) {
                verified.record(f.sha256, blob, before);
                continue;
            }
            verified.forget(blob);
            removeBlob(dataDir, f.sha256);
            damaged++;
        }
        missing.push_back(f);
        bytes += f.size;
    }
    return missing;
}

//-----------------------------------------------------------------------------
// [SECTION] The cycle's state
//-----------------------------------------------------------------------------

class Cycle {
  public:
    Cycle(const std::string& sourceUrl, const SyncOptions& given)
        : o_(given), state_(given.dataDir), store_(given.dataDir) {
        r_.source = sourceUrl;
        // Expiry is judged by the clock, or by the signed time floor when the clock is behind.
        wall_ = o_.clock ? o_.clock->wallSeconds() : int64_t(std::time(nullptr));
        now_ = std::max(wall_, state_.timeFloor()); // again after a root list reset it
    }
    Cycle(const Cycle&) = delete;
    Cycle& operator=(const Cycle&) = delete;

    SyncResult run() {
        using StepFn = Step (Cycle::*)();
        static constexpr StepFn kSteps[] = {
            &Cycle::refuseDevelopmentKey,
            &Cycle::lockAndRecover,
            &Cycle::openTheSource,
            &Cycle::updateRootList,
            &Cycle::assessCurrent,
            &Cycle::fetchManifest,
            &Cycle::verifySignature,
            &Cycle::checkManifest,
            &Cycle::checkVersion,
            &Cycle::checkFreeSpace,
            &Cycle::download,
            &Cycle::commitAndSwitch,
            &Cycle::selfCheck,
            &Cycle::tidyUp,
        };
        Step step;
        for (StepFn next : kSteps)
            if (!(step = (this->*next)()).ok()) break; // tidyUp, the last, ends with Updated
        return finish(std::move(step));
    }

  private:
    Step refuseDevelopmentKey();
    Step lockAndRecover();
    Step openTheSource();
    Step updateRootList();
    Step assessCurrent();
    Step fetchManifest();
    Step verifySignature();
    Step checkManifest();
    Step checkVersion();
    Step checkFreeSpace();
    Step download();
    Step commitAndSwitch();
    Step selfCheck();
    Step tidyUp();

    SyncResult finish(Step step);
    void note(const std::string& line) { recovered_ += (recovered_.empty() ? "" : "; ") + line; }
    // Root mode: start from the key the store was installed with, if the kept list trusts it.
    void pickStartKey();
    std::string bundleName() const { return "bundle " + std::to_string(manifest_.version); }

    SyncOptions o_; // a copy: root mode picks the publisher key
    SyncResult r_;
    SyncState state_;
    DataDir store_;
    std::string recovered_; // what recovery and the root list did, in front of the reason
    int64_t wall_ = 0, now_ = 0;
    StoreLock lock_;
    std::optional<RootList> keptRoot_;
    VerifiedBlobs verified_;
    SteadyTime deadline_{};
    std::unique_ptr<Source> source_; // references o_ and deadline_
    std::optional<uint64_t> current_;
    bool currentWhole_ = false; // checked (no pending self-check), every blob hashes right
    std::string manifestUrl_, newEtag_, json_, sigText_;
    Manifest manifest_;
    bool repair_ = false; // the source offers current's own version: re-fetch what is damaged
    size_t damaged_ = 0;
    std::vector<ManifestFile> missing_;
};

SyncResult Cycle::finish(Step step) {
    r_.sourceReached = source_ && source_->reached();
    r_.bytesDownloaded = source_ ? source_->bytesDownloaded() : 0;
    r_.version = slotVersion(o_.dataDir, DataDir::kCurrent).value_or(0);
    // Stale content is never "up to date": an installed bundle past its signed expiry, with a
    // source that offers nothing newer (or answers 304), is an indefinite freeze.
    std::string json, ignored;
    Manifest installed;
    if (r_.version &&
        fileutil::readFile(store_.bundle(r_.version) / "manifest.json", json, ignored,
                           kMaxManifestBytes) &&
        parseManifest(json, installed, ignored)) {
        r_.currentExpires = installed.expires;
        r_.stale = installed.expires <= now_;
    }
    if (r_.stale) {
        std::string why = "installed bundle " + std::to_string(r_.version) +
                          " is stale: expired at " + formatUtc(r_.currentExpires) + " (now " +
                          formatUtc(now_) + ")";
        if (step.status == SyncStatus::UpToDate)
            step = Step::refuse(why + "; the source offers nothing newer (" + step.reason + ")");
        else if (step.status != SyncStatus::Updated)
            step.reason += "; " + why;
    }
    r_.status = step.status;
    r_.reason = recovered_.empty() ? step.reason : recovered_ + "; " + step.reason;
    return r_;
}

//-----------------------------------------------------------------------------
// [SECTION] Before the source: key, lock, recovery
//-----------------------------------------------------------------------------

// Before anything is touched: the development key's secret is public, so a bundle signed with
// it proves nothing (the demo bundle may be shown, never installed by sync).
Step Cycle::refuseDevelopmentKey() {
    if (!isDevelopmentKey(o_.rootKey ? *o_.rootKey : o_.publicKey) || o_.allowDevelopmentKey)
        return {};
    return Step::refuse("the publisher key is the development key "
                        "(content/keys/dev-publisher.pub, whose secret is public): "
                        "sync refuses it; set the publisher's own key ([sync] "
                        "public_key), or allow it for development only ([sync] "
                        "allow_development_key = true, sync --once "
                        "--allow-development-key)");
}

void Cycle::pickStartKey() {
    if (!keptRoot_) return;
    std::optional<crypto::PublicKey> installed = recordedPublisherKey(o_.dataDir);
    o_.publicKey =
        installed && keptRoot_->trusts(*installed) ? *installed : keptRoot_->publisherKeys.front();
}

Step Cycle::lockAndRecover() {
    std::string err;
    if (!store_.ensureLayout(err)) return Step::fail(err);
    if (!lock_.tryAcquire(o_.dataDir, err)) return Step::fail(err);
    if (o_.rootKey) {
        std::string rootErr;
        keptRoot_ = loadKeptRootList(o_.dataDir, *o_.rootKey, rootErr);
        if (!rootErr.empty()) recovered_ = oneLine(rootErr);
        pickStartKey();
    }
    verified_.load(o_.dataDir);
    std::vector<std::string> recoveryLog;
    recoverStore(o_.dataDir, o_.publicKey, verified_, contentLoader(), recoveryLog);
    for (const std::string& line : recoveryLog) note(oneLine(line));
    return {};
}

//-----------------------------------------------------------------------------
// [SECTION] The source, the root list and the manifest
//-----------------------------------------------------------------------------

Step Cycle::openTheSource() {
    deadline_ = std::chrono::steady_clock::now() + std::chrono::seconds(o_.limits.totalTimeoutS);
    source_ = openSource(r_.source, o_, deadline_);
    if (source_) return {};
    return Step::fail(r_.source + ": not an http(s):// or file:// URL or an absolute directory");
}

// 0. With [sync] root_key: the source's root list, if it verifies and is not older than the one
//    kept, names the publisher keys; without one the kept list must do, unexpired.
Step Cycle::updateRootList() {
    if (!o_.rootKey) return {};
    std::string rootJson, rootSig, ignoredTag, err;
    bool nm = false;
    Step got = source_->fetchSmall("root.json", kMaxRootListBytes, "", rootJson, ignoredTag, nm);
    if (got.ok()) {
        got = source_->fetchSmall("root.json.sig", kMaxSignatureBytes, "", rootSig, ignoredTag, nm);
        if (!got.ok()) return got;
        RootList offered;
        const std::string where = source_->where("root.json");
        if (!verifyRootList(rootJson, rootSig, *o_.rootKey, offered, err))
            return Step::refuse(where + ": " + err);
        if (offered.expires <= now_)
            return Step::refuse(where + ": version " + std::to_string(offered.version) +
                                " expired at " + formatUtc(offered.expires) + " (now " +
                                formatUtc(now_) + ")");
        std::string log;
        if (!applyRootList(o_.dataDir, offered, rootJson, rootSig, keptRoot_, log, err))
            return Step::refuse(where + ": " + err);
        if (!log.empty()) note(log);
        keptRoot_ = offered;
        now_ = std::max(wall_, state_.timeFloor());
        pickStartKey();
    } else if (!keptRoot_) {
        return Step::refuse(got.reason + " (with [sync] root_key the source must "
                                         "publish root.json and root.json.sig)");
    }
    if (keptRoot_->expires <= now_)
        return Step::refuse("the root list (version " + std::to_string(keptRoot_->version) +
                            ") expired at " + formatUtc(keptRoot_->expires) +
                            ": the publisher must sign a new root.json");
    return {};
}

Step Cycle::assessCurrent() {
    current_ = slotVersion(o_.dataDir, DataDir::kCurrent);
    if (current_ && !selfCheckPending(o_.dataDir)) {
        std::vector<std::string> problems;
        currentWhole_ = openBundle(store_.bundle(*current_), store_.blobs(), o_.publicKey,
                                   VerifyLevel::Full, problems, nullptr, &verified_)
                            .has_value();
    }
    return {};
}

// 1. The manifest, conditionally (only while current is whole: a repair needs the bytes), and
//    its signature file.
Step Cycle::fetchManifest() {
    manifestUrl_ = source_->where("manifest.json");
    const std::string storedEtag =
        currentWhole_ && source_->isHttp() ? state_.etag(manifestUrl_) : std::string();
    bool notModified = false;
    Step step = source_->fetchSmall("manifest.json", kMaxManifestBytes, storedEtag, json_, newEtag_,
                                    notModified);
    if (!step.ok()) return step;
    if (notModified) {
        // A 304 carries no signature: it only says "what you have". That is worth something
        // only while what we have is valid: If-None-Match is sent only while current is whole
        // (its committed manifest verified with the key just now), and finish() refuses a
        // current whose signed expiry has passed (stale), so a server (or anyone on the path)
        // cannot freeze the kiosk on expired content by answering 304 for ever.
        r_.offeredVersion = current_.value_or(0);
        return {SyncStatus::UpToDate, "not modified since the last check (ETag)"};
    }
    std::string ignoredEtag;
    return source_->fetchSmall("manifest.json.sig", kMaxSignatureBytes, "", sigText_, ignoredEtag,
                               notModified);
}

// 2. The signature over the exact bytes, before anything in them is believed.
Step Cycle::verifySignature() {
    std::string_view sigHex = sigText_;
    if (!sigHex.empty() && sigHex.back() == '\n') sigHex.remove_suffix(1);
    crypto::Signature sig{};
    if (sigHex.size() != sig.size() * 2 || !crypto::fromHex(sigHex, sig.data(), sig.size()))
        return Step::refuse(source_->where("manifest.json.sig") +
                            ": not a signature (expected 128 hex digits)");
    if (!keptRoot_) {
        if (crypto::verify(json_, sig, o_.publicKey)) return {};
        return Step::refuse(manifestUrl_ + ": signature does not verify with the publisher key");
    }
    // Any key of the root list; the one that signed becomes the cycle's publisher key.
    for (const crypto::PublicKey& k : keptRoot_->publisherKeys)
        if ((!isDevelopmentKey(k) || o_.allowDevelopmentKey) && crypto::verify(json_, sig, k)) {
            o_.publicKey = k;
            return {};
        }
    return Step::refuse(manifestUrl_ +
                        ": signature does not verify with any publisher key of root list version " +
                        std::to_string(keptRoot_->version));
}

//-----------------------------------------------------------------------------
// [SECTION] Policy: channel, expiry, version, size, space
//-----------------------------------------------------------------------------

// The strict parse, the channel, and the freeze check.
Step Cycle::checkManifest() {
    std::string err;
    if (!parseManifest(json_, manifest_, err)) return Step::refuse(manifestUrl_ + ": " + err);
    r_.offeredVersion = manifest_.version;
    const std::string name = bundleName();
    // Wrong software: a bundle signed for other kiosks (another fair's channel) is not ours.
    if (manifest_.channel != o_.channel)
        return Step::refuse(name + " refused: signed for channel \"" +
                            (manifest_.channel.empty() ? "(none)" : manifest_.channel) +
                            "\", this kiosk is on \"" +
                            (o_.channel.empty() ? "(none)" : o_.channel) + "\" ([sync] channel)");
    // 3. Freeze: expiry first, so a replayed expired manifest of the installed version is
    //    refused, not "installed" (the time floor is raised only after an install).
    if (manifest_.expires <= now_)
        return Step::refuse(name + " refused: expired at " + formatUtc(manifest_.expires) +
                            " (now " + formatUtc(now_) + ")");
    return {};
}

// Already installed (and whole), rollback, a version marked bad, the bundle size limit.
Step Cycle::checkVersion() {
    repair_ = current_ && manifest_.version == *current_;
    if (repair_ && currentWhole_) {
        if (source_->isHttp()) state_.saveEtag(manifestUrl_, newEtag_);
        return {SyncStatus::UpToDate, bundleName() + " is installed"};
    }
    std::string err;
    if (!repair_ && !checkInstallable(o_.dataDir, manifest_.version, err)) return Step::refuse(err);
    if (manifest_.totalSize() > o_.limits.maxBundleBytes)
        return Step::refuse(bundleName() + " refused: " + humanBytes(manifest_.totalSize()) +
                            " is over the limit of " + humanBytes(o_.limits.maxBundleBytes));
    return {};
}

// 4. Blobs to fetch (absent or damaged here) and the free space they need.
Step Cycle::checkFreeSpace() {
    uint64_t missingBytes = 0;
    missing_ = blobsToFetch(o_.dataDir, manifest_, verified_, damaged_, missingBytes);
    struct statvfs vfs {};
    if (::statvfs(o_.dataDir.c_str(), &vfs) != 0)
        return Step::fail(o_.dataDir.string() + ": statvfs failed: " + std::strerror(errno));
    const uint64_t freeBytes = uint64_t(vfs.f_bavail) * uint64_t(vfs.f_frsize);
    if (freeBytes >= missingBytes + o_.limits.minFreeBytes) return {};
    return Step::refuse(bundleName() + " refused: not enough free space in " + o_.dataDir.string() +
                        ": need " + humanBytes(missingBytes) + " + " +
                        humanBytes(o_.limits.minFreeBytes) + " reserve, have " +
                        humanBytes(freeBytes));
}

//-----------------------------------------------------------------------------
// [SECTION] Download, commit, switch, self-check, tidy-up
//-----------------------------------------------------------------------------

// 5. Download (capped, hashed while streaming, resumed).
Step Cycle::download() {
    for (const ManifestFile& f : missing_) {
        Step step = source_->fetchBlob(f);
        if (!step.ok()) return step;
        r_.blobsFetched++;
    }
    return {};
}

// 6. Commit, check the committed copy, switch atomically (a repair re-commits current's
//    manifest from the verified bytes and stays on it).
Step Cycle::commitAndSwitch() {
    std::string err;
    if (!commitVersion(o_.dataDir, manifest_.version, json_, sigText_, err)) return Step::fail(err);
    std::vector<std::string> problems;
    if (!openBundle(store_.bundle(manifest_.version), store_.blobs(), o_.publicKey,
                    VerifyLevel::SignatureAndPresence, problems))
        return Step::fail(bundleName() + " incomplete after commit: " +
                          (problems.empty() ? std::string("?") : problems.front()));
    if (!markSelfCheckPending(o_.dataDir, manifest_.version, err) ||
        (!repair_ && !switchCurrent(o_.dataDir, manifest_.version, err)))
        return Step::fail(err);
    return {};
}

// 7. The self-check decides what the new current is worth (settleSelfCheck acts on it).
Step Cycle::selfCheck() {
    const std::string name = bundleName();
    // Every blob hashed: rot since an earlier check shows here.
    CheckResult check =
        recheckBundle(o_.dataDir, manifest_.version, o_.publicKey, verified_, contentLoader());
    failpoint("sync.self-check-ended");
    std::string err;
    const bool settled = settleSelfCheck(o_.dataDir, manifest_.version, check, verified_, err);
    switch (check.verdict) {
        case CheckVerdict::Passed:
            if (!settled) return Step::fail(err);
            if (verified_.changed()) verified_.save(o_.dataDir, err); // a cache: errors ignored
            break;
        case CheckVerdict::BundleBad: {
            std::optional<uint64_t> now = slotVersion(o_.dataDir, DataDir::kCurrent);
            return Step::refuse(name + " failed its self-check (" + check.reason + "); " +
                                (settled
                                     ? "rolled back to bundle " + std::to_string(now.value_or(0))
                                     : "no previous bundle to roll back to: " + err) +
                                "; version marked bad");
        }
        case CheckVerdict::LocalDamage:
            return Step::fail(name + ": damaged here after download (" + check.reason + "); " +
                              std::to_string(check.damaged.size()) +
                              " file(s) deleted, fetched again at the next sync");
        case CheckVerdict::Untrusted:
            return Step::fail(name + ": self-check could not run: " + check.reason);
    }
    // The time floor rises only from a manifest that is installed and passed its self-check: a
    // signed manifest refused for its version or expiry (or one whose content is bad) must not
    // move the floor, or a far-future `created` would make every later bundle "expired".
    state_.raiseTimeFloor(manifest_.created);
    if (source_->isHttp()) state_.saveEtag(manifestUrl_, newEtag_);
    recordPublisherKey(o_.dataDir, o_.publicKey, err); // a broken config's fallback (config.hpp)
    return {};
}

// 8. Tidy up: stale .part files, blobs no kept bundle references. Ends the cycle: Updated.
Step Cycle::tidyUp() {
    std::string tidyError;
    cleanStoreTmp(o_.dataDir, {}, tidyError);
    GarbageReport gc = collectGarbage(o_.dataDir, o_.keepVersions);
    std::string what = std::string(repair_ ? "repaired " : "installed ") + bundleName() + ": " +
                       std::to_string(r_.blobsFetched) + " of " +
                       std::to_string(manifest_.files.size()) + " files fetched, " +
                       humanBytes(source_->bytesDownloaded());
    if (damaged_) what += "; " + std::to_string(damaged_) + " damaged local file(s) replaced";
    if (gc.removedBlobs) what += "; removed " + std::to_string(gc.removedBlobs) + " old blobs";
    // Installed all the same; the tidy-up's refusal (a symlinked tmp/, blobs/) is said, not hidden.
    if (!tidyError.empty()) what += "; tmp/ not cleaned: " + oneLine(tidyError);
    if (!gc.error.empty()) what += "; old files not collected: " + oneLine(gc.error);
    return {SyncStatus::Updated, what};
}

SyncResult cycle(const std::string& sourceUrl, const SyncOptions& options) {
    return Cycle(sourceUrl, options).run();
}

} // namespace

//-----------------------------------------------------------------------------
// [SECTION] Entry points
//-----------------------------------------------------------------------------

static SyncResult runCycleCaught(const std::string& source, const SyncOptions& options) {
    try {
        return cycle(source, options);
    } catch (const std::exception& e) {
        SyncResult r;
        r.source = source;
        r.reason = source + ": sync failed: " + e.what();
        return r;
    } catch (...) {
        SyncResult r;
        r.source = source;
        r.reason = source + ": sync failed";
        return r;
    }
}

SyncResult runSyncCycle(const std::string& source, const SyncOptions& options) {
    // The one place results leave the cycle: from here on (logs, last-sync.json, the heartbeat,
    // the staff panel) no URL carries its user:password@ or a token parameter.
    SyncResult r = runCycleCaught(source, options);
    r.source = redactUrl(r.source);
    r.reason = redactUrls(r.reason);
    return r;
}

SyncResult runSyncCycleAll(const std::vector<std::string>& sources, const SyncOptions& options) {
    if (sources.empty()) {
        SyncResult r;
        r.reason = "no sync source configured ([sync] sources or --source)";
        return r;
    }
    SyncResult last;
    std::string reasons;
    uint64_t bytes = 0;
    bool reached = false;
    for (const std::string& s : sources) {
        last = runSyncCycle(s, options);
        bytes += last.bytesDownloaded;
        reached = reached || last.sourceReached;
        last.sourceReached = reached;
        if (last.ok()) {
            last.bytesDownloaded = bytes;
            return last;
        }
        reasons += (reasons.empty() ? "" : "; ") + last.reason;
        if (options.stop && options.stop->load()) break;
    }
    if (sources.size() > 1) last.reason = reasons;
    last.bytesDownloaded = bytes;
    return last;
}

//-----------------------------------------------------------------------------
// [SECTION] Last sync status
//-----------------------------------------------------------------------------

LastSync toLastSync(const SyncResult& r, int64_t attemptTime,
                    const std::optional<LastSync>& previous) {
    LastSync l;
    l.lastSuccessTime = r.ok() ? attemptTime : (previous ? previous->lastSuccessTime : 0);
    l.attemptTime = attemptTime;
    l.result = syncStatusName(r.status);
    l.reason = redactUrls(r.reason);
    l.source = redactUrl(r.source);
    l.version = r.version;
    l.bytesDownloaded = r.bytesDownloaded;
    l.blobsFetched = r.blobsFetched;
    l.sourceReached = r.sourceReached;
    l.stale = r.stale;
    return l;
}

} // namespace zj

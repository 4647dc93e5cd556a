// Self-check and recovery of the store (see self_check.hpp).
// [SECTION] Self-check
// [SECTION] Recovery
#include "core/bundle/self_check.hpp"
#include "core/bundle/bundle.hpp"
#include "core/bundle/data_dir.hpp"
#include "core/bundle/file_util.hpp"
#include "core/bundle/store.hpp"
#include "core/bundle/verified_blobs.hpp"
#include "core/failpoint.hpp"
#include "core/media/image_header.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <unistd.h>

namespace zj {

namespace fs = std::filesystem;

const char* checkVerdictName(CheckVerdict verdict) {
    switch (verdict) {
        case CheckVerdict::Passed:
            return "passed";
        case CheckVerdict::BundleBad:
            return "bad";
        case CheckVerdict::LocalDamage:
            return "local damage";
        case CheckVerdict::Untrusted:
            return "untrusted";
    }
    return "untrusted";
}

//-----------------------------------------------------------------------------
// [SECTION] Self-check
//-----------------------------------------------------------------------------

static CheckResult verdict(CheckVerdict v, std::string reason) {
    CheckResult r;
    r.verdict = v;
    r.reason = std::move(reason);
    return r;
}

static CheckResult checkUnchecked(const fs::path& dataDir, uint64_t version,
                                  const crypto::PublicKey& key, VerifiedBlobs& verified,
                                  const ContentLoader& loadContent) {
    std::vector<std::string> problems;
    BundleFindings findings;
    const fs::path dir = DataDir(dataDir).bundle(version);
    std::optional<Bundle> bundle = openBundle(dir, DataDir(dataDir).blobs(), key, VerifyLevel::Full,
                                              problems, &findings, &verified);
    std::string first = problems.empty() ? dir.string() + ": cannot open" : problems.front();
    if (problems.size() > 1) first += " (+" + std::to_string(problems.size() - 1) + " more)";
    if (!bundle) {
        if (findings.untrusted) return verdict(CheckVerdict::Untrusted, first);
        if (!findings.damaged.empty()) {
            CheckResult r = verdict(CheckVerdict::LocalDamage, first);
            r.damaged = std::move(findings.damaged);
            return r;
        }
        return verdict(CheckVerdict::BundleBad, first); // signed, but its manifest is broken
    }
    if (bundle->manifest.version != version)
        return verdict(CheckVerdict::BundleBad, dir.string() + ": manifest says version " +
                                                    std::to_string(bundle->manifest.version));
    std::vector<RecordedImage> photos;
    std::string err;
    // Every blob's hash is right here, so a content.db that does not load is the publisher's.
    if (!loadContent(*bundle, photos, err)) return verdict(CheckVerdict::BundleBad, err);
    size_t checked = 0;
    for (const RecordedImage& photo : photos) {
        if (checked++ == 3) break;
        fs::path file = bundle->pathOf(photo.file);
        if (file.empty())
            return verdict(CheckVerdict::BundleBad,
                           "photo " + photo.id + ": " + photo.file + " is not in the manifest");
        std::string head(256 << 10, '\0'), why; // headers only: the UI decodes
        FILE* f = std::fopen(file.c_str(), "rb");
        if (!f)
            return verdict(CheckVerdict::LocalDamage, photo.file + ": cannot read " +
                                                          file.string() + ": " +
                                                          std::strerror(errno));
        head.resize(std::fread(head.data(), 1, head.size(), f));
        std::fclose(f);
        ImageHeader header;
        if (!parseImageHeader(head, header, why))
            return verdict(CheckVerdict::BundleBad, photo.file + ": " + why);
        const int w = header.width, h = header.height;
        if (w <= 0 || h <= 0 || w > 16384 || h > 16384 ||
            (photo.width > 0 && (w != photo.width || h != photo.height)))
            return verdict(CheckVerdict::BundleBad,
                           photo.file + ": image is " + std::to_string(w) + "x" +
                               std::to_string(h) + ", content.db says " +
                               std::to_string(photo.width) + "x" + std::to_string(photo.height));
    }
    return verdict(CheckVerdict::Passed, "");
}

CheckResult checkStoredBundle(const fs::path& dataDir, uint64_t version,
                              const crypto::PublicKey& key, VerifiedBlobs& verified,
                              const ContentLoader& loadContent) {
    try {
        return checkUnchecked(dataDir, version, key, verified, loadContent);
    } catch (const std::exception& e) { // bad_alloc and the like: nothing learnt
        return verdict(CheckVerdict::Untrusted, std::string("self-check failed: ") + e.what());
    } catch (...) {
        return verdict(CheckVerdict::Untrusted, "self-check failed");
    }
}

//-----------------------------------------------------------------------------
// [SECTION] Recovery
//-----------------------------------------------------------------------------

static fs::path pendingFile(const fs::path& dataDir) {
    return DataDir(dataDir).pendingCheck();
}

static std::optional<uint64_t> readPending(const fs::path& dataDir) {
    std::string text, err;
    if (!fileutil::readFile(pendingFile(dataDir), text, err, 64)) return std::nullopt;
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
    uint64_t version = 0;
    if (!parseVersion(text, version)) return std::nullopt;
    return version;
}

bool selfCheckPending(const fs::path& dataDir) {
    std::error_code ec;
    return fs::exists(pendingFile(dataDir), ec);
}

bool confirmChecked(const fs::path& dataDir, uint64_t version, std::string& err) {
    if (!raiseHighestVersion(dataDir, version, err)) return false;
    failpoint("check.highest-raised");
    std::error_code ec;
    fs::remove(pendingFile(dataDir), ec);
    failpoint("check.pending-removed");
    return fileutil::fsyncDir(dataDir / "state", err);
}

bool markSelfCheckPending(const fs::path& dataDir, uint64_t version, std::string& err) {
    return fileutil::writeFileAtomic(pendingFile(dataDir), std::to_string(version) + "\n", err);
}

CheckResult recheckBundle(const fs::path& dataDir, uint64_t version, const crypto::PublicKey& key,
                          VerifiedBlobs& verified, const ContentLoader& loadContent) {
    verified.setTrustStamps(false);
    CheckResult r = checkStoredBundle(dataDir, version, key, verified, loadContent);
    verified.setTrustStamps(true);
    return r;
}

static void deleteDamaged(const fs::path& dataDir, const CheckResult& r, VerifiedBlobs& verified) {
    for (const ManifestFile& f : r.damaged) {
        verified.forget(blobPath(dataDir, f.sha256));
        removeBlob(dataDir, f.sha256);
    }
}

bool settleSelfCheck(const fs::path& dataDir, uint64_t version, const CheckResult& check,
                     VerifiedBlobs& verified, std::string& err) {
    switch (check.verdict) {
        case CheckVerdict::Passed:
            return confirmChecked(dataDir, version, err);
        case CheckVerdict::BundleBad: {
            bool rolledBack = markBadAndRollBack(dataDir, err);
            clearPendingCheck(dataDir);
            return rolledBack;
        }
        case CheckVerdict::LocalDamage:
            deleteDamaged(dataDir, check, verified);
            return true;
        case CheckVerdict::Untrusted:
            break;
    }
    return true;
}

void clearPendingCheck(const fs::path& dataDir) {
    std::error_code ec;
    fs::remove(pendingFile(dataDir), ec);
    failpoint("check.pending-removed");
}

// Leftovers of writers killed mid-operation: never read, but they would pile up.
static void removeStaleTemporaries(const fs::path& dataDir) {
    std::error_code ec;
    const DataDir dir(dataDir);
    for (const char* slot : {DataDir::kCurrent, DataDir::kPrevious})
        fs::remove(dir.slot(std::string(slot) + ".new"), ec);
    for (const fs::path& sub : {dir.state(), dir.bundles()}) {
        std::string err;
        int fd = fileutil::openDirNoFollow(sub, err); // never through a link
        if (fd < 0) continue;
        std::vector<std::string> names;
        if (fileutil::listDirAt(fd, names, err))
            for (const std::string& n : names)
                if (n.find(".tmp-") != std::string::npos) fileutil::removeAt(fd, n, sub / n, err);
        ::close(fd);
    }
}

static void removeDamaged(const fs::path& dataDir, const CheckResult& r, VerifiedBlobs& verified,
                          std::vector<std::string>& log, const std::string& name) {
    deleteDamaged(dataDir, r, verified);
    log.push_back(name + ": " + r.reason + ": " + std::to_string(r.damaged.size()) +
                  " damaged file(s) deleted, to be fetched again (the version is not bad)");
}

static void recoverUnchecked(const fs::path& dataDir, const crypto::PublicKey& key,
                             VerifiedBlobs& verified, const ContentLoader& loadContent,
                             std::vector<std::string>& log) {
    removeStaleTemporaries(dataDir);
    std::optional<uint64_t> current = slotVersion(dataDir, DataDir::kCurrent);
    std::string err;

    // 1. A switch whose self-check never ended: finish it, every blob hashed.
    if (selfCheckPending(dataDir)) {
        std::optional<uint64_t> pending = readPending(dataDir);
        if (!pending || !current || *pending != *current) {
            clearPendingCheck(dataDir); // the switch itself never happened (or the file is junk)
        } else {
            CheckResult r = recheckBundle(dataDir, *current, key, verified, loadContent);
            std::string name = "bundle " + std::to_string(*current);
            switch (r.verdict) {
                case CheckVerdict::Passed:
                    if (!settleSelfCheck(dataDir, *current, r, verified, err))
                        log.push_back(name + ": " + err);
                    else
                        log.push_back(name + ": the interrupted self-check passed");
                    break;
                case CheckVerdict::BundleBad:
                    log.push_back(name + " failed its interrupted self-check: " + r.reason);
                    if (!settleSelfCheck(dataDir, *current, r, verified, err))
                        log.push_back(name + ": " + err);
                    break;
                case CheckVerdict::LocalDamage:
                    removeDamaged(dataDir, r, verified, log, name);
                    break; // pending stays: the sync repairs, then checks again
                case CheckVerdict::Untrusted:
                    log.push_back(name + ": self-check left pending: " + r.reason);
                    break;
            }
            current = slotVersion(dataDir, DataDir::kCurrent);
        }
    }

    // 2. A kill inside a rollback: current still names the version marked bad.
    std::set<uint64_t> bad = readBadVersions(dataDir);
    if (current && bad.count(*current)) {
        log.push_back("bundle " + std::to_string(*current) + " is marked bad: rolling back");
        if (!markBadAndRollBack(dataDir, err)) log.push_back(err);
        current = slotVersion(dataDir, DataDir::kCurrent);
    }

    // 3. The blobs start-up will show: local damage found now is repaired by the next sync.
    for (const char* slot : {DataDir::kCurrent, DataDir::kPrevious}) {
        std::optional<uint64_t> v = slotVersion(dataDir, slot);
        if (!v || (slot == DataDir::kPrevious && v == current)) continue;
        std::vector<std::string> problems;
        BundleFindings findings;
        openBundle(DataDir(dataDir).bundle(*v), DataDir(dataDir).blobs(), key, VerifyLevel::Full,
                   problems, &findings, &verified);
        if (findings.damaged.empty()) continue;
        CheckResult r = verdict(CheckVerdict::LocalDamage, problems.front());
        r.damaged = std::move(findings.damaged);
        removeDamaged(dataDir, r, verified, log, "bundle " + std::to_string(*v));
    }
    if (verified.changed() && !verified.save(dataDir, err)) log.push_back(err);
}

void recoverStore(const fs::path& dataDir, const crypto::PublicKey& key, VerifiedBlobs& verified,
                  const ContentLoader& loadContent, std::vector<std::string>& log) {
    try {
        recoverUnchecked(dataDir, key, verified, loadContent, log);
    } catch (const std::exception& e) {
        log.push_back(std::string("store recovery failed: ") + e.what());
    } catch (...) {
        log.push_back("store recovery failed");
    }
}

} // namespace zj

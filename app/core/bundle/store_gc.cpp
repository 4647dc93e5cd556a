// The store's size and its garbage collection (see store.hpp): blobs no kept bundle references
// and bundle dirs other than the kept ones go, under directory fds that never follow a link.
#include "core/bundle/file_util.hpp"
#include "core/bundle/store.hpp"
#include "core/failpoint.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace zj {

namespace fs = std::filesystem;

//-----------------------------------------------------------------------------
// [SECTION] Size and garbage collection
//-----------------------------------------------------------------------------

uint64_t storeSize(const fs::path& dataDir) {
    uint64_t total = 0;
    std::error_code ec;
    fs::recursive_directory_iterator it(dataDir, fs::directory_options::skip_permission_denied, ec),
        end;
    for (; !ec && it != end; it.increment(ec)) {
        std::error_code sec;
        if (it->is_regular_file(sec) && !it->is_symlink(sec)) {
            uint64_t s = it->file_size(sec);
            if (!sec) total += s;
        }
    }
    return total;
}

GarbageReport collectGarbage(const fs::path& dataDir, const std::vector<uint64_t>& alsoKeep) {
    GarbageReport report;
    try {
        std::set<uint64_t> keepVersions(alsoKeep.begin(), alsoKeep.end());
        for (const char* slot : {DataDir::kCurrent, DataDir::kPrevious})
            if (auto v = slotVersion(dataDir, slot)) keepVersions.insert(*v);
        if (keepVersions.empty()) {
            report.error = "nothing to keep (no current or previous): not collecting";
            return report;
        }
        // Kept manifests were verified at install; re-reading without the signature is fine
        // here because a failure only stops GC, it never widens what is deleted.
        std::set<std::string> keepBlobs;
        for (uint64_t v : keepVersions) {
            std::string json, err;
            Manifest m;
            if (!fileutil::readFile(DataDir(dataDir).bundle(v) / "manifest.json", json, err) ||
                !parseManifest(json, m, err)) {
                report.error = "bundle " + std::to_string(v) + ": " + err + ": not collecting";
                return report;
            }
            for (const ManifestFile& f : m.files) keepBlobs.insert(f.sha256);
        }
        // Under directory fds opened O_NOFOLLOW: a symlinked blobs/ or bundles/ stops GC with
        // its path named, and nothing it points to is touched. List first, delete after.
        int blobsFd = fileutil::openDirNoFollow(DataDir(dataDir).blobs(), report.error);
        if (blobsFd < 0) return report;
        int bundlesFd = fileutil::openDirNoFollow(DataDir(dataDir).bundles(), report.error);
        if (bundlesFd < 0) {
            ::close(blobsFd);
            return report;
        }
        std::vector<std::string> names;
        std::string err;
        if (!fileutil::listDirAt(blobsFd, names, err))
            report.error = (DataDir(dataDir).blobs()).string() + ": " + err;
        for (const std::string& name : names) {
            if (!report.error.empty()) break;
            if (keepBlobs.count(name)) continue;
            struct stat st {};
            bool regular = ::fstatat(blobsFd, name.c_str(), &st, AT_SYMLINK_NOFOLLOW) == 0 &&
                           S_ISREG(st.st_mode);
            if (fileutil::removeAt(blobsFd, name, DataDir(dataDir).blobs() / name, err)) {
                report.removedBlobs++;
                report.freedBytes += regular ? uint64_t(st.st_size) : 0;
            }
            failpoint("store.gc-blob-removed");
        }
        ::close(blobsFd);
        names.clear();
        if (report.error.empty() && !fileutil::listDirAt(bundlesFd, names, err))
            report.error = (DataDir(dataDir).bundles()).string() + ": " + err;
        for (const std::string& name : names) {
            uint64_t v;
            if (parseVersion(name, v) && keepVersions.count(v)) continue;
            if (fileutil::removeAt(bundlesFd, name, DataDir(dataDir).bundles() / name, err))
                report.removedBundles++;
        }
        ::close(bundlesFd);
    } catch (const std::exception& e) {
        report.error = std::string("garbage collection failed: ") + e.what();
    }
    return report;
}

} // namespace zj

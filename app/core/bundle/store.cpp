// The kiosk's bundle store: blobs, committed versions, current/previous symlinks, state.
// [SECTION] Layout helpers
// [SECTION] Blobs
// [SECTION] BlobWriter
// [SECTION] State files
// [SECTION] Versions and slots
// [SECTION] Install
// [SECTION] Startup selection
// (Size and garbage collection: store_gc.cpp)
#include "core/bundle/store.hpp"
#include "core/bundle/file_util.hpp"
#include "core/failpoint.hpp"

#include <cerrno>
#include <charconv>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

namespace zj {

namespace fs = std::filesystem;

//-----------------------------------------------------------------------------
// [SECTION] Layout helpers
//-----------------------------------------------------------------------------

static fs::path bundleDirOf(const fs::path& dataDir, uint64_t version) {
    return DataDir(dataDir).bundle(version);
}

bool parseVersion(std::string_view text, uint64_t& out) {
    if (text.empty() || text.size() > 20 || (text.size() > 1 && text[0] == '0')) return false;
    auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
    return ec == std::errc() && ptr == text.data() + text.size();
}

bool cleanStoreTmp(const fs::path& dataDir, const std::set<std::string>& keepParts,
                   std::string& err) {
    int tmpFd = fileutil::openDirNoFollow(DataDir(dataDir).tmp(), err);
    if (tmpFd < 0) return errno == ENOENT; // nothing to clean
    std::vector<std::string> names;
    bool ok = fileutil::listDirAt(tmpFd, names, err);
    for (const std::string& name : names)
        if (ok && !keepParts.count(name))
            ok = fileutil::removeAt(tmpFd, name, DataDir(dataDir).tmp() / name, err);
    ::close(tmpFd);
    return ok;
}

// Removes bundles/<name> under the bundles/ directory fd (a symlinked bundles/ is refused).
static bool removeBundleEntry(const fs::path& dataDir, const std::string& name, std::string& err) {
    int fd = fileutil::openDirNoFollow(DataDir(dataDir).bundles(), err);
    if (fd < 0) return false;
    bool ok = fileutil::removeAt(fd, name, DataDir(dataDir).bundles() / name, err);
    ::close(fd);
    return ok;
}

//-----------------------------------------------------------------------------
// [SECTION] Blobs
//-----------------------------------------------------------------------------

fs::path blobPath(const fs::path& dataDir, std::string_view sha256) {
    return DataDir(dataDir).blob(sha256);
}

bool hasBlob(const fs::path& dataDir, const ManifestFile& file) {
    std::error_code ec;
    fs::path p = blobPath(dataDir, file.sha256);
    fs::file_status st = fs::symlink_status(p, ec);
    if (ec || !fs::is_regular_file(st)) return false;
    uint64_t size = fs::file_size(p, ec);
    return !ec && size == file.size;
}

void removeBlob(const fs::path& dataDir, std::string_view sha256) {
    if (sha256.size() != 64 || sha256.find_first_not_of("0123456789abcdef") != std::string::npos)
        return;
    std::error_code ec;
    fs::remove(blobPath(dataDir, sha256), ec);
    failpoint("store.blob-removed");
}

bool addBlobFromFile(const fs::path& dataDir, const ManifestFile& expected, const fs::path& source,
                     std::string& err) {
    // Sources are outside the store (a stick, a packed bundle): regular files only, so a FIFO
    // or device planted there cannot hang or feed the copy.
    int in = fileutil::openRegularFile(source, err);
    if (in < 0) return false;
    BlobWriter writer;
    // resume=false: a stale .part from an earlier download must not be mixed with this copy.
    if (!writer.open(dataDir, expected, false, err)) {
        ::close(in);
        return false;
    }
    static thread_local char buffer[1 << 16];
    for (;;) {
        ssize_t n = ::read(in, buffer, sizeof(buffer));
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            err = source.string() + ": read error: " + std::strerror(errno);
            ::close(in);
            writer.abort();
            return false;
        }
        if (n == 0) break;
        if (!writer.write(buffer, size_t(n), err)) {
            err = source.string() + ": " + err;
            ::close(in);
            writer.abort();
            return false;
        }
    }
    ::close(in);
    if (!writer.commit(err)) {
        err = source.string() + ": " + err;
        return false;
    }
    return true;
}

//-----------------------------------------------------------------------------
// [SECTION] BlobWriter
//-----------------------------------------------------------------------------

BlobWriter::~BlobWriter() {
    if (fd_ >= 0) ::close(fd_);
}

bool BlobWriter::open(const fs::path& dataDir, const ManifestFile& expected, bool resume,
                      std::string& err) {
    abort();
    if (expected.sha256.size() != 64 ||
        expected.sha256.find_first_not_of("0123456789abcdef") != std::string::npos) {
        err = "blob id is not 64 lowercase hex digits"; // never build a path from anything else
        return false;
    }
    if (!ensureStoreLayout(dataDir, err)) return false;
    dataDir_ = dataDir;
    expected_ = expected;
    partPath_ = DataDir(dataDir).part(expected.sha256);
    // Never O_TRUNC or follow a link: a fresh copy replaces the old .part (unlink, then
    // O_EXCL); a resume opens only a regular file that is there.
    if (!resume) ::unlink(partPath_.c_str());
    fd_ = resume ? ::open(partPath_.c_str(), O_RDWR | O_NOFOLLOW | O_CLOEXEC) : -1;
    if (fd_ < 0 && (!resume || errno == ENOENT))
        fd_ = ::open(partPath_.c_str(), O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
    struct stat st {};
    if (fd_ >= 0 && (::fstat(fd_, &st) != 0 || !S_ISREG(st.st_mode))) {
        ::close(fd_);
        fd_ = -1;
        errno = EINVAL;
    }
    if (fd_ < 0) {
        err = partPath_.string() + ": cannot create" +
              (errno == ELOOP ? std::string(": a symbolic link (refused)")
                              : ": " + std::string(std::strerror(errno)));
        return false;
    }
    hash_.emplace();
    written_ = 0;
    // Resume: re-hash what is already there (never trust a partial file's length alone).
    char buffer[1 << 16];
    for (;;) {
        ssize_t n = ::read(fd_, buffer, sizeof(buffer));
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            err = partPath_.string() + ": read error: " + std::strerror(errno);
            abort();
            return false;
        }
        if (n == 0) break;
        hash_->update(buffer, size_t(n));
        written_ += uint64_t(n);
    }
    if (written_ > expected_.size) { // a .part longer than the blob: useless, start over
        if (::ftruncate(fd_, 0) != 0 || ::lseek(fd_, 0, SEEK_SET) != 0) {
            err = partPath_.string() + ": cannot truncate: " + std::strerror(errno);
            abort();
            return false;
        }
        hash_.emplace();
        written_ = 0;
    }
    return true;
}

bool BlobWriter::write(const void* data, size_t size, std::string& err) {
    if (fd_ < 0) {
        err = "blob writer is not open";
        return false;
    }
    if (size > expected_.size - written_) {
        err = "blobs/" + expected_.sha256.substr(0, 12) + "...: more data than the declared " +
              std::to_string(expected_.size) + " bytes (" + expected_.name + ")";
        return false;
    }
    const char* p = static_cast<const char*>(data);
    size_t left = size;
    while (left > 0) {
        ssize_t n = ::write(fd_, p, left);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            err = partPath_.string() + ": write error: " + std::strerror(errno);
            return false;
        }
        p += n;
        left -= size_t(n);
    }
    hash_->update(data, size);
    written_ += size;
    return true;
}

bool BlobWriter::commit(std::string& err) {
    if (fd_ < 0) {
        err = "blob writer is not open";
        return false;
    }
    std::string label = "blobs/" + expected_.sha256.substr(0, 12) + "...";
    if (written_ != expected_.size) {
        err = label + ": got " + std::to_string(written_) + " bytes, expected " +
              std::to_string(expected_.size) + " (" + expected_.name + ")";
        abort();
        return false;
    }
    if (hash_->finishHex() != expected_.sha256) {
        err = label + ": sha256 mismatch (" + expected_.name + ")";
        abort();
        return false;
    }
    if (::fsync(fd_) != 0) {
        err = partPath_.string() + ": fsync failed: " + std::strerror(errno);
        abort();
        return false;
    }
    ::close(fd_);
    fd_ = -1;
    failpoint("store.blob-before-rename");
    fs::path target = blobPath(dataDir_, expected_.sha256);
    if (::rename(partPath_.c_str(), target.c_str()) != 0) {
        err = target.string() + ": rename failed: " + std::strerror(errno);
        ::unlink(partPath_.c_str());
        return false;
    }
    failpoint("store.blob-renamed");
    return fileutil::fsyncDir(DataDir(dataDir_).blobs(), err);
}

void BlobWriter::abort() {
    if (fd_ >= 0) {
        ::close(fd_);
        fd_ = -1;
        ::unlink(partPath_.c_str());
    }
    hash_.reset();
    written_ = 0;
}

//-----------------------------------------------------------------------------
// [SECTION] State files
//-----------------------------------------------------------------------------

bool readHighestVersion(const fs::path& dataDir, uint64_t& out, std::string& err) {
    fs::path file = DataDir(dataDir).highestVersion();
    std::error_code ec;
    if (!fs::exists(fs::symlink_status(file, ec))) {
        out = 0;
        return true;
    }
    std::string text;
    if (!fileutil::readFile(file, text, err, 64)) return false;
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
    if (!parseVersion(text, out)) {
        err = file.string() + ": corrupt (expected one decimal version number)";
        return false;
    }
    return true;
}

bool writeHighestVersion(const fs::path& dataDir, uint64_t version, std::string& err) {
    if (!ensureStoreLayout(dataDir, err)) return false;
    return fileutil::writeFileAtomic(DataDir(dataDir).highestVersion(),
                                     std::to_string(version) + "\n", err);
}

bool raiseHighestVersion(const fs::path& dataDir, uint64_t version, std::string& err) {
    uint64_t highest = 0;
    if (!readHighestVersion(dataDir, highest, err)) return false;
    return version <= highest || writeHighestVersion(dataDir, version, err);
}

std::set<uint64_t> readBadVersions(const fs::path& dataDir) {
    std::set<uint64_t> bad;
    std::string text, err;
    if (!fileutil::readFile(DataDir(dataDir).badVersions(), text, err, 1 << 20)) return bad;
    size_t start = 0;
    while (start < text.size()) {
        size_t end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        std::string_view line(text.data() + start, end - start);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        uint64_t v;
        if (parseVersion(line, v)) bad.insert(v); // ignore junk lines rather than losing the rest
        start = end + 1;
    }
    return bad;
}

bool markVersionBad(const fs::path& dataDir, uint64_t version, std::string& err) {
    if (!ensureStoreLayout(dataDir, err)) return false;
    std::set<uint64_t> bad = readBadVersions(dataDir);
    bad.insert(version);
    std::string text;
    for (uint64_t v : bad) text += std::to_string(v) + "\n";
    return fileutil::writeFileAtomic(DataDir(dataDir).badVersions(), text, err);
}

bool checkInstallable(const fs::path& dataDir, uint64_t version, std::string& err) {
    uint64_t highest = 0;
    if (!readHighestVersion(dataDir, highest, err)) return false;
    if (version <= highest) {
        err = "bundle " + std::to_string(version) +
              " refused: not newer than the highest installed version " + std::to_string(highest);
        return false;
    }
    std::optional<uint64_t> current = slotVersion(dataDir, DataDir::kCurrent);
    if (current && version <= *current) {
        err = "bundle " + std::to_string(version) +
              " refused: not newer than the current version " + std::to_string(*current);
        return false;
    }
    if (readBadVersions(dataDir).count(version)) {
        err = "bundle " + std::to_string(version) + " refused: marked bad";
        return false;
    }
    return true;
}

//-----------------------------------------------------------------------------
// [SECTION] Versions and slots
//-----------------------------------------------------------------------------

// Reads a slot symlink; only the exact shape we create ("bundles/<N>") is accepted.
std::optional<uint64_t> slotVersion(const fs::path& dataDir, std::string_view slot) {
    std::error_code ec;
    fs::path target = fs::read_symlink(DataDir(dataDir).slot(slot), ec);
    if (ec) return std::nullopt;
    std::string t = target.string();
    static const std::string prefix = "bundles/";
    if (t.compare(0, prefix.size(), prefix) != 0) return std::nullopt;
    uint64_t v;
    if (!parseVersion(std::string_view(t).substr(prefix.size()), v)) return std::nullopt;
    return v;
}

bool commitVersion(const fs::path& dataDir, uint64_t version, std::string_view manifestJson,
                   std::string_view signatureText, std::string& err) {
    if (!ensureStoreLayout(dataDir, err)) return false;
    fs::path dir = bundleDirOf(dataDir, version);
    fs::path tmp = fileutil::tmpSibling(dir);
    std::error_code ec;
    const std::string tmpName = tmp.filename().string(), dirName = dir.filename().string();
    if (!removeBundleEntry(dataDir, tmpName, err)) return false;
    if (::mkdir(tmp.c_str(), 0755) != 0) {
        err = tmp.string() + ": cannot create directory: " + std::strerror(errno);
        return false;
    }
    std::string ignored;
    if (!fileutil::writeFileSynced(tmp / "manifest.json", manifestJson, err) ||
        !fileutil::writeFileSynced(tmp / "manifest.json.sig", signatureText, err) ||
        !fileutil::fsyncDir(tmp, err)) {
        removeBundleEntry(dataDir, tmpName, ignored);
        return false;
    }
    failpoint("store.commit-tmp-written");
    // A leftover dir of the same version (an install interrupted before its switch, or current's
    // own dir when its manifest is repaired) is replaced; a kill in between leaves the slot
    // dangling, which start-up skips and the next sync repairs.
    if (!removeBundleEntry(dataDir, dirName, err)) return false;
    failpoint("store.commit-old-removed");
    fs::rename(tmp, dir, ec);
    if (ec) {
        err = dir.string() + ": cannot rename into place: " + ec.message();
        removeBundleEntry(dataDir, tmpName, ignored);
        return false;
    }
    return fileutil::fsyncDir(DataDir(dataDir).bundles(), err);
}

// Makes `dataDir/name` point to `target` atomically: symlink name.new, rename over name.
static bool replaceSymlink(const fs::path& dataDir, const std::string& name,
                           const std::string& target, std::string& err) {
    fs::path link = DataDir(dataDir).slot(name), tmp = DataDir(dataDir).slot(name + ".new");
    ::unlink(tmp.c_str());
    if (::symlink(target.c_str(), tmp.c_str()) != 0) {
        err = tmp.string() + ": cannot create symlink: " + std::strerror(errno);
        return false;
    }
    failpoint("store.symlink-created");
    if (::rename(tmp.c_str(), link.c_str()) != 0) {
        err = link.string() + ": rename failed: " + std::strerror(errno);
        ::unlink(tmp.c_str());
        return false;
    }
    failpoint("store.symlink-renamed");
    return true;
}

bool switchCurrent(const fs::path& dataDir, uint64_t version, std::string& err) {
    std::error_code ec;
    if (!fs::is_regular_file(bundleDirOf(dataDir, version) / "manifest.json", ec)) {
        err = "bundle " + std::to_string(version) + ": not committed (no " +
              (bundleDirOf(dataDir, version) / "manifest.json").string() + ")";
        return false;
    }
    std::optional<uint64_t> old = slotVersion(dataDir, DataDir::kCurrent);
    // previous first: a crash between the two renames leaves previous == current, still valid.
    if (old && *old != version &&
        !replaceSymlink(dataDir, DataDir::kPrevious, "bundles/" + std::to_string(*old), err))
        return false;
    if (!replaceSymlink(dataDir, DataDir::kCurrent, "bundles/" + std::to_string(version), err))
        return false;
    return fileutil::fsyncDir(dataDir, err);
}

bool markBadAndRollBack(const fs::path& dataDir, std::string& err) {
    std::optional<uint64_t> cur = slotVersion(dataDir, DataDir::kCurrent);
    std::optional<uint64_t> prev = slotVersion(dataDir, DataDir::kPrevious);
    if (cur && !markVersionBad(dataDir, *cur, err)) return false;
    failpoint("store.rollback-marked");
    if (!prev) {
        // Nothing to go back to: current goes, so that no sync takes the bad version for the
        // installed one (start-up then shows the demo bundle).
        fs::path link = DataDir(dataDir).slot(DataDir::kCurrent);
        ::unlink(link.c_str());
        std::string ignored;
        fileutil::fsyncDir(dataDir, ignored);
        err = "cannot roll back: no previous bundle";
        return false;
    }
    fs::path from = DataDir(dataDir).slot(DataDir::kPrevious),
             to = DataDir(dataDir).slot(DataDir::kCurrent);
    if (::rename(from.c_str(), to.c_str()) != 0) {
        err = to.string() + ": rename failed: " + std::strerror(errno);
        return false;
    }
    return fileutil::fsyncDir(dataDir, err);
}

//-----------------------------------------------------------------------------
// [SECTION] Install
//-----------------------------------------------------------------------------

static std::string joinProblems(const std::vector<std::string>& problems) {
    std::string out;
    for (const std::string& p : problems) out += (out.empty() ? "" : "\n") + p;
    return out;
}

static bool installUnchecked(const fs::path& dataDir, const fs::path& packedDir,
                             const crypto::PublicKey& publisher, std::string& err,
                             uint64_t* installedVersion) {
    std::vector<std::string> problems;
    std::optional<Bundle> bundle =
        openPackedBundle(packedDir, publisher, VerifyLevel::Full, problems);
    if (!bundle) {
        err = packedDir.string() + ": bundle refused:\n" + joinProblems(problems);
        return false;
    }
    const uint64_t version = bundle->manifest.version;
    if (!checkInstallable(dataDir, version, err)) return false;
    if (!ensureStoreLayout(dataDir, err)) return false;
    for (const ManifestFile& f : bundle->manifest.files) {
        if (hasBlob(dataDir, f)) continue;
        if (!addBlobFromFile(dataDir, f, bundle->pathOf(f.name), err)) return false;
    }
    // Re-read the manifest bytes for the commit; the committed copy is re-verified below, so a
    // change since openPackedBundle fails loudly instead of slipping through.
    std::string json, sig;
    if (!fileutil::readFile(packedDir / "manifest.json", json, err) ||
        !fileutil::readFile(packedDir / "manifest.json.sig", sig, err, 4096))
        return false;
    if (!commitVersion(dataDir, version, json, sig, err)) return false;
    // Check the committed copy before making it current: never switch to something unverified.
    problems.clear();
    if (!openBundle(bundleDirOf(dataDir, version), DataDir(dataDir).blobs(), publisher,
                    VerifyLevel::SignatureAndPresence, problems)) {
        err = "bundle " + std::to_string(version) + " refused after commit:\n" +
              joinProblems(problems);
        return false;
    }
    if (!switchCurrent(dataDir, version, err)) return false;
    // Fully verified before the switch: it counts as checked.
    if (!raiseHighestVersion(dataDir, version, err)) return false;
    if (installedVersion) *installedVersion = version;
    return true;
}

bool installFromPackedBundle(const fs::path& dataDir, const fs::path& packedDir,
                             const crypto::PublicKey& publisher, std::string& err,
                             uint64_t* installedVersion) {
    try {
        return installUnchecked(dataDir, packedDir, publisher, err, installedVersion);
    } catch (const std::exception& e) {
        err = packedDir.string() + ": install failed: " + e.what();
    } catch (...) {
        err = packedDir.string() + ": install failed";
    }
    return false;
}

//-----------------------------------------------------------------------------
// [SECTION] Startup selection
//-----------------------------------------------------------------------------

static std::string firstProblem(const std::vector<std::string>& problems) {
    if (problems.empty()) return "unknown problem";
    std::string line = problems.front();
    if (problems.size() > 1) line += " (+" + std::to_string(problems.size() - 1) + " more)";
    return line;
}

static std::optional<Bundle> trySlot(const fs::path& dataDir, const char* slot,
                                     const std::set<uint64_t>& bad,
                                     const crypto::PublicKey& publisher,
                                     std::vector<std::string>& log, VerifiedBlobs* verified) {
    std::error_code ec;
    if (!fs::is_symlink(fs::symlink_status(DataDir(dataDir).slot(slot), ec)))
        return std::nullopt; // no slot
    std::optional<uint64_t> version = slotVersion(dataDir, slot);
    if (!version) {
        log.push_back(std::string(slot) + " refused: not a link to bundles/<version>");
        return std::nullopt;
    }
    std::string name = "bundle " + std::to_string(*version);
    if (bad.count(*version)) {
        log.push_back(name + " refused: marked bad");
        return std::nullopt;
    }
    std::vector<std::string> problems;
    // Open by the resolved dir, not through the symlink: a later switch must not move it.
    std::optional<Bundle> b = openBundle(bundleDirOf(dataDir, *version), DataDir(dataDir).blobs(),
                                         publisher, VerifyLevel::Full, problems, nullptr, verified);
    if (!b) {
        log.push_back(name + " refused: " + firstProblem(problems));
        return std::nullopt;
    }
    if (b->manifest.version != *version) { // a signed manifest filed under the wrong version
        log.push_back(name + " refused: manifest says version " +
                      std::to_string(b->manifest.version));
        return std::nullopt;
    }
    log.push_back("using " + name + " (" + slot + ")");
    return b;
}

std::optional<Bundle> selectStartupBundle(const fs::path& dataDir, const fs::path& demoDir,
                                          const crypto::PublicKey& publisher,
                                          std::vector<std::string>& log, VerifiedBlobs* verified) {
    try {
        std::set<uint64_t> bad = readBadVersions(dataDir);
        if (auto b = trySlot(dataDir, DataDir::kCurrent, bad, publisher, log, verified)) return b;
        if (auto b = trySlot(dataDir, DataDir::kPrevious, bad, publisher, log, verified)) return b;
        if (demoDir.empty()) {
            log.push_back("no demo bundle configured");
            return std::nullopt;
        }
        std::vector<std::string> problems;
        std::optional<Bundle> demo = openBundle(demoDir, demoDir / "blobs", publisher,
                                                VerifyLevel::Full, problems, nullptr, verified);
        if (!demo) {
            log.push_back("demo bundle " + demoDir.string() +
                          " refused: " + firstProblem(problems));
            return std::nullopt;
        }
        log.push_back("using demo bundle " + demoDir.string() + " (version " +
                      std::to_string(demo->manifest.version) + ")");
        return demo;
    } catch (const std::exception& e) {
        log.push_back(std::string("bundle selection failed: ") + e.what());
    } catch (...) {
        log.push_back("bundle selection failed");
    }
    return std::nullopt;
}

} // namespace zj

#include "core/bundle/verified_blobs.hpp"
#include "core/bundle/file_util.hpp"

#include <sstream>
#include <sys/stat.h>

namespace zj {

namespace fs = std::filesystem;

static fs::path cacheFile(const fs::path& dataDir) {
    return dataDir / "state" / "verified-blobs";
}

bool stampOf(const fs::path& file, FileStamp& out) {
    struct stat st {};
    if (::lstat(file.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return false;
    out.dev = uint64_t(st.st_dev);
    out.ino = uint64_t(st.st_ino);
    out.size = uint64_t(st.st_size);
    out.mtimeNs = int64_t(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
    out.ctimeNs = int64_t(st.st_ctim.tv_sec) * 1000000000 + st.st_ctim.tv_nsec;
    return true;
}

bool VerifiedBlobs::load(const fs::path& dataDir) {
    entries_.clear();
    std::string text, err;
    if (!fileutil::readFile(cacheFile(dataDir), text, err, 16 << 20)) return false;
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line)) {
        std::istringstream fields(line);
        std::string sha;
        FileStamp s;
        std::string rest;
        if (!(fields >> sha >> s.dev >> s.ino >> s.size >> s.mtimeNs >> s.ctimeNs) ||
            (fields >> rest) || sha.size() != 64 ||
            sha.find_first_not_of("0123456789abcdef") != std::string::npos)
            continue; // a damaged line only costs a hash
        entries_[sha] = s;
    }
    changed_ = false;
    return true;
}

bool VerifiedBlobs::save(const fs::path& dataDir, std::string& err) {
    std::string text;
    for (auto it = entries_.begin(); it != entries_.end();) {
        FileStamp now;
        if (!stampOf(dataDir / "blobs" / it->first, now) || !(now == it->second)) {
            it = entries_.erase(it); // gone (GC) or changed: no longer vouched for
            continue;
        }
        const FileStamp& s = it->second;
        text += it->first + " " + std::to_string(s.dev) + " " + std::to_string(s.ino) + " " +
                std::to_string(s.size) + " " + std::to_string(s.mtimeNs) + " " +
                std::to_string(s.ctimeNs) + "\n";
        ++it;
    }
    if (!fileutil::writeFileAtomic(cacheFile(dataDir), text, err)) return false;
    changed_ = false;
    return true;
}

bool VerifiedBlobs::known(const std::string& sha256, const fs::path& blob) const {
    if (!trustStamps_) return false;
    auto it = entries_.find(sha256);
    FileStamp now;
    return it != entries_.end() && stampOf(blob, now) && now == it->second;
}

void VerifiedBlobs::record(const std::string& sha256, const fs::path& blob,
                           const FileStamp& before) {
    FileStamp s;
    if (!stampOf(blob, s) || !(s == before)) return;
    auto it = entries_.find(sha256);
    if (it != entries_.end() && it->second == s) return;
    entries_[sha256] = s;
    changed_ = true;
}

void VerifiedBlobs::forget(const std::string& sha256) {
    if (entries_.erase(sha256)) changed_ = true;
}

} // namespace zj

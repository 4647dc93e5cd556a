#include "core/bundle/verified_blobs.hpp"
#include "core/bundle/data_dir.hpp"
#include "core/bundle/file_util.hpp"

#include <sstream>
#include <sys/stat.h>

namespace zj {

namespace fs = std::filesystem;

static fs::path cacheFile(const fs::path& dataDir) {
    return DataDir(dataDir).verifiedBlobs();
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
        Entry e;
        FileStamp& s = e.stamp;
        std::string path;
        if (!(fields >> e.sha256 >> s.dev >> s.ino >> s.size >> s.mtimeNs >> s.ctimeNs) ||
            !std::getline(fields >> std::ws, path) || path.empty() || path[0] != '/' ||
            e.sha256.size() != 64 ||
            e.sha256.find_first_not_of("0123456789abcdef") != std::string::npos)
            continue; // a damaged line only costs a hash
        entries_[path] = e;
    }
    changed_ = false;
    return true;
}

bool VerifiedBlobs::save(const fs::path& dataDir, std::string& err) {
    std::string text;
    for (auto it = entries_.begin(); it != entries_.end();) {
        FileStamp now;
        if (!stampOf(it->first, now) || !(now == it->second.stamp)) {
            it = entries_.erase(it); // gone (GC) or changed: no longer vouched for
            continue;
        }
        const FileStamp& s = it->second.stamp;
        text += it->second.sha256 + " " + std::to_string(s.dev) + " " + std::to_string(s.ino) +
                " " + std::to_string(s.size) + " " + std::to_string(s.mtimeNs) + " " +
                std::to_string(s.ctimeNs) + " " + it->first + "\n";
        ++it;
    }
    if (!fileutil::writeFileAtomic(cacheFile(dataDir), text, err)) return false;
    changed_ = false;
    return true;
}

static std::string keyOf(const fs::path& blob) {
    std::error_code ec;
    fs::path abs = fs::absolute(blob, ec);
    return (ec ? blob : abs).lexically_normal().string();
}

bool VerifiedBlobs::known(const std::string& sha256, const fs::path& blob) const {
    if (!trustStamps_) return false;
    auto it = entries_.find(keyOf(blob));
    FileStamp now;
    return it != entries_.end() && it->second.sha256 == sha256 && stampOf(blob, now) &&
           now == it->second.stamp;
}

void VerifiedBlobs::record(const std::string& sha256, const fs::path& blob,
                           const FileStamp& before) {
    FileStamp s;
    if (!stampOf(blob, s) || !(s == before)) return;
    std::string key = keyOf(blob);
    auto it = entries_.find(key);
    if (it != entries_.end() && it->second.sha256 == sha256 && it->second.stamp == s) return;
    entries_[key] = {sha256, s};
    changed_ = true;
}

void VerifiedBlobs::forget(const fs::path& blob) {
    if (entries_.erase(keyOf(blob))) changed_ = true;
}

} // namespace zj

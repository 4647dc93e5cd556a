// The directory source (source.hpp): file:///path or /path, e.g. a USB stick with a published
// bundle. The same signature rules as HTTP; only regular files are read (a FIFO named
// manifest.json would block a plain open() for ever, a symlink could read any file here).
#include "core/bundle/file_util.hpp"
#include "core/bundle/store.hpp"
#include "core/sync/source.hpp"

#include <atomic>

namespace zj {

namespace fs = std::filesystem;

namespace {

class DirSource final : public Source {
  public:
    DirSource(fs::path dir, const SyncOptions& options) : options_(options), dir_(std::move(dir)) {}

    bool isHttp() const override { return false; }
    bool reached() const override { return reached_; }
    uint64_t bytesDownloaded() const override { return bytes_; }
    std::string where(const std::string& rel) const override { return (dir_ / rel).string(); }

    Step fetchSmall(const std::string& rel, uint64_t maxBytes, const std::string&,
                    std::string& body, std::string&, bool& notModified) override {
        notModified = false;
        body.clear();
        std::string err;
        if (!fileutil::readRegularFile(dir_ / rel, body, err, maxBytes)) return Step::fail(err);
        reached_ = true;
        bytes_ += body.size();
        return {};
    }

    Step fetchBlob(const ManifestFile& file) override {
        fs::path src = dir_ / "blobs" / file.sha256;
        std::error_code ec;
        fs::file_status st = fs::symlink_status(src, ec);
        if (!fs::exists(st)) return Step::fail(src.string() + ": missing");
        if (options_.stop && options_.stop->load()) return Step::fail(src.string() + ": stopped");
        std::string err;
        // addBlobFromFile opens it as a regular file only (no FIFO, device or symlink).
        if (!addBlobFromFile(options_.dataDir, file, src, err)) return Step::refuse(err);
        bytes_ += file.size;
        return {};
    }

  private:
    const SyncOptions& options_;
    fs::path dir_;
    bool reached_ = false;
    uint64_t bytes_ = 0;
};

} // namespace

std::unique_ptr<Source> makeDirSource(fs::path dir, const SyncOptions& options) {
    return std::make_unique<DirSource>(std::move(dir), options);
}

} // namespace zj

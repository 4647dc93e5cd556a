// Packed bundle writer: content-addressed blobs, canonical manifest, detached signature.
#include "core/bundle/bundle_writer.hpp"
#include "core/bundle/file_util.hpp"
#include "core/bundle/manifest.hpp"

#include <algorithm>
#include <set>

namespace zj {

namespace fs = std::filesystem;

bool writeBundle(const std::vector<BundleInputFile>& files, const crypto::SecretKey& key,
                 const BundleWriteOptions& options, const fs::path& outDir, std::string& err) {
    Manifest manifest;
    manifest.version = options.version;
    manifest.created = options.created;
    manifest.expires = options.expires;
    manifest.channel = options.channel;
    for (const BundleInputFile& f : files)
        manifest.files.push_back({f.name, crypto::sha256Hex(f.bytes), uint64_t(f.bytes.size())});

    // Run the writer's output through the reader's rules: never sign what a kiosk would refuse.
    std::string json = manifestToJson(manifest);
    Manifest check;
    if (!parseManifest(json, check, err)) {
        err = "refusing to write an invalid bundle: " + err;
        return false;
    }

    std::error_code ec;
    fs::path out = outDir.lexically_normal();
    if (out.filename().empty()) out = out.parent_path(); // "dir/" -> "dir"
    fs::path tmp = fileutil::tmpSibling(out);
    fs::remove_all(tmp, ec); // a leftover from a crashed run with the same pid
    fs::create_directories(tmp / "blobs", ec);
    if (ec) {
        err = tmp.string() + ": cannot create directory: " + ec.message();
        return false;
    }
    auto fail = [&](const std::string& message) {
        err = message;
        std::error_code ignored;
        fs::remove_all(tmp, ignored);
        return false;
    };

    // One blob per distinct content, whatever the number of names that use it.
    std::set<std::string> written;
    for (size_t i = 0; i < files.size(); ++i) {
        const std::string& id = manifest.files[i].sha256;
        if (!written.insert(id).second) continue;
        if (!fileutil::writeFileSynced(tmp / "blobs" / id, files[i].bytes, err)) return fail(err);
    }
    crypto::Signature sig = crypto::sign(json, key);
    if (!fileutil::writeFileSynced(tmp / "manifest.json", json, err)) return fail(err);
    if (!fileutil::writeFileSynced(tmp / "manifest.json.sig",
                                   crypto::toHex(sig.data(), sig.size()) + "\n", err))
        return fail(err);
    if (!fileutil::fsyncDir(tmp / "blobs", err) || !fileutil::fsyncDir(tmp, err)) return fail(err);

    // Directories cannot be renamed over a non-empty one, so the old OUT goes first; the window
    // without OUT is short and only affects the packing machine, never a kiosk.
    if (fs::exists(fs::symlink_status(out, ec))) {
        fs::remove_all(out, ec);
        if (ec) return fail(out.string() + ": cannot remove the old bundle: " + ec.message());
    }
    fs::rename(tmp, out, ec);
    if (ec) return fail(out.string() + ": cannot rename into place: " + ec.message());
    fs::path parent = out.has_parent_path() ? out.parent_path() : fs::path(".");
    return fileutil::fsyncDir(parent, err);
}

} // namespace zj

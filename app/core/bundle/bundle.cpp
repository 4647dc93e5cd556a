// Opening a bundle: signature over the raw manifest bytes first, then the strict parse, then
// the blobs. Reads outside data, so it never throws.
#include "core/bundle/bundle.hpp"
#include "core/bundle/file_util.hpp"
#include "core/bundle/verified_blobs.hpp"

namespace zj {

namespace fs = std::filesystem;

fs::path Bundle::pathOf(std::string_view name) const {
    const ManifestFile* f = manifest.find(name);
    return f ? blobDir / f->sha256 : fs::path();
}

// "blobs/ab12cd34ef56...": short enough for a log line, long enough to find the file.
static std::string blobLabel(const std::string& sha256) {
    return "blobs/" + sha256.substr(0, 12) + "...";
}

// The .sig file: 128 lowercase hex digits, optionally followed by one newline.
static bool readSignature(const fs::path& file, crypto::Signature& sig, std::string& err) {
    std::string text;
    if (!fileutil::readFile(file, text, err, 4096)) return false;
    if (!text.empty() && text.back() == '\n') text.pop_back();
    if (text.size() != sig.size() * 2 || !crypto::fromHex(text, sig.data(), sig.size())) {
        err = file.string() + ": not a signature (expected 128 hex digits)";
        return false;
    }
    return true;
}

// What is wrong with one of the manifest's blobs, empty when nothing is. A plain file of the
// stated size; with VerifyLevel::Full also the stated sha256 (unless `verified` knows it).
static std::string blobProblem(const ManifestFile& f, const fs::path& blob, VerifyLevel level,
                               VerifiedBlobs* verified) {
    std::error_code ec;
    // symlink_status: a blob must be a plain file, never a link pointing elsewhere.
    fs::file_status st = fs::symlink_status(blob, ec);
    if (!fs::exists(st)) return "missing";
    if (!fs::is_regular_file(st)) return "not a regular file";
    uint64_t size = fs::file_size(blob, ec);
    if (ec) return "cannot stat: " + ec.message();
    if (size != f.size)
        return "size " + std::to_string(size) + ", expected " + std::to_string(f.size);
    if (level != VerifyLevel::Full || (verified && verified->known(f.sha256, blob))) return {};
    std::string hex, err;
    FileStamp before;
    stampOf(blob, before);
    if (!crypto::sha256File(blob, hex, nullptr, err)) return err;
    if (hex != f.sha256) {
        if (verified) verified->forget(blob);
        return "sha256 mismatch";
    }
    if (verified) verified->record(f.sha256, blob, before);
    return {};
}

// The signed manifest, parsed; nullopt (with the problem) when unsigned, forged or malformed.
static std::optional<Bundle> openManifest(const fs::path& manifestDir,
                                          const crypto::PublicKey& publisher,
                                          std::vector<std::string>& problems,
                                          BundleFindings& findings) {
    std::string err, json;
    crypto::Signature sig{};
    if (!fileutil::readFile(manifestDir / "manifest.json", json, err) ||
        !readSignature(manifestDir / "manifest.json.sig", sig, err)) {
        problems.push_back(err);
        findings.untrusted = true;
        return std::nullopt;
    }
    // Verify before parsing: the parser never sees unauthenticated bytes from a bundle.
    if (!crypto::verify(json, sig, publisher)) {
        problems.push_back((manifestDir / "manifest.json").string() +
                           ": signature does not verify with the publisher key");
        findings.untrusted = true;
        return std::nullopt;
    }
    Bundle bundle;
    bundle.manifestDir = manifestDir;
    if (!parseManifest(json, bundle.manifest, err)) {
        problems.push_back((manifestDir / "manifest.json").string() + ": " + err);
        return std::nullopt;
    }
    return bundle;
}

static std::optional<Bundle>
openBundleUnchecked(const fs::path& manifestDir, const fs::path& blobDir,
                    const crypto::PublicKey& publisher, VerifyLevel level,
                    std::vector<std::string>& problems, BundleFindings& findings,
                    VerifiedBlobs* verified) {
    std::optional<Bundle> bundle = openManifest(manifestDir, publisher, problems, findings);
    if (!bundle) return std::nullopt;
    bundle->blobDir = blobDir;
    bool ok = true;
    for (const ManifestFile& f : bundle->manifest.files) {
        std::string problem = blobProblem(f, blobDir / f.sha256, level, verified);
        if (problem.empty()) continue;
        problems.push_back(blobLabel(f.sha256) + ": " + problem + " (" + f.name + ")");
        findings.damaged.push_back(f);
        ok = false;
    }
    if (!ok) return std::nullopt;
    return bundle;
}

std::optional<Bundle> openBundle(const fs::path& manifestDir, const fs::path& blobDir,
                                 const crypto::PublicKey& publisher, VerifyLevel level,
                                 std::vector<std::string>& problems, BundleFindings* findings,
                                 VerifiedBlobs* verified) {
    BundleFindings ignored;
    try {
        return openBundleUnchecked(manifestDir, blobDir, publisher, level, problems,
                                   findings ? *findings : ignored, verified);
    } catch (const std::exception& e) { // bad_alloc and the like: refuse, do not crash
        problems.push_back(manifestDir.string() + ": " + e.what());
    } catch (...) {
        problems.push_back(manifestDir.string() + ": unexpected error");
    }
    return std::nullopt;
}

} // namespace zj

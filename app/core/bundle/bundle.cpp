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

static std::optional<Bundle>
openBundleUnchecked(const fs::path& manifestDir, const fs::path& blobDir,
                    const crypto::PublicKey& publisher, VerifyLevel level,
                    std::vector<std::string>& problems, BundleFindings& findings,
                    VerifiedBlobs* verified) {
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
    bundle.blobDir = blobDir;
    if (!parseManifest(json, bundle.manifest, err)) {
        problems.push_back((manifestDir / "manifest.json").string() + ": " + err);
        return std::nullopt;
    }

    bool ok = true;
    for (const ManifestFile& f : bundle.manifest.files) {
        fs::path blob = blobDir / f.sha256;
        std::string label = blobLabel(f.sha256);
        std::string suffix = " (" + f.name + ")";
        std::error_code ec;
        // symlink_status: a blob must be a plain file, never a link pointing elsewhere.
        fs::file_status st = fs::symlink_status(blob, ec);
        if (!fs::exists(st)) {
            problems.push_back(label + ": missing" + suffix);
            findings.damaged.push_back(f);
            ok = false;
            continue;
        }
        if (!fs::is_regular_file(st)) {
            problems.push_back(label + ": not a regular file" + suffix);
            findings.damaged.push_back(f);
            ok = false;
            continue;
        }
        uint64_t size = fs::file_size(blob, ec);
        if (ec) {
            problems.push_back(label + ": cannot stat: " + ec.message() + suffix);
            findings.damaged.push_back(f);
            ok = false;
            continue;
        }
        if (size != f.size) {
            problems.push_back(label + ": size " + std::to_string(size) + ", expected " +
                               std::to_string(f.size) + suffix);
            findings.damaged.push_back(f);
            ok = false;
            continue;
        }
        if (level == VerifyLevel::Full && !(verified && verified->known(f.sha256, blob))) {
            std::string hex;
            FileStamp before;
            stampOf(blob, before);
            if (!crypto::sha256File(blob, hex, nullptr, err)) {
                problems.push_back(label + ": " + err + suffix);
                findings.damaged.push_back(f);
                ok = false;
            } else if (hex != f.sha256) {
                problems.push_back(label + ": sha256 mismatch" + suffix);
                findings.damaged.push_back(f);
                if (verified) verified->forget(blob);
                ok = false;
            } else if (verified) {
                verified->record(f.sha256, blob, before);
            }
        }
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

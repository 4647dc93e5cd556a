// A bundle on disk: DIR/manifest.json, DIR/manifest.json.sig and blobs named by SHA-256.
// The blobs live in DIR/blobs/ for a packed bundle, or in a shared store (see store.hpp).
#pragma once
#include "core/bundle/crypto.hpp"
#include "core/bundle/manifest.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace zj {

struct Bundle {
    std::filesystem::path manifestDir; // holds manifest.json + manifest.json.sig
    std::filesystem::path blobDir;     // holds the blobs, named by sha256
    Manifest manifest;

    // The blob path of a logical file name, or empty when the manifest does not list it.
    std::filesystem::path pathOf(std::string_view name) const;
};

enum class VerifyLevel {
    SignatureAndPresence, // signature valid, every blob present with the declared size (fast)
    Full,                 // ... and every blob's SHA-256 checked (recomputed, or vouched for by
                          // a VerifiedBlobs record of the unchanged file)
};

class VerifiedBlobs;

// What was wrong, by kind: callers react differently to a key that does not fit (the bundle
// may be fine), to local damage (fetch those blobs again) and to a bad bundle.
struct BundleFindings {
    bool untrusted = false;            // manifest or signature unreadable, or signature fails
    std::vector<ManifestFile> damaged; // blobs missing, not plain files, wrong size or hash
};

// Opens and verifies a bundle. On failure returns nullopt and fills `problems`, one line per
// failing file ("blobs/ab12...: sha256 mismatch (media/photos/x.jpg)"), and `findings` when
// given. With `verified` (Full only), blobs it vouches for are not hashed again and each blob
// hashed correctly is recorded in it.
std::optional<Bundle> openBundle(const std::filesystem::path& manifestDir,
                                 const std::filesystem::path& blobDir,
                                 const crypto::PublicKey& publisher, VerifyLevel level,
                                 std::vector<std::string>& problems,
                                 BundleFindings* findings = nullptr,
                                 VerifiedBlobs* verified = nullptr);

// A packed bundle directory (blobs in DIR/blobs).
inline std::optional<Bundle> openPackedBundle(const std::filesystem::path& dir,
                                              const crypto::PublicKey& publisher, VerifyLevel level,
                                              std::vector<std::string>& problems) {
    return openBundle(dir, dir / "blobs", publisher, level, problems);
}

} // namespace zj

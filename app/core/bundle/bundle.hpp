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
    Full,                 // ... and every blob's SHA-256 recomputed
};

// Opens and verifies a bundle. On failure returns nullopt and fills `problems`, one line per
// failing file ("blobs/ab12...: sha256 mismatch (media/photos/x.jpg)").
std::optional<Bundle> openBundle(const std::filesystem::path& manifestDir,
                                 const std::filesystem::path& blobDir,
                                 const crypto::PublicKey& publisher, VerifyLevel level,
                                 std::vector<std::string>& problems);

// A packed bundle directory (blobs in DIR/blobs).
inline std::optional<Bundle> openPackedBundle(const std::filesystem::path& dir,
                                              const crypto::PublicKey& publisher, VerifyLevel level,
                                              std::vector<std::string>& problems) {
    return openBundle(dir, dir / "blobs", publisher, level, problems);
}

} // namespace zj

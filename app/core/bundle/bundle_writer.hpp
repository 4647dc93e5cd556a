// Writes a packed bundle: OUT/manifest.json, OUT/manifest.json.sig, OUT/blobs/<sha256>.
#pragma once
#include "core/bundle/crypto.hpp"

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace zj {

struct BundleInputFile {
    std::string name;  // logical name, e.g. "content.db", "media/photos/etdz-1.jpg"
    std::string bytes; // the file's content
};

struct BundleWriteOptions {
    uint64_t version = 1;
    int64_t created = 0; // unix seconds
    int64_t expires = 0; // unix seconds
    std::string channel; // Manifest::channel ("" = none)
};

// Deterministic: the same files, options and key give byte-identical output. Writes into a
// temporary sibling directory and renames it over OUT at the end, so nothing partial is left.
bool writeBundle(const std::vector<BundleInputFile>& files, const crypto::SecretKey& key,
                 const BundleWriteOptions& options, const std::filesystem::path& outDir,
                 std::string& err);

} // namespace zj

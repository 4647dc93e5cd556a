// Loading a bundle's content.db (read-only, fully into memory: it is small).
#pragma once
#include "core/bundle/bundle.hpp"
#include "core/content/model.hpp"

#include <filesystem>
#include <string>

namespace zj {

// Opens the bundle's content.db read-only, checks its schema version and loads everything.
// On failure returns false with `err` saying what and where ("content.db: table park: ...");
// a corrupt or foreign file is an error, never a crash. `out.version` = the bundle's version.
bool loadContent(const Bundle& bundle, Content& out, std::string& err);

// The same for a bare content.db file (tests, tools).
bool loadContentFromDb(const std::filesystem::path& dbPath, Content& out, std::string& err);

// Geometry blobs: little-endian float32 arrays (see fields.hpp).
std::string floatsToBlob(const std::vector<float>& values);
bool blobToFloats(const void* data, size_t size, std::vector<float>& out);
// Outline strips are stored one after another, separated by a (NaN, NaN) pair.
std::string stripsToBlob(const std::vector<std::vector<float>>& strips);
bool blobToStrips(const void* data, size_t size, std::vector<std::vector<float>>& out);

} // namespace zj

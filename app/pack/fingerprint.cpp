// The sources' fingerprint: one SHA-256 over every content source file (relative path, size and
// bytes, in path order). `build` leaves it beside the bundle, `proof` records it with its
// verdict, and `publish` matches the two, so a proof vouches only for the sources it saw.
#include "core/bundle/crypto.hpp"
#include "core/bundle/file_util.hpp"
#include "pack/sources.hpp"

#include <algorithm>

namespace zj::pack {

namespace fs = std::filesystem;

namespace {
// Not content: keys, the media generators, and dot-files (the proof's own record among them).
bool isSourceFile(const fs::path& relative) {
    auto first = relative.begin();
    if (first == relative.end()) return false;
    if (*first == "keys" || *first == "scripts") return false;
    for (const auto& part : relative)
        if (part.string().starts_with(".")) return false;
    return true;
}
} // namespace

bool sourcesFingerprint(const fs::path& root, std::string& hexOut, std::string& err) {
    std::vector<std::string> files;
    std::error_code ec;
    for (fs::recursive_directory_iterator it(root, ec), end; it != end && !ec; it.increment(ec)) {
        if (!it->is_regular_file(ec)) continue;
        fs::path rel = fs::relative(it->path(), root, ec);
        if (!ec && isSourceFile(rel)) files.push_back(rel.generic_string());
    }
    if (ec) {
        err = root.string() + ": " + ec.message();
        return false;
    }
    std::sort(files.begin(), files.end());
    std::string listing; // "path\0size\0sha256\n" per file: renames and moves count too
    for (const std::string& rel : files) {
        std::string hex;
        uint64_t size = 0;
        if (!crypto::sha256File(root / rel, hex, &size, err)) return false;
        listing += rel;
        listing += '\0';
        listing += std::to_string(size);
        listing += '\0';
        listing += hex;
        listing += '\n';
    }
    hexOut = crypto::sha256Hex(listing);
    return true;
}

} // namespace zj::pack

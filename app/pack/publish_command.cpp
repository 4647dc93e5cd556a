// zjmap-pack publish DIR DEST [--public-key FILE] [--force]
//
// Copies a packed bundle to where kiosks sync from: a local directory (a web server's root, a
// USB stick) or an rsync target (user@host:/path, host:path, rsync://host/module/path).
// Order is what keeps kiosks safe: every blob first, then manifest.json.sig, then manifest.json
// last, each written under a temporary name and renamed, so a kiosk that sees the new manifest
// finds all its blobs. Old blobs stay: a kiosk half-way through the previous version needs them.
// Exit codes: 0 published, 1 the bundle or the copy failed, 2 usage error.
#include "core/bundle/bundle.hpp"
#include "core/bundle/crypto.hpp"
#include "core/bundle/file_util.hpp"
#include "core/bundle/manifest.hpp"
#include "pack/commands.hpp"
#include "pack/sources.hpp"

#include <spawn.h>
#include <sys/wait.h>

#include <cinttypes>
#include <cstdio>
#include <filesystem>
#include <set>
#include <sstream>
#include <string>
#include <vector>

extern char** environ;

namespace zj::pack {

namespace fs = std::filesystem;

namespace {

const char* kUsage = "usage: zjmap-pack publish DIR DEST [--public-key FILE] [--force]\n"
                     "  DEST: a directory, or an rsync target user@host:/path (needs rsync)\n"
                     "  --force: publish although the proof of these sources has findings\n";

int usageError(const std::string& message) {
    std::fprintf(stderr, "zjmap-pack publish: %s\n%s", message.c_str(), kUsage);
    return 2;
}

int failure(const std::string& message) {
    std::fprintf(stderr, "zjmap-pack publish: %s\n", message.c_str());
    return 1;
}

// rsync's own rule: a colon before the first slash makes a remote path ("./a:b" is local).
bool isRsyncTarget(const std::string& dest) {
    if (dest.rfind("rsync://", 0) == 0) return true;
    const size_t colon = dest.find(':');
    const size_t slash = dest.find('/');
    return colon != std::string::npos && colon > 0 && (slash == std::string::npos || colon < slash);
}

// The bundle must be complete and intact before anything leaves this machine: every blob the
// manifest names, with its size and hash, and the signature (checked when a key is given).
bool checkBundle(const fs::path& dir, const std::string& publicKeyFile, Manifest& manifest,
                 std::string& err) {
    std::string json;
    if (!fileutil::readFile(dir / "manifest.json", json, err) ||
        !parseManifest(json, manifest, err))
        return false;
    std::error_code ec;
    if (!fs::is_regular_file(dir / "manifest.json.sig", ec)) {
        err = (dir / "manifest.json.sig").string() + ": missing (not a signed bundle)";
        return false;
    }
    if (!publicKeyFile.empty()) {
        crypto::PublicKey key{};
        if (!crypto::readPublicKey(publicKeyFile, key, err)) return false;
        std::vector<std::string> problems;
        if (!openPackedBundle(dir, key, VerifyLevel::Full, problems)) {
            err = problems.empty() ? "bundle refused" : problems.front();
            if (problems.size() > 1)
                err += " (and " + std::to_string(problems.size() - 1) + " more)";
            return false;
        }
        return true;
    }
    for (const ManifestFile& f : manifest.files) {
        std::string hex;
        uint64_t size = 0;
        const fs::path blob = dir / "blobs" / f.sha256;
        if (!crypto::sha256File(blob, hex, &size, err)) return false;
        if (hex != f.sha256 || size != f.size) {
            err = blob.string() + ": does not match the manifest (" + f.name + ")";
            return false;
        }
    }
    return true;
}

// The proof gate: the bundle's sources record (written by build) names the sources and their
// fingerprint; the proof's record in that folder says what its lint found. A proof of other
// sources, or none, only earns a note: the editor may not have made one.
bool proofAllows(const fs::path& dir, bool force) {
    std::string record, err;
    if (!fileutil::readFile(dir / kSourcesRecord, record, err)) return true; // built elsewhere
    std::istringstream r(record);
    std::string fingerprint, src;
    r >> fingerprint;
    std::getline(r >> std::ws, src);
    std::string proof;
    if (src.empty() || !fileutil::readFile(fs::path(src) / kProofRecord, proof, err)) {
        std::printf("zjmap-pack publish: note: no proof of these sources (zjmap-pack proof %s "
                    "--out DIR shows every screen first)\n",
                    src.c_str());
        return true;
    }
    std::istringstream p(proof);
    std::string proofFingerprint, index;
    size_t findings = 0, failed = 0;
    p >> proofFingerprint >> findings >> failed >> index;
    if (proofFingerprint != fingerprint) {
        std::printf("zjmap-pack publish: note: the last proof (%s) is of other sources: the "
                    "sources changed since (run zjmap-pack proof again)\n",
                    index.c_str());
        return true;
    }
    if (findings == 0 && failed == 0) return true;
    std::fprintf(stderr,
                 "zjmap-pack publish: %s: %s the proof of these sources has %zu layout "
                 "finding(s) and %zu failed walk(s) (%s)%s\n",
                 dir.c_str(),
                 force ? "publishing with --force although" : "not published:", findings, failed,
                 index.c_str(), force ? "" : "; fix them or use --force");
    return force;
}

// True when `file` already holds exactly this blob (content-addressed: size and hash).
bool blobPresent(const fs::path& file, const ManifestFile& f) {
    std::error_code ec;
    if (!fs::is_regular_file(file, ec) || fs::file_size(file, ec) != f.size || ec) return false;
    std::string hex, err;
    return crypto::sha256File(file, hex, nullptr, err) && hex == f.sha256;
}

int publishToDirectory(const fs::path& dir, const Manifest& manifest, const fs::path& dest) {
    std::error_code ec;
    fs::create_directories(dest / "blobs", ec);
    if (ec) return failure((dest / "blobs").string() + ": " + ec.message());
    std::string err;
    size_t copied = 0, skipped = 0;
    uint64_t bytes = 0;
    std::set<std::string> done; // two names may share one blob
    for (const ManifestFile& f : manifest.files) {
        if (!done.insert(f.sha256).second) continue;
        const fs::path target = dest / "blobs" / f.sha256;
        if (blobPresent(target, f)) {
            ++skipped;
            continue;
        }
        // Temp name + fsync + rename: a reader never sees half a blob under its final name.
        if (!fileutil::copyFileAtomic(dir / "blobs" / f.sha256, target, err)) return failure(err);
        ++copied;
        bytes += f.size;
    }
    if (!fileutil::fsyncDir(dest / "blobs", err)) return failure(err);
    // The blobs are durable before any manifest names them; the manifest goes last.
    for (const char* name : {"manifest.json.sig", "manifest.json"})
        if (!fileutil::copyFileAtomic(dir / name, dest / name, err)) return failure(err);
    std::printf("published version %" PRIu64 " to %s: %zu blobs copied (%" PRIu64
                " bytes), %zu already there\n",
                manifest.version, dest.c_str(), copied, bytes, skipped);
    return 0;
}

// Runs a program without a shell (no quoting of paths); returns its exit status or -1.
int runProgram(const std::vector<std::string>& argv) {
    std::vector<char*> args;
    for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    pid_t pid = 0;
    if (posix_spawnp(&pid, args[0], nullptr, nullptr, args.data(), environ) != 0) return -1;
    int status = 0;
    if (waitpid(pid, &status, 0) != pid) return -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

int publishWithRsync(const fs::path& dir, const Manifest& manifest, std::string dest) {
    while (dest.size() > 1 && dest.back() == '/') dest.pop_back();
    // rsync itself writes each file under a temporary name and renames it when complete.
    // -t keeps mtimes (nginx's ETag is mtime + size), --chmod makes the files readable by the
    // web server whatever the local umask, --mkpath creates DEST on the first publish.
    const std::vector<std::string> common = {"rsync", "-t", "--mkpath", "--chmod=D755,F644"};
    // 1. Blobs, skipping those the server has (names are hashes: same name, same bytes).
    std::vector<std::string> blobs = common;
    blobs.insert(blobs.end(),
                 {"-r", "--ignore-existing", (dir / "blobs").string() + "/", dest + "/blobs/"});
    int status = runProgram(blobs);
    if (status == -1) return failure("cannot run rsync: install it (apt-get install rsync)");
    if (status != 0)
        return failure("rsync of the blobs failed (exit " + std::to_string(status) + ")");
    // 2. The signature, 3. the manifest: separate runs, as rsync sorts the files it is given.
    for (const char* name : {"manifest.json.sig", "manifest.json"}) {
        std::vector<std::string> one = common;
        // --ignore-times: always send; a new manifest can match the old one's size and mtime.
        one.insert(one.end(), {"--ignore-times", (dir / name).string(), dest + "/" + name});
        status = runProgram(one);
        if (status != 0)
            return failure(std::string("rsync of ") + name + " failed (exit " +
                           std::to_string(status) + ")");
    }
    std::printf("published version %" PRIu64 " to %s (rsync)\n", manifest.version, dest.c_str());
    return 0;
}

} // namespace

int runPublish(const std::vector<std::string>& args) {
    std::vector<std::string> positional;
    std::string publicKeyFile;
    bool force = false;
    for (size_t i = 0; i < args.size(); ++i) {
        if (args[i] == "--force") {
            force = true;
        } else if (args[i] == "--public-key") {
            if (i + 1 >= args.size()) return usageError("--public-key needs a value");
            publicKeyFile = args[++i];
        } else if (!args[i].empty() && args[i][0] == '-') {
            return usageError("unknown option '" + args[i] + "'");
        } else {
            positional.push_back(args[i]);
        }
    }
    if (positional.size() != 2) return usageError("needs DIR and DEST");
    const fs::path dir = positional[0];
    const std::string dest = positional[1];

    Manifest manifest;
    std::string err;
    if (!checkBundle(dir, publicKeyFile, manifest, err))
        return failure(dir.string() + ": not published: " + err);
    if (!proofAllows(dir, force)) return 1;
    if (isRsyncTarget(dest)) return publishWithRsync(dir, manifest, dest);
    std::error_code ec;
    if (fs::exists(dest, ec) && fs::equivalent(dir, dest, ec))
        return usageError("DEST is the bundle directory itself");
    return publishToDirectory(dir, manifest, dest);
}

} // namespace zj::pack

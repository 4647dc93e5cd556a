// The self-check of a stored bundle and the recovery every start and every sync runs first.
// A self-check has four outcomes, and only one of them is the bundle's fault:
//   Passed       every blob hashes right, content.db loads, sample photos have the recorded size
//   BundleBad    the publisher's signed content itself is broken: mark the version bad
//   LocalDamage  blobs missing or with the wrong bytes here (bit rot, a same-size edit, a kill):
//                delete them; the next sync fetches them again. The version is not bad.
//   Untrusted    the manifest does not verify with the key this process holds (or is unreadable):
//                nothing to conclude about the bundle; leave everything as it is
#pragma once
#include "core/bundle/crypto.hpp"
#include "core/bundle/manifest.hpp"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace zj {

struct Bundle;
class VerifiedBlobs;

// Loading content.db belongs to the content layer (content/, which builds on bundle/): the
// self-check asks it through a ContentLoader, so bundle/ never includes content/. The one the
// kiosk uses is contentLoader() in content/startup.hpp.
struct RecordedImage {
    std::string id;
    std::string file; // a name in the manifest
    int width = 0;    // as content.db records it (0 = not recorded)
    int height = 0;
};
// Loads the bundle's content.db; false with `err` when it does not load. `images`: its photos
// with their recorded sizes, in content.db's order.
using ContentLoader =
    std::function<bool(const Bundle&, std::vector<RecordedImage>& images, std::string& err)>;

enum class CheckVerdict { Passed, BundleBad, LocalDamage, Untrusted };
const char* checkVerdictName(CheckVerdict verdict); // "passed", "bad", "local damage", "untrusted"

struct CheckResult {
    CheckVerdict verdict = CheckVerdict::Untrusted;
    std::string reason;                // one line when not passed
    std::vector<ManifestFile> damaged; // LocalDamage: the blobs at fault
    bool passed() const { return verdict == CheckVerdict::Passed; }
};

// Checks bundles/<version> in the store: signature, every blob's hash (through `verified`: with
// stamps trusted, unchanged blobs are not hashed again; hashed ones are recorded), the manifest's
// version, content.db loads, and up to 3 photos have JPEG/PNG headers of their recorded size.
CheckResult checkStoredBundle(const std::filesystem::path& dataDir, uint64_t version,
                              const crypto::PublicKey& publicKey, VerifiedBlobs& verified,
                              const ContentLoader& loadContent);

// Brings the store to a consistent state after any interruption. Call it holding the StoreLock,
// before anything else reads the slots. In order:
//   - stale temporaries of killed writers (current.new, *.tmp-<pid>) go;
//   - state/pending-check (a switch whose self-check never ended) is checked again (every blob
//     hashed): passed -> highest raised, pending cleared; bad -> marked bad and rolled back;
//     local damage -> damaged blobs deleted, pending kept for the repair; untrusted -> kept;
//     a pending version that current does not point to (the switch never happened) is dropped;
//   - a current marked bad is rolled back to previous (a kill inside a rollback);
//   - current and previous are verified (stamps trusted): damaged blobs are deleted.
// Appends one line per thing it did to `log`. Never throws.
void recoverStore(const std::filesystem::path& dataDir, const crypto::PublicKey& publicKey,
                  VerifiedBlobs& verified, const ContentLoader& loadContent,
                  std::vector<std::string>& log);

// The self-check of a version just switched to (or found pending at recovery): every blob
// hashed, so rot since an earlier check shows.
CheckResult recheckBundle(const std::filesystem::path& dataDir, uint64_t version,
                          const crypto::PublicKey& publicKey, VerifiedBlobs& verified,
                          const ContentLoader& loadContent);

// What a finished self-check of current (`version`) does to the store; the one place for it,
// whether the sync just switched, a start found the check pending, or content.db did not load:
//   Passed       highest raised, pending cleared (confirmChecked)
//   BundleBad    current marked bad and rolled back to previous, pending cleared
//   LocalDamage  the damaged blobs deleted (and forgotten by `verified`); pending stays for the
//                repair, after which the self-check runs again
//   Untrusted    nothing
// False with `err` when the action failed (BundleBad: also when there was no previous).
bool settleSelfCheck(const std::filesystem::path& dataDir, uint64_t version,
                     const CheckResult& check, VerifiedBlobs& verified, std::string& err);

// Writes state/pending-check = `version` before current is switched to it: a kill before the
// self-check ends leaves the check for recoverStore to finish.
bool markSelfCheckPending(const std::filesystem::path& dataDir, uint64_t version, std::string& err);

// True when state/pending-check names a version (a self-check has not ended).
bool selfCheckPending(const std::filesystem::path& dataDir);

// Removes state/pending-check (after a self-check that ended in "bad" and its rollback).
void clearPendingCheck(const std::filesystem::path& dataDir);

// After a self-check that passed: highest raised to `version`, then pending-check removed.
bool confirmChecked(const std::filesystem::path& dataDir, uint64_t version, std::string& err);

} // namespace zj

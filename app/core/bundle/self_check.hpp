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
#include <string>
#include <vector>

namespace zj {

class VerifiedBlobs;

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
                              const crypto::PublicKey& publicKey, VerifiedBlobs& verified);

// The same with every blob hashed; false with the reason when it did not pass.
bool selfCheckBundle(const std::filesystem::path& dataDir, uint64_t version,
                     const crypto::PublicKey& publicKey, std::string& err);

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
                  VerifiedBlobs& verified, std::vector<std::string>& log);

// True when state/pending-check names a version (a self-check has not ended).
bool selfCheckPending(const std::filesystem::path& dataDir);

// Removes state/pending-check (after a self-check that ended in "bad" and its rollback).
void clearPendingCheck(const std::filesystem::path& dataDir);

// After a self-check that passed: highest raised to `version`, then pending-check removed.
bool confirmChecked(const std::filesystem::path& dataDir, uint64_t version, std::string& err);

} // namespace zj

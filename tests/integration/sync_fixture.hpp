// The signed bundles every sync test uses, made once per test process: the small pack fixture
// (tests/unit/pack) packed by the real zjmap-pack as version 1 and, with one photo changed, as
// version 2; then correctly signed variants for the refusal cases.
#pragma once
#include "sync_test_util.hpp"

namespace zj::itest {

struct Bundles {
    fs::path root;        // everything below lives here
    TestKey key;          // the publisher key the kiosk trusts
    TestKey otherKey;     // a key the kiosk does not trust
    fs::path v1, v2;      // packed by zjmap-pack (v2: p1.png changed)
    fs::path otherKeyV3;  // v2's content as version 3, signed by otherKey
    fs::path expiredV3;   // version 3, expired yesterday
    fs::path brokenDbV3;  // version 3 whose content.db is garbage (correctly signed)
    fs::path traversalV3; // version 3 naming "../evil" (correctly signed)
    fs::path mixed;       // v2's manifest with only v1's blobs (mix-and-match)
    fs::path garbageSig;  // v2 with a signature file that is not hex
    std::string changedPhoto = "media/photos/p1.png"; // the logical name that changed in v2
};

const Bundles& bundles(); // made on first use (two zjmap-pack runs)

// The shared store of a test: a fresh data dir, optionally with `packed` installed first.
fs::path freshStore(const std::string& name, const fs::path& packed = {});

SyncOptions optionsFor(const fs::path& dataDir);

// The store opens to a complete, verified bundle (current, else previous); its version, or 0.
uint64_t verifiedStartupVersion(const fs::path& dataDir);

// Bytes of the blobs `to` has and `from` does not, plus its manifest and signature.
uint64_t deltaBytes(const fs::path& from, const fs::path& to, size_t* count = nullptr);

} // namespace zj::itest

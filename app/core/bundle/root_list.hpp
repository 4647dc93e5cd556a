// Key rotation (issue 19 item 7), TUF's root/targets split kept to two files:
//   root.json       {"type":"zjmap-root","version":N,"created":"...Z","expires":"...Z",
//                    "min_version":M,"publisher_keys":["<64 hex>", ...]}
//   root.json.sig   Ed25519 over root.json's exact bytes, by the root key (kept offline).
// A kiosk with [sync] root_key accepts a manifest only if it verifies with a publisher key of a
// valid root list: signed by the root key, unexpired, and never older than the one it keeps
// (state/root.json). A newer list rotates keys; one that drops a key revokes it, and then the
// kiosk's floors that a compromised key may have raised are reset to what the list says
// (state/highest-version := min_version, state/time-floor := created) and content installed
// with a revoked key is no longer current (root_list.cpp: applyRootList).
#pragma once
#include "core/bundle/crypto.hpp"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace zj {

struct RootList {
    uint64_t version = 0;    // 1.. ; a kiosk never goes back to a lower one
    int64_t created = 0;     // unix seconds: the time floor after a revocation
    int64_t expires = 0;     // unix seconds: an expired list is refused
    uint64_t minVersion = 0; // the highest-version floor after a revocation
    std::vector<crypto::PublicKey> publisherKeys;
    bool trusts(const crypto::PublicKey& key) const;
};

// Strict parse (unknown keys, a duplicate or malformed key, no keys: errors).
bool parseRootList(std::string_view json, RootList& out, std::string& err);
// The canonical bytes zjmap-pack signs.
std::string rootListJson(const RootList& list);
// Verifies `sigText` (128 hex digits, optional newline) over `json` with `rootKey`, then parses.
bool verifyRootList(std::string_view json, std::string_view sigText,
                    const crypto::PublicKey& rootKey, RootList& out, std::string& err);

// state/root.json (+ .sig): the newest root list this kiosk accepted, re-verified on reading.
// nullopt when there is none (`err` empty) or it does not verify (`err` says why).
std::optional<RootList> loadKeptRootList(const std::filesystem::path& dataDir,
                                         const crypto::PublicKey& rootKey, std::string& err);

// Takes `offered` (already verified) into the store when it is newer than the kept one: keeps
// the file pair, and on a revocation resets the floors and drops `current`/`previous` when the
// key the store was last installed with (state/publisher-key) is revoked. `log` says what it
// did. False (with `err`) on a rollback (older than kept), the same version with other
// bytes, or an I/O error.
bool applyRootList(const std::filesystem::path& dataDir, const RootList& offered,
                   std::string_view json, std::string_view sigText,
                   const std::optional<RootList>& kept, std::string& log, std::string& err);

} // namespace zj

#include "core/bundle/root_list.hpp"
#include "core/bundle/data_dir.hpp"
#include "core/bundle/file_util.hpp"
#include "core/bundle/manifest.hpp"
#include "core/bundle/store.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <set>
#include <unistd.h>

namespace zj {

namespace fs = std::filesystem;

bool RootList::trusts(const crypto::PublicKey& key) const {
    return std::find(publisherKeys.begin(), publisherKeys.end(), key) != publisherKeys.end();
}

bool parseRootList(std::string_view text, RootList& out, std::string& err) {
    nlohmann::json j;
    try {
        j = nlohmann::json::parse(text);
    } catch (const std::exception& e) {
        err = std::string("root.json: not JSON: ") + e.what();
        return false;
    }
    static const std::set<std::string> known = {"type",    "version",     "created",
                                                "expires", "min_version", "publisher_keys"};
    if (!j.is_object()) {
        err = "root.json: expected an object";
        return false;
    }
    for (auto it = j.begin(); it != j.end(); ++it)
        if (!known.count(it.key())) {
            err = "root.json: unknown key \"" + it.key() + "\"";
            return false;
        }
    RootList r;
    auto time = [&](const char* key, int64_t& outTime) {
        if (!j.contains(key) || !j[key].is_string() ||
            !parseUtc(j[key].get<std::string>(), outTime)) {
            err = std::string("root.json: ") + key + ": expected a time like 2027-01-01T00:00:00Z";
            return false;
        }
        return true;
    };
    if (!j.contains("type") || j["type"] != "zjmap-root") {
        err = "root.json: type must be \"zjmap-root\"";
        return false;
    }
    if (!j.contains("version") || !j["version"].is_number_unsigned() || j["version"] == 0) {
        err = "root.json: version: expected a positive integer";
        return false;
    }
    r.version = j["version"].get<uint64_t>();
    if (!time("created", r.created) || !time("expires", r.expires)) return false;
    if (r.expires <= r.created) {
        err = "root.json: expires must be after created";
        return false;
    }
    if (j.contains("min_version")) {
        if (!j["min_version"].is_number_unsigned()) {
            err = "root.json: min_version: expected a non-negative integer";
            return false;
        }
        r.minVersion = j["min_version"].get<uint64_t>();
    }
    if (!j.contains("publisher_keys") || !j["publisher_keys"].is_array() ||
        j["publisher_keys"].empty() || j["publisher_keys"].size() > 16) {
        err = "root.json: publisher_keys: expected 1 to 16 keys (64 hex digits each)";
        return false;
    }
    for (const auto& k : j["publisher_keys"]) {
        crypto::PublicKey key{};
        if (!k.is_string() || k.get<std::string>().size() != 64 ||
            !crypto::fromHex(k.get<std::string>(), key.data(), key.size())) {
            err = "root.json: publisher_keys: expected 64 hex digits, got " + k.dump();
            return false;
        }
        if (r.trusts(key)) {
            err = "root.json: publisher_keys: " + k.get<std::string>() + " is listed twice";
            return false;
        }
        r.publisherKeys.push_back(key);
    }
    out = std::move(r);
    return true;
}

std::string rootListJson(const RootList& r) {
    nlohmann::ordered_json j;
    j["type"] = "zjmap-root";
    j["version"] = r.version;
    j["created"] = formatUtc(r.created);
    j["expires"] = formatUtc(r.expires);
    j["min_version"] = r.minVersion;
    j["publisher_keys"] = nlohmann::ordered_json::array();
    for (const auto& k : r.publisherKeys)
        j["publisher_keys"].push_back(crypto::toHex(k.data(), k.size()));
    return j.dump(2) + "\n";
}

bool verifyRootList(std::string_view json, std::string_view sigText,
                    const crypto::PublicKey& rootKey, RootList& out, std::string& err) {
    if (!sigText.empty() && sigText.back() == '\n') sigText.remove_suffix(1);
    crypto::Signature sig{};
    if (sigText.size() != sig.size() * 2 || !crypto::fromHex(sigText, sig.data(), sig.size())) {
        err = "root.json.sig: not a signature (expected 128 hex digits)";
        return false;
    }
    // Verify before parsing, as for manifests: the parser never sees unauthenticated bytes.
    if (!crypto::verify(json, sig, rootKey)) {
        err = "root.json: signature does not verify with the root key ([sync] root_key)";
        return false;
    }
    return parseRootList(json, out, err);
}

std::optional<RootList> loadKeptRootList(const fs::path& dataDir, const crypto::PublicKey& rootKey,
                                         std::string& err) {
    err.clear();
    std::string json, sig;
    std::error_code ec;
    if (!fs::exists(fs::symlink_status(DataDir(dataDir).rootList(), ec))) return std::nullopt;
    RootList r;
    if (!fileutil::readRegularFile(DataDir(dataDir).rootList(), json, err, 1 << 16) ||
        !fileutil::readRegularFile(DataDir(dataDir).rootListSignature(), sig, err, 1024) ||
        !verifyRootList(json, sig, rootKey, r, err)) {
        err = "the kept root list (state/root.json): " + err;
        return std::nullopt;
    }
    return r;
}

bool applyRootList(const fs::path& dataDir, const RootList& offered, std::string_view json,
                   std::string_view sigText, const std::optional<RootList>& kept, std::string& log,
                   std::string& err) {
    if (kept && offered.version < kept->version) {
        err = "root.json version " + std::to_string(offered.version) +
              " refused: older than the root list kept (version " + std::to_string(kept->version) +
              ")";
        return false;
    }
    std::string keptJson, ignored;
    if (kept && offered.version == kept->version) {
        if (fileutil::readFile(DataDir(dataDir).rootList(), keptJson, ignored, 1 << 16) &&
            keptJson == json)
            return true; // the list we have
        err = "root.json version " + std::to_string(offered.version) +
              " refused: the same version as the kept root list, with other content";
        return false;
    }
    if (!ensureStoreLayout(dataDir, err)) return false;
    // The signature first: a kill between the two leaves a pair that does not verify, which is
    // read as "no kept list" and the next cycle fetches it again (the floors stay as they were).
    if (!fileutil::writeFileAtomic(DataDir(dataDir).rootListSignature(), std::string(sigText),
                                   err) ||
        !fileutil::writeFileAtomic(DataDir(dataDir).rootList(), std::string(json), err))
        return false;
    log = "root list version " + std::to_string(offered.version) + " accepted (" +
          std::to_string(offered.publisherKeys.size()) + " publisher key(s))";
    std::vector<crypto::PublicKey> revoked;
    if (kept)
        for (const auto& k : kept->publisherKeys)
            if (!offered.trusts(k)) revoked.push_back(k);
    if (revoked.empty()) return true;
    // A revoked key may have been used to raise the floors (a fast-forward version, a far-future
    // `created`): the root key, offline, says where they start again.
    if (!writeHighestVersion(dataDir, offered.minVersion, err) ||
        !fileutil::writeFileAtomic(DataDir(dataDir).timeFloor(),
                                   std::to_string(offered.created) + "\n", err))
        return false;
    log += "; " + std::to_string(revoked.size()) + " key(s) revoked: highest version reset to " +
           std::to_string(offered.minVersion) + ", time floor to " + formatUtc(offered.created);
    std::string keyText;
    crypto::PublicKey installedWith{};
    if (fileutil::readFile(DataDir(dataDir).publisherKey(), keyText, ignored, 256)) {
        while (!keyText.empty() && (keyText.back() == '\n' || keyText.back() == ' '))
            keyText.pop_back();
        if (keyText.size() == 64 && crypto::fromHex(keyText, installedWith.data(), 32) &&
            !offered.trusts(installedWith)) {
            // Content installed with a revoked key is not shown again: the next install (this
            // cycle's, usually) becomes current, and until then the demo bundle is shown.
            for (const char* slot : {DataDir::kCurrent, DataDir::kPrevious})
                ::unlink(DataDir(dataDir).slot(slot).c_str());
            fileutil::fsyncDir(dataDir, ignored);
            log += "; the installed content was signed by a revoked key: no longer current";
        }
    }
    return true;
}

} // namespace zj

#include "core/content/startup.hpp"

#include "core/bundle/store.hpp"
#include "core/content/store.hpp"
#include "core/sync/sync_client.hpp"

#include <fstream>

namespace zj {

namespace {

bool tryLoad(const Bundle& bundle, LoadedContent& out, const char* what) {
    auto content = std::make_shared<Content>();
    std::string err;
    if (!loadContent(bundle, *content, err)) {
        out.log.push_back(std::string(what) + " bundle " + std::to_string(bundle.manifest.version) +
                          " refused: " + err);
        return false;
    }
    out.bundle = bundle;
    out.content = std::move(content);
    return true;
}

// A sync killed between its switch and its self-check leaves state/pending-check: finish that
// check before showing the bundle, and roll back if it fails.
void finishPendingSelfCheck(const std::filesystem::path& dataDir,
                            const crypto::PublicKey& publisher, std::vector<std::string>& log) {
    std::filesystem::path pending = dataDir / "state" / "pending-check";
    std::ifstream in(pending);
    unsigned long long version = 0;
    if (!(in >> version)) return;
    std::optional<uint64_t> current = slotVersion(dataDir, "current");
    std::string err;
    if (current && *current == version && !selfCheckBundle(dataDir, version, publisher, err)) {
        log.push_back("bundle " + std::to_string(version) +
                      " failed its pending self-check: " + err);
        std::string rollbackErr;
        markBadAndRollBack(dataDir, rollbackErr);
    }
    std::error_code ec;
    std::filesystem::remove(pending, ec);
}
} // namespace

LoadedContent loadStartupContent(const std::filesystem::path& dataDir,
                                 const std::filesystem::path& demoDir,
                                 const crypto::PublicKey& publisher) {
    LoadedContent out;
    std::error_code ec;
    bool haveStore = !dataDir.empty() && std::filesystem::is_directory(dataDir, ec);
    if (haveStore) finishPendingSelfCheck(dataDir, publisher, out.log);
    // The store's choice may verify and still not load (a broken content.db): then it is marked
    // bad and the previous bundle gets its turn, before the demo bundle.
    for (int attempt = 0; haveStore && attempt < 2; ++attempt) {
        std::optional<Bundle> chosen = selectStartupBundle(dataDir, demoDir, publisher, out.log);
        if (!chosen) break;
        if (tryLoad(*chosen, out, "selected")) return out;
        std::optional<uint64_t> current = slotVersion(dataDir, "current");
        if (!current || *current != chosen->manifest.version) break; // not the store's current
        std::string err;
        markBadAndRollBack(dataDir, err);
    }
    // The store's choice verified but did not load (or there is no store): the demo bundle.
    if (!demoDir.empty()) {
        std::vector<std::string> problems;
        auto demo =
            openPackedBundle(demoDir, publisher, VerifyLevel::SignatureAndPresence, problems);
        if (!demo) {
            for (auto& p : problems) out.log.push_back("demo bundle refused: " + p);
        } else if (tryLoad(*demo, out, "demo")) {
            out.log.push_back("using demo bundle " + demoDir.string());
            return out;
        }
    }
    out.log.push_back("no usable content bundle: showing the built-in titles only");
    return out;
}

} // namespace zj

#include "core/content/startup.hpp"

#include "core/bundle/store.hpp"
#include "core/content/store.hpp"

namespace zj {

namespace {
bool tryLoad(const Bundle& bundle, LoadedContent& out, const char* what) {
    auto content = std::make_shared<Content>();
    std::string err;
    if (!loadContent(bundle, *content, err)) {
        out.log.push_back(std::string(what) + " bundle " +
                          std::to_string(bundle.manifest.version) + " refused: " + err);
        return false;
    }
    out.bundle = bundle;
    out.content = std::move(content);
    return true;
}
} // namespace

LoadedContent loadStartupContent(const std::filesystem::path& dataDir,
                                 const std::filesystem::path& demoDir,
                                 const crypto::PublicKey& publisher) {
    LoadedContent out;
    std::optional<Bundle> chosen;
    if (!dataDir.empty()) chosen = selectStartupBundle(dataDir, demoDir, publisher, out.log);
    if (chosen && tryLoad(*chosen, out, "selected")) return out;
    // The store's choice verified but did not load (or there is no store): the demo bundle.
    if (!demoDir.empty()) {
        std::vector<std::string> problems;
        auto demo = openPackedBundle(demoDir, publisher, VerifyLevel::SignatureAndPresence, problems);
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

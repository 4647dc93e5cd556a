#include "core/content/startup.hpp"

#include "core/bundle/self_check.hpp"
#include "core/bundle/store.hpp"
#include "core/bundle/verified_blobs.hpp"
#include "core/content/store.hpp"

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

bool loadForCheck(const Bundle& bundle, std::vector<RecordedImage>& images, std::string& err) {
    Content content;
    if (!loadContent(bundle, content, err)) return false;
    images.clear();
    for (const Photo& p : content.photos) images.push_back({p.id, p.file, p.width, p.height});
    return true;
}

} // namespace

const ContentLoader& contentLoader() {
    static const ContentLoader loader = loadForCheck;
    return loader;
}

bool selfCheckBundle(const std::filesystem::path& dataDir, uint64_t version,
                     const crypto::PublicKey& key, std::string& err) {
    VerifiedBlobs rehash(false);
    CheckResult r = checkStoredBundle(dataDir, version, key, rehash, contentLoader());
    if (!r.passed()) err = r.reason;
    return r.passed();
}

LoadedContent loadStartupContent(const std::filesystem::path& dataDir,
                                 const std::filesystem::path& demoDir,
                                 const crypto::PublicKey& publisher) {
    LoadedContent out;
    std::error_code ec;
    bool haveStore = !dataDir.empty() && std::filesystem::is_directory(dataDir, ec);
    VerifiedBlobs verified;
    StoreLock lock; // the one writer: while a sync holds it, only read
    if (haveStore) {
        verified.load(dataDir);
        std::string err;
        if (lock.tryAcquire(dataDir, err))
            recoverStore(dataDir, publisher, verified, contentLoader(), out.log);
        else
            out.log.push_back("store busy (" + err + "): showing what verifies, recovery later");
    }
    // The store's choice may verify and still not load (a broken content.db whose hash is right:
    // the publisher's fault): then it is marked bad and the previous bundle gets its turn.
    for (int attempt = 0; haveStore && attempt < 2; ++attempt) {
        std::optional<Bundle> chosen =
            selectStartupBundle(dataDir, demoDir, publisher, out.log, &verified);
        if (!chosen) break;
        if (tryLoad(*chosen, out, "selected")) break;
        std::optional<uint64_t> current = slotVersion(dataDir, DataDir::kCurrent);
        if (!lock.held() || !current || *current != chosen->manifest.version) break;
        CheckResult bad;
        bad.verdict = CheckVerdict::BundleBad; // its hashes are right: the publisher's content
        std::string err;
        settleSelfCheck(dataDir, *current, bad, verified, err);
    }
    auto saveVerified = [&] {
        std::string err;
        if (lock.held() && verified.changed() && !verified.save(dataDir, err))
            out.log.push_back(err);
    };
    if (out.content) {
        saveVerified();
        return out;
    }
    // The store's choice verified but did not load (or there is no store): the demo bundle.
    if (!demoDir.empty()) {
        std::vector<std::string> problems;
        auto demo = openBundle(demoDir, demoDir / "blobs", publisher, VerifyLevel::Full, problems,
                               nullptr, haveStore ? &verified : nullptr);
        if (!demo) {
            for (auto& p : problems) out.log.push_back("demo bundle refused: " + p);
        } else if (tryLoad(*demo, out, "demo")) {
            out.log.push_back("using demo bundle " + demoDir.string());
            saveVerified();
            return out;
        }
    }
    out.log.push_back("no usable content bundle: showing the built-in titles only");
    return out;
}

} // namespace zj

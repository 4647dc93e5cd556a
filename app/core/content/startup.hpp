// What the kiosk shows at start-up and after a content switch: the newest bundle in the store
// that verifies and loads, else the previous one, else the packed demo bundle. Every refusal
// is logged in one clear line; the kiosk always has something good to show.
#pragma once
#include "core/bundle/bundle.hpp"
#include "core/bundle/self_check.hpp"
#include "core/content/model.hpp"

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace zj {

struct LoadedContent {
    std::optional<Bundle> bundle;           // where media files are (pathOf)
    std::shared_ptr<const Content> content; // null when nothing could be loaded
    std::vector<std::string> log;           // one line per refusal, then "using ..."
};

// The self-check's view of content.db (bundle/self_check.hpp): loadContent, and its photos with
// their recorded sizes.
const ContentLoader& contentLoader();

// The self-check of bundles/<version> with every blob hashed; false with the reason when it did
// not pass.
bool selfCheckBundle(const std::filesystem::path& dataDir, uint64_t version,
                     const crypto::PublicKey& publicKey, std::string& err);

LoadedContent loadStartupContent(const std::filesystem::path& dataDir,
                                 const std::filesystem::path& demoDir,
                                 const crypto::PublicKey& publisher);

} // namespace zj

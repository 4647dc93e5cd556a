// What the kiosk shows at start-up and after a content switch: the newest bundle in the store
// that verifies and loads, else the previous one, else the packed demo bundle. Every refusal
// is logged in one clear line; the kiosk always has something good to show.
#pragma once
#include "core/bundle/bundle.hpp"
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

LoadedContent loadStartupContent(const std::filesystem::path& dataDir,
                                 const std::filesystem::path& demoDir,
                                 const crypto::PublicKey& publisher);

} // namespace zj

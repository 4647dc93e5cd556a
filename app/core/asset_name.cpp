#include "core/asset_name.hpp"

namespace zj {

bool isAssetName(std::string_view logicalName) {
    return logicalName.substr(0, kAssetPrefix.size()) == kAssetPrefix;
}

std::filesystem::path resolveAssetName(const std::filesystem::path& assetsDir,
                                       std::string_view logicalName) {
    if (!isAssetName(logicalName)) return {};
    std::filesystem::path rel(logicalName.substr(kAssetPrefix.size()));
    if (rel.empty() || !rel.is_relative() || rel.has_root_name()) return {};
    for (const auto& part : rel)
        if (part == "..") return {};
    return assetsDir / rel;
}

} // namespace zj

// Names of the kiosk's own art ("asset:brand/zjmap-mark-256.png") -> files under the assets
// folder (assets/README.md). Pure path logic, so that a name can never reach outside the folder.
#pragma once
#include <filesystem>
#include <string_view>

namespace zj {

inline constexpr std::string_view kAssetPrefix = "asset:";

bool isAssetName(std::string_view logicalName);
// The file for an asset name under `assetsDir`; empty for a name that is not an asset name, is
// empty after the prefix, is absolute or has a ".." part.
std::filesystem::path resolveAssetName(const std::filesystem::path& assetsDir,
                                       std::string_view logicalName);

} // namespace zj

// Reads the back buffer and writes it as PNG (scenario shots, benchmarks).
#pragma once
#include <string>

namespace zj {

bool writeScreenshotPng(int width, int height, const std::string& path, std::string& err);

} // namespace zj

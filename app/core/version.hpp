#pragma once

namespace zj {
const char* versionString(); // "0.1.0"
} // namespace zj

#include "core/version.hpp"

namespace zj {
const char* versionString() {
    return ZJ_VERSION;
}
} // namespace zj

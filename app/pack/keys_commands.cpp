// keygen, verify, inspect (placeholder until the bundle work lands)
#include "pack/commands.hpp"
namespace zj::pack {
int runKeygen(const std::vector<std::string>&) { return 1; }
int runVerify(const std::vector<std::string>&) { return 1; }
int runInspect(const std::vector<std::string>&) { return 1; }
} // namespace zj::pack

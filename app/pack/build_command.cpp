// build (placeholder until the content pipeline lands)
#include "pack/commands.hpp"
namespace zj::pack {
int runBuild(const std::vector<std::string>&) { return 1; }
} // namespace zj::pack

// zjmap-pack subcommands. Each takes the arguments after its name and returns the exit code.
#pragma once
#include <string>
#include <vector>

namespace zj::pack {

int runKeygen(const std::vector<std::string>& args); // keygen --out DIR
// root-keygen --out DIR: DIR/root.key (0600) + DIR/root.pub. root-sign: DIR/root.json + .sig
// (core/bundle/root_list.hpp; packaging/README.md "Rotating or revoking a publisher key").
int runRootKeygen(const std::vector<std::string>& args);
int runRootSign(const std::vector<std::string>& args);
int runBuild(const std::vector<std::string>& args);  // build SRC --key FILE --out DIR [--version N]
int runVerify(const std::vector<std::string>& args); // verify DIR --public-key FILE
int runInspect(const std::vector<std::string>& args); // inspect DIR
int runPublish(const std::vector<std::string>& args); // publish DIR DEST [--public-key FILE]
int runProof(const std::vector<std::string>& args);   // proof SRC --out DIR

} // namespace zj::pack

// zjmap-pack: content sources -> checked, processed, signed bundle.
#include "core/version.hpp"
#include "pack/commands.hpp"

#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

static void printUsage(FILE* out) {
    std::fprintf(
        out,
        "usage: zjmap-pack <command> [options]\n"
        "  keygen --out DIR                                  new Ed25519 publisher key pair\n"
        "  build SRC --key FILE --out DIR [--version N]      check and pack content sources\n"
        "  verify DIR --public-key FILE                      check every hash and the signature\n"
        "  inspect DIR                                       print a bundle's manifest summary\n"
        "  publish DIR DEST [--public-key FILE]              blobs, then the manifest, to a dir or "
        "rsync target\n"
        "  proof SRC --out DIR                               every screen as visitors see it, the\n"
        "                                                    layout lint and a checklist: "
        "DIR/index.html\n"
        "  root-keygen --out DIR                             new root key pair (keep it offline)\n"
        "  root-sign --key ROOT.key --version N --expires T --publisher-key FILE... --out DIR\n"
        "            [--created T] [--min-version V]         sign root.json (key rotation)\n"
        "  --version | --help\n");
}

int main(int argc, char** argv) {
    if (argc < 2) {
        printUsage(stderr);
        return 2;
    }
    std::string command = argv[1];
    std::vector<std::string> args(argv + 2, argv + argc);
    if (command == "--help" || command == "-h") {
        printUsage(stdout);
        return 0;
    }
    if (command == "--version") {
        std::printf("zjmap-pack %s\n", zj::versionString());
        return 0;
    }
    if (command == "keygen") return zj::pack::runKeygen(args);
    if (command == "build") return zj::pack::runBuild(args);
    if (command == "verify") return zj::pack::runVerify(args);
    if (command == "inspect") return zj::pack::runInspect(args);
    if (command == "publish") return zj::pack::runPublish(args);
    if (command == "proof") return zj::pack::runProof(args);
    if (command == "root-keygen") return zj::pack::runRootKeygen(args);
    if (command == "root-sign") return zj::pack::runRootSign(args);
    std::fprintf(stderr, "zjmap-pack: unknown command '%s'\n", command.c_str());
    printUsage(stderr);
    return 2;
}

// zjmap-pack keygen, verify, inspect.
// Exit codes: 0 success, 1 the bundle/key failed, 2 usage error (one line on stderr).
#include "core/bundle/bundle.hpp"
#include "core/bundle/file_util.hpp"
#include "core/bundle/manifest.hpp"
#include "pack/commands.hpp"

#include <cinttypes>
#include <cstdio>

namespace zj::pack {

namespace fs = std::filesystem;

static int usageError(const char* command, const std::string& message) {
    std::fprintf(stderr, "zjmap-pack %s: %s\n", command, message.c_str());
    return 2;
}

// Splits args into one positional (may be required) and "--name value" options.
struct ParsedArgs {
    std::string positional;
    std::string optionValue;
    bool ok = false;
};

static ParsedArgs parseArgs(const char* command, const std::vector<std::string>& args,
                            bool wantPositional, const char* option, int& exitCode) {
    ParsedArgs out;
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (option && a == option) {
            if (i + 1 >= args.size()) {
                exitCode = usageError(command, std::string(option) + " needs a value");
                return out;
            }
            out.optionValue = args[++i];
        } else if (!a.empty() && a[0] == '-') {
            exitCode = usageError(command, "unknown option '" + a + "'");
            return out;
        } else if (wantPositional && out.positional.empty()) {
            out.positional = a;
        } else {
            exitCode = usageError(command, "unexpected argument '" + a + "'");
            return out;
        }
    }
    if (wantPositional && out.positional.empty()) {
        exitCode = usageError(command, "missing bundle directory");
        return out;
    }
    if (option && out.optionValue.empty()) {
        exitCode = usageError(command, std::string("missing ") + option);
        return out;
    }
    out.ok = true;
    return out;
}

int runKeygen(const std::vector<std::string>& args) {
    int code = 2;
    ParsedArgs a = parseArgs("keygen", args, false, "--out", code);
    if (!a.ok) return code;
    crypto::PublicKey pub{};
    crypto::SecretKey secret{};
    crypto::generateKeyPair(pub, secret);
    std::string err;
    bool ok = crypto::writeKeyFiles(a.optionValue, pub, secret, err);
    secret.fill(0);
    if (!ok) {
        std::fprintf(stderr, "zjmap-pack keygen: %s\n", err.c_str());
        return 1;
    }
    fs::path dir = a.optionValue;
    std::printf("wrote %s (secret, mode 0600: keep it off the kiosks and out of git)\n"
                "wrote %s (public: configure it on every kiosk)\n",
                (dir / "publisher.key").c_str(), (dir / "publisher.pub").c_str());
    return 0;
}

int runVerify(const std::vector<std::string>& args) {
    int code = 2;
    ParsedArgs a = parseArgs("verify", args, true, "--public-key", code);
    if (!a.ok) return code;
    crypto::PublicKey pub{};
    std::string err;
    if (!crypto::readPublicKey(a.optionValue, pub, err)) {
        std::fprintf(stderr, "zjmap-pack verify: %s\n", err.c_str());
        return 1;
    }
    std::vector<std::string> problems;
    std::optional<Bundle> bundle = openPackedBundle(a.positional, pub, VerifyLevel::Full, problems);
    if (!bundle) {
        for (const std::string& p : problems) std::printf("FAIL: %s\n", p.c_str());
        std::printf("%s: %zu problem(s)\n", a.positional.c_str(), problems.size());
        return 1;
    }
    std::printf("OK: version %" PRIu64 ", %zu files, %" PRIu64 " bytes\n", bundle->manifest.version,
                bundle->manifest.files.size(), bundle->manifest.totalSize());
    return 0;
}

int runInspect(const std::vector<std::string>& args) {
    int code = 2;
    ParsedArgs a = parseArgs("inspect", args, true, nullptr, code);
    if (!a.ok) return code;
    // inspect reads without a key on purpose (a quick look); `verify` is the trust check.
    std::string json, err;
    Manifest m;
    if (!fileutil::readFile(fs::path(a.positional) / "manifest.json", json, err) ||
        !parseManifest(json, m, err)) {
        std::fprintf(stderr, "zjmap-pack inspect: %s\n", err.c_str());
        return 1;
    }
    std::error_code ec;
    std::printf("version  %" PRIu64 "\n"
                "created  %s\n"
                "expires  %s\n"
                "files    %zu\n"
                "size     %" PRIu64 " bytes\n"
                "signed   %s (not checked: use verify)\n",
                m.version, formatUtc(m.created).c_str(), formatUtc(m.expires).c_str(),
                m.files.size(), m.totalSize(),
                fs::exists(fs::path(a.positional) / "manifest.json.sig", ec) ? "yes" : "NO");
    for (const ManifestFile& f : m.files)
        std::printf("  %-48s %12" PRIu64 "  %.12s\n", f.name.c_str(), f.size, f.sha256.c_str());
    return 0;
}

} // namespace zj::pack

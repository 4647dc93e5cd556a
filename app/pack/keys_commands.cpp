// zjmap-pack keygen, verify, inspect, root-keygen, root-sign.
// Exit codes: 0 success, 1 the bundle/key failed, 2 usage error (one line on stderr).
#include "core/bundle/bundle.hpp"
#include "core/bundle/file_util.hpp"
#include "core/bundle/manifest.hpp"
#include "core/bundle/root_list.hpp"
#include "core/bundle/store.hpp"
#include "pack/commands.hpp"

#include <cinttypes>
#include <cstdio>
#include <ctime>
#include <sys/stat.h>

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

// [SECTION] Root key and root list (key rotation)

int runRootKeygen(const std::vector<std::string>& args) {
    int code = 2;
    ParsedArgs a = parseArgs("root-keygen", args, false, "--out", code);
    if (!a.ok) return code;
    crypto::PublicKey pub{};
    crypto::SecretKey secret{};
    crypto::generateKeyPair(pub, secret);
    fs::path dir = a.optionValue;
    std::error_code ec;
    fs::create_directories(dir, ec);
    std::string err;
    std::string secretHex = crypto::toHex(secret.data(), secret.size()) + "\n";
    secret.fill(0);
    bool ok = !fs::exists(dir / "root.key", ec) &&
              fileutil::writeFileAtomic(dir / "root.key", secretHex, err, 0600) &&
              fileutil::writeFileAtomic(dir / "root.pub",
                                        crypto::toHex(pub.data(), pub.size()) + "\n", err);
    std::fill(secretHex.begin(), secretHex.end(), '0');
    if (!ok) {
        std::fprintf(stderr, "zjmap-pack root-keygen: %s\n",
                     err.empty() ? ((dir / "root.key").string() + ": exists (not replaced)").c_str()
                                 : err.c_str());
        return 1;
    }
    std::printf("wrote %s (secret, mode 0600: keep it OFFLINE, e.g. on a stick in a safe)\n"
                "wrote %s (public: [sync] root_key on every kiosk)\n",
                (dir / "root.key").c_str(), (dir / "root.pub").c_str());
    return 0;
}

int runRootSign(const std::vector<std::string>& args) {
    const char* cmd = "root-sign";
    std::string keyFile, out, versionText, created, expires, minVersionText;
    std::vector<std::string> publisherFiles;
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string& o = args[i];
        if (i + 1 >= args.size()) return usageError(cmd, o + " needs a value");
        const std::string& v = args[++i];
        if (o == "--key")
            keyFile = v;
        else if (o == "--out")
            out = v;
        else if (o == "--version")
            versionText = v;
        else if (o == "--created")
            created = v;
        else if (o == "--expires")
            expires = v;
        else if (o == "--min-version")
            minVersionText = v;
        else if (o == "--publisher-key")
            publisherFiles.push_back(v);
        else
            return usageError(cmd, "unknown option '" + o + "'");
    }
    RootList list;
    if (keyFile.empty() || out.empty() || expires.empty() || publisherFiles.empty())
        return usageError(cmd, "needs --key, --version, --expires, --publisher-key and --out");
    if (!parseVersion(versionText, list.version) || list.version == 0)
        return usageError(cmd, "--version: expected a positive integer, got '" + versionText + "'");
    if (!minVersionText.empty() && !parseVersion(minVersionText, list.minVersion))
        return usageError(cmd, "--min-version: expected an integer, got '" + minVersionText + "'");
    list.created = int64_t(std::time(nullptr));
    if (!created.empty() && !parseUtc(created, list.created))
        return usageError(cmd, "--created: expected a time like 2027-01-01T00:00:00Z");
    if (!parseUtc(expires, list.expires) || list.expires <= list.created)
        return usageError(cmd,
                          "--expires: expected a time like 2028-01-01T00:00:00Z after --created");
    std::string err;
    for (const std::string& f : publisherFiles) {
        crypto::PublicKey k{};
        if (!crypto::readPublicKey(f, k, err)) {
            std::fprintf(stderr, "zjmap-pack root-sign: %s\n", err.c_str());
            return 1;
        }
        list.publisherKeys.push_back(k);
    }
    crypto::SecretKey secret{};
    if (!crypto::readSecretKey(keyFile, secret, err)) {
        std::fprintf(stderr, "zjmap-pack root-sign: %s\n", err.c_str());
        return 1;
    }
    const std::string json = rootListJson(list);
    RootList check;
    if (!parseRootList(json, check, err)) { // e.g. a key listed twice
        secret.fill(0);
        std::fprintf(stderr, "zjmap-pack root-sign: %s\n", err.c_str());
        return 1;
    }
    crypto::Signature sig = crypto::sign(json, secret);
    secret.fill(0);
    std::error_code ec;
    fs::create_directories(out, ec);
    // The signature first, then the list: a reader mid-publish sees a pair that fails to verify
    // (and keeps its own list), never a new list it cannot check.
    if (!fileutil::writeFileAtomic(fs::path(out) / "root.json.sig",
                                   crypto::toHex(sig.data(), sig.size()) + "\n", err) ||
        !fileutil::writeFileAtomic(fs::path(out) / "root.json", json, err)) {
        std::fprintf(stderr, "zjmap-pack root-sign: %s\n", err.c_str());
        return 1;
    }
    std::printf("wrote %s/root.json (version %llu, %zu publisher key(s), expires %s) and .sig\n",
                out.c_str(), (unsigned long long)list.version, list.publisherKeys.size(),
                formatUtc(list.expires).c_str());
    return 0;
}

} // namespace zj::pack

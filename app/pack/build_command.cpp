// zjmap-pack build SRC --key FILE --out DIR [--version N] [--created now|YYYY-MM-DDTHH:MM:SSZ]
//                  [--channel NAME]
// Checks every source first (all errors at once, each naming file, line and field); only a clean
// check goes on to write the bundle, so a failed build leaves nothing behind.
#include "core/bundle/bundle_writer.hpp"
#include "core/bundle/crypto.hpp"
#include "core/bundle/file_util.hpp"
#include "core/bundle/manifest.hpp"
#include "pack/commands.hpp"
#include "pack/sources.hpp"
#include "platform/font_atlas.hpp"

#include <cerrno>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <ctime>
#include <optional>

namespace zj::pack {

namespace fs = std::filesystem;

static int usage(const char* problem) {
    std::fprintf(
        stderr,
        "zjmap-pack build: %s\nusage: zjmap-pack build SRC --key FILE --out DIR "
        "[--version N] [--created now|YYYY-MM-DDTHH:MM:SSZ] [--channel NAME]\n"
        "  --created  overrides site.toml's created (the bundle is valid from then for\n"
        "             valid_days): a re-issue of unchanged sources, a test bundle\n"
        "  --channel  signs the bundle for the kiosks whose [sync] channel is NAME (only\n"
        "             they install it; kiosks without a channel take only bundles without)\n",
        problem);
    return 2;
}

struct BuildArgs {
    std::string src, keyFile, outDir;
    uint64_t version = 1;
    std::optional<int64_t> created; // --created: instead of site.toml's
    std::string channel;            // --channel: the kiosks' [sync] channel it is for
};

// --version N: a positive integer below 2^64-1. The exit code on a bad one, -1 when taken.
static int parseVersion(const std::string& v, uint64_t& version) {
    char* end = nullptr;
    errno = 0;
    unsigned long long n = std::strtoull(v.c_str(), &end, 10);
    if (v.empty() || *end || n == 0 || v[0] == '-')
        return usage("--version needs a positive integer");
    if (errno == ERANGE || n >= UINT64_MAX) // never silently 2^64-1
        return usage("--version is out of range (at most 18446744073709551614)");
    version = n;
    return -1;
}

// The command line; -1 when it is complete, else the exit code (after the usage).
static int parseBuildArgs(const std::vector<std::string>& args, BuildArgs& out) {
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        bool hasValue = i + 1 < args.size();
        if (a == "--key" && hasValue)
            out.keyFile = args[++i];
        else if (a == "--out" && hasValue)
            out.outDir = args[++i];
        else if (a == "--version" && hasValue) {
            if (int rc = parseVersion(args[++i], out.version); rc >= 0) return rc;
        } else if (a == "--channel" && hasValue) {
            out.channel = args[++i];
            if (!isValidChannel(out.channel))
                return usage("--channel needs a name of 1 to 64 of a-z 0-9 . _ -");
        } else if (a == "--created" && hasValue) {
            const std::string& v = args[++i];
            int64_t t = 0;
            if (v == "now")
                t = int64_t(std::time(nullptr));
            else if (!parseUtc(v, t))
                return usage("--created needs 'now' or a UTC time like 2026-11-27T00:00:00Z");
            out.created = t;
        } else if (!a.starts_with("--") && out.src.empty())
            out.src = a;
        else
            return usage(("unexpected argument '" + a + "'").c_str());
    }
    if (out.src.empty() || out.keyFile.empty() || out.outDir.empty())
        return usage("SRC, --key and --out are required");
    return -1;
}

// content.db, the media and (when the fonts are here) the baked atlas. False (reported) when
// content.db cannot be written.
static bool assembleFiles(const BuildArgs& args, Content& content, const std::string& subtitleText,
                          std::vector<BundleInputFile>& media,
                          std::vector<BundleInputFile>& files) {
    std::string err;
    if (args.created) content.site.created = *args.created; // before content.db: it shows it too
    content.version = args.version;
    content.glyphText = collectGlyphs(content, subtitleText);
    files.push_back({"content.db", {}});
    if (!writeContentDb(content, files[0].bytes, err)) {
        std::fprintf(stderr, "zjmap-pack build: %s\n", err.c_str());
        return false;
    }
    for (auto& f : media) files.push_back(std::move(f));
    // Without the fonts here the bundle still works: the kiosk then builds the atlas itself.
    BundleInputFile atlas{fontatlas::kBlobName, {}};
    if (bakeFontAtlas(content, atlas.bytes, err))
        files.push_back(std::move(atlas));
    else
        std::fprintf(stderr, "zjmap-pack build: warning: no baked font atlas: %s\n", err.c_str());
    return true;
}

// Which sources these are, for publish's check of their proof (not part of the bundle).
static void recordSources(const BuildArgs& args) {
    std::string fingerprint, err;
    if (sourcesFingerprint(args.src, fingerprint, err)) {
        std::string record =
            fingerprint + " " + fs::absolute(args.src).lexically_normal().string() + "\n";
        if (!fileutil::writeFileAtomic(fs::path(args.outDir) / kSourcesRecord, record, err))
            std::fprintf(stderr, "zjmap-pack build: warning: %s\n", err.c_str());
    } else {
        std::fprintf(stderr, "zjmap-pack build: warning: no sources record: %s\n", err.c_str());
    }
}

int runBuild(const std::vector<std::string>& argv) {
    BuildArgs args;
    if (int rc = parseBuildArgs(argv, args); rc >= 0) return rc;
    auto started = std::chrono::steady_clock::now();
    crypto::SecretKey key{};
    std::string err;
    if (!crypto::readSecretKey(args.keyFile, key, err)) {
        std::fprintf(stderr, "zjmap-pack build: %s\n", err.c_str());
        return 1;
    }
    std::error_code ec;
    if (!fs::is_directory(args.src, ec)) {
        std::fprintf(stderr, "zjmap-pack build: %s: not a directory\n", args.src.c_str());
        return 1;
    }

    // Check (and process in memory): nothing is written before every check has passed.
    Sources sources;
    Diagnostics diag;
    loadSources(args.src, sources, diag);
    validateSources(sources, diag);
    std::vector<BundleInputFile> media;
    std::string subtitleText;
    processMedia(sources, diag, media, subtitleText);
    processGeo(sources, diag);
    diag.print(stderr);
    if (diag.errorCount() > 0) {
        std::fprintf(stderr, "zjmap-pack build: %zu error(s), %zu warning(s); nothing written\n",
                     diag.errorCount(), diag.warningCount());
        return 1;
    }

    Content& content = sources.content;
    std::vector<BundleInputFile> files;
    if (!assembleFiles(args, content, subtitleText, media, files)) return 1;
    BundleWriteOptions options;
    options.version = args.version;
    options.created = content.site.created;
    options.expires = content.site.created + int64_t(content.site.validDays) * 86400;
    options.channel = args.channel;
    if (!writeBundle(files, key, options, args.outDir, err)) {
        std::fprintf(stderr, "zjmap-pack build: %s\n", err.c_str());
        return 1;
    }
    recordSources(args);
    uint64_t bytes = 0;
    for (const auto& f : files) bytes += f.bytes.size();
    double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    std::printf(
        "zjmap-pack build: %s: version %llu, %zu files, %llu bytes, %.2f s, %zu warning(s)\n",
        args.outDir.c_str(), (unsigned long long)args.version, files.size(),
        (unsigned long long)bytes, seconds, diag.warningCount());
    return 0;
}

} // namespace zj::pack

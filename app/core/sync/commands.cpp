// `zjmap-kiosk sync --once ...` and `zjmap-kiosk status ...` (headless, no display).
// [SECTION] Arguments and configuration
// [SECTION] sync --once
// [SECTION] status
#include "core/sync/commands.hpp"
#include "core/bundle/file_util.hpp"
#include "core/bundle/manifest.hpp"
#include "core/bundle/store.hpp"
#include "core/clock.hpp"
#include "core/session/restarts.hpp"
#include "core/sync/config.hpp"
#include "core/sync/sync_client.hpp"

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <filesystem>

namespace zj {

namespace fs = std::filesystem;

//-----------------------------------------------------------------------------
// [SECTION] Arguments and configuration
//-----------------------------------------------------------------------------

namespace {

const char* kSyncUsage =
    "usage: zjmap-kiosk sync --once [--config FILE] [--data DIR] [--source URL] "
    "[--public-key FILE] [--allow-development-key]\n"
    "  one sync cycle against the configured sources (or --source, repeatable);\n"
    "  the development key (content/keys/dev-publisher.pub) is refused without\n"
    "  --allow-development-key (or [sync] allow_development_key = true), even given as\n"
    "  --public-key: its secret is public, so it proves nothing about a bundle;\n"
    "  exit 0 when up to date or updated, 1 when refused or failed, 2 on usage errors\n";
const char* kStatusUsage = "usage: zjmap-kiosk status [--config FILE] [--data DIR]\n";

int usage(const char* text, const std::string& message) {
    std::fprintf(stderr, "zjmap-kiosk: %s\n%s", message.c_str(), text);
    return 2;
}

struct CommandArgs {
    bool once = false;
    std::string configFile;
    ConfigFlags flags; // --data, --source, --public-key, --allow-development-key
};

// Parses the flags both commands share; `allowSync` admits the sync-only ones.
bool parseArgs(const std::vector<std::string>& args, bool allowSync, CommandArgs& out,
               std::string& err) {
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        auto value = [&](std::string& into) {
            if (i + 1 >= args.size()) {
                err = a + " needs a value";
                return false;
            }
            into = args[++i];
            return true;
        };
        std::string v;
        if (a == "--config") {
            if (!value(out.configFile)) return false;
        } else if (a == "--data") {
            if (!value(out.flags.dataDir)) return false;
        } else if (allowSync && a == "--once") {
            out.once = true;
        } else if (allowSync && a == "--public-key") {
            if (!value(out.flags.publicKeyFile)) return false;
        } else if (allowSync && a == "--allow-development-key") {
            out.flags.allowDevelopmentKey = true;
        } else if (allowSync && a == "--source") {
            if (!value(v)) return false;
            out.flags.sources.push_back(v);
        } else {
            err = "unknown argument '" + a + "'";
            return false;
        }
    }
    return true;
}

// The config file (an explicit --config must exist; the default one may be absent), then flags.
bool loadConfig(const CommandArgs& args, KioskConfig& config, std::string& err) {
    std::error_code ec;
    if (!args.configFile.empty()) {
        if (!loadKioskConfig(args.configFile, config, err)) return false;
    } else if (fs::exists(kDefaultConfigFile, ec)) {
        if (!loadKioskConfig(kDefaultConfigFile, config, err)) return false;
    }
    return applyConfigFlags(args.flags, config, err);
}

std::string formatAge(int64_t seconds) {
    if (seconds < 0) return "in the future";
    if (seconds < 120) return std::to_string(seconds) + " s ago";
    if (seconds < 7200) return std::to_string(seconds / 60) + " min ago";
    if (seconds < 2 * 86400) return std::to_string(seconds / 3600) + " h ago";
    return std::to_string(seconds / 86400) + " days ago";
}

} // namespace

//-----------------------------------------------------------------------------
// [SECTION] sync --once
//-----------------------------------------------------------------------------

int runSyncCommand(const std::vector<std::string>& argv) {
    CommandArgs args;
    std::string err;
    if (!parseArgs(argv, true, args, err)) return usage(kSyncUsage, err);
    if (!args.once) return usage(kSyncUsage, "sync needs --once (the app syncs in the background)");
    KioskConfig config;
    if (!loadConfig(args, config, err)) return usage(kSyncUsage, err);
    if (config.sources.empty())
        return usage(kSyncUsage, "no source: set [sync] sources in the config or pass --source");
    if (!config.publicKey && !config.rootKey)
        return usage(kSyncUsage,
                     "no publisher key: set [sync] public_key or root_key, or pass --public-key");

    SystemClock clock;
    SyncOptions options;
    options.dataDir = config.dataDir;
    options.publicKey = config.publicKey.value_or(crypto::PublicKey{});
    options.rootKey = config.rootKey;
    options.limits = config.limits;
    options.caFile = config.caFile;
    options.clock = &clock;
    options.allowDevelopmentKey = config.allowDevelopmentKey;
    options.channel = config.channel;
    // Keep what a running kiosk may still show: current and previous are kept anyway.
    SyncResult r = runSyncCycleAll(config.sources, options);
    std::string saveErr;
    if (!saveLastSync(config.dataDir,
                      toLastSync(r, clock.wallSeconds(), loadLastSync(config.dataDir)), saveErr))
        std::fprintf(stderr, "zjmap-kiosk: warning: %s\n", saveErr.c_str());
    if (r.ok()) {
        std::printf("%s: %s\n", syncStatusName(r.status), r.reason.c_str());
        std::printf("source   %s\nversion  %llu\nfetched  %zu files, %llu bytes\n",
                    r.source.c_str(), (unsigned long long)r.version, r.blobsFetched,
                    (unsigned long long)r.bytesDownloaded);
        return 0;
    }
    std::fprintf(stderr, "zjmap-kiosk sync: %s: %s\n", syncStatusName(r.status), r.reason.c_str());
    return 1;
}

//-----------------------------------------------------------------------------
// [SECTION] status
//-----------------------------------------------------------------------------

int runStatusCommand(const std::vector<std::string>& argv) {
    CommandArgs args;
    std::string err;
    if (!parseArgs(argv, false, args, err)) return usage(kStatusUsage, err);
    KioskConfig config;
    if (!loadConfig(args, config, err)) return usage(kStatusUsage, err);
    const fs::path data = config.dataDir;
    const int64_t now = SystemClock().wallSeconds();

    std::printf("data dir   %s\n", data.string().c_str());
    std::optional<uint64_t> current = slotVersion(data, DataDir::kCurrent);
    if (current) {
        std::string json;
        Manifest m;
        fs::path file = DataDir(data).bundle(*current) / "manifest.json";
        if (fileutil::readFile(file, json, err) && parseManifest(json, m, err)) {
            std::printf("installed  bundle %llu, created %s (%s), expires %s\n",
                        (unsigned long long)*current, formatUtc(m.created).c_str(),
                        formatAge(now - m.created).c_str(), formatUtc(m.expires).c_str());
            // The same rule as sync: the clock, or the signed time floor when it is behind.
            const int64_t floor = readTimeFloor(data);
            if (m.expires <= std::max(now, floor))
                std::printf("           EXPIRED: stale content; sync refuses to call it "
                            "up to date until the publisher signs a newer bundle\n");
        } else
            std::printf("installed  bundle %llu (manifest unreadable: %s)\n",
                        (unsigned long long)*current, err.c_str());
    } else {
        std::printf("installed  none (the app shows the demo bundle)\n");
    }
    if (std::optional<uint64_t> prev = slotVersion(data, DataDir::kPrevious))
        std::printf("previous   bundle %llu\n", (unsigned long long)*prev);
    uint64_t highest = 0;
    if (readHighestVersion(data, highest, err))
        std::printf("highest    %llu (versions at or below are refused)\n",
                    (unsigned long long)highest);
    else
        std::printf("highest    unreadable: %s\n", err.c_str());
    std::set<uint64_t> bad = readBadVersions(data);
    if (!bad.empty()) {
        std::string list;
        for (uint64_t v : bad) list += (list.empty() ? "" : ", ") + std::to_string(v);
        std::printf("bad        %s\n", list.c_str());
    }
    if (std::optional<LastSync> last = loadLastSync(data))
        std::printf("last sync  %s (%s): %s: %s\n", formatUtc(last->attemptTime).c_str(),
                    formatAge(now - last->attemptTime).c_str(), last->result.c_str(),
                    last->reason.c_str());
    else
        std::printf("last sync  never\n");
    if (std::optional<LastSync> last = loadLastSync(data); last && last->lastSuccessTime > 0)
        std::printf("last ok    %s (%s)\n", formatUtc(last->lastSuccessTime).c_str(),
                    formatAge(now - last->lastSuccessTime).c_str());
    std::string countsErr;
    RestartCounts restarts = readRestartCounts(data, countsErr);
    if (countsErr.empty())
        std::printf("restarts   %llu unexpected (crash, watchdog, power cut) of %llu starts\n",
                    (unsigned long long)restarts.unclean, (unsigned long long)restarts.starts);
    else
        std::printf("restarts   unreadable: %s\n", countsErr.c_str());
    std::printf("store size %.1f MB\n", double(storeSize(data)) / double(1 << 20));
    return 0;
}

} // namespace zj

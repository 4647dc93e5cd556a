// zjmap-kiosk: wiring only. Parses the command line, builds the app, runs it or a scenario.
#include "core/scenario.hpp"
#include "core/session/analytics.hpp"
#include "core/session/pin.hpp"
#include "core/session/session_config.hpp"
#include "core/sync/commands.hpp"
#include "core/sync/config.hpp"
#include "core/version.hpp"
#include "testing/scenario_runner.hpp"
#include "ui/app.hpp"

#define SDL_MAIN_HANDLED // main() stays ours
#include <SDL.h>
#include <chrono>
#include <cinttypes>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <malloc.h>
#include <sstream>
#include <string>
#include <vector>

namespace {

const char* kUsage =
    "usage: zjmap-kiosk [options]\n"
    "  (no options)            full-screen kiosk on the installed or bundled demo content\n"
    "  --windowed WxH          a window for development (Escape quits)\n"
    "  --lang zh|en            the language a session starts in (default zh)\n"
    "  --bundle DIR            show this packed bundle\n"
    "  --data DIR              the content store (default /var/lib/zjmap-kiosk)\n"
    "  --public-key FILE       the publisher key bundles must be signed with (for what is\n"
    "                          shown and for the background sync: it replaces the config's)\n"
    "  --allow-development-key let sync install bundles signed by the development key\n"
    "                          (content/keys/dev-publisher.pub; its secret is public)\n"
    "  --development-pin       staff PIN 2468 (development and demos only; a kiosk without\n"
    "                          [staff] pin_hash otherwise asks for a new PIN at first entry)\n"
    "  --config FILE           kiosk.toml (default /etc/zjmap-kiosk/kiosk.toml if present)\n"
    "  --scenario FILE         run a scripted scenario headless and exit (tests/ui/README.md)\n"
    "  --shots DIR             where a scenario writes its screenshots\n"
    "  --preview DIR           the content editor's live preview: packs the sources in DIR,\n"
    "                          shows them in a window and rebuilds on every save (with\n"
    "                          --portrait: upright); errors show over the last good content\n"
    "  --lint-report FILE      with --scenario: layout lint findings go to FILE (one per\n"
    "                          line) instead of failing it (zjmap-pack proof)\n"
    "  --stats                 with --scenario: print first-frame time and peak RSS at exit\n"
    "  --runtime-font-atlas    build the font atlas with FreeType even when the bundle has a\n"
    "                          baked one (benchmarks, the baked atlas's comparison test)\n"
    "  --metrics FILE          write a Prometheus textfile (node_exporter) every minute\n"
    "  --version | --help\n"
    "installed demo bundle: " ZJ_DEMO_BUNDLE_INSTALLED "\n"
    "  hash-pin PIN            print the [staff] pin_hash for a staff PIN (6..12 digits)\n"
    "  report [--since YYYY-MM-DD] [--csv] [--data DIR]   visitor statistics\n";

// Peak resident memory of this process (VmHWM), in KB; 0 when unknown.
long peakRssKb() {
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line))
        if (line.rfind("VmHWM:", 0) == 0) return std::strtol(line.c_str() + 6, nullptr, 10);
    return 0;
}

bool parseSize(const char* s, int& w, int& h) {
    return std::sscanf(s, "%dx%d", &w, &h) == 2 && w >= 320 && h >= 320 && w <= 7680 && h <= 7680;
}

int usageError(const std::string& message) {
    std::fprintf(stderr, "zjmap-kiosk: %s\n%s", message.c_str(), kUsage);
    return 2;
}

} // namespace

// The kiosk (or the editor's preview) on the real clock, until it quits.
static int runInteractive(const zj::AppOptions& options) {
    zj::SystemClock clock;
    zj::KioskApp app(options, clock);
    std::string err;
    if (!app.init(err)) {
        std::fprintf(stderr, "zjmap-kiosk: %s\n", err.c_str());
        return 3;
    }
    return app.run();
}

int main(int argc, char** argv) {
    // Months of image decodes on worker threads: a fixed mmap threshold returns every large
    // buffer (decoded photos, screenshots) to the system on free instead of letting glibc raise
    // the threshold and keep them in per-thread arenas; two arenas are plenty for our threads.
    mallopt(M_MMAP_THRESHOLD, 256 * 1024);
    mallopt(M_ARENA_MAX, 2);
    const auto mainStarted = std::chrono::steady_clock::now();
    // Headless subcommands first: they need no display.
    if (argc >= 2) {
        std::string command = argv[1];
        std::vector<std::string> rest(argv + 2, argv + argc);
        if (command == "sync") return zj::runSyncCommand(rest);
        if (command == "status") return zj::runStatusCommand(rest);
        if (command == "report") return zj::runReportCommand(rest);
        if (command == "hash-pin") {
            if (rest.size() != 1 || !zj::isValidPin(rest[0]))
                return usageError("hash-pin needs one PIN of 6..12 digits");
            std::printf("%s\n", zj::hashPin(rest[0]).c_str());
            return 0;
        }
    }
    zj::AppOptions options;
    std::string scenarioFile, shotsDir, lintReport;
    bool printStats = false;
    std::string configFile; // --config; default /etc/zjmap-kiosk/kiosk.toml when it exists
    bool dataGiven = false;
    std::string publicKeyFile; // --public-key: read below, then the one key of the process
    bool allowDevelopmentKey = false;
    bool portrait = false;       // --portrait: the --preview window upright
    bool developmentPin = false; // --development-pin
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        auto value = [&](const char* what) -> const char* {
            if (i + 1 >= argc) return nullptr;
            (void)what;
            return argv[++i];
        };
        if (a == "--help" || a == "-h") {
            std::fputs(kUsage, stdout);
            return 0;
        } else if (a == "--version") {
            std::printf("zjmap-kiosk %s\n", zj::versionString());
            return 0;
        } else if (a == "--windowed") {
            const char* v = value("WxH");
            if (!v || !parseSize(v, options.window.width, options.window.height))
                return usageError("--windowed needs WxH, e.g. 1920x1080");
            options.window.fullscreen = false;
            options.escapeQuits = true;
        } else if (a == "--lang") {
            const char* v = value("zh|en");
            if (!v || !zj::parseLang(v, options.defaultLang))
                return usageError("--lang needs zh or en");
        } else if (a == "--scenario" || a == "--shots" || a == "--bundle" || a == "--data" ||
                   a == "--public-key" || a == "--config") {
            const char* v = value("value");
            if (!v) return usageError(a + " needs a value");
            if (a == "--scenario")
                scenarioFile = v;
            else if (a == "--shots")
                shotsDir = v;
            else if (a == "--bundle")
                options.bundleDir = v;
            else if (a == "--data")
                options.dataDir = v, dataGiven = true;
            else if (a == "--config")
                configFile = v;
            else
                publicKeyFile = v;
        } else if (a == "--preview") {
            const char* v = value("DIR");
            if (!v || !*v) return usageError("--preview needs the content sources folder");
            options.previewSources = v;
        } else if (a == "--portrait") {
            portrait = true;
        } else if (a == "--lint-report") {
            const char* v = value("FILE");
            if (!v || !*v) return usageError("--lint-report needs a file");
            lintReport = v;
        } else if (a == "--allow-development-key") {
            allowDevelopmentKey = true;
        } else if (a == "--development-pin") {
            developmentPin = true;
        } else if (a == "--metrics") {
            const char* v = value("FILE");
            if (!v || !*v) return usageError("--metrics needs a file");
            options.metricsFile = v;
        } else if (a == "--stats") {
            printStats = true;
        } else if (a == "--runtime-font-atlas") {
            options.runtimeFontAtlas = true;
        } else {
            return usageError("unknown option " + a);
        }
    }

    if (!publicKeyFile.empty()) {
        zj::crypto::PublicKey key;
        std::string err;
        if (!zj::crypto::readPublicKey(publicKeyFile, key, err))
            return usageError("--public-key: " + err);
        options.publicKey = key;
    }

    if (!options.previewSources.empty() && scenarioFile.empty()) {
        // The editor's preview: a window (1920x1080 unless --windowed; --portrait stands it
        // up), no config, no sync, Escape quits.
        if (options.window.fullscreen) {
            options.window.fullscreen = false;
            options.window.width = 1920;
            options.window.height = 1080;
        }
        if (portrait && options.window.width > options.window.height)
            std::swap(options.window.width, options.window.height);
        options.escapeQuits = true;
        return runInteractive(options);
    }

    if (scenarioFile.empty()) {
        // The kiosk itself: its config gives the store, the publisher key and the sync sources;
        // flags override. A broken config is reported and the kiosk runs without sync.
        std::error_code ec;
        if (configFile.empty() && std::filesystem::exists(zj::kDefaultConfigFile, ec))
            configFile = zj::kDefaultConfigFile;
        if (!configFile.empty()) {
            std::string err;
            zj::KioskConfig config;
            if (zj::loadKioskConfig(configFile, config, err)) {
                // One key for the screen and the sync: the flags win for both.
                zj::ConfigFlags flags;
                flags.dataDir = dataGiven ? options.dataDir : std::string();
                flags.publicKeyFile = publicKeyFile;
                flags.allowDevelopmentKey = allowDevelopmentKey;
                if (!zj::applyConfigFlags(flags, config, err)) return usageError(err);
                options.dataDir = config.dataDir.string();
                options.publicKey = zj::displayKeyFor(config); // root mode: the installed key
                options.syncOff = zj::syncOffCause(config);    // journal + staff panel: app.cpp
                options.sync = config;
            } else {
                // Sync is off, but one typo must not replace the bureau's content with the demo:
                // the installed content stays, verified with the key the broken file still
                // states on its own line, else with the key the store was installed with.
                zj::ConfigSalvage salvage = zj::salvageKioskConfig(configFile);
                if (!dataGiven && salvage.dataDir) options.dataDir = salvage.dataDir->string();
                const char* keyFrom = "the command line";
                if (publicKeyFile.empty()) {
                    options.publicKey = salvage.publicKey;
                    keyFrom = "its public_key line";
                    if (!options.publicKey) {
                        options.publicKey = zj::recordedPublisherKey(options.dataDir);
                        keyFrom = options.publicKey ? "the store's record of the last install"
                                                    : "nowhere (the demo bundle only)";
                    }
                }
                options.syncOffReason = err;
                std::fprintf(stderr,
                             "zjmap-kiosk: config: %s (sync is off; content verified with the key "
                             "from %s)\n",
                             err.c_str(), keyFrom);
            }
            if (!zj::loadSessionConfig(configFile, options.session, err))
                std::fprintf(stderr, "zjmap-kiosk: config: %s (session defaults)\n", err.c_str());
        }
        if (developmentPin) options.session.developmentPin = true;
        options.countRestarts = true; // the kiosk itself, not the editor's preview
        return runInteractive(options);
    }

    // Scenario: headless, simulated clock, the window sized by the first viewport line.
    std::ifstream in(scenarioFile);
    if (!in) return usageError("cannot read scenario " + scenarioFile);
    std::stringstream source;
    source << in.rdbuf();
    zj::Scenario scenario;
    std::string err;
    if (!zj::parseScenario(source.str(), scenario, err)) {
        std::fprintf(stderr, "%s:%s\n", scenarioFile.c_str(), err.c_str());
        return 2;
    }
    for (const auto& step : scenario.steps) {
        if (step.kind == zj::ScenarioStep::Kind::Viewport) {
            options.window.width = static_cast<int>(step.nums[0]);
            options.window.height = static_cast<int>(step.nums[1]);
            break;
        }
    }
    // The session tables ([attract] [staff] [display] [analytics]) of --config, or of FILE.toml
    // next to FILE.scn: scenarios of idle times, PINs and display hours run on their own config.
    // Scenarios type the development PIN unless their config says development_pin = false.
    options.session.developmentPin = true;
    std::filesystem::path sessionConfig = configFile;
    if (sessionConfig.empty()) {
        std::filesystem::path sibling =
            std::filesystem::path(scenarioFile).replace_extension(".toml");
        std::error_code ec;
        if (std::filesystem::exists(sibling, ec)) sessionConfig = sibling;
    }
    if (!sessionConfig.empty() && !zj::loadSessionConfig(sessionConfig, options.session, err)) {
        std::fprintf(stderr, "zjmap-kiosk: config: %s\n", err.c_str());
        return 2;
    }
    options.window.fullscreen = false;
    options.window.allowHeadless = true;
    setenv("SDL_VIDEODRIVER", "offscreen", 0);
    zj::ManualClock clock;
    zj::KioskApp app(options, clock);
    if (!app.init(err)) {
        std::fprintf(stderr, "zjmap-kiosk: %s\n", err.c_str());
        return 3;
    }
    zj::ScenarioRunOptions run{scenarioFile, shotsDir, lintReport};
    if (!shotsDir.empty()) std::filesystem::create_directories(shotsDir);
    int result = zj::runScenario(app, clock, scenario, run);
    if (printStats) {
        // The first frame's SDL tick count is relative to SDL_Init; place it on main()'s clock.
        double sinceMain = std::chrono::duration<double, std::milli>(
                               std::chrono::steady_clock::now() - mainStarted)
                               .count();
        double sdlInitAt = sinceMain - static_cast<double>(SDL_GetTicks());
        std::fprintf(stderr,
                     "stats: first_frame_ms=%.1f exit_ms=%.1f vmhwm_kb=%ld frames=%" PRIu64 "\n",
                     sdlInitAt + app.stats().firstFrameWallMs, sinceMain, peakRssKb(),
                     app.stats().framesRendered);
        // ZJ_LAUNCH_NS (the benchmark's wall clock just before exec): launch to first frame,
        // which also counts the dynamic loader's work before main().
        if (const char* launch = std::getenv("ZJ_LAUNCH_NS")) {
            double nowNs = std::chrono::duration<double, std::nano>(
                               std::chrono::system_clock::now().time_since_epoch())
                               .count();
            double firstFrameAgoMs =
                static_cast<double>(SDL_GetTicks()) - app.stats().firstFrameWallMs;
            std::fprintf(stderr, "stats: launch_to_first_frame_ms=%.1f\n",
                         (nowNs - std::strtod(launch, nullptr)) / 1e6 - firstFrameAgoMs);
        }
    }
    return result;
}

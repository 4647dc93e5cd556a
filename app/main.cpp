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
#include <optional>
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

// The command line as parsed: the app's options plus what only main() uses.
struct CommandLine {
    zj::AppOptions options;
    std::string scenarioFile, shotsDir, lintReport;
    bool printStats = false;
    std::string configFile; // --config; default /etc/zjmap-kiosk/kiosk.toml when it exists
    bool dataGiven = false;
    std::string publicKeyFile; // --public-key: read below, then the one key of the process
    bool allowDevelopmentKey = false;
    bool portrait = false;       // --portrait: the --preview window upright
    bool developmentPin = false; // --development-pin
};

// Headless subcommands: they need no display. Empty when argv[1] names none of them.
std::optional<int> runSubcommand(int argc, char** argv) {
    if (argc < 2) return std::nullopt;
    using Command = int (*)(const std::vector<std::string>&);
    static const struct {
        const char* name;
        Command run;
    } kCommands[] = {
        {"sync", [](const std::vector<std::string>& rest) { return zj::runSyncCommand(rest); }},
        {"status", [](const std::vector<std::string>& rest) { return zj::runStatusCommand(rest); }},
        {"report", [](const std::vector<std::string>& rest) { return zj::runReportCommand(rest); }},
        {"hash-pin",
         [](const std::vector<std::string>& rest) {
             if (rest.size() != 1 || !zj::isValidPin(rest[0]))
                 return usageError("hash-pin needs one PIN of 6..12 digits");
             std::printf("%s\n", zj::hashPin(rest[0]).c_str());
             return 0;
         }},
    };
    std::string command = argv[1];
    std::vector<std::string> rest(argv + 2, argv + argc);
    for (const auto& c : kCommands)
        if (command == c.name) return c.run(rest);
    return std::nullopt;
}

// Options that take a plain string value, and where it goes.
bool takeStringOption(CommandLine& cl, const std::string& a, const char* v) {
    if (a == "--scenario")
        cl.scenarioFile = v;
    else if (a == "--shots")
        cl.shotsDir = v;
    else if (a == "--bundle")
        cl.options.bundleDir = v;
    else if (a == "--data")
        cl.options.dataDir = v, cl.dataGiven = true;
    else if (a == "--config")
        cl.configFile = v;
    else if (a == "--public-key")
        cl.publicKeyFile = v;
    else
        return false;
    return true;
}

// Flags without a value; false when `a` is none of them.
bool takeFlag(CommandLine& cl, const std::string& a) {
    if (a == "--portrait")
        cl.portrait = true;
    else if (a == "--allow-development-key")
        cl.allowDevelopmentKey = true;
    else if (a == "--development-pin")
        cl.developmentPin = true;
    else if (a == "--stats")
        cl.printStats = true;
    else if (a == "--runtime-font-atlas")
        cl.options.runtimeFontAtlas = true;
    else
        return false;
    return true;
}

// One option that takes a value (argv[i + 1], consumed). -1: handled; else the exit code.
// `known` is false when `a` takes no value here.
int takeValueOption(CommandLine& cl, int argc, char** argv, int& i, bool& known) {
    const std::string a = argv[i];
    known = true;
    const char* v = i + 1 < argc ? argv[i + 1] : nullptr;
    auto consume = [&] { i += v ? 1 : 0; };
    if (a == "--windowed") {
        consume();
        if (!v || !parseSize(v, cl.options.window.width, cl.options.window.height))
            return usageError("--windowed needs WxH, e.g. 1920x1080");
        cl.options.window.fullscreen = false;
        cl.options.escapeQuits = true;
    } else if (a == "--lang") {
        consume();
        if (!v || !zj::parseLang(v, cl.options.defaultLang))
            return usageError("--lang needs zh or en");
    } else if (a == "--scenario" || a == "--shots" || a == "--bundle" || a == "--data" ||
               a == "--public-key" || a == "--config") {
        consume();
        if (!v) return usageError(a + " needs a value");
        takeStringOption(cl, a, v);
    } else if (a == "--preview" || a == "--lint-report" || a == "--metrics") {
        consume();
        if (!v || !*v)
            return usageError(a == "--preview"       ? "--preview needs the content sources folder"
                              : a == "--lint-report" ? "--lint-report needs a file"
                                                     : "--metrics needs a file");
        std::string& to = a == "--preview"       ? cl.options.previewSources
                          : a == "--lint-report" ? cl.lintReport
                                                 : cl.options.metricsFile;
        to = v;
    } else {
        known = false;
    }
    return -1;
}

// The options, in order. -1 when the program goes on; else its exit code.
int parseCommandLine(int argc, char** argv, CommandLine& cl) {
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        if (a == "--help" || a == "-h") {
            std::fputs(kUsage, stdout);
            return 0;
        }
        if (a == "--version") {
            std::printf("zjmap-kiosk %s\n", zj::versionString());
            return 0;
        }
        if (takeFlag(cl, a)) continue;
        bool known = false;
        int rc = takeValueOption(cl, argc, argv, i, known);
        if (rc >= 0) return rc;
        if (!known) return usageError("unknown option " + a);
    }
    if (!cl.publicKeyFile.empty()) {
        zj::crypto::PublicKey key;
        std::string err;
        if (!zj::crypto::readPublicKey(cl.publicKeyFile, key, err))
            return usageError("--public-key: " + err);
        cl.options.publicKey = key;
    }
    return -1;
}

// The kiosk (or the editor's preview) on the real clock, until it quits.
int runInteractive(const zj::AppOptions& options) {
    zj::SystemClock clock;
    zj::KioskApp app(options, clock);
    std::string err;
    if (!app.init(err)) {
        std::fprintf(stderr, "zjmap-kiosk: %s\n", err.c_str());
        return 3;
    }
    return app.run();
}

// The editor's preview: a window (1920x1080 unless --windowed; --portrait stands it up), no
// config, no sync, Escape quits.
int runPreview(CommandLine& cl) {
    zj::AppOptions& options = cl.options;
    if (options.window.fullscreen) {
        options.window.fullscreen = false;
        options.window.width = 1920;
        options.window.height = 1080;
    }
    if (cl.portrait && options.window.width > options.window.height)
        std::swap(options.window.width, options.window.height);
    options.escapeQuits = true;
    return runInteractive(options);
}

// Sync is off, but one typo must not replace the bureau's content with the demo: the installed
// content stays, verified with the key the broken file still states on its own line, else with
// the key the store was installed with.
void salvageBrokenConfig(CommandLine& cl, const std::string& err) {
    zj::AppOptions& options = cl.options;
    zj::ConfigSalvage salvage = zj::salvageKioskConfig(cl.configFile);
    if (!cl.dataGiven && salvage.dataDir) options.dataDir = salvage.dataDir->string();
    const char* keyFrom = "the command line";
    if (cl.publicKeyFile.empty()) {
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

// The kiosk.toml of the kiosk itself. -1 when the kiosk goes on; else its exit code.
int applyKioskConfig(CommandLine& cl) {
    zj::AppOptions& options = cl.options;
    std::string err;
    zj::KioskConfig config;
    if (zj::loadKioskConfig(cl.configFile, config, err)) {
        // One key for the screen and the sync: the flags win for both.
        zj::ConfigFlags flags;
        flags.dataDir = cl.dataGiven ? options.dataDir : std::string();
        flags.publicKeyFile = cl.publicKeyFile;
        flags.allowDevelopmentKey = cl.allowDevelopmentKey;
        if (!zj::applyConfigFlags(flags, config, err)) return usageError(err);
        options.dataDir = config.dataDir.string();
        options.publicKey = zj::displayKeyFor(config); // root mode: the installed key
        options.syncOff = zj::syncOffCause(config);    // journal + staff panel: app.cpp
        options.sync = config;
    } else {
        salvageBrokenConfig(cl, err);
    }
    if (!zj::loadSessionConfig(cl.configFile, options.session, err))
        std::fprintf(stderr, "zjmap-kiosk: config: %s (session defaults)\n", err.c_str());
    return -1;
}

// The kiosk itself: its config gives the store, the publisher key and the sync sources; flags
// override. A broken config is reported and the kiosk runs without sync.
int runKiosk(CommandLine& cl) {
    std::error_code ec;
    if (cl.configFile.empty() && std::filesystem::exists(zj::kDefaultConfigFile, ec))
        cl.configFile = zj::kDefaultConfigFile;
    if (!cl.configFile.empty()) {
        int rc = applyKioskConfig(cl);
        if (rc >= 0) return rc;
    }
    if (cl.developmentPin) cl.options.session.developmentPin = true;
    cl.options.countRestarts = true; // the kiosk itself, not the editor's preview
    return runInteractive(cl.options);
}

// --stats: first-frame time and peak RSS, on main()'s clock.
void printRunStats(const zj::KioskApp& app, std::chrono::steady_clock::time_point mainStarted) {
    // The first frame's SDL tick count is relative to SDL_Init; place it on main()'s clock.
    double sinceMain =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - mainStarted)
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
        double firstFrameAgoMs = static_cast<double>(SDL_GetTicks()) - app.stats().firstFrameWallMs;
        std::fprintf(stderr, "stats: launch_to_first_frame_ms=%.1f\n",
                     (nowNs - std::strtod(launch, nullptr)) / 1e6 - firstFrameAgoMs);
    }
}

// The scenario file, parsed, and the window sized by its first viewport line. -1 when it parsed.
int loadScenario(CommandLine& cl, zj::Scenario& scenario) {
    std::ifstream in(cl.scenarioFile);
    if (!in) return usageError("cannot read scenario " + cl.scenarioFile);
    std::stringstream source;
    source << in.rdbuf();
    std::string err;
    if (!zj::parseScenario(source.str(), scenario, err)) {
        std::fprintf(stderr, "%s:%s\n", cl.scenarioFile.c_str(), err.c_str());
        return 2;
    }
    for (const auto& step : scenario.steps) {
        if (step.kind == zj::ScenarioStep::Kind::Viewport) {
            cl.options.window.width = static_cast<int>(step.nums[0]);
            cl.options.window.height = static_cast<int>(step.nums[1]);
            break;
        }
    }
    return -1;
}

// The session tables ([attract] [staff] [display] [analytics]) of --config, or of FILE.toml
// next to FILE.scn: scenarios of idle times, PINs and display hours run on their own config.
// Scenarios type the development PIN unless their config says development_pin = false.
bool loadScenarioSession(CommandLine& cl) {
    cl.options.session.developmentPin = true;
    std::filesystem::path sessionConfig = cl.configFile;
    if (sessionConfig.empty()) {
        std::filesystem::path sibling =
            std::filesystem::path(cl.scenarioFile).replace_extension(".toml");
        std::error_code ec;
        if (std::filesystem::exists(sibling, ec)) sessionConfig = sibling;
    }
    std::string err;
    if (!sessionConfig.empty() && !zj::loadSessionConfig(sessionConfig, cl.options.session, err)) {
        std::fprintf(stderr, "zjmap-kiosk: config: %s\n", err.c_str());
        return false;
    }
    return true;
}

// Scenario: headless, simulated clock, the window sized by the first viewport line.
int runScenarioFile(CommandLine& cl, std::chrono::steady_clock::time_point mainStarted) {
    zj::Scenario scenario;
    int rc = loadScenario(cl, scenario);
    if (rc >= 0) return rc;
    if (!loadScenarioSession(cl)) return 2;
    zj::AppOptions& options = cl.options;
    options.window.fullscreen = false;
    options.window.allowHeadless = true;
    setenv("SDL_VIDEODRIVER", "offscreen", 0);
    zj::ManualClock clock;
    zj::KioskApp app(options, clock);
    std::string err;
    if (!app.init(err)) {
        std::fprintf(stderr, "zjmap-kiosk: %s\n", err.c_str());
        return 3;
    }
    zj::ScenarioRunOptions run{cl.scenarioFile, cl.shotsDir, cl.lintReport};
    if (!cl.shotsDir.empty()) std::filesystem::create_directories(cl.shotsDir);
    int result = zj::runScenario(app, clock, scenario, run);
    if (cl.printStats) printRunStats(app, mainStarted);
    return result;
}

} // namespace

int main(int argc, char** argv) {
    // Months of image decodes on worker threads: a fixed mmap threshold returns every large
    // buffer (decoded photos, screenshots) to the system on free instead of letting glibc raise
    // the threshold and keep them in per-thread arenas; two arenas are plenty for our threads.
    mallopt(M_MMAP_THRESHOLD, 256 * 1024);
    mallopt(M_ARENA_MAX, 2);
    const auto mainStarted = std::chrono::steady_clock::now();
    if (std::optional<int> rc = runSubcommand(argc, argv)) return *rc;
    CommandLine cl;
    int rc = parseCommandLine(argc, argv, cl);
    if (rc >= 0) return rc;
    if (!cl.options.previewSources.empty() && cl.scenarioFile.empty()) return runPreview(cl);
    if (cl.scenarioFile.empty()) return runKiosk(cl);
    return runScenarioFile(cl, mainStarted);
}

// zjmap-kiosk: wiring only. Parses the command line, builds the app, runs it or a scenario.
#include "core/scenario.hpp"
#include "core/sync/commands.hpp"
#include "core/version.hpp"
#include "ui/app.hpp"
#include "ui/scenario_runner.hpp"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
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
    "  --public-key FILE       the publisher key bundles must be signed with\n"
    "  --scenario FILE         run a scripted scenario headless and exit (tests/ui/README.md)\n"
    "  --shots DIR             where a scenario writes its screenshots\n"
    "  --version | --help\n";

bool parseSize(const char* s, int& w, int& h) {
    return std::sscanf(s, "%dx%d", &w, &h) == 2 && w >= 320 && h >= 320 && w <= 7680 && h <= 7680;
}

int usageError(const std::string& message) {
    std::fprintf(stderr, "zjmap-kiosk: %s\n%s", message.c_str(), kUsage);
    return 2;
}

} // namespace

int main(int argc, char** argv) {
    // Headless subcommands first: they need no display.
    if (argc >= 2) {
        std::string command = argv[1];
        std::vector<std::string> rest(argv + 2, argv + argc);
        if (command == "sync") return zj::runSyncCommand(rest);
        if (command == "status") return zj::runStatusCommand(rest);
    }
    zj::AppOptions options;
    std::string scenarioFile, shotsDir;
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
            if (!v || !zj::parseLang(v, options.defaultLang)) return usageError("--lang needs zh or en");
        } else if (a == "--scenario" || a == "--shots" || a == "--bundle" || a == "--data" ||
                   a == "--public-key") {
            const char* v = value("value");
            if (!v) return usageError(a + " needs a value");
            if (a == "--scenario") scenarioFile = v;
            else if (a == "--shots") shotsDir = v;
            else if (a == "--bundle") options.bundleDir = v;
            else if (a == "--data") options.dataDir = v;
            else options.publicKeyFile = v;
        } else {
            return usageError("unknown option " + a);
        }
    }

    if (scenarioFile.empty()) {
        zj::SystemClock clock;
        zj::KioskApp app(options, clock);
        std::string err;
        if (!app.init(err)) {
            std::fprintf(stderr, "zjmap-kiosk: %s\n", err.c_str());
            return 3;
        }
        return app.run();
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
    options.window.fullscreen = false;
    options.window.allowHeadless = true;
    setenv("SDL_VIDEODRIVER", "offscreen", 0);
    zj::ManualClock clock;
    zj::KioskApp app(options, clock);
    if (!app.init(err)) {
        std::fprintf(stderr, "zjmap-kiosk: %s\n", err.c_str());
        return 3;
    }
    zj::ScenarioRunOptions run{scenarioFile, shotsDir};
    if (!shotsDir.empty()) std::filesystem::create_directories(shotsDir);
    return zj::runScenario(app, clock, scenario, run);
}

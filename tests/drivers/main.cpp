// zjmap-kiosk-testdrive: the kiosk's robustness and speed drivers, kept out of the product (the
// .deb ships only zjmap-kiosk, whose --scenario runner the installed-package test uses). It
// links the same ui, platform and core libraries and runs the real app headless on a
// simulated clock, driven by the same touch driver as the scenarios (testing/touch_driver.hpp).
#include "core/bundle/crypto.hpp"
#include "frame_bench.hpp"
#include "monkey.hpp"
#include "ui/app.hpp"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <malloc.h>
#include <string>

namespace {

const char* kUsage =
    "usage: zjmap-kiosk-testdrive --monkey N | --soak DAYS | --frame-bench [options]\n"
    "  --monkey N          N random touches and idles headless; fails on a crash, an\n"
    "                      assertion, a stuck frame or memory growth\n"
    "                      (ZJ_MONKEY_SELFTEST=abort|leak|stuck: proves each detector fires)\n"
    "  --soak DAYS         simulated days of visits, idles and content reloads headless;\n"
    "                      fails if memory keeps growing\n"
    "  --frame-bench       frame time per screen beside an empty frame, map pan, photo open\n"
    "                      latency (tests/bench/run.sh)\n"
    "  --seed S            random seed for --monkey / --soak (default 1)\n"
    "  --viewport WxH      window size (default 960x540)\n"
    "  --data DIR          the content store (default /var/lib/zjmap-kiosk)\n"
    "  --bundle DIR        show this packed bundle (default: the demo bundle)\n"
    "  --public-key FILE   the publisher key the bundle is signed with\n";

int usageError(const std::string& message) {
    std::fprintf(stderr, "zjmap-kiosk-testdrive: %s\n%s", message.c_str(), kUsage);
    return 2;
}

bool parseCount(const char* s, uint64_t& out) {
    char* end = nullptr;
    out = std::strtoull(s, &end, 10);
    return end && *end == 0 && end != s;
}

bool parseSize(const char* s, int& w, int& h) {
    return std::sscanf(s, "%dx%d", &w, &h) == 2 && w >= 320 && h >= 320 && w <= 7680 && h <= 7680;
}

enum class Mode { None, Monkey, Soak, Bench };

struct Args {
    Mode mode = Mode::None;
    zj::MonkeyOptions monkey;
    zj::SoakOptions soak;
    zj::AppOptions app;
    int viewportW = 960, viewportH = 540; // small: the monkey's frames stay cheap on llvmpipe
};

// 0: parsed; otherwise the exit code (help printed, or a usage error).
int parse(int argc, char** argv, Args& args) {
    int modes = 0;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        const char* v = i + 1 < argc ? argv[i + 1] : nullptr;
        auto needs = [&](const char* what) {
            if (!v) return false;
            ++i;
            (void)what;
            return true;
        };
        if (a == "--help" || a == "-h") {
            std::fputs(kUsage, stdout);
            return -1;
        } else if (a == "--monkey") {
            if (!needs("N") || !parseCount(v, args.monkey.events) || args.monkey.events == 0)
                return usageError("--monkey needs a number of events");
            args.mode = Mode::Monkey, ++modes;
        } else if (a == "--soak") {
            char* end = nullptr;
            args.soak.days = needs("DAYS") ? std::strtod(v, &end) : 0;
            if (!v || *end || !(args.soak.days > 0))
                return usageError("--soak needs a number of days");
            args.mode = Mode::Soak, ++modes;
        } else if (a == "--frame-bench") {
            args.mode = Mode::Bench, ++modes;
        } else if (a == "--seed") {
            if (!needs("S") || !parseCount(v, args.monkey.seed))
                return usageError("--seed needs a number");
            args.soak.seed = args.monkey.seed;
        } else if (a == "--viewport") {
            if (!needs("WxH") || !parseSize(v, args.viewportW, args.viewportH))
                return usageError("--viewport needs WxH, e.g. 1920x1080");
        } else if (a == "--data" || a == "--bundle" || a == "--public-key") {
            if (!needs("value")) return usageError(a + " needs a value");
            if (a == "--data") {
                args.app.dataDir = v;
            } else if (a == "--bundle") {
                args.app.bundleDir = v;
            } else {
                zj::crypto::PublicKey key;
                std::string err;
                if (!zj::crypto::readPublicKey(v, key, err))
                    return usageError("--public-key: " + err);
                args.app.publicKey = key;
            }
        } else {
            return usageError("unknown option " + a);
        }
    }
    if (modes != 1) return usageError("give one of --monkey, --soak and --frame-bench");
    return 0;
}

} // namespace

int main(int argc, char** argv) {
    // The kiosk's allocator settings (app/main.cpp): memory figures must be the kiosk's.
    mallopt(M_MMAP_THRESHOLD, 256 * 1024);
    mallopt(M_ARENA_MAX, 2);
    Args args;
    if (int rc = parse(argc, argv, args)) return rc < 0 ? 0 : rc;
    // Headless like a scenario: simulated clock, offscreen window of --viewport.
    zj::AppOptions& options = args.app;
    options.window.width = args.viewportW;
    options.window.height = args.viewportH;
    options.window.fullscreen = false;
    options.window.allowHeadless = true;
    options.session.developmentPin = true; // the monkey types 2468
    setenv("SDL_VIDEODRIVER", "offscreen", 0);
    zj::ManualClock clock;
    zj::KioskApp app(options, clock);
    std::string err;
    if (!app.init(err)) {
        std::fprintf(stderr, "zjmap-kiosk-testdrive: %s\n", err.c_str());
        return 3;
    }
    switch (args.mode) {
        case Mode::Monkey:
            return zj::runMonkey(app, clock, args.monkey);
        case Mode::Soak:
            return zj::runSoak(app, clock, args.soak);
        default:
            return zj::runFrameBench(app, clock);
    }
}

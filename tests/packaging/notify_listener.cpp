// Plays systemd's side of Type=notify + WatchdogSec= for one kiosk process, without systemd:
// binds a NOTIFY_SOCKET, starts the kiosk with it and WATCHDOG_USEC, and checks that READY=1
// arrives once and that WATCHDOG=1 keeps arriving often enough that systemd would not kill it,
// on a static screen too (the loop must wake up by itself). Then SIGSTOP freezes the kiosk, as
// a hung frame loop would be: the pings must stop. SIGCONT, SIGTERM: it must exit cleanly.
// Usage: notify_listener KIOSK [ARGS...]    exit 0 when every check passes
#include <signal.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;
constexpr double kWatchdogSec = 4.0; // what the unit's WatchdogSec= would be

struct Message {
    double at; // seconds since the kiosk was started
    std::string text;
};

// Collects datagrams until `seconds` have passed.
void collect(int fd, Clock::time_point start, double until, std::vector<Message>& out) {
    while (true) {
        double now = std::chrono::duration<double>(Clock::now() - start).count();
        if (now >= until) return;
        timeval tv{0, 100000};
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
        char buf[4096];
        ssize_t n = recv(fd, buf, sizeof buf - 1, 0);
        if (n <= 0) continue;
        buf[n] = 0;
        double at = std::chrono::duration<double>(Clock::now() - start).count();
        out.push_back({at, buf});
        std::printf("%7.2f s  %s\n", at, std::string(buf).c_str());
    }
}

bool isWatchdog(const Message& m) {
    return m.text.find("WATCHDOG=1") != std::string::npos;
}

int fail(const char* what, pid_t child) {
    std::fprintf(stderr, "FAIL: %s\n", what);
    if (child > 0) {
        kill(child, SIGCONT);
        kill(child, SIGKILL);
        waitpid(child, nullptr, 0);
    }
    return 1;
}

} // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: notify_listener KIOSK [ARGS...]\n");
        return 2;
    }
    char dir[] = "/tmp/zjmap-notify.XXXXXX";
    if (!mkdtemp(dir)) return fail("mkdtemp", 0);
    std::string path = std::string(dir) + "/notify";
    int fd = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    std::snprintf(addr.sun_path, sizeof addr.sun_path, "%s", path.c_str());
    if (fd < 0 || bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0)
        return fail("cannot bind the notify socket", 0);

    const Clock::time_point start = Clock::now();
    pid_t child = fork();
    if (child == 0) {
        setenv("NOTIFY_SOCKET", path.c_str(), 1);
        setenv("WATCHDOG_USEC", std::to_string(long(kWatchdogSec * 1e6)).c_str(), 1);
        // systemd names the main process; in the cage session that is cage, not the kiosk.
        setenv("WATCHDOG_PID", "1", 1);
        execvp(argv[1], argv + 1);
        _exit(127);
    }

    std::vector<Message> msgs;
    // 1. READY=1 after the first frame (font atlas and content first: allow a slow machine).
    double readyAt = -1;
    while (readyAt < 0) {
        double now = std::chrono::duration<double>(Clock::now() - start).count();
        if (now > 60) return fail("no READY=1 within 60 s", child);
        if (waitpid(child, nullptr, WNOHANG) == child) return fail("the kiosk exited", 0);
        collect(fd, start, now + 0.5, msgs);
        for (const Message& m : msgs)
            if (m.text.find("READY=1") != std::string::npos) readyAt = m.at;
    }
    // 2. Eight seconds on a static screen: the pings must keep coming, never further apart
    // than half of WatchdogSec (plus scheduling slack), which is what systemd advises.
    collect(fd, start, readyAt + 8, msgs);
    std::vector<double> pings;
    for (const Message& m : msgs)
        if (isWatchdog(m)) pings.push_back(m.at);
    if (pings.size() < 3) return fail("fewer than 3 WATCHDOG=1 in 8 s", child);
    double last = readyAt;
    for (double t : pings) {
        if (t >= readyAt && t - last > kWatchdogSec / 2 + 0.6)
            return fail("WATCHDOG=1 pings too far apart", child);
        if (t >= readyAt) last = t;
    }
    if (readyAt + 8 - last > kWatchdogSec / 2 + 0.6) return fail("WATCHDOG=1 stopped", child);
    // 3. A frozen loop sends nothing: what makes systemd restart a hung kiosk.
    kill(child, SIGSTOP);
    double frozenAt = std::chrono::duration<double>(Clock::now() - start).count();
    size_t before = msgs.size();
    collect(fd, start, frozenAt + kWatchdogSec, msgs);
    for (size_t i = before; i < msgs.size(); ++i)
        if (isWatchdog(msgs[i]) && msgs[i].at > frozenAt + 0.2)
            return fail("WATCHDOG=1 from a stopped process", child);
    // 4. Resumed, then SIGTERM (systemctl stop): a clean exit.
    kill(child, SIGCONT);
    double resumedAt = std::chrono::duration<double>(Clock::now() - start).count();
    before = msgs.size();
    collect(fd, start, resumedAt + kWatchdogSec, msgs);
    bool resumed = false;
    for (size_t i = before; i < msgs.size(); ++i) resumed = resumed || isWatchdog(msgs[i]);
    if (!resumed) return fail("no WATCHDOG=1 after SIGCONT", child);
    kill(child, SIGTERM);
    int status = 0;
    bool exited = false;
    for (int i = 0; i < 100 && !exited; ++i) {
        exited = waitpid(child, &status, WNOHANG) == child;
        if (!exited) usleep(100000);
    }
    if (!exited || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
        return fail("the kiosk did not exit 0 within 10 s of SIGTERM", child);
    int readies = 0;
    for (const Message& m : msgs) readies += m.text.find("READY=1") != std::string::npos;
    if (readies != 1) return fail("READY=1 sent more than once", 0);
    unlink(path.c_str());
    rmdir(dir);
    std::printf("PASS: READY=1 at %.2f s, %zu watchdog pings, silent while stopped\n", readyAt,
                pings.size());
    return 0;
}

// Plays systemd's side of Type=notify + WatchdogSec= for one kiosk process, without systemd:
// binds a NOTIFY_SOCKET, starts the kiosk with it and WATCHDOG_USEC, and checks that READY=1
// arrives once and that WATCHDOG=1 keeps arriving often enough that systemd would not kill it,
// on a static screen too (the loop must wake up by itself). Then SIGSTOP freezes the kiosk, as
// a hung frame loop would be: the pings must stop. SIGCONT, SIGTERM: it must exit cleanly.
// With --session LAUNCHER the kiosk runs under zjmap-kiosk-session, as the unit starts it:
// every message must come from the launcher's PID (systemd takes only the main PID's once
// logind moved the session into its scope), the kiosk is the one frozen, and the watchdog's
// SIGABRT to the launcher must end the frozen kiosk too; a second run checks SIGTERM.
// Usage: notify_listener [--session LAUNCHER] KIOSK [ARGS...]    exit 0 when every check passes
#include <signal.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <string>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;
constexpr double kWatchdogSec = 4.0; // what the unit's WatchdogSec= would be

struct Message {
    double at; // seconds since the kiosk was started
    std::string text;
    pid_t sender = 0; // from SCM_CREDENTIALS, as systemd sees it
};

// Collects datagrams until `seconds` have passed.
void collect(int fd, Clock::time_point start, double until, std::vector<Message>& out) {
    while (true) {
        double now = std::chrono::duration<double>(Clock::now() - start).count();
        if (now >= until) return;
        timeval tv{0, 100000};
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
        char buf[4096];
        alignas(cmsghdr) char control[CMSG_SPACE(sizeof(ucred))];
        iovec iov{buf, sizeof buf - 1};
        msghdr msg{};
        msg.msg_iov = &iov;
        msg.msg_iovlen = 1;
        msg.msg_control = control;
        msg.msg_controllen = sizeof control;
        ssize_t n = recvmsg(fd, &msg, 0);
        if (n <= 0) continue;
        buf[n] = 0;
        pid_t sender = 0;
        for (cmsghdr* c = CMSG_FIRSTHDR(&msg); c; c = CMSG_NXTHDR(&msg, c))
            if (c->cmsg_level == SOL_SOCKET && c->cmsg_type == SCM_CREDENTIALS)
                sender = reinterpret_cast<ucred*>(CMSG_DATA(c))->pid;
        double at = std::chrono::duration<double>(Clock::now() - start).count();
        out.push_back({at, buf, sender});
        std::printf("%7.2f s  pid %d  %s\n", at, static_cast<int>(sender),
                    std::string(buf).c_str());
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

// The process the checks freeze: the kiosk, or with the launcher in between, its one child.
pid_t kioskPidOf(pid_t child, bool session) {
    if (!session) return child;
    std::string file =
        "/proc/" + std::to_string(child) + "/task/" + std::to_string(child) + "/children";
    for (int i = 0; i < 50; ++i) {
        std::ifstream in(file);
        pid_t pid = 0;
        if (in >> pid && pid > 0) return pid;
        usleep(100000);
    }
    return 0;
}

double since(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

// One kiosk run: READY=1, pings, silence while frozen, then the end. `byWatchdog`: the frozen
// kiosk is ended by SIGABRT to the launcher (systemd's WatchdogSignal), else resumed and
// stopped with SIGTERM (systemctl stop).
int runKiosk(char** command, const std::string& path, int fd, bool session, bool byWatchdog) {
    const Clock::time_point start = Clock::now();
    pid_t child = fork();
    if (child == 0) {
        setenv("NOTIFY_SOCKET", path.c_str(), 1);
        setenv("WATCHDOG_USEC", std::to_string(long(kWatchdogSec * 1e6)).c_str(), 1);
        // systemd names the main process; in the cage session that is not the kiosk.
        setenv("WATCHDOG_PID", "1", 1);
        execvp(command[0], command);
        _exit(127);
    }

    std::vector<Message> msgs;
    // 1. READY=1 after the first frame (font atlas and content first: allow a slow machine).
    double readyAt = -1;
    while (readyAt < 0) {
        double now = since(start);
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
    // Under the launcher, systemd must see the main PID say everything.
    if (session)
        for (const Message& m : msgs)
            if (m.sender != child) return fail("a message not from the launcher's PID", child);
    // 3. A frozen loop sends nothing: what makes systemd restart a hung kiosk.
    pid_t kiosk = kioskPidOf(child, session);
    if (kiosk <= 0) return fail("the launcher has no child", child);
    kill(kiosk, SIGSTOP);
    double frozenAt = since(start);
    size_t before = msgs.size();
    collect(fd, start, frozenAt + kWatchdogSec, msgs);
    for (size_t i = before; i < msgs.size(); ++i)
        if (isWatchdog(msgs[i]) && msgs[i].at > frozenAt + 0.2)
            return fail("WATCHDOG=1 from a stopped process", child);
    int status = 0;
    auto waitExit = [&](double seconds) {
        for (int i = 0; i < seconds * 10; ++i) {
            if (waitpid(child, &status, WNOHANG) == child) return true;
            usleep(100000);
        }
        return false;
    };
    if (byWatchdog) {
        // 4a. The watchdog's SIGABRT to the main process: the frozen kiosk must not survive.
        kill(child, SIGABRT);
        if (!waitExit(10) || !WIFSIGNALED(status) || WTERMSIG(status) != SIGABRT)
            return fail("the launcher did not end by SIGABRT within 10 s", child);
        if (kill(kiosk, 0) == 0 || errno != ESRCH) {
            kill(kiosk, SIGKILL);
            return fail("the frozen kiosk outlived the launcher's SIGABRT", 0);
        }
        std::printf("PASS: READY=1 at %.2f s, %zu pings from the launcher, the watchdog's SIGABRT "
                    "ended the frozen kiosk\n",
                    readyAt, pings.size());
        return 0;
    }
    // 4. Resumed, then SIGTERM (systemctl stop): a clean exit.
    kill(kiosk, SIGCONT);
    double resumedAt = since(start);
    before = msgs.size();
    collect(fd, start, resumedAt + kWatchdogSec, msgs);
    bool resumed = false;
    for (size_t i = before; i < msgs.size(); ++i) resumed = resumed || isWatchdog(msgs[i]);
    if (!resumed) return fail("no WATCHDOG=1 after SIGCONT", child);
    kill(child, SIGTERM);
    if (!waitExit(10) || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
        return fail("the kiosk did not exit 0 within 10 s of SIGTERM", child);
    if (session && (kill(kiosk, 0) == 0 || errno != ESRCH))
        return fail("the kiosk outlived the launcher's exit", 0);
    int readies = 0;
    for (const Message& m : msgs) readies += m.text.find("READY=1") != std::string::npos;
    if (readies != 1) return fail("READY=1 sent more than once", 0);
    std::printf("PASS: READY=1 at %.2f s, %zu watchdog pings, silent while stopped, SIGTERM: "
                "exit 0\n",
                readyAt, pings.size());
    return 0;
}

} // namespace

int main(int argc, char** argv) {
    bool session = argc > 2 && std::strcmp(argv[1], "--session") == 0;
    char** command = argv + (session ? 2 : 1);
    if (argc < (session ? 4 : 2)) {
        std::fprintf(stderr, "usage: notify_listener [--session LAUNCHER] KIOSK [ARGS...]\n");
        return 2;
    }
    char dir[] = "/tmp/zjmap-notify.XXXXXX";
    if (!mkdtemp(dir)) return fail("mkdtemp", 0);
    std::string path = std::string(dir) + "/notify";
    int fd = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    std::snprintf(addr.sun_path, sizeof addr.sun_path, "%s", path.c_str());
    int on = 1;
    if (fd < 0 || bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 ||
        setsockopt(fd, SOL_SOCKET, SO_PASSCRED, &on, sizeof on) != 0)
        return fail("cannot bind the notify socket", 0);
    int rc = runKiosk(command, path, fd, session, /*byWatchdog=*/session);
    if (rc == 0 && session) rc = runKiosk(command, path, fd, session, /*byWatchdog=*/false);
    unlink(path.c_str());
    rmdir(dir);
    return rc;
}

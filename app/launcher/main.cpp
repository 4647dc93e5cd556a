// zjmap-kiosk-session: the unit's main process, between systemd and cage.
//
// Why it exists: the unit opens a logind session (PAMName=, for the seat), and logind moves the
// session's processes into a scope of their own (session-cN.scope). systemd then takes
// notifications only from the unit's main PID, which it still tracks, and drops the kiosk's:
// booted in the VM (tests/vm), READY=1 never arrived, the start timed out and the unit was
// killed and restarted, and the watchdog was never armed. For the same reason systemd's stop
// and watchdog kills no longer reach cage's client.
//
// So this process stays the main PID: it gives its child tree a NOTIFY_SOCKET of its own,
// forwards READY=1, WATCHDOG=1, STATUS= and STOPPING=1 to systemd as itself, and owns the
// tree's end: SIGTERM (systemctl stop) is passed on and, after a grace period, becomes SIGKILL;
// SIGABRT (WatchdogSignal, a hung kiosk) kills the tree at once and then aborts, so systemd
// records the watchdog failure. When the child ends, the rest of its tree goes and this process
// exits with the child's status. Usage: zjmap-kiosk-session COMMAND [ARGS...]
#include <poll.h>
#include <signal.h>
#include <sys/signalfd.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <systemd/sd-daemon.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

namespace {

constexpr int kStopGraceMs = 8000; // under the unit's TimeoutStopSec=10

void say(const char* fmt, const char* detail = "") {
    std::fprintf(stderr, "zjmap-kiosk-session: ");
    std::fprintf(stderr, fmt, detail);
    std::fputc('\n', stderr);
}

// An abstract unix datagram socket only this process and its children know of.
int bindRelaySocket(std::string& address) {
    int fd = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (fd < 0) return -1;
    sockaddr_un a{};
    a.sun_family = AF_UNIX;
    address = "@zjmap-kiosk-session-" + std::to_string(getpid());
    std::memcpy(a.sun_path + 1, address.c_str() + 1, address.size() - 1); // sun_path[0] = 0
    socklen_t len = static_cast<socklen_t>(offsetof(sockaddr_un, sun_path) + address.size());
    if (bind(fd, reinterpret_cast<sockaddr*>(&a), len) != 0) {
        close(fd);
        return -1;
    }
    return fd;
}

// The lines systemd should hear from the main process; MAINPID= and the rest are not the
// children's to say.
std::string relayedLines(const std::string& message) {
    std::string out;
    size_t start = 0;
    while (start < message.size()) {
        size_t end = message.find('\n', start);
        if (end == std::string::npos) end = message.size();
        std::string line = message.substr(start, end - start);
        for (const char* key : {"READY=", "WATCHDOG=", "STATUS=", "STOPPING=", "ERRNO="})
            if (line.rfind(key, 0) == 0) out += line + '\n';
        start = end + 1;
    }
    return out;
}

pid_t startChild(char** argv, const std::string& notifyAddress, const sigset_t& oldMask) {
    pid_t pid = fork();
    if (pid != 0) return pid;
    setpgid(0, 0); // its own process group: the whole tree can be signalled at once
    sigprocmask(SIG_SETMASK, &oldMask, nullptr);
    setenv("NOTIFY_SOCKET", notifyAddress.c_str(), 1);
    execvp(argv[0], argv);
    std::fprintf(stderr, "zjmap-kiosk-session: cannot run %s: %s\n", argv[0], std::strerror(errno));
    _exit(127);
}

int exitCodeOf(int status) {
    if (WIFEXITED(status)) return WEXITSTATUS(status);
    if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
    return 1;
}

class Session {
  public:
    Session(pid_t child, int relayFd, int signalFd)
        : child_(child), relayFd_(relayFd), signalFd_(signalFd) {}

    int run() {
        while (true) {
            pollfd fds[2] = {{relayFd_, POLLIN, 0}, {signalFd_, POLLIN, 0}};
            int timeout =
                stopDeadline_ < 0 ? -1 : std::max(0, static_cast<int>(stopDeadline_ - nowMs()));
            int n = poll(fds, 2, timeout);
            if (n < 0 && errno != EINTR) return 1;
            if (fds[0].revents & POLLIN) relay();
            if (fds[1].revents & POLLIN) {
                signalfd_siginfo si{};
                if (read(signalFd_, &si, sizeof si) == sizeof si) {
                    int code = onSignal(static_cast<int>(si.ssi_signo));
                    if (code >= 0) return code;
                }
            }
            if (stopDeadline_ >= 0 && nowMs() >= stopDeadline_) {
                say("%s", "the session did not end in time after SIGTERM: killing it");
                killpg(child_, SIGKILL);
                stopDeadline_ = -1;
            }
        }
    }

  private:
    static double nowMs() {
        using namespace std::chrono;
        return duration<double, std::milli>(steady_clock::now().time_since_epoch()).count();
    }

    void relay() {
        char buf[4096];
        ssize_t n = recv(relayFd_, buf, sizeof buf - 1, MSG_DONTWAIT);
        if (n <= 0) return;
        std::string lines = relayedLines(std::string(buf, static_cast<size_t>(n)));
        if (!lines.empty()) sd_notify(0, lines.c_str());
    }

    // >= 0: exit with that code now.
    int onSignal(int signo) {
        if (signo == SIGCHLD) return reap();
        if (signo == SIGTERM || signo == SIGINT || signo == SIGHUP) {
            killpg(child_, SIGTERM);
            killpg(child_, SIGCONT); // a stopped process only sees SIGTERM once it runs again
            if (stopDeadline_ < 0) stopDeadline_ = nowMs() + kStopGraceMs;
            return -1;
        }
        if (signo == SIGABRT) {
            // The watchdog: the kiosk is hung (or stopped). Nothing of it may survive.
            say("%s", "SIGABRT (the watchdog): killing the session");
            killpg(child_, SIGKILL);
            while (waitpid(child_, nullptr, 0) < 0 && errno == EINTR) {}
            signal(SIGABRT, SIG_DFL);
            sigset_t abrt;
            sigemptyset(&abrt);
            sigaddset(&abrt, SIGABRT);
            sigprocmask(SIG_UNBLOCK, &abrt, nullptr);
            raise(SIGABRT);
            return 134;
        }
        return -1;
    }

    int reap() {
        int status = 0;
        pid_t pid = waitpid(child_, &status, WNOHANG);
        if (pid != child_) return -1;
        // cage ends with its client; whatever of the tree is left goes with it.
        killpg(child_, SIGKILL);
        return exitCodeOf(status);
    }

    pid_t child_;
    int relayFd_;
    int signalFd_;
    double stopDeadline_ = -1;
};

} // namespace

int main(int argc, char** argv) {
    if (argc < 2 || std::strcmp(argv[1], "--help") == 0) {
        std::fprintf(stderr, "usage: zjmap-kiosk-session COMMAND [ARGS...]\n"
                             "  runs COMMAND (cage and the kiosk) as systemd's main process would\n"
                             "  see it: relays its sd_notify messages and ends its whole tree\n");
        return argc < 2 ? 2 : 0;
    }
    std::string address;
    int relayFd = bindRelaySocket(address);
    if (relayFd < 0) {
        say("cannot bind a notify socket: %s", std::strerror(errno));
        return 1;
    }
    sigset_t mask, oldMask;
    sigemptyset(&mask);
    for (int s : {SIGCHLD, SIGTERM, SIGINT, SIGHUP, SIGABRT}) sigaddset(&mask, s);
    sigprocmask(SIG_BLOCK, &mask, &oldMask);
    int signalFd = signalfd(-1, &mask, SFD_CLOEXEC);
    if (signalFd < 0) {
        say("cannot watch signals: %s", std::strerror(errno));
        return 1;
    }
    pid_t child = startChild(argv + 1, address, oldMask);
    if (child < 0) {
        say("cannot start the session: %s", std::strerror(errno));
        return 1;
    }
    setpgid(child, child); // also here: no race with a signal before the child ran setpgid
    return Session(child, relayFd, signalFd).run();
}

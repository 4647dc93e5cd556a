#include "platform/content_preview.hpp"

#include "core/bundle/file_util.hpp"
#include "core/child_process.hpp"
#include "core/pack_output.hpp"

#include <signal.h>
#include <sys/inotify.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>

namespace zj {

namespace fs = std::filesystem;

namespace {
constexpr uint32_t kWatchMask = IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE |
                                IN_DELETE | IN_DELETE_SELF | IN_ONLYDIR;

// Editors' swap and backup files, and dot-files (the proof's record among them), are not
// content: a save must not trigger two builds, and vim's 4913 probe none.
bool ignoredName(const char* name) {
    std::string_view n(name);
    return n.empty() || n[0] == '.' || n.back() == '~' || n.ends_with(".swp") ||
           n.ends_with(".swx") || n == "4913";
}

// zjmap-pack next to this program (the build tree, /usr/bin), else on PATH.
fs::path packProgram() {
    std::error_code ec;
    fs::path self = fs::read_symlink("/proc/self/exe", ec);
    if (!ec && fs::exists(self.parent_path() / "zjmap-pack", ec))
        return self.parent_path() / "zjmap-pack";
    return "zjmap-pack";
}
} // namespace

ContentPreview::~ContentPreview() {
    if (child_ > 0) {
        kill(child_, SIGTERM);
        waitpid(child_, nullptr, 0);
    }
    if (inotify_ >= 0) close(inotify_);
    std::error_code ec;
    if (!work_.empty()) fs::remove_all(work_, ec); // a preview leaves nothing behind
}

bool ContentPreview::start(const fs::path& sources, std::string& err) {
    std::error_code ec;
    if (!fs::is_directory(sources, ec)) {
        err = sources.string() + ": not a folder of content sources";
        return false;
    }
    sources_ = fs::absolute(sources).lexically_normal();
    std::string tmpl = (fs::temp_directory_path(ec) / "zjmap-preview-XXXXXX").string();
    if (!mkdtemp(tmpl.data())) {
        err = tmpl + ": " + std::strerror(errno);
        return false;
    }
    work_ = tmpl;
    fs::create_directories(dataDir(), ec);
    crypto::SecretKey secret{};
    crypto::generateKeyPair(key_, secret);
    if (!crypto::writeKeyFiles(work_ / "key", key_, secret, err)) return false;
    pack_ = packProgram();
    inotify_ = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    if (inotify_ < 0) {
        err = std::string("inotify: ") + std::strerror(errno);
        return false;
    }
    watchTree(sources_);
    if (!spawnBuild(err)) return false;
    int status = 0;
    while (waitpid(child_, &status, 0) < 0 && errno == EINTR) {}
    first_ = finishBuild(status);
    return true;
}

void ContentPreview::watchTree(const fs::path& dir) {
    int wd = inotify_add_watch(inotify_, dir.c_str(), kWatchMask);
    if (wd >= 0) watches_[wd] = dir;
    std::error_code ec;
    for (fs::directory_iterator it(dir, ec), end; it != end && !ec; it.increment(ec))
        if (it->is_directory(ec) && !ignoredName(it->path().filename().c_str()))
            watchTree(it->path());
}

bool ContentPreview::readEvents() {
    bool changed = false;
    alignas(inotify_event) char buf[16384];
    for (;;) {
        ssize_t n = read(inotify_, buf, sizeof buf);
        if (n <= 0) break; // EAGAIN: nothing more for now
        for (ssize_t off = 0; off < n;) {
            auto* e = reinterpret_cast<inotify_event*>(buf + off);
            off += static_cast<ssize_t>(sizeof(inotify_event) + e->len);
            if (e->mask & IN_IGNORED) {
                watches_.erase(e->wd);
                continue;
            }
            if (e->mask & IN_DELETE_SELF) {
                changed = true;
                continue;
            }
            if (e->len == 0 || ignoredName(e->name)) continue;
            auto it = watches_.find(e->wd);
            if ((e->mask & IN_ISDIR) && (e->mask & (IN_CREATE | IN_MOVED_TO)) &&
                it != watches_.end())
                watchTree(it->second / e->name); // a new folder (geo/, media/...): watch it too
            changed = true;
        }
    }
    return changed;
}

bool ContentPreview::spawnBuild(std::string& err) {
    fs::path out = work_ / ("bundle-" + std::to_string(slot_));
    std::error_code ec;
    fs::remove_all(out, ec); // the other folder is the one on screen
    child_ = spawnLogged({pack_.string(), "build", sources_.string(), "--key",
                          (work_ / "key" / "publisher.key").string(), "--out", out.string()},
                         work_ / "build.log", err);
    if (child_ < 0) return false;
    return true;
}

ContentPreview::Event ContentPreview::finishBuild(int status) {
    child_ = -1;
    ++finished_;
    Event e;
    fs::path out = work_ / ("bundle-" + std::to_string(slot_));
    if (WIFEXITED(status) && WEXITSTATUS(status) == 0) {
        e.kind = Event::Kind::Built;
        e.bundle = out;
        slot_ = 1 - slot_; // the next build leaves this one alone while it is shown
        return e;
    }
    std::string output, err;
    fileutil::readFile(work_ / "build.log", output, err);
    e.kind = Event::Kind::Failed;
    e.error = firstBuildError(output);
    // Paths as the editor knows them: relative to the sources folder they work in.
    std::string prefix = sources_.string() + "/";
    for (size_t at; (at = e.error.find(prefix)) != std::string::npos;)
        e.error.erase(at, prefix.size());
    if (e.error.empty())
        e.error = "zjmap-pack build stopped (status " + std::to_string(status) + ")";
    return e;
}

ContentPreview::Event ContentPreview::poll(double nowMs) {
    lastPollMs_ = nowMs;
    if (inotify_ >= 0 && readEvents()) {
        dirty_ = true;
        lastChangeMs_ = nowMs;
    }
    if (child_ > 0) {
        int status = 0;
        pid_t done = waitpid(child_, &status, WNOHANG);
        if (done == child_) return finishBuild(status);
        return {};
    }
    if (dirty_ && nowMs - lastChangeMs_ >= kQuietMs) {
        dirty_ = false;
        std::string err;
        if (!spawnBuild(err)) {
            ++finished_;
            return {Event::Kind::Failed, {}, err};
        }
    }
    return {};
}

double ContentPreview::deadlineMs() const {
    if (child_ > 0) return lastPollMs_ + 50; // the build's end is not a file event: look again
    if (dirty_) return lastChangeMs_ + kQuietMs;
    return -1;
}

} // namespace zj

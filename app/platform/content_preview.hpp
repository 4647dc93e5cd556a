// Live preview for the content editor (zjmap-kiosk --preview SRC): the sources are packed by
// the real `zjmap-pack build` (a child process, so a slow build never stalls a frame) with a
// key made for this preview only, into one of two bundle folders in turn (the one on screen
// stays intact while the next is built). inotify watches SRC and its folders; a save starts a
// rebuild after a short quiet time. The app polls between frames and switches on success; on
// failure it keeps the last good content and shows the first error (file, line, field).
// Preview bundles are signed with a throwaway key: no kiosk's sync ever accepts them.
#pragma once
#include "core/bundle/crypto.hpp"

#include <sys/types.h>

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>

namespace zj {

class ContentPreview {
  public:
    struct Event {
        enum class Kind { None, Built, Failed };
        Kind kind = Kind::None;
        std::filesystem::path bundle; // Built: the new bundle folder
        std::string error;            // Failed: the first error, "file:line: field: message"
    };

    ContentPreview() = default;
    ~ContentPreview();
    ContentPreview(const ContentPreview&) = delete;
    ContentPreview& operator=(const ContentPreview&) = delete;

    // Makes the work folder and key, starts watching and runs the first build (blocking: the
    // first frame shows the sources). False only when the preview cannot run at all; a first
    // build that fails is reported by firstBuild().
    bool start(const std::filesystem::path& sources, std::string& err);
    const Event& firstBuild() const { return first_; }

    const crypto::PublicKey& publicKey() const { return key_; }
    std::filesystem::path dataDir() const { return work_ / "data"; } // an empty store
    const std::filesystem::path& sources() const { return sources_; }

    // Non-blocking, between frames: reads file events, starts a build once the sources have
    // been quiet for kQuietMs, and reports a build that finished.
    Event poll(double nowMs);
    double deadlineMs() const; // when poll() has work to do (a due rebuild, a running build)
    uint64_t buildsFinished() const { return finished_; } // ok or failed
    bool building() const { return child_ > 0; }

    static constexpr double kQuietMs = 250; // an editor's save is often several writes

  private:
    void watchTree(const std::filesystem::path& dir);
    bool readEvents();
    bool spawnBuild(std::string& err);
    Event finishBuild(int status);

    std::filesystem::path sources_, work_, pack_;
    crypto::PublicKey key_{};
    int inotify_ = -1;
    std::map<int, std::filesystem::path> watches_; // watch descriptor -> folder
    pid_t child_ = -1;
    int slot_ = 0; // which bundle folder the next build writes (bundle-0 / bundle-1)
    bool dirty_ = false;
    double lastChangeMs_ = 0;
    double lastPollMs_ = 0;
    uint64_t finished_ = 0;
    Event first_;
};

} // namespace zj

// The restart counter (core/session/restarts.hpp) on a real directory: a clean exit is not
// counted, a run that never reached its clean exit is; a corrupt or strange counts file or
// marker gives a clear log line and a fresh count, never a crash.
#include "core/session/restarts.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <unistd.h>

namespace zj {
namespace fs = std::filesystem;

namespace {
struct TempStore {
    fs::path dir;
    TempStore() {
        char tmpl[] = "/tmp/zj-restarts-XXXXXX";
        dir = ::mkdtemp(tmpl);
    }
    ~TempStore() {
        std::error_code ec;
        fs::remove_all(dir, ec);
    }
};

std::string joined(const std::vector<std::string>& lines) {
    std::string out;
    for (const auto& l : lines) out += l + "\n";
    return out;
}

void writeText(const fs::path& file, const std::string& text) {
    std::ofstream(file, std::ios::binary) << text;
}

std::string readText(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

// A start whose process then dies (crash, SIGKILL, power cut): the kernel drops its lock, the
// marker stays.
RestartCounts startThenDie(const fs::path& dir, std::vector<std::string>& log) {
    int fd = -1;
    RestartCounts c = recordStart(dir, log, fd);
    if (fd >= 0) ::close(fd);
    return c;
}

RestartCounts startThenExitCleanly(const fs::path& dir, std::vector<std::string>& log) {
    int fd = -1;
    RestartCounts c = recordStart(dir, log, fd);
    EXPECT_GE(fd, 0);
    std::string err;
    EXPECT_TRUE(recordCleanExit(dir, fd, err)) << err;
    EXPECT_EQ(fd, -1);
    return c;
}
} // namespace

TEST(Restarts, FirstStartCleanExitAndNextStartCountNoUncleanEnd) {
    TempStore s;
    std::vector<std::string> log;
    int fd = -1;
    RestartCounts c = recordStart(s.dir, log, fd);
    EXPECT_EQ(c.starts, 1u);
    EXPECT_EQ(c.unclean, 0u);
    ASSERT_EQ(log.size(), 1u) << joined(log); // a new store: said once
    EXPECT_NE(log[0].find("none yet"), std::string::npos) << log[0];
    EXPECT_TRUE(fs::is_regular_file(runMarkerFile(s.dir)));
    std::string err;
    ASSERT_TRUE(recordCleanExit(s.dir, fd, err)) << err;
    EXPECT_FALSE(fs::exists(runMarkerFile(s.dir)));
    log.clear();
    c = startThenExitCleanly(s.dir, log);
    EXPECT_EQ(c.starts, 2u);
    EXPECT_EQ(c.unclean, 0u);
    EXPECT_TRUE(log.empty()) << joined(log); // a clean exit before: nothing to say
    EXPECT_EQ(readText(restartCountsFile(s.dir)), "starts 2\nunclean 0\n");
}

TEST(Restarts, StartAfterARunThatNeverEndedCleanlyCountsOne) {
    TempStore s;
    std::vector<std::string> log;
    startThenDie(s.dir, log);
    log.clear();
    RestartCounts c = startThenDie(s.dir, log);
    EXPECT_EQ(c.starts, 2u);
    EXPECT_EQ(c.unclean, 1u);
    ASSERT_EQ(log.size(), 1u);
    EXPECT_NE(log[0].find("did not end cleanly"), std::string::npos) << log[0];
    std::string err;
    RestartCounts kept = readRestartCounts(s.dir, err);
    EXPECT_EQ(err, "");
    EXPECT_EQ(kept.starts, 2u);
    EXPECT_EQ(kept.unclean, 1u);
    // Unclean once more, then a clean run: the count stays at 3 unclean of 5.
    startThenDie(s.dir, log);
    startThenExitCleanly(s.dir, log);
    c = startThenExitCleanly(s.dir, log);
    EXPECT_EQ(c.unclean, 3u);
    EXPECT_EQ(c.starts, 5u);
}

// A second kiosk started on the store of one that runs (by hand, say) is no restart, and its
// exit must not take the running kiosk's marker away.
TEST(Restarts, AnotherRunningKioskIsNotCountedAndKeepsItsMarker) {
    TempStore s;
    std::vector<std::string> log;
    int running = -1;
    recordStart(s.dir, log, running);
    ASSERT_GE(running, 0);
    log.clear();
    int second = -1;
    RestartCounts c = recordStart(s.dir, log, second);
    EXPECT_EQ(second, -1);
    EXPECT_EQ(c.starts, 1u);
    EXPECT_EQ(c.unclean, 0u);
    ASSERT_EQ(log.size(), 1u) << joined(log);
    EXPECT_NE(log[0].find("another kiosk is running on this store"), std::string::npos) << log[0];
    std::string err;
    EXPECT_TRUE(recordCleanExit(s.dir, second, err)) << err;
    EXPECT_TRUE(fs::exists(runMarkerFile(s.dir)));
    EXPECT_TRUE(recordCleanExit(s.dir, running, err)) << err;
    EXPECT_FALSE(fs::exists(runMarkerFile(s.dir)));
    EXPECT_EQ(readText(restartCountsFile(s.dir)), "starts 1\nunclean 0\n");
}

TEST(Restarts, CorruptCountsFileIsNamedAndCountingStartsAgain) {
    for (std::string bad : {std::string("starts 7\nunclean x\n"), std::string("garbage"),
                            std::string("starts 1\nunclean 5\n"), std::string("starts -1\n"),
                            std::string("starts 2\nunclean 1\nmore 3\n"), std::string("")}) {
        TempStore s;
        fs::create_directories(s.dir / "state");
        writeText(restartCountsFile(s.dir), bad);
        std::string err;
        RestartCounts r = readRestartCounts(s.dir, err);
        EXPECT_EQ(r.starts, 0u) << bad;
        EXPECT_NE(err.find(restartCountsFile(s.dir).string()), std::string::npos) << err;
        std::vector<std::string> log;
        RestartCounts c = startThenDie(s.dir, log);
        EXPECT_EQ(c.starts, 1u) << bad;
        ASSERT_FALSE(log.empty()) << bad;
        EXPECT_NE(log[0].find("counting again from 0"), std::string::npos) << log[0];
        EXPECT_EQ(readText(restartCountsFile(s.dir)), "starts 1\nunclean 0\n"); // repaired
    }
}

TEST(Restarts, MissingCountsFileReadsAsZeroAndIsSaidOnceAtStart) {
    TempStore s;
    std::string err;
    RestartCounts r = readRestartCounts(s.dir, err);
    EXPECT_EQ(r.starts, 0u);
    EXPECT_EQ(r.unclean, 0u);
    EXPECT_EQ(err, "");
    // The marker alone (the counts file lost): the unclean end is still counted.
    fs::create_directories(s.dir / "state");
    writeText(runMarkerFile(s.dir), "pid 1\n");
    std::vector<std::string> log;
    RestartCounts c = startThenDie(s.dir, log);
    EXPECT_EQ(c.starts, 1u);
    EXPECT_EQ(c.unclean, 1u);
    ASSERT_EQ(log.size(), 2u) << joined(log);
    EXPECT_NE(log[0].find(restartCountsFile(s.dir).string() + ": none yet"), std::string::npos)
        << log[0];
    EXPECT_NE(log[1].find("did not end cleanly"), std::string::npos) << log[1];
}

TEST(Restarts, LinksAreNeverFollowed) {
    TempStore s;
    fs::create_directories(s.dir / "state");
    fs::path outside = s.dir / "outside";
    writeText(outside, "starts 40\nunclean 9\n");
    fs::create_symlink(outside, restartCountsFile(s.dir));
    fs::create_symlink(outside, runMarkerFile(s.dir));
    std::string err;
    RestartCounts r = readRestartCounts(s.dir, err);
    EXPECT_EQ(r.starts, 0u); // not read through the link
    EXPECT_NE(err.find("restarts"), std::string::npos) << err;
    std::vector<std::string> log;
    RestartCounts c = startThenDie(s.dir, log);
    EXPECT_EQ(c.starts, 1u);
    EXPECT_EQ(c.unclean, 1u); // a marker of any kind: the last run did not remove it
    EXPECT_EQ(readText(outside), "starts 40\nunclean 9\n"); // untouched
    EXPECT_FALSE(fs::is_symlink(runMarkerFile(s.dir)));
    EXPECT_FALSE(fs::is_symlink(restartCountsFile(s.dir)));
}

TEST(Restarts, StoreThatCannotBeUsedCountsInMemoryAndSaysWhy) {
    TempStore s;
    fs::path notADir = s.dir / "file";
    writeText(notADir, "x");
    std::vector<std::string> log;
    int fd = 0;
    RestartCounts c = recordStart(notADir, log, fd);
    EXPECT_EQ(fd, -1);
    EXPECT_EQ(c.starts, 1u);
    ASSERT_EQ(log.size(), 1u);
    EXPECT_NE(log[0].find("not counted"), std::string::npos) << log[0];
    EXPECT_NE(log[0].find(notADir.string()), std::string::npos) << log[0];
}

} // namespace zj

// fileutil::readRegularFile / openRegularFile: what sync reads from a stick or a directory
// source is a regular file, or it is refused at once (a FIFO must not block the open).
#include "core/bundle/file_util.hpp"

#include <gtest/gtest.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sys/stat.h>
#include <unistd.h>

namespace fs = std::filesystem;
using namespace zj;

namespace {

struct ScratchDir {
    fs::path path = fs::path(::testing::TempDir()) /
                    ("zj-file-util-" + std::to_string(::getpid()) + "-" +
                     ::testing::UnitTest::GetInstance()->current_test_info()->name());
    ScratchDir() {
        fs::remove_all(path);
        fs::create_directories(path);
    }
    ~ScratchDir() { fs::remove_all(path); }
};

} // namespace

TEST(FileUtil, ReadRegularFileReadsARegularFile) {
    ScratchDir dir;
    std::ofstream(dir.path / "manifest.json") << "{}\n";
    std::string out, err;
    ASSERT_TRUE(fileutil::readRegularFile(dir.path / "manifest.json", out, err, 1024)) << err;
    EXPECT_EQ(out, "{}\n");
    EXPECT_FALSE(fileutil::readRegularFile(dir.path / "manifest.json", out, err, 2));
    EXPECT_NE(err.find("larger than 2 bytes"), std::string::npos) << err;
    EXPECT_FALSE(fileutil::readRegularFile(dir.path / "absent", out, err, 1024));
    EXPECT_EQ(err, (dir.path / "absent").string() + ": missing");
}

TEST(FileUtil, ReadRegularFileRefusesAFifoWithoutBlocking) {
    // No writer ever opens it: a plain open() would wait for ever (the test would hang).
    ScratchDir dir;
    const fs::path fifo = dir.path / "manifest.json";
    ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0) << std::strerror(errno);
    std::string out, err;
    EXPECT_FALSE(fileutil::readRegularFile(fifo, out, err, 1024));
    EXPECT_EQ(err, fifo.string() + ": not a regular file (a FIFO; refused: regular files only)");
    EXPECT_LT(fileutil::openRegularFile(fifo, err), 0);
}

TEST(FileUtil, ReadRegularFileRefusesDirectoriesDevicesAndSymlinks) {
    ScratchDir dir;
    std::string out, err;
    EXPECT_FALSE(fileutil::readRegularFile(dir.path, out, err, 1024));
    EXPECT_NE(err.find("not a regular file (a directory"), std::string::npos) << err;
    EXPECT_FALSE(fileutil::readRegularFile("/dev/zero", out, err, 1024)); // endless data
    EXPECT_NE(err.find("not a regular file (a character device"), std::string::npos) << err;
    std::ofstream(dir.path / "real") << "x";
    fs::create_symlink(dir.path / "real", dir.path / "link");
    EXPECT_FALSE(fileutil::readRegularFile(dir.path / "link", out, err, 1024));
    EXPECT_EQ(err,
              (dir.path / "link").string() + ": a symbolic link (refused: regular files only)");
}

// Issue 19 item 8: a predictable temporary name (FILE.tmp-<pid>) opened with O_TRUNC let anyone
// who can write the directory plant a symlink there and have the kiosk overwrite its target
// (the metrics textfile, state files). The temporary is now unpredictable and O_EXCL.
TEST(FileUtil, WriteFileAtomicNeverWritesThroughAPlantedTemporary) {
    ScratchDir dir;
    const fs::path decoy = dir.path / "decoy";
    std::ofstream(decoy) << "precious";
    const fs::path target = dir.path / "zjmap.prom";
    fs::create_symlink(decoy, dir.path / ("zjmap.prom.tmp-" + std::to_string(::getpid())));
    std::string err;
    ASSERT_TRUE(fileutil::writeFileAtomic(target, "zj_up 1\n", err)) << err;
    std::string out;
    ASSERT_TRUE(fileutil::readFile(decoy, out, err)) << err;
    EXPECT_EQ(out, "precious");
    ASSERT_TRUE(fileutil::readFile(target, out, err)) << err;
    EXPECT_EQ(out, "zj_up 1\n");
    struct stat st {};
    ASSERT_EQ(::lstat(target.c_str(), &st), 0);
    EXPECT_TRUE(S_ISREG(st.st_mode));
    EXPECT_EQ(st.st_mode & 0777, 0644u); // node_exporter (another user) reads the textfile

    ASSERT_TRUE(fileutil::writeFileAtomic(dir.path / "secret", "x", err, 0600)) << err;
    ASSERT_EQ(::lstat((dir.path / "secret").c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0600u);
    // No temporary is left behind.
    size_t temporaries = 0;
    for (auto& e : fs::directory_iterator(dir.path))
        if (e.path().filename().string().find(".tmp-") != std::string::npos) ++temporaries;
    EXPECT_EQ(temporaries, 1u); // only the planted link
}

TEST(FileUtil, WriteFileSyncedNeverTruncatesOrFollowsAnExistingPath) {
    ScratchDir dir;
    const fs::path decoy = dir.path / "decoy";
    std::ofstream(decoy) << "precious";
    fs::create_symlink(decoy, dir.path / "link");
    std::string err, out;
    EXPECT_FALSE(fileutil::writeFileSynced(dir.path / "link", "evil", err));
    EXPECT_NE(err.find((dir.path / "link").string()), std::string::npos) << err;
    EXPECT_FALSE(fileutil::writeFileSynced(decoy, "evil", err));
    EXPECT_EQ(err, decoy.string() + ": already exists (refused: never overwritten)");
    ASSERT_TRUE(fileutil::readFile(decoy, out, err)) << err;
    EXPECT_EQ(out, "precious");
}

TEST(FileUtil, RemoveAtRemovesALinkNotItsTargetAndWholeTrees) {
    ScratchDir dir;
    fs::create_directories(dir.path / "outside");
    std::ofstream(dir.path / "outside/keep") << "k";
    fs::create_directories(dir.path / "tmp/tree/deeper");
    std::ofstream(dir.path / "tmp/tree/deeper/f") << "f";
    fs::create_directory_symlink(dir.path / "outside", dir.path / "tmp/tree/link");
    fs::create_directory_symlink(dir.path / "outside", dir.path / "tmp/toplink");
    std::string err;
    int fd = fileutil::openDirNoFollow(dir.path / "tmp", err);
    ASSERT_GE(fd, 0) << err;
    EXPECT_TRUE(fileutil::removeAt(fd, "tree", dir.path / "tmp/tree", err)) << err;
    EXPECT_TRUE(fileutil::removeAt(fd, "toplink", dir.path / "tmp/toplink", err)) << err;
    EXPECT_TRUE(fileutil::removeAt(fd, "never-there", dir.path / "tmp/never-there", err)) << err;
    ::close(fd);
    EXPECT_TRUE(fs::is_empty(dir.path / "tmp"));
    EXPECT_TRUE(fs::exists(dir.path / "outside/keep"));

    fs::create_directory_symlink(dir.path / "outside", dir.path / "linked-dir");
    EXPECT_LT(fileutil::openDirNoFollow(dir.path / "linked-dir", err), 0);
    EXPECT_EQ(err, (dir.path / "linked-dir").string() +
                       ": a symbolic link, not a directory (refused: the store follows no links)");
}

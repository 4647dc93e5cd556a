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

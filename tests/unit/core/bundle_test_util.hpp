// Shared helpers for the bundle tests: a fresh temp dir per test, file I/O, a test key pair.
#pragma once
#include "core/bundle/bundle_writer.hpp"
#include "core/bundle/crypto.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <unistd.h>

namespace zj::test {

namespace fs = std::filesystem;

// A unique directory under the system temp dir, removed when the test ends.
class TempDir {
  public:
    TempDir() {
        static std::atomic<int> counter{0};
        const ::testing::TestInfo* info = ::testing::UnitTest::GetInstance()->current_test_info();
        std::string name = std::string("zj-") + (info ? info->test_suite_name() : "x") + "-" +
                           (info ? info->name() : "y") + "-" + std::to_string(::getpid()) + "-" +
                           std::to_string(counter++);
        path_ = fs::temp_directory_path() / name;
        fs::remove_all(path_);
        fs::create_directories(path_);
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path_, ec);
    }
    const fs::path& path() const { return path_; }
    fs::path operator/(const std::string& rel) const { return path_ / rel; }

  private:
    fs::path path_;
};

inline std::string readAll(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

inline void writeAll(const fs::path& p, const std::string& bytes) {
    fs::create_directories(p.parent_path());
    std::ofstream out(p, std::ios::binary | std::ios::trunc);
    out << bytes;
}

inline void flipByte(const fs::path& p, size_t offset = 0) {
    std::string bytes = readAll(p);
    ASSERT_LT(offset, bytes.size());
    bytes[offset] = char(bytes[offset] ^ 0x01);
    fs::permissions(p, fs::perms::owner_write, fs::perm_options::add);
    writeAll(p, bytes);
}

struct TestKeys {
    crypto::PublicKey pub{};
    crypto::SecretKey secret{};
    TestKeys() { crypto::generateKeyPair(pub, secret); }
};

inline constexpr int64_t kCreated = 1795737600; // 2026-11-27T00:00:00Z
inline constexpr int64_t kExpires = 1827273600; // 2027-11-27T00:00:00Z

inline std::vector<BundleInputFile> sampleFiles(const std::string& salt = "") {
    return {{"content.db", "sqlite bytes " + salt},
            {"media/photos/etdz-1.jpg", "jpeg one " + salt},
            {"media/photos/etdz-2.jpg", "jpeg two " + salt},
            {"media/thumbs/etdz-1.jpg", "jpeg one " + salt}}; // same bytes as etdz-1: one blob
}

inline void writeSample(const fs::path& out, const crypto::SecretKey& key, uint64_t version,
                        const std::string& salt = "") {
    BundleWriteOptions opt;
    opt.version = version;
    opt.created = kCreated;
    opt.expires = kExpires;
    std::string err;
    ASSERT_TRUE(writeBundle(sampleFiles(salt), key, opt, out, err)) << err;
}

} // namespace zj::test

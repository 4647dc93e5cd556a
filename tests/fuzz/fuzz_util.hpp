// Shared by the libFuzzer targets: a private temp directory per process and file writing,
// for the parsers that read files (the pack's loaders take a content folder, not bytes).
#pragma once
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

namespace zj::fuzz {

inline const std::filesystem::path& tempRoot() {
    static const std::filesystem::path root = [] {
        auto p = std::filesystem::temp_directory_path() / ("zj-fuzz-" + std::to_string(::getpid()));
        std::filesystem::remove_all(p);
        std::filesystem::create_directories(p);
        // Removed at exit: a long run must not leave thousands of directories behind.
        std::atexit([] {
            std::error_code ec;
            std::filesystem::remove_all(std::filesystem::temp_directory_path() /
                                            ("zj-fuzz-" + std::to_string(::getpid())),
                                        ec);
        });
        return p;
    }();
    return root;
}

inline void writeBytes(const std::filesystem::path& file, const uint8_t* data, size_t size) {
    std::filesystem::create_directories(file.parent_path());
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
}

} // namespace zj::fuzz

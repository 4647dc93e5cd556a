// Small POSIX file helpers for the bundle code: durable writes (fsync file + directory) and
// whole-file reads. None of them throw; errors name the file.
#pragma once
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

namespace zj::fileutil {

// Reads a whole file. `maxBytes` guards against reading something absurd by mistake.
bool readFile(const std::filesystem::path& file, std::string& out, std::string& err,
              uint64_t maxBytes = uint64_t(64) << 20);

// readFile for files from outside the store (a USB stick, a directory source): refuses
// anything but a regular file, without following a final symlink and without blocking on a
// FIFO or device (O_NONBLOCK | O_NOFOLLOW, then fstat). `err` names the file and what it is.
bool readRegularFile(const std::filesystem::path& file, std::string& out, std::string& err,
                     uint64_t maxBytes);

// Opens `file` for reading under the same rules; -1 with `err` set when it is not a regular file.
int openRegularFile(const std::filesystem::path& file, std::string& err);

// Creates/truncates `file`, writes `bytes`, fsyncs and closes it.
bool writeFileSynced(const std::filesystem::path& file, std::string_view bytes, std::string& err);

// Writes FILE.tmp-<pid>, fsyncs it, renames over `file`, fsyncs the directory: readers see the
// old content or the new, never a mix.
bool writeFileAtomic(const std::filesystem::path& file, std::string_view bytes, std::string& err);

// Copies `from` to `to` via `to.tmp-<pid>` + fsync + rename (+ directory fsync).
bool copyFileAtomic(const std::filesystem::path& from, const std::filesystem::path& to,
                    std::string& err);

// fsync a directory so a rename/create inside it survives a power cut.
bool fsyncDir(const std::filesystem::path& dir, std::string& err);

// Temporary sibling name: "<path>.tmp-<pid>".
std::filesystem::path tmpSibling(const std::filesystem::path& path);

} // namespace zj::fileutil

// Small POSIX file helpers for the bundle code: durable writes (fsync file + directory) and
// whole-file reads. None of them throw; errors name the file.
#pragma once
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <sys/types.h>
#include <vector>

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

// Creates `file` (O_EXCL | O_NOFOLLOW: never truncates or writes through an existing path, a
// planted symlink included), writes `bytes`, fsyncs and closes it.
bool writeFileSynced(const std::filesystem::path& file, std::string_view bytes, std::string& err);

// Writes a fresh, unpredictable FILE.tmp-XXXXXX (mkostemp: O_EXCL), fsyncs it, sets `mode`,
// renames over `file`, fsyncs the directory: readers see the old content or the new, never a
// mix, and a symlink planted at a temporary name is never written through.
bool writeFileAtomic(const std::filesystem::path& file, std::string_view bytes, std::string& err,
                     mode_t mode = 0644);

// Copies `from` to `to` via a fresh `to.tmp-XXXXXX` + fsync + rename (+ directory fsync).
bool copyFileAtomic(const std::filesystem::path& from, const std::filesystem::path& to,
                    std::string& err);

// ---- Working under a directory fd (the store follows no links) --------------------------------

// Opens `dir` as a directory, refusing a symlink at its last component (O_NOFOLLOW). -1 with
// `err` naming the path ("... is a symbolic link, not a directory") otherwise.
int openDirNoFollow(const std::filesystem::path& dir, std::string& err);

// `name` inside the open directory `dirFd` (shown as `shown` in errors) must be a real
// directory (not a symlink) owned by the effective user. Root is refused on a directory another
// user owns: a root `sync` must not leave root-owned files in the kiosk user's store.
bool checkOwnedDirAt(int dirFd, const char* name, const std::filesystem::path& shown,
                     std::string& err);

// The entry names of the open directory `dirFd` (without "." and ".."); false on a read error.
bool listDirAt(int dirFd, std::vector<std::string>& names, std::string& err);

// Removes `name` under `dirFd`: a file or symlink is unlinked (a symlink itself, never what it
// points to), a directory is emptied the same way (each level opened O_NOFOLLOW) and removed.
// True when it is gone (or was never there).
bool removeAt(int dirFd, const std::string& name, const std::filesystem::path& shown,
              std::string& err);

// fsync a directory so a rename/create inside it survives a power cut.
bool fsyncDir(const std::filesystem::path& dir, std::string& err);

// Temporary sibling name: "<path>.tmp-<pid>".
std::filesystem::path tmpSibling(const std::filesystem::path& path);

} // namespace zj::fileutil

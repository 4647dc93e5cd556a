// Helpers for the pack tests: temp dirs, a tiny valid content fixture, running zjmap-pack.
#pragma once
#include "core/bundle/crypto.hpp"

#include <filesystem>
#include <string>

namespace zj::test {

struct RunResult {
    int exitCode = -1;
    std::string out; // stdout
    std::string err; // stderr
};

std::filesystem::path freshDir(const std::string& name); // empty dir under the build tree
std::string readText(const std::filesystem::path& file);
void writeText(const std::filesystem::path& file, const std::string& text);

// 1-based line of the first line containing `needle` (0 when absent).
int lineOf(const std::string& text, const std::string& needle);

// A dev key pair in `dir` (publisher.key, publisher.pub).
void makeKeys(const std::filesystem::path& dir);

// A small valid content folder: every file kind, two districts, two parks, PNG + JPEG photos.
void writeFixture(const std::filesystem::path& dir);

// Runs `zjmap-pack build SRC --key KEY --out OUT`.
RunResult runBuild(const std::filesystem::path& src, const std::filesystem::path& key,
                   const std::filesystem::path& out);

} // namespace zj::test

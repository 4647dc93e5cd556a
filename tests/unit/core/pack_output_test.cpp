#include "core/pack_output.hpp"

#include <gtest/gtest.h>

using namespace zj;

TEST(PackOutput, FirstErrorSkipsWarningsAndTheSummary) {
    const char* out =
        "content/geo/x.geojson:1: feature[1].geometry: warning: tiny loop (repaired)\n"
        "content/parks.toml:12:19: toml: expected a value\n"
        "content/parks.toml:40: park[a].level: unknown level 'x'\n"
        "zjmap-pack build: 2 error(s), 1 warning(s); nothing written\n";
    EXPECT_EQ(firstBuildError(out), "content/parks.toml:12:19: toml: expected a value");
}

TEST(PackOutput, WithoutADiagnosticTheLastLineSays) {
    EXPECT_EQ(firstBuildError("zjmap-pack build: /x: not a directory\n"),
              "zjmap-pack build: /x: not a directory");
    EXPECT_EQ(firstBuildError(""), "");
    EXPECT_EQ(firstBuildError("\n\n"), "");
}

TEST(PackOutput, LongLinesAreCutAtACharacterBoundary) {
    std::string line = "parks.toml:1: park[a].name: ";
    for (int i = 0; i < 200; ++i) line += "镇";
    std::string got = firstBuildError(line + "\n");
    EXPECT_LT(got.size(), 310u);
    EXPECT_EQ(got.rfind("…"), got.size() - std::string("…").size());
    // What is left before the ellipsis is whole characters: valid UTF-8 of 3-byte 镇.
    std::string body = got.substr(0, got.size() - std::string("…").size());
    EXPECT_EQ((body.size() - std::string("parks.toml:1: park[a].name: ").size()) % 3, 0u);
}

// zjmap-pack build on a small fixture: one test per kind of bad input (exit code, and the
// message names file and line), a clean build, a loaded round trip, reproducibility.
#include "core/bundle/bundle.hpp"
#include "core/content/store.hpp"
#include "pack_test_util.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <fstream>

namespace fs = std::filesystem;
using namespace zj;
using namespace zj::test;

namespace {

class PackBuild : public ::testing::Test {
  protected:
    void SetUp() override {
        const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
        dir = freshDir(std::string("build-") + info->name());
        src = dir / "src";
        writeFixture(src);
        makeKeys(dir / "keys");
        key = dir / "keys" / "publisher.key";
        out = dir / "bundle";
    }

    // Replaces the first `from` in a source file by `to`.
    void edit(const std::string& file, const std::string& from, const std::string& to) {
        std::string text = readText(src / file);
        size_t at = text.find(from);
        ASSERT_NE(at, std::string::npos) << from;
        text.replace(at, from.size(), to);
        writeText(src / file, text);
    }

    // Builds, expects failure and a message "SRC/file:LINE: ..." where LINE holds `lineText`,
    // containing `what`. Nothing must be written.
    void expectError(const std::string& file, const std::string& lineText,
                     const std::string& what) {
        RunResult r = runBuild(src, key, out);
        EXPECT_EQ(r.exitCode, 1) << r.err;
        int line = lineOf(readText(src / file), lineText);
        ASSERT_GT(line, 0) << lineText;
        std::string where = (src / file).string() + ":" + std::to_string(line) + ":";
        EXPECT_NE(r.err.find(where), std::string::npos) << "want " << where << "\n" << r.err;
        EXPECT_NE(r.err.find(what), std::string::npos) << "want " << what << "\n" << r.err;
        EXPECT_NE(r.err.find("nothing written"), std::string::npos) << r.err;
        EXPECT_FALSE(fs::exists(out));
    }

    fs::path dir, src, key, out;
};

} // namespace

TEST_F(PackBuild, ValidFixtureBuildsAndLoads) {
    RunResult r = runBuild(src, key, out);
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(r.err, "");
    EXPECT_NE(r.out.find("files"), std::string::npos);

    crypto::PublicKey pub;
    std::string err;
    ASSERT_TRUE(crypto::readPublicKey(dir / "keys" / "publisher.pub", pub, err)) << err;
    std::vector<std::string> problems;
    auto bundle = openPackedBundle(out, pub, VerifyLevel::Full, problems);
    ASSERT_TRUE(bundle) << (problems.empty() ? "" : problems[0]);
    EXPECT_EQ(bundle->manifest.created, 1795737600); // 2026-11-27T00:00:00Z
    EXPECT_EQ(bundle->manifest.expires, 1795737600 + 365 * 86400);
    for (const char* name : {"content.db", "media/photos/p1.jpg", "media/thumbs/p1.jpg",
                             "media/photos/p2.jpg", "media/thumbs/p2.jpg"})
        EXPECT_FALSE(bundle->pathOf(name).empty()) << name;

    Content c;
    ASSERT_TRUE(loadContent(*bundle, c, err)) << err;
    EXPECT_EQ(c.version, 1u);
    ASSERT_EQ(c.modules.size(), 4u);
    EXPECT_EQ(c.modules[3].id, "invest");
    ASSERT_EQ(c.site.keyFigures.size(), 1u);
    EXPECT_DOUBLE_EQ(c.site.keyFigures[0].value, 52.3);
    ASSERT_EQ(c.parks.size(), 2u);
    const Park& etdz = c.parks[0];
    EXPECT_EQ(etdz.level, ParkLevel::National);
    ASSERT_EQ(etdz.rankings.size(), 1u);
    EXPECT_EQ(etdz.rankings[0].rank, 24);
    EXPECT_EQ(etdz.rankings[0].of, 219);
    EXPECT_EQ(etdz.honours.size(), 1u);
    EXPECT_EQ(etdz.figures.size(), 1u);
    EXPECT_EQ(etdz.industries, std::vector<std::string>{"aviation"});
    EXPECT_NEAR(etdz.x, 13297113.2, 1.0); // Web Mercator of lon 119.45
    ASSERT_EQ(c.industries.size(), 1u);
    EXPECT_EQ(c.industries[0].color, 0x3F51B5u);
    ASSERT_EQ(c.industries[0].nodes.size(), 1u);
    EXPECT_EQ(c.industries[0].nodes[0].stage, ChainStage::Upstream);
    EXPECT_EQ(c.industries[0].nodes[0].parks, std::vector<std::string>{"zj-etdz"});
    EXPECT_EQ(c.industries[0].nodes[0].enterprises.size(), 1u);
    ASSERT_EQ(c.photos.size(), 2u);
    EXPECT_EQ(c.photos[0].width, 640);
    EXPECT_EQ(c.photos[0].thumbWidth, 512);
    EXPECT_EQ(c.photos[1].width, 2560); // 3000x2000 scaled to the display size
    EXPECT_EQ(c.photos[1].height, 1707);
    EXPECT_EQ(c.photos[1].thumb, "media/thumbs/p2.jpg");
    ASSERT_EQ(c.districts.size(), 2u);
    for (const auto& d : c.districts)
        for (const auto& band : d.bands) {
            EXPECT_GE(band.triangles.size(), 12u) << d.id; // a square: two triangles
            EXPECT_EQ(band.triangles.size() % 6, 0u);
            ASSERT_EQ(band.outlines.size(), 1u);
            // A square whose free corners smoothing rounds (each pass cuts at most 150 m), closed.
            const auto& ring = band.outlines[0];
            EXPECT_GE(ring.size(), 10u);
            EXPECT_EQ(ring[0], ring[ring.size() - 2]);
            EXPECT_EQ(ring[1], ring[ring.size() - 1]);
            double area = 0;
            for (size_t k = 0; k + 5 < band.triangles.size(); k += 6)
                area += std::abs((band.triangles[k + 2] - band.triangles[k]) *
                                     (band.triangles[k + 5] - band.triangles[k + 1]) -
                                 (band.triangles[k + 4] - band.triangles[k]) *
                                     (band.triangles[k + 3] - band.triangles[k + 1])) /
                        2;
            double square = double(d.maxX - d.minX) * double(d.maxY - d.minY);
            EXPECT_NEAR(area, square, 0.03 * square) << d.id; // corners and simplification
        }
    EXPECT_GT(c.districts[0].labelX, c.districts[0].minX);
    EXPECT_LT(c.districts[0].labelX, c.districts[0].maxX);
    EXPECT_EQ(c.projects.size(), 1u);
    EXPECT_EQ(c.projectFigures.size(), 1u);
    EXPECT_EQ(c.policies.size(), 1u);
    EXPECT_EQ(c.events.size(), 1u);
    EXPECT_EQ(c.contacts.size(), 1u);
    EXPECT_EQ(c.attract.photos.size(), 2u);
    ASSERT_EQ(c.tours.size(), 1u);
    EXPECT_EQ(c.tours[0].stops.size(), 1u);
    EXPECT_EQ(c.attributions.size(), 1u);
    EXPECT_FALSE(c.video.has_value());
    EXPECT_NE(c.glyphText.find("镇"), std::string::npos);
    EXPECT_NE(c.glyphText.find("²"), std::string::npos);
}

TEST_F(PackBuild, Reproducible) {
    ASSERT_EQ(runBuild(src, key, out).exitCode, 0);
    fs::path second = dir / "bundle2";
    ASSERT_EQ(runBuild(src, key, second).exitCode, 0);
    size_t files = 0;
    for (const auto& entry : fs::recursive_directory_iterator(out)) {
        if (!entry.is_regular_file()) continue;
        fs::path rel = fs::relative(entry.path(), out);
        ASSERT_TRUE(fs::exists(second / rel)) << rel;
        EXPECT_EQ(readText(entry.path()), readText(second / rel)) << rel;
        ++files;
    }
    EXPECT_GE(files, 7u); // manifest, signature, content.db, 4 images
}

TEST_F(PackBuild, BadTomlSyntax) {
    edit("parks.toml", "short       = { zh = \"镇江经开区\", en = \"Zhenjiang ETDZ\" }",
         "short       = { zh = \"镇江经开区\", en = ");
    expectError("parks.toml", "short       = { zh = \"镇江经开区\"", "bad TOML");
}

TEST_F(PackBuild, UnknownField) {
    edit("parks.toml", "approximate = true", "approximate = true\ncolour = \"red\"");
    expectError("parks.toml", "colour", "park[zj-etdz].colour: unknown field");
}

TEST_F(PackBuild, UnknownTextLanguage) {
    edit("modules.toml", "subtitle = { zh = \"城市\", en = \"The city\" }",
         "subtitle = { zh = \"城市\", en = \"The city\", fr = \"La ville\" }");
    expectError("modules.toml", "La ville", "module[city].subtitle.fr: unknown field");
}

TEST_F(PackBuild, MissingRequiredField) {
    edit("parks.toml", "kind        = { zh = \"国家级经济技术开发区\", en = \"National ETDZ\" }\n",
         "");
    // reported at the [[park]] table
    expectError("parks.toml", "[[park]]", "park[zj-etdz].kind: missing");
}

TEST_F(PackBuild, EmptyTextIsAnError) {
    edit("districts.toml", "name = { zh = \"京口区\", en = \"Jingkou District\" }", "name = {}");
    expectError("districts.toml", "name = {}", "district[321102].name: empty text");
}

TEST_F(PackBuild, MissingTranslationIsAWarning) {
    edit("parks.toml", "intro       = { zh = \"介绍\", en = \"Intro\" }",
         "intro       = { zh = \"介绍\" }");
    RunResult r = runBuild(src, key, out);
    EXPECT_EQ(r.exitCode, 0) << r.err;
    int line = lineOf(readText(src / "parks.toml"), "intro       = { zh = \"介绍\" }");
    std::string want = (src / "parks.toml").string() + ":" + std::to_string(line) +
                       ": park[zj-etdz].intro: warning: missing translation (en)";
    EXPECT_NE(r.err.find(want), std::string::npos) << r.err;
    EXPECT_TRUE(fs::exists(out / "manifest.json"));
}

TEST_F(PackBuild, DanglingParkReference) {
    edit("projects.toml", "park       = \"zj-etdz\"", "park       = \"no-such-park\"");
    expectError("projects.toml", "no-such-park", "no park with id 'no-such-park'");
}

TEST_F(PackBuild, DanglingIndustryReference) {
    edit("parks.toml", "industries  = [\"aviation\"]", "industries  = [\"aviation\", \"robots\"]");
    expectError("parks.toml", "robots",
                "park[zj-etdz].industries[1]: no industry with id 'robots'");
}

TEST_F(PackBuild, DanglingPhotoReference) {
    edit("modules.toml", "photo    = \"p2\"", "photo    = \"p9\"");
    expectError("modules.toml", "\"p9\"", "module[map].photo: no photo with id 'p9'");
}

TEST_F(PackBuild, DanglingDistrictReference) {
    edit("parks.toml", "district    = \"321111\"", "district    = \"999999\"");
    expectError("parks.toml", "999999", "no district with id '999999'");
}

TEST_F(PackBuild, DuplicateId) {
    edit("photos.toml", "id      = \"p2\"", "id      = \"p1\"");
    std::string text = readText(src / "photos.toml");
    int first = lineOf(text, "id      = \"p1\"");
    // the second occurrence is the duplicate
    size_t secondAt = text.find("id      = \"p1\"", text.find("id      = \"p1\"") + 1);
    ASSERT_NE(secondAt, std::string::npos);
    RunResult r = runBuild(src, key, out);
    EXPECT_EQ(r.exitCode, 1);
    int secondLine = 1 + int(std::count(text.begin(), text.begin() + long(secondAt), '\n'));
    std::string want = (src / "photos.toml").string() + ":" + std::to_string(secondLine) +
                       ": photo[p1].id: duplicate photo id 'p1' (first at " +
                       (src / "photos.toml").string() + ":" + std::to_string(first) + ")";
    EXPECT_NE(r.err.find(want), std::string::npos) << want << "\n" << r.err;
    EXPECT_FALSE(fs::exists(out));
}

TEST_F(PackBuild, BadIdFormat) {
    edit("policies.toml", "id     = \"regional-assessment\"", "id     = \"Regional_Assessment\"");
    expectError("policies.toml", "Regional_Assessment", "is not an id");
}

TEST_F(PackBuild, MissingMediaFile) {
    fs::remove(src / "media/photos/p2.jpg");
    expectError("photos.toml", "media/photos/p2.jpg",
                "photo[p2].file: media/photos/p2.jpg: file not found");
}

TEST_F(PackBuild, UndecodableImage) {
    writeText(src / "media/photos/p2.jpg", std::string("\xFF\xD8\xFF\xE0", 4) + "garbage garbage");
    expectError("photos.toml", "media/photos/p2.jpg", "undecodable image");
}

TEST_F(PackBuild, TooLargeImage) {
    // A PNG whose IHDR claims 30000x30000 pixels: refused from the header, before decoding.
    std::string png("\x89PNG\r\n\x1a\n", 8);
    png += std::string("\0\0\0\x0dIHDR", 8);
    png += std::string("\0\0\x75\x30\0\0\x75\x30", 8); // width, height = 30000
    png += std::string("\x08\x02\0\0\0", 5);           // 8 bit RGB, no interlace
    png += std::string("\0\0\0\0", 4);                 // CRC (not checked by stbi_info)
    ASSERT_EQ(png.size(), 33u);
    writeText(src / "media/photos/p1.png", png);
    expectError("photos.toml", "media/photos/p1.png", "too large (30000x30000");
}

TEST_F(PackBuild, WrongKindOfMedia) {
    writeText(src / "media/photos/notes.txt", "this is text, not a photo\n");
    edit("photos.toml", "media/photos/p2.jpg", "media/photos/notes.txt");
    expectError("photos.toml", "media/photos/notes.txt", "not a JPEG or PNG image");
}

TEST_F(PackBuild, MediaPathOutsideContent) {
    edit("photos.toml", "media/photos/p2.jpg", "../p2.jpg");
    expectError("photos.toml", "../p2.jpg", "must be a relative path inside the content folder");
}

TEST_F(PackBuild, VideoThatDoesNotPlay) {
    std::string site = readText(src / "site.toml");
    writeText(src / "site.toml", site + R"x(
[video]
file         = "media/video/promo.mp4"
subtitles_zh = "media/video/promo.zh.srt"
subtitles_en = "media/video/promo.en.srt"
title        = { zh = "影片", en = "Film" }
)x");
    std::string garbage = std::string("\0\0\0\x18"
                                      "ftypmp42",
                                      12) +
                          std::string(200, '\x42');
    writeText(src / "media/video/promo.mp4", garbage);
    writeText(src / "media/video/promo.zh.srt", "1\n00:00:00,000 --> 00:00:02,000\n你好\n");
    writeText(src / "media/video/promo.en.srt", "no cues here\n");
    RunResult r = runBuild(src, key, out);
    EXPECT_EQ(r.exitCode, 1);
    std::string text = readText(src / "site.toml");
    std::string mp4 = (src / "site.toml").string() + ":" +
                      std::to_string(lineOf(text, "file         = \"media/video/promo.mp4\"")) +
                      ": video.file: media/video/promo.mp4: does not play";
    std::string srt = (src / "site.toml").string() + ":" +
                      std::to_string(lineOf(text, "subtitles_en")) +
                      ": video.subtitles_en: media/video/promo.en.srt: no subtitle cue";
    EXPECT_NE(r.err.find(mp4), std::string::npos) << mp4 << "\n" << r.err;
    EXPECT_NE(r.err.find(srt), std::string::npos) << srt << "\n" << r.err;
    EXPECT_FALSE(fs::exists(out));
}

TEST_F(PackBuild, VideoThatPlays) {
    fs::path content = fs::path(ZJ_SOURCE_DIR) / "content" / "media" / "video";
    if (!fs::exists(content / "promo.mp4")) GTEST_SKIP() << "no content/media/video/promo.mp4 yet";
    std::string site = readText(src / "site.toml");
    writeText(src / "site.toml", site + R"x(
[video]
file         = "media/video/promo.mp4"
subtitles_zh = "media/video/promo.zh.srt"
subtitles_en = "media/video/promo.en.srt"
title        = { zh = "影片", en = "Film" }
sample       = true
)x");
    fs::create_directories(src / "media/video");
    fs::copy_file(content / "promo.mp4", src / "media/video/promo.mp4");
    writeText(src / "media/video/promo.zh.srt", "1\n00:00:00,000 --> 00:00:02,000\n字幕测试\n");
    writeText(src / "media/video/promo.en.srt", "\xEF\xBB\xBF"
                                                "1\r\n00:00:00,000 --> 00:00:02,000\r\nHello\r\n");
    RunResult r = runBuild(src, key, out);
    ASSERT_EQ(r.exitCode, 0) << r.err;
    Content c;
    std::string err;
    crypto::PublicKey pub;
    ASSERT_TRUE(crypto::readPublicKey(dir / "keys" / "publisher.pub", pub, err));
    std::vector<std::string> problems;
    auto bundle = openPackedBundle(out, pub, VerifyLevel::Full, problems);
    ASSERT_TRUE(bundle);
    ASSERT_TRUE(loadContent(*bundle, c, err)) << err;
    ASSERT_TRUE(c.video.has_value());
    EXPECT_GT(c.video->width, 0);
    EXPECT_GT(c.video->duration, 0.0);
    EXPECT_FALSE(bundle->pathOf("media/video/promo.mp4").empty());
    EXPECT_FALSE(bundle->pathOf("media/video/promo.en.srt").empty());
    EXPECT_NE(c.glyphText.find("幕"), std::string::npos); // subtitles are in the glyph set
}

TEST_F(PackBuild, MalformedGeoJson) {
    std::string geo = readText(src / "geo/zhenjiang-districts.geojson");
    writeText(src / "geo/zhenjiang-districts.geojson",
              geo.substr(0, geo.find("\n{\"type\": \"Feature\", \"id\": \"321111\"")) +
                  "\n{\"type\": ]");
    expectError("geo/zhenjiang-districts.geojson", "{\"type\": ]", "malformed JSON");
}

// Found by fuzz_geojson in an hour-long run: a number beyond a double's range made nlohmann's
// parser throw out_of_range, which was not caught: zjmap-pack died instead of naming the line.
TEST_F(PackBuild, GeoJsonNumberOverflow) {
    edit("geo/zhenjiang-districts.geojson", "[[[119.4, 32.1], [119.5, 32.1]",
         "[[[119.4, 32.1], [1" + std::string(400, '0') + ", 32.1]");
    expectError("geo/zhenjiang-districts.geojson", std::string(400, '0'), "number overflow");
}

TEST_F(PackBuild, GeoJsonFeatureMissing) {
    edit("districts.toml", "id   = \"321111\"", "id   = \"321112\"");
    expectError("districts.toml", "321112", "no feature with id '321112'");
}

TEST_F(PackBuild, SelfIntersectingRing) {
    // A bow tie: the ring's edges cross in the middle.
    edit("geo/zhenjiang-districts.geojson",
         "[[[119.4, 32.1], [119.5, 32.1], [119.5, 32.2], [119.4, 32.2], [119.4, 32.1]]]",
         "[[[119.4, 32.1], [119.5, 32.2], [119.5, 32.1], [119.4, 32.2], [119.4, 32.1]]]");
    expectError("geo/zhenjiang-districts.geojson", "\"321102\"",
                "feature[321102].geometry: self-intersecting ring: edges cross near 119.45");
}

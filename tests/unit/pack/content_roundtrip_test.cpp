// The real demo content (content/) packed, verified and loaded back; and the loader's defences
// against a content.db that is not what it should be.
#include "core/bundle/bundle.hpp"
#include "core/content/schema.hpp"
#include "core/content/store.hpp"
#include "pack_test_util.hpp"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <chrono>

namespace fs = std::filesystem;
using namespace zj;
using namespace zj::test;

TEST(ContentRoundTrip, DemoContent) {
    fs::path content = fs::path(ZJ_SOURCE_DIR) / "content";
    ASSERT_TRUE(fs::exists(content / "site.toml"))
        << "the demo content is missing at " << content << ": this test needs content/ of the repo";
    fs::path dir = freshDir("roundtrip");
    makeKeys(dir / "keys");
    auto started = std::chrono::steady_clock::now();
    RunResult r = runBuild(content, dir / "keys" / "publisher.key", dir / "bundle");
    double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    ASSERT_EQ(r.exitCode, 0) << r.err;
    std::printf("demo content: %s", r.out.c_str());
    std::printf("demo content: pack %.2f s (wall, including process start)\n", seconds);

    crypto::PublicKey pub;
    std::string err;
    ASSERT_TRUE(crypto::readPublicKey(dir / "keys" / "publisher.pub", pub, err)) << err;
    std::vector<std::string> problems;
    auto bundle = openPackedBundle(dir / "bundle", pub, VerifyLevel::Full, problems);
    ASSERT_TRUE(bundle) << (problems.empty() ? "" : problems[0]);
    Content c;
    ASSERT_TRUE(loadContent(*bundle, c, err)) << err;

    // the four modules, in display order
    ASSERT_EQ(c.modules.size(), 4u);
    EXPECT_EQ(c.modules[0].id, "city");
    EXPECT_EQ(c.modules[1].id, "map");
    EXPECT_EQ(c.modules[2].id, "industry");
    EXPECT_EQ(c.modules[3].id, "invest");
    EXPECT_EQ(c.module("city")->title.zh, "走进镇江");

    // key figures of 2019: 52.3 % of GDP
    const KeyFigure* gdp = nullptr;
    for (const auto& k : c.site.keyFigures)
        if (k.id == "gdp") gdp = &k;
    ASSERT_TRUE(gdp);
    EXPECT_DOUBLE_EQ(gdp->value, 52.3);
    EXPECT_EQ(gdp->unit, "%");
    EXPECT_EQ(gdp->year, 2019);
    EXPECT_GE(c.site.keyFigures.size(), 5u);

    // Zhenjiang ETDZ: national, 24th of 219
    const Park* etdz = c.park("zj-etdz");
    ASSERT_TRUE(etdz);
    EXPECT_EQ(etdz->level, ParkLevel::National);
    EXPECT_EQ(etdz->short_.en, "Zhenjiang ETDZ");
    bool ranked = false;
    for (const auto& k : etdz->rankings) ranked = ranked || (k.rank == 24 && k.of == 219);
    EXPECT_TRUE(ranked);
    EXPECT_GT(etdz->x, 13.2e6); // Web Mercator metres
    EXPECT_GE(c.parks.size(), 9u);

    // six districts, each with triangles in every band, labels inside their bounds
    ASSERT_EQ(c.districts.size(), 6u);
    for (const auto& d : c.districts) {
        for (const auto& band : d.bands) {
            EXPECT_FALSE(band.triangles.empty()) << d.id;
            EXPECT_FALSE(band.outlines.empty()) << d.id;
        }
        EXPECT_LE(d.bands[0].triangles.size(), d.bands[2].triangles.size()) << d.id;
        EXPECT_GT(d.labelX, d.minX);
        EXPECT_LT(d.labelX, d.maxX);
    }
    EXPECT_LT(c.mapMinX, c.mapMaxX);

    EXPECT_EQ(c.industries.size(), 7u);
    EXPECT_GE(c.photos.size(), 40u);
    for (const auto& p : c.photos) {
        EXPECT_FALSE(bundle->pathOf(p.file).empty()) << p.file;
        EXPECT_FALSE(bundle->pathOf(p.thumb).empty()) << p.thumb;
        EXPECT_LE(std::max(p.width, p.height), 2560);
        EXPECT_LE(std::max(p.thumbWidth, p.thumbHeight), 512);
    }
    EXPECT_TRUE(c.video.has_value());
    EXPECT_FALSE(c.glyphText.empty());
    EXPECT_NE(c.glyphText.find("镇"), std::string::npos);
    EXPECT_FALSE(c.attributions.empty());
    EXPECT_FALSE(c.tours.empty());
    std::printf("demo content: bundle %llu bytes in %zu files, glyph text %zu bytes\n",
                (unsigned long long)bundle->manifest.totalSize(), bundle->manifest.files.size(),
                c.glyphText.size());
}

TEST(ContentStore, MissingFileIsAnError) {
    Content c;
    std::string err;
    EXPECT_FALSE(loadContentFromDb(freshDir("store-missing") / "content.db", c, err));
    EXPECT_NE(err.find("not found"), std::string::npos) << err;
}

TEST(ContentStore, GarbageFileIsAnErrorNotACrash) {
    fs::path db = freshDir("store-garbage") / "content.db";
    writeText(db, std::string(8192, '\x5a'));
    Content c;
    std::string err;
    EXPECT_FALSE(loadContentFromDb(db, c, err));
    EXPECT_NE(err.find("content.db"), std::string::npos) << err;
}

TEST(ContentStore, WrongSchemaVersionIsRefused) {
    fs::path db = freshDir("store-version") / "content.db";
    sqlite3* h = nullptr;
    ASSERT_EQ(sqlite3_open(db.c_str(), &h), SQLITE_OK);
    sqlite3_exec(h, contentSchemaSql(), nullptr, nullptr, nullptr);
    sqlite3_exec(h, "PRAGMA user_version = 99", nullptr, nullptr, nullptr);
    sqlite3_close(h);
    Content c;
    std::string err;
    EXPECT_FALSE(loadContentFromDb(db, c, err));
    EXPECT_NE(err.find("schema version 99"), std::string::npos) << err;
}

// A bundle from before the base map (schema 1, no map_feature tables) is refused by name, and
// so is one from a newer pack: neither is half-read.
TEST(ContentStore, OlderAndNewerSchemasAreRefusedClearly) {
    for (int version : {kContentSchemaVersion - 1, kContentSchemaVersion + 1}) {
        fs::path db = freshDir("store-version-" + std::to_string(version)) / "content.db";
        sqlite3* h = nullptr;
        ASSERT_EQ(sqlite3_open(db.c_str(), &h), SQLITE_OK);
        sqlite3_exec(h, contentSchemaSql(), nullptr, nullptr, nullptr);
        sqlite3_exec(h, ("PRAGMA user_version = " + std::to_string(version)).c_str(), nullptr,
                     nullptr, nullptr);
        sqlite3_close(h);
        Content c;
        std::string err;
        EXPECT_FALSE(loadContentFromDb(db, c, err));
        EXPECT_NE(err.find("schema version " + std::to_string(version)), std::string::npos) << err;
        EXPECT_NE(err.find(version < kContentSchemaVersion ? "older" : "newer"), std::string::npos)
            << err;
        EXPECT_TRUE(c.mapFeatures.empty() && c.districts.empty());
    }
}

TEST(ContentStore, MissingTableIsAnError) {
    fs::path db = freshDir("store-table") / "content.db";
    sqlite3* h = nullptr;
    ASSERT_EQ(sqlite3_open(db.c_str(), &h), SQLITE_OK);
    sqlite3_exec(h, contentSchemaSql(), nullptr, nullptr, nullptr);
    sqlite3_exec(h, "DROP TABLE park; INSERT INTO site VALUES ('','','','','','','','',0,0);",
                 nullptr, nullptr, nullptr);
    sqlite3_exec(h, ("PRAGMA user_version = " + std::to_string(kContentSchemaVersion)).c_str(),
                 nullptr, nullptr, nullptr);
    sqlite3_close(h);
    Content c;
    std::string err;
    EXPECT_FALSE(loadContentFromDb(db, c, err));
    EXPECT_NE(err.find("table park"), std::string::npos) << err;
}

TEST(ContentStore, MalformedGeometryBlobIsAnError) {
    fs::path db = freshDir("store-blob") / "content.db";
    sqlite3* h = nullptr;
    ASSERT_EQ(sqlite3_open(db.c_str(), &h), SQLITE_OK);
    sqlite3_exec(h, contentSchemaSql(), nullptr, nullptr, nullptr);
    sqlite3_exec(h,
                 "INSERT INTO site VALUES ('','','','','','','','',0,0);"
                 "INSERT INTO district VALUES (0,'d','','',0,0,0,0,0,0);"
                 "INSERT INTO district_geometry VALUES ('d',0,1,x'010203',x'');",
                 nullptr, nullptr, nullptr);
    sqlite3_exec(h, ("PRAGMA user_version = " + std::to_string(kContentSchemaVersion)).c_str(),
                 nullptr, nullptr, nullptr);
    sqlite3_close(h);
    Content c;
    std::string err;
    EXPECT_FALSE(loadContentFromDb(db, c, err));
    EXPECT_NE(err.find("triangles blob is malformed"), std::string::npos) << err;
}

TEST(ContentStore, GeometryBlobsRoundTrip) {
    std::vector<std::vector<float>> strips = {{0, 0, 1, 0, 1, 1, 0, 0}, {5, 5, 6, 6}};
    std::string blob = stripsToBlob(strips);
    EXPECT_EQ(blob.size(), (8 + 2 + 4) * 4u);
    std::vector<std::vector<float>> back;
    ASSERT_TRUE(blobToStrips(blob.data(), blob.size(), back));
    EXPECT_EQ(back, strips);
    EXPECT_FALSE(blobToStrips(blob.data(), blob.size() - 1, back));
}

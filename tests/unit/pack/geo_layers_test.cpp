// The base-map layers through zjmap-pack: every layer projected, simplified per band,
// triangulated and labelled; river centrelines buffered to their width; a spike in a district's
// source ring removed; bad layers named by file and line.
#include "core/bundle/bundle.hpp"
#include "core/content/schema.hpp"
#include "core/content/store.hpp"
#include "pack_test_util.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace fs = std::filesystem;
using namespace zj;
using namespace zj::test;

namespace {

constexpr const char* kNeighbours = R"x({"type": "FeatureCollection", "features": [
{"type": "Feature", "properties": {"name_zh": "南京市", "name_en": "Nanjing", "adcode": "320100"},
 "geometry": {"type": "Polygon", "coordinates": [[[119.0, 32.0], [119.3, 32.0], [119.3, 32.3], [119.0, 32.3], [119.0, 32.0]]]}}
]}
)x";

// A lake (polygon) and a 2 km wide river given as a centreline 0.3° (~28 km) long.
constexpr const char* kWater = R"x({"type": "FeatureCollection", "features": [
{"type": "Feature", "properties": {"kind": "lake", "name_zh": "湖", "name_en": "Lake", "geometry_kind": "polygon"},
 "geometry": {"type": "Polygon", "coordinates": [[[119.31, 32.21], [119.39, 32.21], [119.39, 32.29], [119.31, 32.29], [119.31, 32.21]]]}},
{"type": "Feature", "properties": {"kind": "river", "name_zh": "长江", "name_en": "Yangtze", "geometry_kind": "centerline", "width_m": 2000},
 "geometry": {"type": "LineString", "coordinates": [[119.2, 32.25], [119.5, 32.25]]}}
]}
)x";

constexpr const char* kTransport = R"x({"type": "FeatureCollection", "features": [
{"type": "Feature", "properties": {"kind": "railway", "name": null, "scalerank": 4},
 "geometry": {"type": "LineString", "coordinates": [[119.0, 32.05], [119.2, 32.1], [119.5, 32.12]]}},
{"type": "Feature", "properties": {"kind": "road", "scalerank": 4},
 "geometry": {"type": "LineString", "coordinates": [[119.0, 32.0], [119.5, 32.0]]}}
]}
)x";

constexpr const char* kPlaces = R"x({"type": "FeatureCollection", "features": [
{"type": "Feature", "properties": {"kind": "city", "name": "Nanjing", "name_zh": "南京", "distance_km": 65.4, "travel_minutes": 20, "travel_sample": true},
 "geometry": {"type": "Point", "coordinates": [118.778, 32.052]}},
{"type": "Feature", "properties": {"kind": "airport", "name": "Lukou", "name_zh": "禄口机场", "iata_code": "NKG", "distance_km": 75.5},
 "geometry": {"type": "Point", "coordinates": [118.866, 31.735]}}
]}
)x";

class GeoLayers : public ::testing::Test {
  protected:
    void SetUp() override {
        const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
        dir = freshDir(std::string("layers-") + info->name());
        src = dir / "src";
        writeFixture(src);
        writeText(src / "geo/neighbours.geojson", kNeighbours);
        writeText(src / "geo/water.geojson", kWater);
        writeText(src / "geo/transport.geojson", kTransport);
        writeText(src / "geo/places.geojson", kPlaces);
        makeKeys(dir / "keys");
        key = dir / "keys" / "publisher.key";
        out = dir / "bundle";
    }

    bool buildAndLoad(Content& c) {
        RunResult r = runBuild(src, key, out);
        EXPECT_EQ(r.exitCode, 0) << r.err;
        if (r.exitCode != 0) return false;
        crypto::PublicKey pub;
        std::string err;
        EXPECT_TRUE(crypto::readPublicKey(dir / "keys" / "publisher.pub", pub, err)) << err;
        std::vector<std::string> problems;
        auto bundle = openPackedBundle(out, pub, VerifyLevel::Full, problems);
        EXPECT_TRUE(bundle);
        if (!bundle) return false;
        EXPECT_TRUE(loadContent(*bundle, c, err)) << err;
        return err.empty();
    }

    const MapFeature* find(const Content& c, MapFeatureKind kind, const std::string& en) {
        for (const auto& f : c.mapFeatures)
            if (f.kind == kind && (en.empty() || f.name.en == en)) return &f;
        return nullptr;
    }

    fs::path dir, src, key, out;
};

double triangleArea(const std::vector<float>& t) {
    double total = 0;
    for (size_t i = 0; i + 5 < t.size(); i += 6)
        total += std::abs((t[i + 2] - t[i]) * (t[i + 5] - t[i + 1]) -
                          (t[i + 4] - t[i]) * (t[i + 3] - t[i + 1])) /
                 2;
    return total;
}

} // namespace

TEST_F(GeoLayers, EveryLayerIsProjectedSimplifiedAndTriangulated) {
    Content c;
    ASSERT_TRUE(buildAndLoad(c));
    // The road is not a kind the map draws yet; everything else arrives.
    ASSERT_EQ(c.mapFeatures.size(), 6u);
    for (MapFeatureKind kind : {MapFeatureKind::Neighbour, MapFeatureKind::Water}) {
        const MapFeature* f = find(c, kind, "");
        ASSERT_TRUE(f) << mapFeatureKindName(kind);
        // Web Mercator metres (about 13.2e6 east, 3.7e6 north here), not degrees.
        EXPECT_GT(f->minX, 13.0e6f);
        EXPECT_GT(f->minY, 3.6e6f);
        for (int b = 0; b < kMapBands; ++b) {
            EXPECT_FALSE(f->bands[size_t(b)].triangles.empty()) << f->id << " band " << b;
            EXPECT_FALSE(f->bands[size_t(b)].outlines.empty()) << f->id << " band " << b;
            EXPECT_GT(f->bands[size_t(b)].tolerance, 0);
        }
        EXPECT_GT(f->bands[0].tolerance, f->bands[2].tolerance); // coarse -> fine
        // The label point lies inside the bounds.
        EXPECT_TRUE(f->labelX > f->minX && f->labelX < f->maxX && f->labelY > f->minY &&
                    f->labelY < f->maxY)
            << f->id;
    }
    const MapFeature* nanjing = find(c, MapFeatureKind::Neighbour, "Nanjing");
    ASSERT_TRUE(nanjing);
    EXPECT_EQ(nanjing->name.zh, "南京市");
    EXPECT_EQ(nanjing->id, "neighbours-320100");

    const MapFeature* rail = find(c, MapFeatureKind::Railway, "");
    ASSERT_TRUE(rail);
    EXPECT_EQ(rail->rank, 4);
    for (int b = 0; b < kMapBands; ++b) {
        ASSERT_EQ(rail->bands[size_t(b)].outlines.size(), 1u);
        EXPECT_TRUE(rail->bands[size_t(b)].triangles.empty()); // a line, not an area
        EXPECT_GE(rail->bands[size_t(b)].outlines[0].size(), 4u);
    }

    const MapFeature* airport = find(c, MapFeatureKind::Airport, "Lukou");
    ASSERT_TRUE(airport);
    EXPECT_EQ(airport->code, "NKG");
    EXPECT_DOUBLE_EQ(airport->distanceKm, 75.5);
    const MapFeature* city = find(c, MapFeatureKind::City, "Nanjing");
    ASSERT_TRUE(city);
    EXPECT_EQ(city->name.zh, "南京");
    EXPECT_DOUBLE_EQ(city->travelMinutes, 20);
    EXPECT_TRUE(city->travelSample); // shown as sample data in the inset
    EXPECT_FALSE(airport->travelSample);
    EXPECT_GT(city->labelX, 13.0e6f);
    // Names of the base map are in the glyph set (the kiosk's font atlas is built from it).
    EXPECT_NE(c.glyphText.find("禄"), std::string::npos);
}

TEST_F(GeoLayers, RiverCentrelineIsBufferedToItsWidth) {
    Content c;
    ASSERT_TRUE(buildAndLoad(c));
    const MapFeature* river = find(c, MapFeatureKind::Water, "Yangtze");
    ASSERT_TRUE(river);
    // 2000 m on the ground is 2000 / cos(32.25°) ≈ 2364 Mercator metres across.
    double across = river->maxY - river->minY;
    EXPECT_NEAR(across, 2000.0 / std::cos(32.25 * M_PI / 180), 60.0);
    double length = river->maxX - river->minX;
    EXPECT_NEAR(triangleArea(river->bands[2].triangles), length * across, 0.05 * length * across);
}

TEST_F(GeoLayers, SpikeInADistrictRingIsRemoved) {
    // A needle ~900 m out of 京口区's north edge, one source grid step (1/1024°) wide.
    std::string geo = readText(src / "geo/zhenjiang-districts.geojson");
    std::string from = "[119.5, 32.2], [119.4, 32.2]";
    size_t at = geo.find(from);
    ASSERT_NE(at, std::string::npos);
    geo.replace(
        at, from.size(),
        "[119.5, 32.2], [119.45, 32.2], [119.4505, 32.208], [119.451, 32.2], [119.4, 32.2]");
    writeText(src / "geo/zhenjiang-districts.geojson", geo);
    Content c;
    ASSERT_TRUE(buildAndLoad(c));
    const District* d = c.district("321102");
    ASSERT_TRUE(d);
    // 32.2° N in Mercator metres; the spike's tip would be ~1060 m further north.
    double top = 6378137.0 * std::log(std::tan(M_PI / 4 + 32.2 * M_PI / 360));
    EXPECT_LT(d->maxY, top + 1.0);
    for (int b = 0; b < kMapBands; ++b)
        for (const auto& ring : d->bands[size_t(b)].outlines)
            for (size_t k = 1; k < ring.size(); k += 2) EXPECT_LT(ring[k], top + 1.0);
}

TEST_F(GeoLayers, CentrelineWithoutWidthIsAnErrorNamingFileAndLine) {
    std::string water = kWater;
    water.replace(water.find(", \"width_m\": 2000"), std::string(", \"width_m\": 2000").size(), "");
    writeText(src / "geo/water.geojson", water);
    RunResult r = runBuild(src, key, out);
    EXPECT_EQ(r.exitCode, 1);
    int line = lineOf(water, "\"centerline\"");
    std::string where = (src / "geo/water.geojson").string() + ":" + std::to_string(line) + ":";
    EXPECT_NE(r.err.find(where), std::string::npos) << where << "\n" << r.err;
    EXPECT_NE(r.err.find("width_m"), std::string::npos) << r.err;
    EXPECT_FALSE(fs::exists(out));
}

TEST_F(GeoLayers, PointLayerWithALineIsAnError) {
    std::string places = kPlaces;
    places.replace(places.find("{\"type\": \"Point\", \"coordinates\": [118.778, 32.052]}"),
                   std::string("{\"type\": \"Point\", \"coordinates\": [118.778, 32.052]}").size(),
                   "{\"type\": \"LineString\", \"coordinates\": [[118.7, 32.0], [118.8, 32.1]]}");
    writeText(src / "geo/places.geojson", places);
    RunResult r = runBuild(src, key, out);
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_NE(r.err.find("places.geojson:2:"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("a place needs a Point"), std::string::npos) << r.err;
}

TEST_F(GeoLayers, LayersAreOptional) {
    for (const char* f : {"neighbours", "water", "transport", "places"})
        fs::remove(src / "geo" / (std::string(f) + ".geojson"));
    Content c;
    ASSERT_TRUE(buildAndLoad(c));
    EXPECT_TRUE(c.mapFeatures.empty());
    EXPECT_EQ(c.districts.size(), 2u);
}

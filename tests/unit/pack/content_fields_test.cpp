// The field tables (core/content/fields.hpp) against what they generate: the real demo content
// through sources -> content.db -> model compared whole, a model with every field set, the DDL
// against schema 2 as it shipped, and a column the tables know but a bundle lacks.
#include "core/content/fields.hpp"
#include "core/content/schema.hpp"
#include "core/content/store.hpp"
#include "pack/sources.hpp"
#include "pack_test_util.hpp"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <algorithm>
#include <map>
#include <sstream>

namespace fs = std::filesystem;
using namespace zj;
using namespace zj::test;

namespace {

// ---- a readable difference between two models -------------------------------------------------

std::string show(const std::string& v) {
    return "\"" + v.substr(0, 60) + (v.size() > 60 ? "..." : "") + "\"";
}
std::string show(const Text& v) {
    return "{" + show(v.zh) + ", " + show(v.en) + "}";
}
template <class M>
std::string show(const M& v) {
    if constexpr (std::is_enum_v<M>)
        return fields::EnumNames<M>::name(v);
    else if constexpr (std::is_arithmetic_v<M>) {
        std::ostringstream s;
        s.precision(17);
        s << v;
        return s.str();
    } else
        return "(" + std::to_string(v.size()) + " values)";
}

template <class Row>
std::string label(const Row& row, size_t i) {
    if constexpr (requires { row.id; })
        return row.id.empty() ? std::to_string(i) : row.id;
    else
        return std::to_string(i);
}

// Appends "path.column: want X, got Y" for every field of `table` that differs.
template <class T>
void diffRow(const std::string& path, const T& table, const typename T::RowType& want,
             const typename T::RowType& got, std::vector<std::string>& out) {
    fields::forEachField(table, [&](const auto& f) {
        if (!(f.get(want) == f.get(got)))
            out.push_back(path + "." + f.column + ": want " + show(f.get(want)) + ", got " +
                          show(f.get(got)));
    });
}

template <class T, class Items>
void diffRows(const std::string& path, const T& table, const Items& want, const Items& got,
              std::vector<std::string>& out) {
    if (want.size() != got.size())
        out.push_back(path + ": want " + std::to_string(want.size()) + " rows, got " +
                      std::to_string(got.size()));
    for (size_t i = 0; i < std::min(want.size(), got.size()); ++i)
        diffRow(path + "[" + label(want[i], i) + "]", table, want[i], got[i], out);
}

std::vector<std::string> contentDiff(const Content& a, const Content& b) {
    using namespace fields;
    std::vector<std::string> d;
    diffRow("site", kSite, a.site, b.site, d);
    diffRows("key_figure", kKeyFigure, a.site.keyFigures, b.site.keyFigures, d);
    diffRows("module", kModule, a.modules, b.modules, d);
    if (a.glyphText != b.glyphText) d.push_back("glyphText differs");
    diffRows("district", kDistrict, a.districts, b.districts, d);
    for (size_t i = 0; i < std::min(a.districts.size(), b.districts.size()); ++i)
        diffRows("district[" + a.districts[i].id + "].band", kDistrictGeometry,
                 a.districts[i].bands, b.districts[i].bands, d);
    diffRows("map_feature", kMapFeature, a.mapFeatures, b.mapFeatures, d);
    for (size_t i = 0; i < std::min(a.mapFeatures.size(), b.mapFeatures.size()); ++i)
        diffRows("map_feature[" + a.mapFeatures[i].id + "].band", kMapFeatureGeometry,
                 a.mapFeatures[i].bands, b.mapFeatures[i].bands, d);
    diffRows("park", kPark, a.parks, b.parks, d);
    for (size_t i = 0; i < std::min(a.parks.size(), b.parks.size()); ++i) {
        const Park &p = a.parks[i], &q = b.parks[i];
        std::string at = "park[" + p.id + "]";
        if (p.industries != q.industries) d.push_back(at + ".industries differ");
        if (p.photos != q.photos) d.push_back(at + ".photos differ");
        if (p.honours != q.honours) d.push_back(at + ".honours differ");
        diffRows(at + ".ranking", kParkRanking, p.rankings, q.rankings, d);
        diffRows(at + ".figure", kParkFigure, p.figures, q.figures, d);
    }
    diffRows("industry", kIndustry, a.industries, b.industries, d);
    for (size_t i = 0; i < std::min(a.industries.size(), b.industries.size()); ++i) {
        diffRows("industry[" + a.industries[i].id + "].node", kChainNode, a.industries[i].nodes,
                 b.industries[i].nodes, d);
        for (size_t k = 0; k < std::min(a.industries[i].nodes.size(), b.industries[i].nodes.size());
             ++k) {
            const ChainNode &n = a.industries[i].nodes[k], &m = b.industries[i].nodes[k];
            if (n.parks != m.parks) d.push_back("node[" + n.id + "].parks differ");
            if (n.enterprises != m.enterprises)
                d.push_back("node[" + n.id + "].enterprises differ");
        }
    }
    diffRows("project", kProject, a.projects, b.projects, d);
    diffRows("project_figure", kProjectFigure, a.projectFigures, b.projectFigures, d);
    diffRows("policy", kPolicy, a.policies, b.policies, d);
    diffRows("event", kEvent, a.events, b.events, d);
    diffRows("contact", kContact, a.contacts, b.contacts, d);
    diffRows("photo", kPhoto, a.photos, b.photos, d);
    if (a.video.has_value() != b.video.has_value())
        d.push_back("video: present in one only");
    else if (a.video)
        diffRow("video", kVideo, *a.video, *b.video, d);
    diffRow("attract", kAttract, a.attract, b.attract, d);
    if (a.attract.photos != b.attract.photos) d.push_back("attract.photos differ");
    diffRows("tour", kTour, a.tours, b.tours, d);
    for (size_t i = 0; i < std::min(a.tours.size(), b.tours.size()); ++i)
        diffRows("tour[" + a.tours[i].id + "].stop", kTourStop, a.tours[i].stops, b.tours[i].stops,
                 d);
    diffRows("attribution", kAttribution, a.attributions, b.attributions, d);
    if (a.mapMinX != b.mapMinX || a.mapMinY != b.mapMinY || a.mapMaxX != b.mapMaxX ||
        a.mapMaxY != b.mapMaxY)
        d.push_back("map bounds differ");
    if (d.empty() && !(a == b))
        d.push_back("the models differ outside the field tables (a member fields.hpp lacks?)");
    return d;
}

std::string joined(const std::vector<std::string>& lines) {
    std::string out;
    for (size_t i = 0; i < lines.size() && i < 40; ++i) out += "  " + lines[i] + "\n";
    if (lines.size() > 40) out += "  ... and " + std::to_string(lines.size() - 40) + " more\n";
    return out;
}

// Writes `content` as content.db into `dir` and reads it back.
Content roundTrip(const Content& content, const fs::path& dir) {
    std::string bytes, err;
    EXPECT_TRUE(pack::writeContentDb(content, bytes, err)) << err;
    writeText(dir / "content.db", bytes);
    Content back;
    EXPECT_TRUE(loadContentFromDb(dir / "content.db", back, err)) << err;
    return back;
}

} // namespace

// ---- the demo content, whole -------------------------------------------------------------------

TEST(ContentFields, DemoContentRoundTripsWhole) {
    fs::path root = fs::path(ZJ_SOURCE_DIR) / "content";
    ASSERT_TRUE(fs::is_regular_file(root / "site.toml"))
        << "the demo content is missing at " << root << ": this test needs content/ of the repo";
    pack::Sources sources;
    pack::Diagnostics diag;
    pack::loadSources(root, sources, diag);
    pack::validateSources(sources, diag);
    std::vector<BundleInputFile> media;
    std::string subtitleText;
    pack::processMedia(sources, diag, media, subtitleText);
    pack::processGeo(sources, diag);
    ASSERT_EQ(diag.errorCount(), 0u) << "the demo content has errors";
    Content& want = sources.content;
    want.glyphText = pack::collectGlyphs(want, subtitleText);

    // What the pack sets only from outside the sources must be there, or the comparison is weak.
    ASSERT_FALSE(want.parks.empty());
    ASSERT_FALSE(want.districts.empty());
    ASSERT_FALSE(want.mapFeatures.empty());
    ASSERT_FALSE(want.districts[0].bands[2].triangles.empty());
    ASSERT_GT(want.photos.at(0).width, 0);

    Content got = roundTrip(want, freshDir("fields-demo"));
    got.version = want.version; // the bundle's manifest gives it, not content.db
    std::vector<std::string> diff = contentDiff(want, got);
    EXPECT_TRUE(diff.empty()) << "content -> content.db -> content differs:\n" << joined(diff);
    EXPECT_TRUE(want == got);
}

// ---- every field set ---------------------------------------------------------------------------

namespace {

// Gives every field of `row` a value unlike its default (and unlike the other fields').
struct Filler {
    int n = 0;
    void fill(std::string& v) { v = "s" + std::to_string(++n) + " 镇江"; }
    void fill(Text& v) {
        fill(v.zh);
        fill(v.en);
    }
    void fill(bool& v) { v = true; }
    template <class M>
    void fill(M& v) {
        if constexpr (std::is_enum_v<M>)
            v = M(1 + (++n % 2)); // a value other than the first
        else if constexpr (std::is_floating_point_v<M>)
            v = M(++n) + M(0.25);
        else if constexpr (std::is_integral_v<M>)
            v = M(++n);
        else if constexpr (std::is_same_v<M, std::vector<float>>)
            v = {1, 2, 3, 4, 5, float(++n)};
        else
            v = {{0, 0, 1, 0, 1, float(++n)}, {5, 5, 6, 6}};
    }
    template <class T>
    typename T::RowType row(const T& table) {
        typename T::RowType r{};
        fields::forEachField(table, [&](const auto& f) { fill(f.get(r)); });
        return r;
    }
};

Content filledContent() {
    using namespace fields;
    Filler f;
    Content c;
    c.site = f.row(kSite);
    c.site.keyFigures = {f.row(kKeyFigure), f.row(kKeyFigure)};
    c.modules = {f.row(kModule)};
    c.glyphText = "镇江";
    District d = f.row(kDistrict);
    for (auto& band : d.bands) band = f.row(kDistrictGeometry);
    c.districts = {d};
    MapFeature m = f.row(kMapFeature);
    m.bands[1] = f.row(kMapFeatureGeometry);
    c.mapFeatures = {m, f.row(kMapFeature)}; // the second a point: no geometry rows
    Park p = f.row(kPark);
    p.industries = {f.row(kParkIndustry), f.row(kParkIndustry)};
    p.photos = {f.row(kParkPhoto)};
    p.rankings = {f.row(kParkRanking)};
    p.honours = {f.row(kParkHonour), f.row(kParkHonour)};
    p.figures = {f.row(kParkFigure)};
    c.parks = {p, f.row(kPark)};
    Industry ind = f.row(kIndustry);
    ind.color = 0x3f51b5;
    ChainNode node = f.row(kChainNode);
    node.parks = {f.row(kChainNodePark)};
    node.enterprises = {f.row(kChainNodeEnterprise)};
    ind.nodes = {node, f.row(kChainNode)};
    c.industries = {ind};
    c.projects = {f.row(kProject)};
    c.projectFigures = {f.row(kProjectFigure)};
    c.policies = {f.row(kPolicy)};
    c.events = {f.row(kEvent)};
    c.contacts = {f.row(kContact)};
    c.photos = {f.row(kPhoto), f.row(kPhoto)};
    c.video = f.row(kVideo);
    c.attract = f.row(kAttract);
    c.attract.photos = {f.row(kAttractPhoto)};
    Tour t = f.row(kTour);
    t.stops = {f.row(kTourStop), f.row(kTourStop)};
    c.tours = {t};
    c.attributions = {f.row(kAttribution)};
    computeMapBounds(c);
    return c;
}

} // namespace

TEST(ContentFields, EveryFieldRoundTrips) {
    Content want = filledContent();
    ASSERT_NE(want.parks[0].level, ParkLevel::National); // the filler moved every enum
    ASSERT_TRUE(want.mapFeatures[0].travelSample);
    Content got = roundTrip(want, freshDir("fields-filled"));
    std::vector<std::string> diff = contentDiff(want, got);
    EXPECT_TRUE(diff.empty()) << joined(diff);
    EXPECT_TRUE(want == got);
}

TEST(ContentFields, DiffNamesTheEntityAndTheColumn) {
    Content a = filledContent(), b = a;
    b.parks[1].url = "https://example.org/other";
    b.tours[0].stops[1].note.en = "other";
    std::vector<std::string> diff = contentDiff(a, b);
    ASSERT_EQ(diff.size(), 2u) << joined(diff);
    EXPECT_EQ(diff[0].rfind("park[" + a.parks[1].id + "].url: want ", 0), 0u) << diff[0];
    EXPECT_EQ(diff[1].rfind("tour[" + a.tours[0].id + "].stop[1].note: want ", 0), 0u) << diff[1];
}

// ---- schema 2 on disk --------------------------------------------------------------------------

namespace {

// content.db's DDL as written by hand for schema 2, the version bundles in the field carry.
const char* kSchema2AsShipped = R"sql(
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE site (
  title_zh TEXT NOT NULL, title_en TEXT NOT NULL, subtitle_zh TEXT NOT NULL, subtitle_en TEXT NOT NULL,
  intro_zh TEXT NOT NULL, intro_en TEXT NOT NULL, publisher_zh TEXT NOT NULL, publisher_en TEXT NOT NULL,
  created INTEGER NOT NULL, valid_days INTEGER NOT NULL);
CREATE TABLE key_figure (
  ord INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, value REAL NOT NULL, unit TEXT NOT NULL,
  year INTEGER NOT NULL, label_zh TEXT NOT NULL, label_en TEXT NOT NULL, source_zh TEXT NOT NULL,
  source_en TEXT NOT NULL, sample INTEGER NOT NULL);
CREATE TABLE module (
  ord INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, title_zh TEXT NOT NULL, title_en TEXT NOT NULL,
  subtitle_zh TEXT NOT NULL, subtitle_en TEXT NOT NULL, photo TEXT NOT NULL);
CREATE TABLE district (
  ord INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, name_zh TEXT NOT NULL, name_en TEXT NOT NULL,
  label_x REAL NOT NULL, label_y REAL NOT NULL,
  min_x REAL NOT NULL, min_y REAL NOT NULL, max_x REAL NOT NULL, max_y REAL NOT NULL);
CREATE TABLE district_geometry (
  district_id TEXT NOT NULL, band INTEGER NOT NULL, tolerance REAL NOT NULL,
  triangles BLOB NOT NULL, outlines BLOB NOT NULL, PRIMARY KEY (district_id, band));
CREATE TABLE map_feature (
  ord INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, kind TEXT NOT NULL, name_zh TEXT NOT NULL,
  name_en TEXT NOT NULL, rank INTEGER NOT NULL, label_x REAL NOT NULL, label_y REAL NOT NULL,
  min_x REAL NOT NULL, min_y REAL NOT NULL, max_x REAL NOT NULL, max_y REAL NOT NULL,
  distance_km REAL NOT NULL, code TEXT NOT NULL, travel_minutes REAL NOT NULL,
  travel_sample INTEGER NOT NULL);
CREATE TABLE map_feature_geometry (
  feature_id TEXT NOT NULL, band INTEGER NOT NULL, tolerance REAL NOT NULL,
  triangles BLOB NOT NULL, lines BLOB NOT NULL, PRIMARY KEY (feature_id, band));
CREATE TABLE park (
  ord INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, name_zh TEXT NOT NULL, name_en TEXT NOT NULL,
  short_zh TEXT NOT NULL, short_en TEXT NOT NULL, level TEXT NOT NULL, kind_zh TEXT NOT NULL,
  kind_en TEXT NOT NULL, district TEXT NOT NULL, lon REAL NOT NULL, lat REAL NOT NULL,
  x REAL NOT NULL, y REAL NOT NULL, approximate INTEGER NOT NULL, intro_zh TEXT NOT NULL,
  intro_en TEXT NOT NULL, url TEXT NOT NULL, sample INTEGER NOT NULL);
CREATE TABLE park_industry (park_id TEXT NOT NULL, ord INTEGER NOT NULL, industry_id TEXT NOT NULL,
  PRIMARY KEY (park_id, ord));
CREATE TABLE park_photo (park_id TEXT NOT NULL, ord INTEGER NOT NULL, photo_id TEXT NOT NULL,
  PRIMARY KEY (park_id, ord));
CREATE TABLE park_ranking (
  park_id TEXT NOT NULL, ord INTEGER NOT NULL, text_zh TEXT NOT NULL, text_en TEXT NOT NULL,
  rank INTEGER NOT NULL, of_total INTEGER NOT NULL, year INTEGER NOT NULL, PRIMARY KEY (park_id, ord));
CREATE TABLE park_honour (park_id TEXT NOT NULL, ord INTEGER NOT NULL, text_zh TEXT NOT NULL,
  text_en TEXT NOT NULL, PRIMARY KEY (park_id, ord));
CREATE TABLE park_figure (
  park_id TEXT NOT NULL, ord INTEGER NOT NULL, label_zh TEXT NOT NULL, label_en TEXT NOT NULL,
  value REAL NOT NULL, unit_zh TEXT NOT NULL, unit_en TEXT NOT NULL, sample INTEGER NOT NULL,
  PRIMARY KEY (park_id, ord));
CREATE TABLE industry (
  ord INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, name_zh TEXT NOT NULL, name_en TEXT NOT NULL,
  color INTEGER NOT NULL, summary_zh TEXT NOT NULL, summary_en TEXT NOT NULL, sample INTEGER NOT NULL);
CREATE TABLE chain_node (
  industry_id TEXT NOT NULL, ord INTEGER NOT NULL, id TEXT NOT NULL UNIQUE, stage TEXT NOT NULL,
  name_zh TEXT NOT NULL, name_en TEXT NOT NULL, sample INTEGER NOT NULL,
  PRIMARY KEY (industry_id, ord));
CREATE TABLE chain_node_park (node_id TEXT NOT NULL, ord INTEGER NOT NULL, park_id TEXT NOT NULL,
  PRIMARY KEY (node_id, ord));
CREATE TABLE chain_node_enterprise (node_id TEXT NOT NULL, ord INTEGER NOT NULL,
  name_zh TEXT NOT NULL, name_en TEXT NOT NULL, PRIMARY KEY (node_id, ord));
CREATE TABLE project (
  ord INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, name_zh TEXT NOT NULL, name_en TEXT NOT NULL,
  summary_zh TEXT NOT NULL, summary_en TEXT NOT NULL, industry TEXT NOT NULL, park TEXT NOT NULL,
  investment REAL NOT NULL, contact TEXT NOT NULL, sample INTEGER NOT NULL);
CREATE TABLE project_figure (
  ord INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, value REAL NOT NULL, unit_zh TEXT NOT NULL,
  unit_en TEXT NOT NULL, label_zh TEXT NOT NULL, label_en TEXT NOT NULL, year INTEGER NOT NULL,
  sample INTEGER NOT NULL);
CREATE TABLE policy (
  ord INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, title_zh TEXT NOT NULL, title_en TEXT NOT NULL,
  body_zh TEXT NOT NULL, body_en TEXT NOT NULL, sample INTEGER NOT NULL);
CREATE TABLE event (
  ord INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, date TEXT NOT NULL, title_zh TEXT NOT NULL,
  title_en TEXT NOT NULL, body_zh TEXT NOT NULL, body_en TEXT NOT NULL, sample INTEGER NOT NULL);
CREATE TABLE contact (
  ord INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, name_zh TEXT NOT NULL, name_en TEXT NOT NULL,
  org_zh TEXT NOT NULL, org_en TEXT NOT NULL, phone TEXT NOT NULL, email TEXT NOT NULL,
  url TEXT NOT NULL, sample INTEGER NOT NULL);
CREATE TABLE photo (
  ord INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, file TEXT NOT NULL, thumb TEXT NOT NULL,
  width INTEGER NOT NULL, height INTEGER NOT NULL, thumb_width INTEGER NOT NULL,
  thumb_height INTEGER NOT NULL, caption_zh TEXT NOT NULL, caption_en TEXT NOT NULL,
  park TEXT NOT NULL, sample INTEGER NOT NULL);
CREATE TABLE video (
  file TEXT NOT NULL, subtitles_zh TEXT NOT NULL, subtitles_en TEXT NOT NULL, title_zh TEXT NOT NULL,
  title_en TEXT NOT NULL, width INTEGER NOT NULL, height INTEGER NOT NULL, duration REAL NOT NULL,
  sample INTEGER NOT NULL);
CREATE TABLE attract (caption_zh TEXT NOT NULL, caption_en TEXT NOT NULL);
CREATE TABLE attract_photo (ord INTEGER PRIMARY KEY, photo_id TEXT NOT NULL);
CREATE TABLE tour (ord INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, title_zh TEXT NOT NULL,
  title_en TEXT NOT NULL);
CREATE TABLE tour_stop (
  tour_id TEXT NOT NULL, ord INTEGER NOT NULL, screen TEXT NOT NULL, selection TEXT NOT NULL,
  note_zh TEXT NOT NULL, note_en TEXT NOT NULL, PRIMARY KEY (tour_id, ord));
CREATE TABLE attribution (ord INTEGER PRIMARY KEY, what_zh TEXT NOT NULL, what_en TEXT NOT NULL,
  source TEXT NOT NULL);
)sql";

// Every table: "name(col type notnull pk, ...) unique(cols)", from SQLite's own view of it.
std::map<std::string, std::string> describe(const char* ddl) {
    sqlite3* db = nullptr;
    sqlite3_open(":memory:", &db);
    char* msg = nullptr;
    EXPECT_EQ(sqlite3_exec(db, ddl, nullptr, nullptr, &msg), SQLITE_OK) << (msg ? msg : "");
    sqlite3_free(msg);
    auto query = [&](const std::string& sql, int columns) {
        std::vector<std::string> rows;
        sqlite3_stmt* s = nullptr;
        sqlite3_prepare_v2(db, sql.c_str(), -1, &s, nullptr);
        while (sqlite3_step(s) == SQLITE_ROW) {
            std::string row;
            for (int i = 0; i < columns; ++i) {
                const unsigned char* t = sqlite3_column_text(s, i);
                row += std::string(i ? " " : "") + (t ? reinterpret_cast<const char*>(t) : "-");
            }
            rows.push_back(row);
        }
        sqlite3_finalize(s);
        return rows;
    };
    std::map<std::string, std::string> out;
    for (const std::string& table :
         query("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name", 1)) {
        std::string d;
        for (const auto& c :
             query("SELECT name, type, \"notnull\", pk FROM pragma_table_info('" + table + "')", 4))
            d += c + ", ";
        for (const auto& index :
             query("SELECT name FROM pragma_index_list('" + table + "') WHERE \"unique\"", 1)) {
            d += "unique(";
            for (const auto& c :
                 query("SELECT name FROM pragma_index_info('" + index + "') ORDER BY seqno", 1))
                d += c + " ";
            d += ") ";
        }
        out[table] = d;
    }
    sqlite3_close(db);
    return out;
}

} // namespace

TEST(ContentFields, SchemaIsVersion2AsShipped) {
    EXPECT_EQ(kContentSchemaVersion, 2);
    std::map<std::string, std::string> shipped = describe(kSchema2AsShipped);
    std::map<std::string, std::string> generated = describe(contentSchemaSql());
    ASSERT_EQ(shipped.size(), 30u);
    for (const auto& [table, columns] : shipped) {
        ASSERT_TRUE(generated.count(table)) << "table " << table << " is not generated";
        EXPECT_EQ(generated[table], columns) << "table " << table;
    }
    EXPECT_EQ(generated.size(), shipped.size());
}

// A bundle that lacks a column the field tables know (written by another field table) is refused
// with the table and the column named, never read as defaults.
TEST(ContentFields, MissingColumnIsAClearError) {
    struct Case {
        const char* table;
        const char* column;
    };
    for (Case c : {Case{"park", "url"}, Case{"park", "intro_en"}, Case{"park_ranking", "of_total"},
                   Case{"map_feature_geometry", "lines"}, Case{"video", "duration"}}) {
        fs::path db = freshDir(std::string("fields-missing-") + c.table) / "content.db";
        sqlite3* h = nullptr;
        ASSERT_EQ(sqlite3_open(db.c_str(), &h), SQLITE_OK);
        std::string sql = std::string(contentSchemaSql()) +
                          "INSERT INTO site VALUES ('','','','','','','','',0,0);" +
                          "ALTER TABLE " + c.table + " DROP COLUMN " + c.column + ";" +
                          "PRAGMA user_version = " + std::to_string(kContentSchemaVersion) + ";";
        char* msg = nullptr;
        ASSERT_EQ(sqlite3_exec(h, sql.c_str(), nullptr, nullptr, &msg), SQLITE_OK)
            << (msg ? msg : "");
        sqlite3_close(h);
        Content content;
        std::string err;
        EXPECT_FALSE(loadContentFromDb(db, content, err)) << c.table << "." << c.column;
        EXPECT_EQ(err,
                  std::string("content.db: table ") + c.table + ": no column '" + c.column + "'");
        EXPECT_TRUE(content.parks.empty());
    }
}

// The loader's field list is the table's: a key the table does not list is an unknown field, and
// each Required key a missing one.
TEST(ContentFields, LoaderKeysComeFromTheTables) {
    fs::path dir = freshDir("fields-keys");
    writeFixture(dir);
    std::string parks = readText(dir / "parks.toml");
    parks.replace(parks.find("url         ="), 13, "homepage    =");
    parks.replace(parks.find("kind        ="), 13, "# kind      =");
    writeText(dir / "parks.toml", parks);
    pack::Sources sources;
    pack::Diagnostics diag;
    pack::loadSources(dir, sources, diag);
    std::vector<std::string> messages;
    for (const auto& d : diag.items()) messages.push_back(d.loc.field + ": " + d.message);
    auto has = [&](const std::string& m) {
        return std::find(messages.begin(), messages.end(), m) != messages.end();
    };
    EXPECT_TRUE(has("park[zj-etdz].homepage: unknown field")) << joined(messages);
    EXPECT_TRUE(has("park[zj-etdz].kind: missing (required)")) << joined(messages);
    EXPECT_EQ(sources.content.parks.at(0).url, "");
    EXPECT_EQ(sources.content.parks.at(1).name.en, "Zhenjiang High-tech Zone");
    EXPECT_EQ(sources.content.parks.at(0).rankings.at(0).of, 219); // TOML "of", column of_total
    EXPECT_STREQ(fields::keyOf(fields::kPark, &Park::lon), "location");
    EXPECT_STREQ(fields::keyOf(fields::kParkRanking, &Ranking::of), "of");
    EXPECT_EQ(fields::keyOf(fields::kPark, &Park::x), nullptr); // projected by the pack
}

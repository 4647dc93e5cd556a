// [SECTION] index
//   Writer   one row of a fields.hpp table per insert; the first SQLite failure is kept
//   write*   one function per table group, in a fixed order (deterministic bytes)
//   entry    writeContentDb: temp file -> schema -> rows -> VACUUM -> bytes
#include "core/content/fields_sql.hpp"
#include "core/content/schema.hpp"
#include "core/content/store.hpp"
#include "pack/sources.hpp"

#include <sqlite3.h>
#include <unistd.h>

#include <fstream>
#include <sstream>

namespace zj::pack {

namespace fs = std::filesystem;

// [SECTION] Writer
// ------------------------------------------------------------------------------------

namespace {

using namespace fields;

class Writer {
  public:
    explicit Writer(sqlite3* db) : db_(db) {}

    bool exec(const char* sql) {
        if (!err_.empty()) return false;
        char* msg = nullptr;
        if (sqlite3_exec(db_, sql, nullptr, nullptr, &msg) != SQLITE_OK) {
            err_ = std::string("content.db: ") + (msg ? msg : "exec failed");
            sqlite3_free(msg);
            return false;
        }
        return true;
    }

    // One row of `table` (fields.hpp): `parent` and `ord` where its shape has them.
    template <class T>
    void row(const T& table, const typename T::RowType& value, size_t ord = 0,
             const std::string& parent = {}) {
        if (!err_.empty()) return;
        std::string sql = insertSql(table);
        sqlite3_stmt* stmt = nullptr;
        if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &stmt, nullptr) != SQLITE_OK) {
            err_ = std::string("content.db: ") + sqlite3_errmsg(db_) + " in " + sql;
            return;
        }
        bindRow(stmt, table, parent, ord, value);
        if (sqlite3_step(stmt) != SQLITE_DONE)
            err_ = std::string("content.db: ") + sqlite3_errmsg(db_) + " in " + sql;
        sqlite3_finalize(stmt);
    }

    // Every element of `items` as a row, ord = its index.
    template <class T, class Items>
    void rows(const T& table, const Items& items, const std::string& parent = {}) {
        for (size_t i = 0; i < items.size(); ++i) row(table, items[i], i, parent);
    }

    void meta(const char* key, const std::string& value) {
        if (!err_.empty()) return;
        sqlite3_stmt* stmt = nullptr;
        if (sqlite3_prepare_v2(db_, "INSERT INTO meta VALUES (?, ?)", -1, &stmt, nullptr) !=
            SQLITE_OK) {
            err_ = std::string("content.db: meta: ") + sqlite3_errmsg(db_);
            return;
        }
        int i = 1;
        bindValue(stmt, i, std::string(key));
        bindValue(stmt, i, value);
        if (sqlite3_step(stmt) != SQLITE_DONE)
            err_ = std::string("content.db: meta: ") + sqlite3_errmsg(db_);
        sqlite3_finalize(stmt);
    }

    const std::string& error() const { return err_; }

  private:
    sqlite3* db_;
    std::string err_;
};

} // namespace

// [SECTION] write*
// ------------------------------------------------------------------------------------

static void writeSite(Writer& w, const Content& c) {
    w.meta("glyphs", c.glyphText);
    w.meta("schema", std::to_string(kContentSchemaVersion));
    w.row(kSite, c.site);
    w.rows(kKeyFigure, c.site.keyFigures);
    w.rows(kModule, c.modules);
}

static void writeMap(Writer& w, const Content& c) {
    for (size_t i = 0; i < c.districts.size(); ++i) {
        const District& d = c.districts[i];
        w.row(kDistrict, d, i);
        w.rows(kDistrictGeometry, d.bands, d.id);
    }
    for (size_t i = 0; i < c.mapFeatures.size(); ++i) {
        const MapFeature& f = c.mapFeatures[i];
        w.row(kMapFeature, f, i);
        for (size_t b = 0; b < f.bands.size(); ++b) {
            const DistrictGeometry& g = f.bands[b];
            if (g.triangles.empty() && g.outlines.empty()) continue; // a point
            w.row(kMapFeatureGeometry, g, b, f.id);
        }
    }
}

static void writeParks(Writer& w, const Content& c) {
    for (size_t i = 0; i < c.parks.size(); ++i) {
        const Park& p = c.parks[i];
        w.row(kPark, p, i);
        w.rows(kParkIndustry, p.industries, p.id);
        w.rows(kParkPhoto, p.photos, p.id);
        w.rows(kParkRanking, p.rankings, p.id);
        w.rows(kParkHonour, p.honours, p.id);
        w.rows(kParkFigure, p.figures, p.id);
    }
}

static void writeIndustries(Writer& w, const Content& c) {
    for (size_t i = 0; i < c.industries.size(); ++i) {
        const Industry& ind = c.industries[i];
        w.row(kIndustry, ind, i);
        w.rows(kChainNode, ind.nodes, ind.id);
        for (const ChainNode& n : ind.nodes) {
            w.rows(kChainNodePark, n.parks, n.id);
            w.rows(kChainNodeEnterprise, n.enterprises, n.id);
        }
    }
}

static void writeRest(Writer& w, const Content& c) {
    w.rows(kProject, c.projects);
    w.rows(kProjectFigure, c.projectFigures);
    w.rows(kPolicy, c.policies);
    w.rows(kEvent, c.events);
    w.rows(kContact, c.contacts);
    w.rows(kPhoto, c.photos);
    if (c.video) w.row(kVideo, *c.video);
    w.row(kAttract, c.attract); // its caption; the photos are attract_photo rows
    w.rows(kAttractPhoto, c.attract.photos);
    for (size_t i = 0; i < c.tours.size(); ++i) {
        w.row(kTour, c.tours[i], i);
        w.rows(kTourStop, c.tours[i].stops, c.tours[i].id);
    }
    w.rows(kAttribution, c.attributions);
}

// [SECTION] entry
// -------------------------------------------------------------------------------------

bool writeContentDb(const Content& content, std::string& bytes, std::string& err) {
    std::string pattern = (fs::temp_directory_path() / "zjmap-pack-XXXXXX.db").string();
    int fd = mkstemps(pattern.data(), 3);
    if (fd < 0) {
        err = "content.db: cannot create a temporary file in " + fs::temp_directory_path().string();
        return false;
    }
    close(fd);
    fs::path path = pattern;
    auto cleanup = [&] {
        std::error_code ec;
        fs::remove(path, ec);
        fs::remove(path.string() + "-journal", ec);
    };

    sqlite3* db = nullptr;
    if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
        err = "content.db: cannot open " + path.string() + ": " + sqlite3_errmsg(db);
        sqlite3_close(db);
        cleanup();
        return false;
    }
    Writer w(db);
    // Fixed page size and journal mode: the same content must give the same bytes.
    w.exec("PRAGMA page_size = 4096; PRAGMA journal_mode = DELETE; PRAGMA encoding = 'UTF-8';");
    w.exec(("PRAGMA user_version = " + std::to_string(kContentSchemaVersion) + ";").c_str());
    w.exec("BEGIN;");
    w.exec(contentSchemaSql());
    writeSite(w, content);
    writeMap(w, content);
    writeParks(w, content);
    writeIndustries(w, content);
    writeRest(w, content);
    if (w.error().empty()) w.exec("COMMIT;");
    w.exec("VACUUM;");
    err = w.error();
    sqlite3_close(db);
    if (err.empty()) {
        std::ifstream in(path, std::ios::binary);
        std::stringstream ss;
        ss << in.rdbuf();
        bytes = ss.str();
        if (!in && !in.eof()) err = "content.db: cannot read back " + path.string();
    }
    cleanup();
    return err.empty();
}

} // namespace zj::pack

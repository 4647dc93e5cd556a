// [SECTION] index
//   Writer   prepared inserts with typed binds; the first SQLite failure is kept
//   write*   one function per table group, in a fixed order (deterministic bytes)
//   entry    writeContentDb: temp file -> schema -> rows -> VACUUM -> bytes
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

struct Blob {
    std::string bytes;
};

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

    // insert("INSERT INTO t VALUES (?,?)", a, b): binds in order and steps once.
    template <class... Args>
    void insert(const char* sql, const Args&... args) {
        if (!err_.empty()) return;
        sqlite3_stmt* stmt = nullptr;
        if (sqlite3_prepare_v2(db_, sql, -1, &stmt, nullptr) != SQLITE_OK) {
            err_ = std::string("content.db: ") + sqlite3_errmsg(db_) + " in " + sql;
            return;
        }
        int index = 0;
        (bind(stmt, ++index, args), ...);
        if (sqlite3_step(stmt) != SQLITE_DONE)
            err_ = std::string("content.db: ") + sqlite3_errmsg(db_) + " in " + sql;
        sqlite3_finalize(stmt);
    }

    const std::string& error() const { return err_; }

  private:
    static void bind(sqlite3_stmt* s, int i, const std::string& v) {
        sqlite3_bind_text(s, i, v.data(), int(v.size()), SQLITE_TRANSIENT);
    }
    static void bind(sqlite3_stmt* s, int i, const char* v) {
        sqlite3_bind_text(s, i, v, -1, SQLITE_TRANSIENT);
    }
    static void bind(sqlite3_stmt* s, int i, const Text& v) = delete; // bind .zh and .en
    static void bind(sqlite3_stmt* s, int i, double v) { sqlite3_bind_double(s, i, v); }
    static void bind(sqlite3_stmt* s, int i, float v) { sqlite3_bind_double(s, i, double(v)); }
    static void bind(sqlite3_stmt* s, int i, int v) { sqlite3_bind_int64(s, i, v); }
    static void bind(sqlite3_stmt* s, int i, int64_t v) { sqlite3_bind_int64(s, i, v); }
    static void bind(sqlite3_stmt* s, int i, size_t v) { sqlite3_bind_int64(s, i, int64_t(v)); }
    static void bind(sqlite3_stmt* s, int i, uint32_t v) { sqlite3_bind_int64(s, i, v); }
    static void bind(sqlite3_stmt* s, int i, bool v) { sqlite3_bind_int(s, i, v ? 1 : 0); }
    static void bind(sqlite3_stmt* s, int i, const Blob& v) {
        sqlite3_bind_blob(s, i, v.bytes.data(), int(v.bytes.size()), SQLITE_TRANSIENT);
    }

    sqlite3* db_;
    std::string err_;
};

} // namespace

// [SECTION] write*
// ------------------------------------------------------------------------------------

static void writeSite(Writer& w, const Content& c) {
    const Site& s = c.site;
    w.insert("INSERT INTO meta VALUES (?, ?)", "glyphs", c.glyphText);
    w.insert("INSERT INTO meta VALUES (?, ?)", "schema", std::to_string(kContentSchemaVersion));
    w.insert("INSERT INTO site VALUES (?,?,?,?,?,?,?,?,?,?)", s.title.zh, s.title.en, s.subtitle.zh,
             s.subtitle.en, s.intro.zh, s.intro.en, s.publisher.zh, s.publisher.en, s.created,
             s.validDays);
    for (size_t i = 0; i < s.keyFigures.size(); ++i) {
        const KeyFigure& k = s.keyFigures[i];
        w.insert("INSERT INTO key_figure VALUES (?,?,?,?,?,?,?,?,?,?)", i, k.id, k.value, k.unit,
                 k.year, k.label.zh, k.label.en, k.source.zh, k.source.en, k.sample);
    }
    for (size_t i = 0; i < c.modules.size(); ++i) {
        const Module& m = c.modules[i];
        w.insert("INSERT INTO module VALUES (?,?,?,?,?,?,?)", i, m.id, m.title.zh, m.title.en,
                 m.subtitle.zh, m.subtitle.en, m.photo);
    }
}

static void writeMap(Writer& w, const Content& c) {
    for (size_t i = 0; i < c.districts.size(); ++i) {
        const District& d = c.districts[i];
        w.insert("INSERT INTO district VALUES (?,?,?,?,?,?,?,?,?,?)", i, d.id, d.name.zh, d.name.en,
                 d.labelX, d.labelY, d.minX, d.minY, d.maxX, d.maxY);
        for (int b = 0; b < kMapBands; ++b) {
            const DistrictGeometry& g = d.bands[size_t(b)];
            w.insert("INSERT INTO district_geometry VALUES (?,?,?,?,?)", d.id, b, g.tolerance,
                     Blob{floatsToBlob(g.triangles)}, Blob{stripsToBlob(g.outlines)});
        }
    }
}

static void writeMapFeatures(Writer& w, const Content& c) {
    for (size_t i = 0; i < c.mapFeatures.size(); ++i) {
        const MapFeature& f = c.mapFeatures[i];
        w.insert("INSERT INTO map_feature VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", i, f.id,
                 mapFeatureKindName(f.kind), f.name.zh, f.name.en, f.rank, f.labelX, f.labelY,
                 f.minX, f.minY, f.maxX, f.maxY, f.distanceKm, f.code, f.travelMinutes,
                 f.travelSample);
        for (int b = 0; b < kMapBands; ++b) {
            const DistrictGeometry& g = f.bands[size_t(b)];
            if (g.triangles.empty() && g.outlines.empty()) continue; // a point
            w.insert("INSERT INTO map_feature_geometry VALUES (?,?,?,?,?)", f.id, b, g.tolerance,
                     Blob{floatsToBlob(g.triangles)}, Blob{stripsToBlob(g.outlines)});
        }
    }
}

static void writeParks(Writer& w, const Content& c) {
    for (size_t i = 0; i < c.parks.size(); ++i) {
        const Park& p = c.parks[i];
        w.insert("INSERT INTO park VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", i, p.id,
                 p.name.zh, p.name.en, p.short_.zh, p.short_.en, parkLevelName(p.level), p.kind.zh,
                 p.kind.en, p.district, p.lon, p.lat, p.x, p.y, p.approximate, p.intro.zh,
                 p.intro.en, p.url, p.sample);
        for (size_t k = 0; k < p.industries.size(); ++k)
            w.insert("INSERT INTO park_industry VALUES (?,?,?)", p.id, k, p.industries[k]);
        for (size_t k = 0; k < p.photos.size(); ++k)
            w.insert("INSERT INTO park_photo VALUES (?,?,?)", p.id, k, p.photos[k]);
        for (size_t k = 0; k < p.rankings.size(); ++k) {
            const Ranking& r = p.rankings[k];
            w.insert("INSERT INTO park_ranking VALUES (?,?,?,?,?,?,?)", p.id, k, r.text.zh,
                     r.text.en, r.rank, r.of, r.year);
        }
        for (size_t k = 0; k < p.honours.size(); ++k)
            w.insert("INSERT INTO park_honour VALUES (?,?,?,?)", p.id, k, p.honours[k].zh,
                     p.honours[k].en);
        for (size_t k = 0; k < p.figures.size(); ++k) {
            const ParkFigure& f = p.figures[k];
            w.insert("INSERT INTO park_figure VALUES (?,?,?,?,?,?,?,?)", p.id, k, f.label.zh,
                     f.label.en, f.value, f.unit.zh, f.unit.en, f.sample);
        }
    }
}

static void writeIndustries(Writer& w, const Content& c) {
    for (size_t i = 0; i < c.industries.size(); ++i) {
        const Industry& ind = c.industries[i];
        w.insert("INSERT INTO industry VALUES (?,?,?,?,?,?,?,?)", i, ind.id, ind.name.zh,
                 ind.name.en, ind.color, ind.summary.zh, ind.summary.en, ind.sample);
        for (size_t k = 0; k < ind.nodes.size(); ++k) {
            const ChainNode& n = ind.nodes[k];
            w.insert("INSERT INTO chain_node VALUES (?,?,?,?,?,?,?)", ind.id, k, n.id,
                     chainStageName(n.stage), n.name.zh, n.name.en, n.sample);
            for (size_t j = 0; j < n.parks.size(); ++j)
                w.insert("INSERT INTO chain_node_park VALUES (?,?,?)", n.id, j, n.parks[j]);
            for (size_t j = 0; j < n.enterprises.size(); ++j)
                w.insert("INSERT INTO chain_node_enterprise VALUES (?,?,?,?)", n.id, j,
                         n.enterprises[j].zh, n.enterprises[j].en);
        }
    }
}

static void writeInvest(Writer& w, const Content& c) {
    for (size_t i = 0; i < c.projects.size(); ++i) {
        const Project& p = c.projects[i];
        w.insert("INSERT INTO project VALUES (?,?,?,?,?,?,?,?,?,?,?)", i, p.id, p.name.zh,
                 p.name.en, p.summary.zh, p.summary.en, p.industry, p.park, p.investment, p.contact,
                 p.sample);
    }
    for (size_t i = 0; i < c.projectFigures.size(); ++i) {
        const ProjectFigure& f = c.projectFigures[i];
        w.insert("INSERT INTO project_figure VALUES (?,?,?,?,?,?,?,?,?)", i, f.id, f.value,
                 f.unit.zh, f.unit.en, f.label.zh, f.label.en, f.year, f.sample);
    }
    for (size_t i = 0; i < c.policies.size(); ++i) {
        const Policy& p = c.policies[i];
        w.insert("INSERT INTO policy VALUES (?,?,?,?,?,?,?)", i, p.id, p.title.zh, p.title.en,
                 p.body.zh, p.body.en, p.sample);
    }
    for (size_t i = 0; i < c.events.size(); ++i) {
        const Event& e = c.events[i];
        w.insert("INSERT INTO event VALUES (?,?,?,?,?,?,?,?)", i, e.id, e.date, e.title.zh,
                 e.title.en, e.body.zh, e.body.en, e.sample);
    }
    for (size_t i = 0; i < c.contacts.size(); ++i) {
        const Contact& k = c.contacts[i];
        w.insert("INSERT INTO contact VALUES (?,?,?,?,?,?,?,?,?,?)", i, k.id, k.name.zh, k.name.en,
                 k.org.zh, k.org.en, k.phone, k.email, k.url, k.sample);
    }
}

static void writeMedia(Writer& w, const Content& c) {
    for (size_t i = 0; i < c.photos.size(); ++i) {
        const Photo& p = c.photos[i];
        w.insert("INSERT INTO photo VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", i, p.id, p.file, p.thumb,
                 p.width, p.height, p.thumbWidth, p.thumbHeight, p.caption.zh, p.caption.en, p.park,
                 p.sample);
    }
    if (c.video) {
        const Video& v = *c.video;
        w.insert("INSERT INTO video VALUES (?,?,?,?,?,?,?,?,?)", v.file, v.subtitlesZh,
                 v.subtitlesEn, v.title.zh, v.title.en, v.width, v.height, v.duration, v.sample);
    }
    w.insert("INSERT INTO attract VALUES (?,?)", c.attract.caption.zh, c.attract.caption.en);
    for (size_t i = 0; i < c.attract.photos.size(); ++i)
        w.insert("INSERT INTO attract_photo VALUES (?,?)", i, c.attract.photos[i]);
}

static void writeTours(Writer& w, const Content& c) {
    for (size_t i = 0; i < c.tours.size(); ++i) {
        const Tour& t = c.tours[i];
        w.insert("INSERT INTO tour VALUES (?,?,?,?)", i, t.id, t.title.zh, t.title.en);
        for (size_t k = 0; k < t.stops.size(); ++k) {
            const TourStop& s = t.stops[k];
            w.insert("INSERT INTO tour_stop VALUES (?,?,?,?,?,?)", t.id, k, s.screen, s.selection,
                     s.note.zh, s.note.en);
        }
    }
    for (size_t i = 0; i < c.attributions.size(); ++i) {
        const Attribution& a = c.attributions[i];
        w.insert("INSERT INTO attribution VALUES (?,?,?,?)", i, a.what.zh, a.what.en, a.source);
    }
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
    writeMapFeatures(w, content);
    writeParks(w, content);
    writeIndustries(w, content);
    writeInvest(w, content);
    writeMedia(w, content);
    writeTours(w, content);
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

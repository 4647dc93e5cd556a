// [SECTION] index
//   blobs     float32 geometry blobs <-> vectors
//   Query     a tiny prepared-statement wrapper that turns every SQLite failure into `err`
//   load*     one function per table group, in content.db order
//   entry     loadContentFromDb, loadContent
#include "core/content/store.hpp"
#include "core/content/schema.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <bit>
#include <cctype>
#include <cmath>
#include <cstring>
#include <functional>
#include <map>

namespace zj {

// [SECTION] blobs ---------------------------------------------------------------------------------

static uint32_t toLittle(uint32_t v) {
    if constexpr (std::endian::native == std::endian::big)
        return (v >> 24) | ((v >> 8) & 0xff00u) | ((v << 8) & 0xff0000u) | (v << 24);
    return v;
}

std::string floatsToBlob(const std::vector<float>& values) {
    std::string out(values.size() * 4, '\0');
    for (size_t i = 0; i < values.size(); ++i) {
        uint32_t bits = toLittle(std::bit_cast<uint32_t>(values[i]));
        std::memcpy(out.data() + i * 4, &bits, 4);
    }
    return out;
}

bool blobToFloats(const void* data, size_t size, std::vector<float>& out) {
    out.clear();
    if (size % 4 != 0) return false;
    out.resize(size / 4);
    const auto* bytes = static_cast<const unsigned char*>(data);
    for (size_t i = 0; i < out.size(); ++i) {
        uint32_t bits;
        std::memcpy(&bits, bytes + i * 4, 4);
        out[i] = std::bit_cast<float>(toLittle(bits));
    }
    return true;
}

std::string stripsToBlob(const std::vector<std::vector<float>>& strips) {
    std::vector<float> flat;
    for (size_t i = 0; i < strips.size(); ++i) {
        if (i > 0) flat.insert(flat.end(), {NAN, NAN});
        flat.insert(flat.end(), strips[i].begin(), strips[i].end());
    }
    return floatsToBlob(flat);
}

bool blobToStrips(const void* data, size_t size, std::vector<std::vector<float>>& out) {
    out.clear();
    std::vector<float> flat;
    if (!blobToFloats(data, size, flat) || flat.size() % 2 != 0) return false;
    if (flat.empty()) return true;
    out.emplace_back();
    for (size_t i = 0; i < flat.size(); i += 2) {
        if (std::isnan(flat[i])) {
            out.emplace_back();
            continue;
        }
        out.back().push_back(flat[i]);
        out.back().push_back(flat[i + 1]);
    }
    for (const auto& strip : out)
        if (strip.size() < 4) return false; // a strip needs two points at least
    return true;
}

// [SECTION] Query
// -----------------------------------------------------------------------------------

namespace {

// One row of a result; columns are read by index in SELECT order.
struct Row {
    sqlite3_stmt* stmt;
    std::string str(int col) const {
        const unsigned char* text = sqlite3_column_text(stmt, col);
        return text ? std::string(reinterpret_cast<const char*>(text),
                                  size_t(sqlite3_column_bytes(stmt, col)))
                    : std::string();
    }
    Text text(int col) const { return Text{str(col), str(col + 1)}; } // *_zh, *_en pair
    int64_t integer(int col) const { return sqlite3_column_int64(stmt, col); }
    int i32(int col) const { return int(sqlite3_column_int64(stmt, col)); }
    bool flag(int col) const { return sqlite3_column_int64(stmt, col) != 0; }
    double real(int col) const { return sqlite3_column_double(stmt, col); }
    const void* blob(int col) const { return sqlite3_column_blob(stmt, col); }
    size_t blobSize(int col) const { return size_t(sqlite3_column_bytes(stmt, col)); }
};

class Loader {
  public:
    Loader(sqlite3* db, std::string& err) : db_(db), err_(err) {}

    // Runs `sql`, calling `onRow` for each row; `onRow` returns false (after setting a problem
    // with fail()) to stop. `what` names the table in messages.
    bool each(const char* what, const char* sql, const std::function<bool(const Row&)>& onRow) {
        sqlite3_stmt* stmt = nullptr;
        if (sqlite3_prepare_v2(db_, sql, -1, &stmt, nullptr) != SQLITE_OK) {
            err_ = std::string("content.db: table ") + what + ": " + sqlite3_errmsg(db_);
            sqlite3_finalize(stmt);
            return false;
        }
        Row row{stmt};
        int rc;
        while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
            if (!onRow(row)) {
                sqlite3_finalize(stmt);
                if (err_.empty())
                    err_ = std::string("content.db: table ") + what + ": bad row";
                else
                    err_ = std::string("content.db: table ") + what + ": " + err_;
                return false;
            }
        }
        if (rc != SQLITE_DONE) {
            err_ = std::string("content.db: table ") + what + ": " + sqlite3_errmsg(db_);
            sqlite3_finalize(stmt);
            return false;
        }
        sqlite3_finalize(stmt);
        return true;
    }
    bool fail(std::string message) {
        err_ = std::move(message);
        return false;
    }

  private:
    sqlite3* db_;
    std::string& err_;
};

// Finds the element of `items` with `id`, for attaching child rows to their parent.
template <class T>
T* byId(std::vector<T>& items, const std::string& id) {
    for (auto& item : items)
        if (item.id == id) return &item;
    return nullptr;
}

} // namespace

// [SECTION] load*
// -----------------------------------------------------------------------------------

static bool loadSite(Loader& q, Content& c) {
    int rows = 0;
    bool ok = q.each("site",
                     "SELECT title_zh, title_en, subtitle_zh, subtitle_en, intro_zh, intro_en, "
                     "publisher_zh, publisher_en, created, valid_days FROM site",
                     [&](const Row& r) {
                         c.site.title = r.text(0);
                         c.site.subtitle = r.text(2);
                         c.site.intro = r.text(4);
                         c.site.publisher = r.text(6);
                         c.site.created = r.integer(8);
                         c.site.validDays = r.i32(9);
                         ++rows;
                         return true;
                     });
    if (ok && rows != 1) return q.fail("content.db: table site: expected one row");
    return ok &&
           q.each("key_figure",
                  "SELECT id, value, unit, year, label_zh, label_en, source_zh, source_en, sample "
                  "FROM key_figure ORDER BY ord",
                  [&](const Row& r) {
                      c.site.keyFigures.push_back(KeyFigure{r.str(0), r.real(1), r.str(2), r.i32(3),
                                                            r.text(4), r.text(6), r.flag(8)});
                      return true;
                  }) &&
           q.each("module",
                  "SELECT id, title_zh, title_en, subtitle_zh, subtitle_en, photo FROM module "
                  "ORDER BY ord",
                  [&](const Row& r) {
                      c.modules.push_back(Module{r.str(0), r.text(1), r.text(3), r.str(5)});
                      return true;
                  }) &&
           q.each("meta", "SELECT value FROM meta WHERE key = 'glyphs'", [&](const Row& r) {
               c.glyphText = r.str(0);
               return true;
           });
}

static bool loadMap(Loader& q, Content& c) {
    bool ok = q.each("district",
                     "SELECT id, name_zh, name_en, label_x, label_y, min_x, min_y, max_x, max_y "
                     "FROM district ORDER BY ord",
                     [&](const Row& r) {
                         District d;
                         d.id = r.str(0);
                         d.name = r.text(1);
                         d.labelX = float(r.real(3));
                         d.labelY = float(r.real(4));
                         d.minX = float(r.real(5));
                         d.minY = float(r.real(6));
                         d.maxX = float(r.real(7));
                         d.maxY = float(r.real(8));
                         c.districts.push_back(std::move(d));
                         return true;
                     }) &&
              q.each("district_geometry",
                     "SELECT district_id, band, tolerance, triangles, outlines FROM "
                     "district_geometry ORDER BY district_id, band",
                     [&](const Row& r) {
                         District* d = byId(c.districts, r.str(0));
                         int band = r.i32(1);
                         if (!d || band < 0 || band >= kMapBands)
                             return q.fail("district " + r.str(0) + " band " +
                                           std::to_string(band) + ": unknown");
                         DistrictGeometry& g = d->bands[size_t(band)];
                         g.tolerance = r.real(2);
                         if (!blobToFloats(r.blob(3), r.blobSize(3), g.triangles) ||
                             g.triangles.size() % 6 != 0)
                             return q.fail("district " + d->id + ": triangles blob is malformed");
                         if (!blobToStrips(r.blob(4), r.blobSize(4), g.outlines))
                             return q.fail("district " + d->id + ": outlines blob is malformed");
                         return true;
                     });
    ok = ok &&
         q.each("map_feature",
                "SELECT id, kind, name_zh, name_en, rank, label_x, label_y, min_x, min_y, max_x, "
                "max_y, distance_km, code, travel_minutes, travel_sample FROM map_feature "
                "ORDER BY ord",
                [&](const Row& r) {
                    MapFeature f;
                    f.id = r.str(0);
                    if (!parseMapFeatureKind(r.str(1), f.kind))
                        return q.fail("map feature " + f.id + ": unknown kind '" + r.str(1) + "'");
                    f.name = r.text(2);
                    f.rank = r.i32(4);
                    f.labelX = float(r.real(5));
                    f.labelY = float(r.real(6));
                    f.minX = float(r.real(7));
                    f.minY = float(r.real(8));
                    f.maxX = float(r.real(9));
                    f.maxY = float(r.real(10));
                    f.distanceKm = r.real(11);
                    f.code = r.str(12);
                    f.travelMinutes = r.real(13);
                    f.travelSample = r.i32(14) != 0;
                    c.mapFeatures.push_back(std::move(f));
                    return true;
                }) &&
         q.each("map_feature_geometry",
                "SELECT feature_id, band, tolerance, triangles, lines FROM map_feature_geometry "
                "ORDER BY feature_id, band",
                [&](const Row& r) {
                    MapFeature* f = byId(c.mapFeatures, r.str(0));
                    int band = r.i32(1);
                    if (!f || band < 0 || band >= kMapBands)
                        return q.fail("map feature " + r.str(0) + " band " + std::to_string(band) +
                                      ": unknown");
                    DistrictGeometry& g = f->bands[size_t(band)];
                    g.tolerance = r.real(2);
                    if (!blobToFloats(r.blob(3), r.blobSize(3), g.triangles) ||
                        g.triangles.size() % 6 != 0)
                        return q.fail("map feature " + f->id + ": triangles blob is malformed");
                    if (!blobToStrips(r.blob(4), r.blobSize(4), g.outlines))
                        return q.fail("map feature " + f->id + ": lines blob is malformed");
                    return true;
                });
    if (!ok) return false;
    bool first = true;
    for (const auto& d : c.districts) {
        c.mapMinX = first ? d.minX : std::min(c.mapMinX, d.minX);
        c.mapMinY = first ? d.minY : std::min(c.mapMinY, d.minY);
        c.mapMaxX = first ? d.maxX : std::max(c.mapMaxX, d.maxX);
        c.mapMaxY = first ? d.maxY : std::max(c.mapMaxY, d.maxY);
        first = false;
    }
    return true;
}

static bool loadParks(Loader& q, Content& c) {
    return q.each("park",
                  "SELECT id, name_zh, name_en, short_zh, short_en, level, kind_zh, kind_en, "
                  "district, lon, lat, x, y, approximate, intro_zh, intro_en, url, sample "
                  "FROM park ORDER BY ord",
                  [&](const Row& r) {
                      Park p;
                      p.id = r.str(0);
                      p.name = r.text(1);
                      p.short_ = r.text(3);
                      if (!parseParkLevel(r.str(5), p.level))
                          return q.fail("park " + p.id + ": unknown level '" + r.str(5) + "'");
                      p.kind = r.text(6);
                      p.district = r.str(8);
                      p.lon = r.real(9);
                      p.lat = r.real(10);
                      p.x = r.real(11);
                      p.y = r.real(12);
                      p.approximate = r.flag(13);
                      p.intro = r.text(14);
                      p.url = r.str(16);
                      p.sample = r.flag(17);
                      c.parks.push_back(std::move(p));
                      return true;
                  }) &&
           q.each("park_industry",
                  "SELECT park_id, industry_id FROM park_industry ORDER BY park_id, ord",
                  [&](const Row& r) {
                      Park* p = byId(c.parks, r.str(0));
                      if (!p) return q.fail("unknown park " + r.str(0));
                      p->industries.push_back(r.str(1));
                      return true;
                  }) &&
           q.each("park_photo", "SELECT park_id, photo_id FROM park_photo ORDER BY park_id, ord",
                  [&](const Row& r) {
                      Park* p = byId(c.parks, r.str(0));
                      if (!p) return q.fail("unknown park " + r.str(0));
                      p->photos.push_back(r.str(1));
                      return true;
                  }) &&
           q.each("park_ranking",
                  "SELECT park_id, text_zh, text_en, rank, of_total, year FROM park_ranking "
                  "ORDER BY park_id, ord",
                  [&](const Row& r) {
                      Park* p = byId(c.parks, r.str(0));
                      if (!p) return q.fail("unknown park " + r.str(0));
                      p->rankings.push_back(Ranking{r.text(1), r.i32(3), r.i32(4), r.i32(5)});
                      return true;
                  }) &&
           q.each("park_honour",
                  "SELECT park_id, text_zh, text_en FROM park_honour ORDER BY park_id, ord",
                  [&](const Row& r) {
                      Park* p = byId(c.parks, r.str(0));
                      if (!p) return q.fail("unknown park " + r.str(0));
                      p->honours.push_back(r.text(1));
                      return true;
                  }) &&
           q.each("park_figure",
                  "SELECT park_id, label_zh, label_en, value, unit_zh, unit_en, sample FROM "
                  "park_figure ORDER BY park_id, ord",
                  [&](const Row& r) {
                      Park* p = byId(c.parks, r.str(0));
                      if (!p) return q.fail("unknown park " + r.str(0));
                      p->figures.push_back(ParkFigure{r.text(1), r.real(3), r.text(4), r.flag(6)});
                      return true;
                  });
}

static bool loadIndustries(Loader& q, Content& c) {
    // node id -> (industry index, node index), for attaching node children
    std::map<std::string, std::pair<size_t, size_t>> nodes;
    auto node = [&](const std::string& id) -> ChainNode* {
        auto it = nodes.find(id);
        if (it == nodes.end()) return nullptr;
        return &c.industries[it->second.first].nodes[it->second.second];
    };
    return q.each("industry",
                  "SELECT id, name_zh, name_en, color, summary_zh, summary_en, sample FROM "
                  "industry ORDER BY ord",
                  [&](const Row& r) {
                      c.industries.push_back(Industry{r.str(0),
                                                      r.text(1),
                                                      uint32_t(r.integer(3)) & 0xffffffu,
                                                      r.text(4),
                                                      {},
                                                      r.flag(6)});
                      return true;
                  }) &&
           q.each("chain_node",
                  "SELECT industry_id, id, stage, name_zh, name_en, sample FROM chain_node "
                  "ORDER BY industry_id, ord",
                  [&](const Row& r) {
                      Industry* ind = byId(c.industries, r.str(0));
                      if (!ind) return q.fail("unknown industry " + r.str(0));
                      ChainNode n;
                      n.id = r.str(1);
                      if (!parseChainStage(r.str(2), n.stage))
                          return q.fail("node " + n.id + ": unknown stage '" + r.str(2) + "'");
                      n.name = r.text(3);
                      n.sample = r.flag(5);
                      nodes[n.id] = {size_t(ind - c.industries.data()), ind->nodes.size()};
                      ind->nodes.push_back(std::move(n));
                      return true;
                  }) &&
           q.each("chain_node_park",
                  "SELECT node_id, park_id FROM chain_node_park ORDER BY node_id, ord",
                  [&](const Row& r) {
                      ChainNode* n = node(r.str(0));
                      if (!n) return q.fail("unknown node " + r.str(0));
                      n->parks.push_back(r.str(1));
                      return true;
                  }) &&
           q.each(
               "chain_node_enterprise",
               "SELECT node_id, name_zh, name_en FROM chain_node_enterprise ORDER BY node_id, ord",
               [&](const Row& r) {
                   ChainNode* n = node(r.str(0));
                   if (!n) return q.fail("unknown node " + r.str(0));
                   n->enterprises.push_back(r.text(1));
                   return true;
               });
}

static bool loadInvest(Loader& q, Content& c) {
    return q.each("project",
                  "SELECT id, name_zh, name_en, summary_zh, summary_en, industry, park, "
                  "investment, contact, sample FROM project ORDER BY ord",
                  [&](const Row& r) {
                      c.projects.push_back(Project{r.str(0), r.text(1), r.text(3), r.str(5),
                                                   r.str(6), r.real(7), r.str(8), r.flag(9)});
                      return true;
                  }) &&
           q.each("project_figure",
                  "SELECT id, value, unit_zh, unit_en, label_zh, label_en, year, sample FROM "
                  "project_figure ORDER BY ord",
                  [&](const Row& r) {
                      c.projectFigures.push_back(ProjectFigure{r.str(0), r.real(1), r.text(2),
                                                               r.text(4), r.i32(6), r.flag(7)});
                      return true;
                  }) &&
           q.each(
               "policy",
               "SELECT id, title_zh, title_en, body_zh, body_en, sample FROM policy ORDER BY ord",
               [&](const Row& r) {
                   c.policies.push_back(Policy{r.str(0), r.text(1), r.text(3), r.flag(5)});
                   return true;
               }) &&
           q.each(
               "event",
               "SELECT id, date, title_zh, title_en, body_zh, body_en, sample FROM event "
               "ORDER BY ord",
               [&](const Row& r) {
                   c.events.push_back(Event{r.str(0), r.str(1), r.text(2), r.text(4), r.flag(6)});
                   return true;
               }) &&
           q.each("contact",
                  "SELECT id, name_zh, name_en, org_zh, org_en, phone, email, url, sample FROM "
                  "contact ORDER BY ord",
                  [&](const Row& r) {
                      c.contacts.push_back(Contact{r.str(0), r.text(1), r.text(3), r.str(5),
                                                   r.str(6), r.str(7), r.flag(8)});
                      return true;
                  });
}

static bool loadMedia(Loader& q, Content& c) {
    return q.each("photo",
                  "SELECT id, file, thumb, width, height, thumb_width, thumb_height, caption_zh, "
                  "caption_en, park, sample FROM photo ORDER BY ord",
                  [&](const Row& r) {
                      c.photos.push_back(Photo{r.str(0), r.str(1), r.str(2), r.i32(3), r.i32(4),
                                               r.i32(5), r.i32(6), r.text(7), r.str(9),
                                               r.flag(10)});
                      return true;
                  }) &&
           q.each("video",
                  "SELECT file, subtitles_zh, subtitles_en, title_zh, title_en, width, height, "
                  "duration, sample FROM video",
                  [&](const Row& r) {
                      c.video = Video{r.str(0), r.str(1), r.str(2),  r.text(3),
                                      r.i32(5), r.i32(6), r.real(7), r.flag(8)};
                      return true;
                  }) &&
           q.each("attract", "SELECT caption_zh, caption_en FROM attract",
                  [&](const Row& r) {
                      c.attract.caption = r.text(0);
                      return true;
                  }) &&
           q.each("attract_photo", "SELECT photo_id FROM attract_photo ORDER BY ord",
                  [&](const Row& r) {
                      c.attract.photos.push_back(r.str(0));
                      return true;
                  });
}

static bool loadTours(Loader& q, Content& c) {
    return q.each("tour", "SELECT id, title_zh, title_en FROM tour ORDER BY ord",
                  [&](const Row& r) {
                      c.tours.push_back(Tour{r.str(0), r.text(1), {}});
                      return true;
                  }) &&
           q.each("tour_stop",
                  "SELECT tour_id, screen, selection, note_zh, note_en FROM tour_stop "
                  "ORDER BY tour_id, ord",
                  [&](const Row& r) {
                      Tour* t = byId(c.tours, r.str(0));
                      if (!t) return q.fail("unknown tour " + r.str(0));
                      t->stops.push_back(TourStop{r.str(1), r.str(2), r.text(3)});
                      return true;
                  }) &&
           q.each("attribution", "SELECT what_zh, what_en, source FROM attribution ORDER BY ord",
                  [&](const Row& r) {
                      c.attributions.push_back(Attribution{r.text(0), r.str(2)});
                      return true;
                  });
}

// [SECTION] entry
// -----------------------------------------------------------------------------------

// Percent-encodes a path for a file: URI (SQLite decodes %HH; '?' and '#' must not stay raw).
static std::string fileUri(const std::filesystem::path& path) {
    std::string abs = std::filesystem::absolute(path).string();
    std::string uri = "file:";
    static const char* hex = "0123456789ABCDEF";
    for (unsigned char ch : abs) {
        bool plain =
            std::isalnum(ch) || ch == '/' || ch == '-' || ch == '_' || ch == '.' || ch == '~';
        if (plain)
            uri += char(ch);
        else {
            uri += '%';
            uri += hex[ch >> 4];
            uri += hex[ch & 15];
        }
    }
    return uri + "?immutable=1";
}

bool loadContentFromDb(const std::filesystem::path& dbPath, Content& out, std::string& err) {
    err.clear();
    out = Content{};
    std::error_code ec;
    if (!std::filesystem::is_regular_file(dbPath, ec)) {
        err = "content.db: " + dbPath.string() + ": not found";
        return false;
    }
    sqlite3* db = nullptr;
    int rc = sqlite3_open_v2(fileUri(dbPath).c_str(), &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI,
                             nullptr);
    if (rc != SQLITE_OK) {
        err = "content.db: " + dbPath.string() +
              ": cannot open: " + (db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
        sqlite3_close(db);
        return false;
    }
    Loader q(db, err);
    int version = -1;
    bool ok = q.each("(user_version)", "PRAGMA user_version", [&](const Row& r) {
        version = r.i32(0);
        return true;
    });
    if (ok && version != kContentSchemaVersion) {
        err = "content.db: schema version " + std::to_string(version) + ", this kiosk reads " +
              std::to_string(kContentSchemaVersion) +
              (version > kContentSchemaVersion
                   ? " (the bundle is from a newer zjmap-pack: update the kiosk)"
                   : " (the bundle is from an older zjmap-pack: rebuild it)");
        ok = false;
    }
    ok = ok && loadSite(q, out) && loadMap(q, out) && loadParks(q, out) && loadIndustries(q, out) &&
         loadInvest(q, out) && loadMedia(q, out) && loadTours(q, out);
    sqlite3_close(db);
    if (!ok) {
        out = Content{};
        if (err.empty()) err = "content.db: unreadable";
    }
    return ok;
}

bool loadContent(const Bundle& bundle, Content& out, std::string& err) {
    std::filesystem::path db = bundle.pathOf("content.db");
    if (db.empty()) {
        err = "bundle " + bundle.manifestDir.string() + ": manifest lists no content.db";
        return false;
    }
    if (!loadContentFromDb(db, out, err)) return false;
    out.version = bundle.manifest.version;
    return true;
}

} // namespace zj

// [SECTION] index
//   blobs     float32 geometry blobs <-> vectors
//   Loader    reads the tables of fields.hpp (columns by name); every failure into `err`
//   load*     one function per table group, in content.db order
//   entry     loadContentFromDb, loadContent
#include "core/content/store.hpp"
#include "core/content/fields_sql.hpp"
#include "core/content/schema.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <bit>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <cstring>
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

// [SECTION] Loader
// ----------------------------------------------------------------------------------

namespace {

using namespace fields;

// Finds the element of `items` with `id`, for attaching child rows to their parent.
template <class T>
T* byId(std::vector<T>& items, const std::string& id) {
    for (auto& item : items)
        if (item.id == id) return &item;
    return nullptr;
}

// Reads tables described by fields.hpp; every SQLite failure, missing column or bad value ends
// in `err` as "content.db: table <name>: <what>".
class Loader {
  public:
    Loader(sqlite3* db, std::string& err) : db_(db), err_(err) {}

    // Calls onRow(row, parentId, ord) for every row of `table` in source order; onRow returns
    // false (after fail()) to stop.
    template <class T, class OnRow>
    bool rows(const T& table, OnRow&& onRow) {
        sqlite3_stmt* stmt = prepare(table.name, selectSql(table));
        if (!stmt) return false;
        Columns cols;
        std::string problem;
        bool ok = resolveColumns(stmt, table, cols, problem);
        int rc = SQLITE_DONE;
        while (ok && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
            typename T::RowType row{};
            std::string parent = cols.parent >= 0 ? columnText(stmt, cols.parent) : "";
            int ord = cols.ord >= 0 ? sqlite3_column_int(stmt, cols.ord) : 0;
            std::string where = parent.empty() ? "" : parent + " ";
            if (!readRow(stmt, table, cols, row, problem)) {
                problem = "row " + where + std::to_string(ord) + ": " + problem;
                ok = false;
            } else if (!onRow(row, parent, ord)) {
                problem = err_.empty() ? "bad row" : err_;
                ok = false;
            }
        }
        if (ok && rc != SQLITE_DONE) {
            problem = sqlite3_errmsg(db_);
            ok = false;
        }
        sqlite3_finalize(stmt);
        if (!ok) err_ = std::string("content.db: table ") + table.name + ": " + problem;
        return ok;
    }

    // A Child table's rows appended to `Member` of the parent that `parentOf(id)` finds.
    template <class T, class ParentOf, class Member>
    bool children(const T& table, ParentOf&& parentOf, Member member) {
        return rows(table, [&](typename T::RowType& row, const std::string& parent, int) {
            auto* p = parentOf(parent);
            if (!p) return fail("unknown parent '" + parent + "'");
            ((*p).*member).push_back(std::move(row));
            return true;
        });
    }

    // Geometry rows into `bands` of their parent; `what` names the parent in messages.
    template <class T, class Parent>
    bool bands(const T& table, std::vector<Parent>& parents, const char* what) {
        return rows(table, [&](DistrictGeometry& g, const std::string& id, int band) {
            Parent* p = byId(parents, id);
            if (!p || band < 0 || band >= kMapBands)
                return fail(std::string(what) + " " + id + " band " + std::to_string(band) +
                            ": unknown");
            if (g.triangles.size() % 6 != 0)
                return fail(std::string(what) + " " + id + ": triangles blob is malformed");
            p->bands[size_t(band)] = std::move(g);
            return true;
        });
    }

    // A one-row query outside the field tables (PRAGMA, meta).
    bool scalar(const char* what, const char* sql, std::string& out) {
        sqlite3_stmt* stmt = prepare(what, sql);
        if (!stmt) return false;
        int rc = sqlite3_step(stmt);
        if (rc == SQLITE_ROW) out = columnText(stmt, 0);
        sqlite3_finalize(stmt);
        if (rc == SQLITE_ROW || rc == SQLITE_DONE) return true;
        err_ = std::string("content.db: ") + what + ": " + sqlite3_errmsg(db_);
        return false;
    }

    bool fail(std::string message) {
        err_ = std::move(message);
        return false;
    }

  private:
    sqlite3_stmt* prepare(const char* what, const std::string& sql) {
        sqlite3_stmt* stmt = nullptr;
        if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &stmt, nullptr) == SQLITE_OK) return stmt;
        err_ = std::string("content.db: table ") + what + ": " + sqlite3_errmsg(db_);
        sqlite3_finalize(stmt);
        return nullptr;
    }

    sqlite3* db_;
    std::string& err_;
};

template <class T>
auto parentIn(std::vector<T>& items) {
    return [&items](const std::string& id) { return byId(items, id); };
}

// Appends every row of a List table to `out`.
template <class T, class Row>
bool appendRows(Loader& q, const T& table, std::vector<Row>& out) {
    return q.rows(table, [&](Row& row, const std::string&, int) {
        out.push_back(std::move(row));
        return true;
    });
}

} // namespace

// [SECTION] load*
// -----------------------------------------------------------------------------------

static bool loadSite(Loader& q, Content& c) {
    int rows = 0;
    bool ok = q.rows(kSite, [&](Site& s, const std::string&, int) {
        c.site = std::move(s);
        ++rows;
        return true;
    });
    if (ok && rows != 1) return q.fail("content.db: table site: expected one row");
    return ok && appendRows(q, kKeyFigure, c.site.keyFigures) &&
           appendRows(q, kModule, c.modules) &&
           q.scalar("meta", "SELECT value FROM meta WHERE key = 'glyphs'", c.glyphText);
}

static bool loadMap(Loader& q, Content& c) {
    if (!appendRows(q, kDistrict, c.districts) ||
        !q.bands(kDistrictGeometry, c.districts, "district") ||
        !appendRows(q, kMapFeature, c.mapFeatures) ||
        !q.bands(kMapFeatureGeometry, c.mapFeatures, "map feature"))
        return false;
    computeMapBounds(c);
    return true;
}

static bool loadParks(Loader& q, Content& c) {
    auto park = parentIn(c.parks);
    return appendRows(q, kPark, c.parks) && q.children(kParkIndustry, park, &Park::industries) &&
           q.children(kParkPhoto, park, &Park::photos) &&
           q.children(kParkRanking, park, &Park::rankings) &&
           q.children(kParkHonour, park, &Park::honours) &&
           q.children(kParkFigure, park, &Park::figures);
}

static bool loadIndustries(Loader& q, Content& c) {
    // node id -> (industry index, node index), for attaching node children
    std::map<std::string, std::pair<size_t, size_t>> nodes;
    auto node = [&](const std::string& id) -> ChainNode* {
        auto it = nodes.find(id);
        if (it == nodes.end()) return nullptr;
        return &c.industries[it->second.first].nodes[it->second.second];
    };
    bool ok = appendRows(q, kIndustry, c.industries) &&
              q.rows(kChainNode,
                     [&](ChainNode& n, const std::string& parent, int) {
                         Industry* ind = byId(c.industries, parent);
                         if (!ind) return q.fail("unknown parent '" + parent + "'");
                         nodes[n.id] = {size_t(ind - c.industries.data()), ind->nodes.size()};
                         ind->nodes.push_back(std::move(n));
                         return true;
                     }) &&
              q.children(kChainNodePark, node, &ChainNode::parks) &&
              q.children(kChainNodeEnterprise, node, &ChainNode::enterprises);
    for (auto& ind : c.industries) ind.color &= 0xffffffu; // 0xRRGGBB, whatever the db holds
    return ok;
}

static bool loadInvest(Loader& q, Content& c) {
    return appendRows(q, kProject, c.projects) && appendRows(q, kProjectFigure, c.projectFigures) &&
           appendRows(q, kPolicy, c.policies) && appendRows(q, kEvent, c.events) &&
           appendRows(q, kContact, c.contacts);
}

static bool loadMedia(Loader& q, Content& c) {
    return appendRows(q, kPhoto, c.photos) &&
           q.rows(kVideo,
                  [&](Video& v, const std::string&, int) {
                      c.video = std::move(v);
                      return true;
                  }) &&
           q.rows(kAttract,
                  [&](Attract& a, const std::string&, int) {
                      c.attract.caption = std::move(a.caption);
                      return true;
                  }) &&
           appendRows(q, kAttractPhoto, c.attract.photos);
}

static bool loadTours(Loader& q, Content& c) {
    return appendRows(q, kTour, c.tours) &&
           q.children(kTourStop, parentIn(c.tours), &Tour::stops) &&
           appendRows(q, kAttribution, c.attributions);
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
    std::string versionText;
    bool ok = q.scalar("(user_version)", "PRAGMA user_version", versionText);
    int version = versionText.empty() ? -1 : std::atoi(versionText.c_str());
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

// [SECTION] Store
// [SECTION] Report
// [SECTION] The report command
#include "core/session/analytics.hpp"
#include "core/bundle/data_dir.hpp"

#include <sqlite3.h>

#include <cstdio>
#include <ctime>
#include <sstream>

namespace zj {

// [SECTION] Store

AnalyticsStore::~AnalyticsStore() {
    if (insert_) sqlite3_finalize(insert_);
    if (db_) sqlite3_close(db_);
}

bool AnalyticsStore::open(const std::filesystem::path& file, AnalyticsLimits limits,
                          std::string& err) {
    limits_ = limits;
    std::error_code ec;
    if (file.has_parent_path()) std::filesystem::create_directories(file.parent_path(), ec);
    if (sqlite3_open(file.c_str(), &db_) != SQLITE_OK) {
        err = file.string() + ": " + (db_ ? sqlite3_errmsg(db_) : "cannot open");
        if (db_) sqlite3_close(db_);
        db_ = nullptr;
        return false;
    }
    const char* schema = "PRAGMA journal_mode=WAL;"
                         "PRAGMA synchronous=NORMAL;" // WAL: no fsync per event, safe on crash
                         "CREATE TABLE IF NOT EXISTS events("
                         " id INTEGER PRIMARY KEY AUTOINCREMENT,"
                         " ts INTEGER NOT NULL, session INTEGER NOT NULL, kind TEXT NOT NULL,"
                         " item TEXT NOT NULL DEFAULT '', value REAL NOT NULL DEFAULT 0);"
                         "CREATE INDEX IF NOT EXISTS events_ts ON events(ts);";
    char* msg = nullptr;
    if (sqlite3_exec(db_, schema, nullptr, nullptr, &msg) != SQLITE_OK ||
        sqlite3_prepare_v2(db_,
                           "INSERT INTO events(ts, session, kind, item, value) VALUES(?,?,?,?,?)",
                           -1, &insert_, nullptr) != SQLITE_OK) {
        err = file.string() + ": " + (msg ? msg : sqlite3_errmsg(db_));
        sqlite3_free(msg);
        sqlite3_close(db_);
        db_ = nullptr;
        return false;
    }
    return true;
}

void AnalyticsStore::log(int64_t ts, int64_t session, const std::string& kind,
                         const std::string& item, double value) {
    if (!db_) return;
    sqlite3_reset(insert_);
    sqlite3_bind_int64(insert_, 1, ts);
    sqlite3_bind_int64(insert_, 2, session);
    sqlite3_bind_text(insert_, 3, kind.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(insert_, 4, item.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_double(insert_, 5, value);
    sqlite3_step(insert_); // a full disk loses counts, never the kiosk
    if (++sincePrune_ >= 500) prune(ts);
}

void AnalyticsStore::prune(int64_t nowTs) {
    if (!db_) return;
    sincePrune_ = 0;
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(db_, "DELETE FROM events WHERE ts < ?1;", -1, &st, nullptr) ==
        SQLITE_OK) {
        sqlite3_bind_int64(st, 1, nowTs - limits_.maxDays * 86400);
        sqlite3_step(st);
        sqlite3_finalize(st);
    }
    if (sqlite3_prepare_v2(db_, "DELETE FROM events WHERE id <= (SELECT MAX(id) FROM events) - ?1",
                           -1, &st, nullptr) == SQLITE_OK) {
        sqlite3_bind_int64(st, 1, limits_.maxRows);
        sqlite3_step(st);
        sqlite3_finalize(st);
    }
}

namespace {
int64_t scalar(sqlite3* db, const char* sql, int64_t bind1 = 0) {
    sqlite3_stmt* st = nullptr;
    int64_t v = 0;
    if (sqlite3_prepare_v2(db, sql, -1, &st, nullptr) != SQLITE_OK) return 0;
    if (sqlite3_bind_parameter_count(st) >= 1) sqlite3_bind_int64(st, 1, bind1);
    if (sqlite3_step(st) == SQLITE_ROW) v = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return v;
}
} // namespace

int64_t AnalyticsStore::rowCount() const {
    return db_ ? scalar(db_, "SELECT COUNT(*) FROM events") : 0;
}

int64_t AnalyticsStore::lastSessionId() const {
    return db_ ? scalar(db_, "SELECT COALESCE(MAX(session), 0) FROM events") : 0;
}

// [SECTION] Report

AnalyticsReport AnalyticsStore::report(int64_t sinceTs, int64_t utcOffsetS, size_t topN) const {
    AnalyticsReport r;
    if (!db_) return r;
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(db_,
                           "SELECT date(ts + ?2, 'unixepoch'), COUNT(*) FROM events "
                           "WHERE kind = 'session_start' AND ts >= ?1 GROUP BY 1 ORDER BY 1",
                           -1, &st, nullptr) == SQLITE_OK) {
        sqlite3_bind_int64(st, 1, sinceTs);
        sqlite3_bind_int64(st, 2, utcOffsetS);
        while (sqlite3_step(st) == SQLITE_ROW) {
            AnalyticsReport::Day d;
            d.date = reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
            d.sessions = sqlite3_column_int64(st, 1);
            r.sessions += d.sessions;
            r.sessionsPerDay.push_back(d);
        }
        sqlite3_finalize(st);
    }
    if (sqlite3_prepare_v2(db_,
                           "SELECT COALESCE(AVG(value), 0) FROM events "
                           "WHERE kind = 'session_end' AND ts >= ?1",
                           -1, &st, nullptr) == SQLITE_OK) {
        sqlite3_bind_int64(st, 1, sinceTs);
        if (sqlite3_step(st) == SQLITE_ROW) r.averageSessionS = sqlite3_column_double(st, 0);
        sqlite3_finalize(st);
    }
    r.sessionsWithModule = scalar(
        db_,
        "SELECT COUNT(DISTINCT session) FROM events WHERE kind = 'module' AND session > 0 AND "
        "ts >= ?1",
        sinceTs);
    r.sessionsWithQr = scalar(db_,
                              "SELECT COUNT(DISTINCT session) FROM events WHERE kind = 'qr_shown' "
                              "AND session > 0 AND ts >= ?1",
                              sinceTs);
    r.sessionsWithVideo = scalar(db_,
                                 "SELECT COUNT(DISTINCT session) FROM events WHERE kind = "
                                 "'video_play' AND session > 0 AND ts >= ?1",
                                 sinceTs);
    auto ranked = [&](const char* kind, AnalyticsReport::Ranked& out) {
        sqlite3_stmt* q = nullptr;
        if (sqlite3_prepare_v2(db_,
                               "SELECT item, COUNT(*) FROM events WHERE kind = ?1 AND ts >= ?2 "
                               "AND item != '' GROUP BY item ORDER BY 2 DESC, 1 LIMIT ?3",
                               -1, &q, nullptr) != SQLITE_OK)
            return;
        sqlite3_bind_text(q, 1, kind, -1, SQLITE_STATIC);
        sqlite3_bind_int64(q, 2, sinceTs);
        sqlite3_bind_int64(q, 3, static_cast<int64_t>(topN));
        while (sqlite3_step(q) == SQLITE_ROW)
            out.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(q, 0)),
                             sqlite3_column_int64(q, 1));
        sqlite3_finalize(q);
    };
    ranked(event::Module, r.modules);
    ranked(event::Park, r.parks);
    ranked(event::Industry, r.industries);
    ranked(event::Project, r.projects);
    ranked(event::Language, r.languages);
    ranked(event::QrShown, r.qrCodes);
    return r;
}

namespace {
// The report's ranked lists, in the order both formats print them.
struct RankedList {
    const char* csv;   // the CSV's section column
    const char* title; // the text report's heading
    AnalyticsReport::Ranked AnalyticsReport::*items;
};
constexpr RankedList kRankedLists[] = {
    {"module", "Top modules", &AnalyticsReport::modules},
    {"park", "Top parks", &AnalyticsReport::parks},
    {"industry", "Top industries", &AnalyticsReport::industries},
    {"project", "Top projects", &AnalyticsReport::projects},
    {"language", "Languages", &AnalyticsReport::languages},
    {"qr", "QR codes shown", &AnalyticsReport::qrCodes},
};
} // namespace

std::string formatReport(const AnalyticsReport& r, bool csv) {
    std::ostringstream o;
    char avg[32];
    std::snprintf(avg, sizeof avg, "%.1f", r.averageSessionS);
    if (csv) {
        o << "section,key,value\n";
        for (const auto& d : r.sessionsPerDay)
            o << "sessions_per_day," << d.date << ',' << d.sessions << '\n';
        o << "summary,sessions," << r.sessions << '\n';
        o << "summary,average_session_s," << avg << '\n';
        o << "funnel,attract_to_session," << r.sessions << '\n';
        o << "funnel,session_to_module," << r.sessionsWithModule << '\n';
        o << "funnel,module_to_qr," << r.sessionsWithQr << '\n';
        o << "summary,sessions_with_video," << r.sessionsWithVideo << '\n';
        for (const RankedList& l : kRankedLists)
            for (const auto& [item, n] : r.*l.items) o << l.csv << ',' << item << ',' << n << '\n';
        return o.str();
    }
    o << "Sessions per day\n";
    for (const auto& d : r.sessionsPerDay) o << "  " << d.date << "  " << d.sessions << '\n';
    o << "Sessions: " << r.sessions << ", average length " << avg << " s\n";
    o << "Funnel: " << r.sessions << " sessions -> " << r.sessionsWithModule
      << " opened a module -> " << r.sessionsWithQr << " saw a QR code\n";
    o << "Sessions that played the video: " << r.sessionsWithVideo << '\n';
    for (const RankedList& l : kRankedLists) {
        o << l.title << '\n';
        if ((r.*l.items).empty()) o << "  (none)\n";
        for (const auto& [item, n] : r.*l.items) o << "  " << item << "  " << n << '\n';
    }
    return o.str();
}

// [SECTION] The report command

namespace {
bool parseDate(const std::string& s, int64_t& ts) {
    int y = 0, m = 0, d = 0;
    if (std::sscanf(s.c_str(), "%4d-%2d-%2d", &y, &m, &d) != 3 || m < 1 || m > 12 || d < 1 ||
        d > 31)
        return false;
    std::tm tm{};
    tm.tm_year = y - 1900;
    tm.tm_mon = m - 1;
    tm.tm_mday = d;
    ts = timegm(&tm);
    return true;
}

int64_t localUtcOffset() {
    std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    return local.tm_gmtoff;
}
} // namespace

int runReportCommand(const std::vector<std::string>& args) {
    std::filesystem::path data = kDefaultDataDir;
    int64_t since = 0;
    bool csv = false;
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a == "--csv") {
            csv = true;
        } else if ((a == "--since" || a == "--data") && i + 1 < args.size()) {
            if (a == "--data") {
                data = args[++i];
            } else if (!parseDate(args[++i], since)) {
                std::fprintf(stderr, "zjmap-kiosk report: --since needs YYYY-MM-DD\n");
                return 2;
            } else {
                since -= localUtcOffset(); // local midnight
            }
        } else {
            std::fprintf(stderr,
                         "usage: zjmap-kiosk report [--since YYYY-MM-DD] [--csv] [--data DIR]\n");
            return 2;
        }
    }
    std::filesystem::path file = DataDir(data).analyticsDb();
    std::error_code ec;
    if (!std::filesystem::exists(file, ec)) {
        std::fprintf(stderr, "zjmap-kiosk report: no analytics at %s\n", file.c_str());
        return 1;
    }
    AnalyticsStore store;
    std::string err;
    if (!store.open(file, {}, err)) {
        std::fprintf(stderr, "zjmap-kiosk report: %s\n", err.c_str());
        return 1;
    }
    std::fputs(formatReport(store.report(since, localUtcOffset()), csv).c_str(), stdout);
    return 0;
}

} // namespace zj

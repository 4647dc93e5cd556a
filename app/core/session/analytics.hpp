// Privacy-safe usage counts in a local SQLite database (WAL): what was looked at, never who.
// Events carry a kind, an optional content id (a park, industry, project or screen name) and a
// number (session length). No names, no faces, no free text from visitors. Bounded: older than
// `maxDays` or beyond the newest `maxRows` rows is deleted.
#pragma once
#include "core/session/usage_events.hpp"

#include <cstdint>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace zj {

struct AnalyticsLimits {
    int64_t maxRows = 200000; // about 10 MB
    int64_t maxDays = 400;    // a year and a bit: year-on-year fairs
};

struct AnalyticsReport {
    struct Day {
        std::string date; // YYYY-MM-DD (local)
        int64_t sessions = 0;
    };
    using Ranked = std::vector<std::pair<std::string, int64_t>>; // item, count (desc)
    std::vector<Day> sessionsPerDay;
    int64_t sessions = 0;
    double averageSessionS = 0;     // over sessions that ended
    int64_t sessionsWithModule = 0; // funnel: attract -> a module ...
    int64_t sessionsWithQr = 0;     // ... -> a QR code shown
    int64_t sessionsWithVideo = 0;  // sessions that played the promo video
    Ranked modules, parks, industries, projects, languages, qrCodes;
};

class AnalyticsStore {
  public:
    AnalyticsStore() = default;
    ~AnalyticsStore();
    AnalyticsStore(const AnalyticsStore&) = delete;
    AnalyticsStore& operator=(const AnalyticsStore&) = delete;

    bool open(const std::filesystem::path& file, AnalyticsLimits limits, std::string& err);
    bool isOpen() const { return db_ != nullptr; }

    // Records one event at unix time `ts` in session `session` (0 = none). Prunes every so often.
    void log(int64_t ts, int64_t session, const std::string& kind, const std::string& item = {},
             double value = 0);
    void prune(int64_t nowTs); // applies the limits now
    int64_t rowCount() const;
    // Numbers for events at or after `sinceTs`; dates shifted by `utcOffsetS` (local days).
    AnalyticsReport report(int64_t sinceTs, int64_t utcOffsetS, size_t topN = 10) const;
    int64_t lastSessionId() const; // to continue numbering after a restart

  private:
    sqlite3* db_ = nullptr;
    sqlite3_stmt* insert_ = nullptr;
    AnalyticsLimits limits_;
    int sincePrune_ = 0;
};

// The report as text for a terminal, or CSV (section,key,value lines).
std::string formatReport(const AnalyticsReport& report, bool csv);

// `zjmap-kiosk report [--since YYYY-MM-DD] [--csv] [--data DIR]`; returns the exit code.
int runReportCommand(const std::vector<std::string>& args);

} // namespace zj

// toml++ for the session tables; one handler per key, like core/sync/config.cpp.
#include "core/session/session_config.hpp"

#include <toml++/toml.h>

#include <fstream>
#include <functional>
#include <map>
#include <sstream>
#include <sys/stat.h>

namespace zj {

namespace {

using Handler = std::function<bool(const toml::node&, SessionConfig&, std::string&)>;

Handler number(double min, double max, double SessionConfig::*field) {
    return [=](const toml::node& n, SessionConfig& c, std::string& why) {
        std::optional<double> v = n.value<double>(); // integers too
        if (!v || *v < min || *v > max) {
            why =
                "expected a number " + std::to_string(int(min)) + " .. " + std::to_string(int(max));
            return false;
        }
        c.*field = *v;
        return true;
    };
}

Handler integer(int64_t min, int64_t max, std::function<void(SessionConfig&, int64_t)> set) {
    return [=](const toml::node& n, SessionConfig& c, std::string& why) {
        std::optional<int64_t> v = n.value_exact<int64_t>();
        if (!v || *v < min || *v > max) {
            why = "expected an integer " + std::to_string(min) + " .. " + std::to_string(max);
            return false;
        }
        set(c, *v);
        return true;
    };
}

const std::map<std::string, std::map<std::string, Handler>>& tables() {
    static const std::map<std::string, std::map<std::string, Handler>> t = {
        {"attract",
         {{"idle_timeout_s", number(5, 3600, &SessionConfig::idleTimeoutS)},
          {"prompt_s", number(3, 120, &SessionConfig::promptS)},
          {"slide_s", number(2, 120, &SessionConfig::slideS)}}},
        {"staff",
         {{"pin_hash",
           [](const toml::node& n, SessionConfig& c, std::string& why) {
               auto v = n.value<std::string>();
               if (!v || v->rfind("$argon2", 0) != 0) {
                   why = "expected the output of `zjmap-kiosk hash-pin PIN`";
                   return false;
               }
               c.pinHash = *v;
               return true;
           }},
          {"development_pin",
           [](const toml::node& n, SessionConfig& c, std::string& why) {
               auto v = n.value_exact<bool>();
               if (!v) {
                   why = "expected true or false";
                   return false;
               }
               c.developmentPin = *v;
               return true;
           }},
          {"idle_timeout_s", number(30, 86400, &SessionConfig::staffIdleTimeoutS)},
          {"tour_auto_advance_s", number(0, 3600, &SessionConfig::tourAutoAdvanceS)},
          {"volume", integer(0, 100, [](SessionConfig& c, int64_t v) { c.volume = int(v); })}}},
        {"display",
         {{"hours",
           [](const toml::node& n, SessionConfig& c, std::string& why) {
               auto v = n.value<std::string>();
               if (!v) {
                   why = "expected a string like \"mon-fri 09:00-18:00\"";
                   return false;
               }
               return WeeklySchedule::parse(*v, c.hours, why);
           }},
          {"closed",
           [](const toml::node& n, SessionConfig& c, std::string& why) {
               auto v = n.value<std::string>();
               if (!v || (*v != "clock" && *v != "black")) {
                   why = "expected \"clock\" or \"black\"";
                   return false;
               }
               c.closedBlack = *v == "black";
               return true;
           }},
          {"utc_offset_minutes",
           integer(-14 * 60, 14 * 60,
                   [](SessionConfig& c, int64_t v) { c.utcOffsetMinutes = int(v); })}}},
        {"analytics",
         {{"enabled",
           [](const toml::node& n, SessionConfig& c, std::string& why) {
               auto v = n.value_exact<bool>();
               if (!v) {
                   why = "expected true or false";
                   return false;
               }
               c.analytics = *v;
               return true;
           }},
          {"max_rows",
           integer(1000, 100000000, [](SessionConfig& c, int64_t v) { c.analyticsMaxRows = v; })},
          {"max_days",
           integer(1, 3650, [](SessionConfig& c, int64_t v) { c.analyticsMaxDays = v; })}}},
    };
    return t;
}

} // namespace

bool parseSessionConfig(std::string_view text, const std::string& fileName, SessionConfig& out,
                        std::string& err) {
    toml::table root;
    try {
        root = toml::parse(text, fileName);
    } catch (const toml::parse_error& e) {
        std::ostringstream o;
        o << fileName << ":" << e.source().begin.line << ": " << e.description();
        err = o.str();
        return false;
    }
    SessionConfig c = out;
    for (const auto& [tableName, fields] : tables()) {
        const toml::node* node = root.get(tableName);
        if (!node) continue;
        const toml::table* table = node->as_table();
        if (!table) {
            err = fileName + ": [" + tableName + "] must be a table";
            return false;
        }
        for (const auto& [key, value] : *table) {
            std::string k(key.str());
            int line = static_cast<int>(value.source().begin.line);
            auto it = fields.find(k);
            std::string why = "unknown key";
            if (it == fields.end() || !it->second(value, c, why)) {
                err = fileName + ":" + std::to_string(line) + ": [" + tableName + "] " + k + ": " +
                      why;
                return false;
            }
        }
    }
    c.loadedFrom = fileName;
    out = std::move(c);
    return true;
}

bool loadSessionConfig(const std::filesystem::path& file, SessionConfig& out, std::string& err) {
    std::ifstream in(file);
    if (!in) {
        err = file.string() + ": cannot read";
        return false;
    }
    std::stringstream text;
    text << in.rdbuf();
    if (!parseSessionConfig(text.str(), file.string(), out, err)) return false;
    // A pin_hash readable by every user can be guessed offline (a 6-digit PIN against Argon2id
    // is hours of one core): warned, not refused, so a booth never loses its staff panel.
    struct stat st {};
    out.pinHashWorldReadable =
        !out.pinHash.empty() && ::stat(file.c_str(), &st) == 0 && (st.st_mode & S_IROTH);
    return true;
}

} // namespace zj

// manifest.json: canonical writer and strict parser. The parser reads network data: it never
// throws and never trusts a type it has not checked.
// [SECTION] UTC time
// [SECTION] Manifest helpers
// [SECTION] Validation rules
// [SECTION] Writer
// [SECTION] Parser
#include "core/bundle/manifest.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <set>

namespace zj {

//-----------------------------------------------------------------------------
// [SECTION] UTC time
//-----------------------------------------------------------------------------

// Howard Hinnant's days_from_civil / civil_from_days: proleptic Gregorian, no libc timezone.
static int64_t daysFromCivil(int64_t y, unsigned m, unsigned d) {
    y -= m <= 2;
    const int64_t era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = unsigned(y - era * 400);
    const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + int64_t(doe) - 719468;
}

static void civilFromDays(int64_t z, int64_t& y, unsigned& m, unsigned& d) {
    z += 719468;
    const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = unsigned(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    y = int64_t(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    d = doy - (153 * mp + 2) / 5 + 1;
    m = mp < 10 ? mp + 3 : mp - 9;
    y += m <= 2;
}

std::string formatUtc(int64_t t) {
    int64_t days = t >= 0 ? t / 86400 : (t - 86399) / 86400; // floor division
    int64_t secs = t - days * 86400;
    int64_t y;
    unsigned m, d;
    civilFromDays(days, y, m, d);
    char buf[48];
    std::snprintf(buf, sizeof(buf), "%04lld-%02u-%02uT%02d:%02d:%02dZ", (long long)y, m, d,
                  int(secs / 3600), int(secs / 60 % 60), int(secs % 60));
    return buf;
}

bool parseUtc(std::string_view s, int64_t& unixSeconds) {
    // Exactly "YYYY-MM-DDTHH:MM:SSZ": 20 characters, fixed positions.
    if (s.size() != 20 || s[4] != '-' || s[7] != '-' || s[10] != 'T' || s[13] != ':' ||
        s[16] != ':' || s[19] != 'Z')
        return false;
    auto num = [&](size_t pos, size_t len, int& out) {
        out = 0;
        for (size_t i = pos; i < pos + len; ++i) {
            if (s[i] < '0' || s[i] > '9') return false;
            out = out * 10 + (s[i] - '0');
        }
        return true;
    };
    int y, mo, d, h, mi, se;
    if (!num(0, 4, y) || !num(5, 2, mo) || !num(8, 2, d) || !num(11, 2, h) || !num(14, 2, mi) ||
        !num(17, 2, se))
        return false;
    if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || se > 59) return false;
    static const int monthDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    if (d > monthDays[mo - 1] + (mo == 2 && leap ? 1 : 0)) return false;
    unixSeconds = daysFromCivil(y, unsigned(mo), unsigned(d)) * 86400 + h * 3600 + mi * 60 + se;
    return true;
}

//-----------------------------------------------------------------------------
// [SECTION] Manifest helpers
//-----------------------------------------------------------------------------

const ManifestFile* Manifest::find(std::string_view name) const {
    for (const ManifestFile& f : files)
        if (f.name == name) return &f;
    return nullptr;
}

uint64_t Manifest::totalSize() const {
    uint64_t total = 0;
    for (const ManifestFile& f : files) total += f.size;
    return total;
}

//-----------------------------------------------------------------------------
// [SECTION] Validation rules
//-----------------------------------------------------------------------------

static constexpr size_t kMaxNameLength = 200;
static constexpr size_t kMaxManifestBytes = size_t(64) << 20; // ~400k files; more is hostile
static constexpr uint64_t kMaxFileSize = uint64_t(2) << 30;   // 2 GiB: bigger is a lie or an attack

// Plain relative path: segments of [A-Za-z0-9._-] joined by '/', none empty, "." or "..".
// Returns an empty string when fine, otherwise why not.
static std::string nameProblem(std::string_view name) {
    if (name.empty()) return "is empty";
    if (name.size() > kMaxNameLength) return "is longer than 200 characters";
    if (name.front() == '/') return "is an absolute path";
    size_t start = 0;
    while (true) {
        size_t end = name.find('/', start);
        std::string_view seg = name.substr(
            start, end == std::string_view::npos ? std::string_view::npos : end - start);
        if (seg.empty()) return "has an empty path segment";
        if (seg == "." || seg == "..") return "has a '.' or '..' segment";
        for (char c : seg) {
            bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                      c == '.' || c == '_' || c == '-';
            if (!ok) {
                if (c == '\\') return "contains a backslash";
                if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f)
                    return "contains a control character";
                return "contains a character outside [A-Za-z0-9._-/]";
            }
        }
        if (end == std::string_view::npos) break;
        start = end + 1;
    }
    return {};
}

static bool isLowerHex64(std::string_view s) {
    if (s.size() != 64) return false;
    return std::all_of(s.begin(), s.end(),
                       [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

//-----------------------------------------------------------------------------
// [SECTION] Writer
//-----------------------------------------------------------------------------

bool isValidChannel(std::string_view name) {
    if (name.empty() || name.size() > 64) return false;
    for (char c : name)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-'))
            return false;
    return true;
}

std::string manifestToJson(const Manifest& manifest) {
    // nlohmann::json (not ordered_json) keeps object keys sorted: that is the canonical order.
    std::vector<const ManifestFile*> sorted;
    for (const ManifestFile& f : manifest.files) sorted.push_back(&f);
    std::sort(sorted.begin(), sorted.end(),
              [](const ManifestFile* a, const ManifestFile* b) { return a->name < b->name; });
    nlohmann::json files = nlohmann::json::array();
    for (const ManifestFile* f : sorted)
        files.push_back({{"name", f->name}, {"sha256", f->sha256}, {"size", f->size}});
    nlohmann::json root = {{"version", manifest.version},
                           {"created", formatUtc(manifest.created)},
                           {"expires", formatUtc(manifest.expires)},
                           {"files", std::move(files)}};
    if (!manifest.channel.empty()) root["channel"] = manifest.channel;
    // Names are ASCII-only by the rules above; "replace" keeps dump() from throwing regardless.
    return root.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

//-----------------------------------------------------------------------------
// [SECTION] Parser
//-----------------------------------------------------------------------------

static bool parseFileEntry(const nlohmann::json& entry, size_t index, ManifestFile& out,
                           std::string& err) {
    std::string where = "files[" + std::to_string(index) + "]";
    if (!entry.is_object()) {
        err = where + ": must be an object";
        return false;
    }
    // Name first, so later errors can say which file.
    auto name = entry.find("name");
    if (name == entry.end() || !name->is_string()) {
        err = where + ".name: missing or not a string";
        return false;
    }
    out.name = name->get<std::string>();
    std::string problem = nameProblem(out.name);
    if (!problem.empty()) {
        // Do not echo control bytes or huge names into logs.
        std::string shown = out.name.substr(0, 80);
        for (char& c : shown)
            if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = '?';
        err = where + ".name \"" + shown + "\": " + problem;
        return false;
    }
    where += " (" + out.name + ")";
    for (auto it = entry.begin(); it != entry.end(); ++it) {
        if (it.key() != "name" && it.key() != "sha256" && it.key() != "size") {
            err = where + ": unknown field \"" + it.key().substr(0, 40) + "\"";
            return false;
        }
    }
    auto sha = entry.find("sha256");
    if (sha == entry.end() || !sha->is_string() ||
        !isLowerHex64(sha->get_ref<const std::string&>())) {
        err = where + ".sha256: must be 64 lowercase hex digits";
        return false;
    }
    out.sha256 = sha->get<std::string>();
    auto size = entry.find("size");
    if (size == entry.end() || !size->is_number_integer()) {
        err = where + ".size: missing or not an integer";
        return false;
    }
    if (size->is_number_unsigned()) {
        out.size = size->get<uint64_t>();
    } else {
        int64_t s = size->get<int64_t>();
        if (s < 0) {
            err = where + ".size: negative";
            return false;
        }
        out.size = uint64_t(s);
    }
    if (out.size > kMaxFileSize) {
        err = where + ".size: larger than 2 GiB";
        return false;
    }
    return true;
}

static bool parseManifestUnchecked(std::string_view json, Manifest& out, std::string& err) {
    if (json.size() > kMaxManifestBytes) {
        err = "manifest: larger than 64 MiB";
        return false;
    }
    nlohmann::json root = nlohmann::json::parse(json.begin(), json.end(), nullptr, false);
    if (root.is_discarded()) {
        err = "manifest: not valid JSON";
        return false;
    }
    if (!root.is_object()) {
        err = "manifest: must be a JSON object";
        return false;
    }
    for (auto it = root.begin(); it != root.end(); ++it) {
        const std::string& k = it.key();
        if (k != "version" && k != "created" && k != "expires" && k != "files" && k != "channel") {
            err = "manifest: unknown field \"" + k.substr(0, 40) + "\"";
            return false;
        }
    }
    Manifest m;
    if (auto channel = root.find("channel"); channel != root.end()) {
        if (!channel->is_string() || !isValidChannel(channel->get_ref<const std::string&>())) {
            err = "manifest.channel: expected 1 to 64 of a-z 0-9 . _ -";
            return false;
        }
        m.channel = channel->get<std::string>();
    }
    auto version = root.find("version");
    if (version == root.end() || !version->is_number_integer()) {
        err = "manifest.version: missing or not an integer";
        return false;
    }
    if (version->is_number_unsigned()) m.version = version->get<uint64_t>();
    if (m.version == 0) {
        err = "manifest.version: must be a positive integer";
        return false;
    }
    // The top version would lock a kiosk out of every later one (fast-forward): nothing can
    // be greater. zjmap-pack refuses to build it; a manifest carrying it is refused here.
    if (m.version > kMaxManifestVersion) {
        err = "manifest.version: " + std::to_string(m.version) + " is out of range (at most " +
              std::to_string(kMaxManifestVersion) + ")";
        return false;
    }
    for (const char* key : {"created", "expires"}) {
        auto field = root.find(key);
        int64_t t = 0;
        if (field == root.end() || !field->is_string() ||
            !parseUtc(field->get_ref<const std::string&>(), t)) {
            err = std::string("manifest.") + key + ": missing or not \"YYYY-MM-DDTHH:MM:SSZ\"";
            return false;
        }
        (key[0] == 'c' ? m.created : m.expires) = t;
    }
    if (m.expires <= m.created) {
        err = "manifest.expires: must be later than created";
        return false;
    }
    auto files = root.find("files");
    if (files == root.end() || !files->is_array()) {
        err = "manifest.files: missing or not an array";
        return false;
    }
    std::set<std::string> seen;
    m.files.reserve(files->size());
    for (size_t i = 0; i < files->size(); ++i) {
        ManifestFile f;
        if (!parseFileEntry((*files)[i], i, f, err)) return false;
        if (!seen.insert(f.name).second) {
            err = "files[" + std::to_string(i) + "] (" + f.name + "): duplicate name";
            return false;
        }
        m.files.push_back(std::move(f));
    }
    out = std::move(m);
    return true;
}

bool parseManifest(std::string_view json, Manifest& out, std::string& err) {
    try {
        return parseManifestUnchecked(json, out, err);
    } catch (const std::exception& e) { // belt and braces: nothing above should throw
        err = std::string("manifest: ") + e.what();
        return false;
    } catch (...) {
        err = "manifest: unexpected parse failure";
        return false;
    }
}

} // namespace zj

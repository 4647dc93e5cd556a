// [SECTION] index
//   Reader      reads one TOML table: typed getters that report missing/wrong/unknown fields
//   fields      reads the fields of a fields.hpp table by their TOML keys and member types
//   files       one function per source file of content/SCHEMA.md: the Custom fields by hand
//   loadSources parses each file (toml::parse_file) and dispatches
// The only translation unit that includes toml++ (it is header-heavy).
#include "core/content/fields.hpp"
#include "pack/sources.hpp"

#include <toml++/toml.h>

#include <chrono>
#include <functional>
#include <set>
#include <span>
#include <type_traits>

namespace zj::pack {

namespace fs = std::filesystem;

std::string displayPath(const fs::path& root, const std::string& relative) {
    return (root / relative).string();
}

size_t Diagnostics::errorCount() const {
    size_t n = 0;
    for (const auto& d : items_) n += d.warning ? 0 : 1;
    return n;
}

size_t Diagnostics::warningCount() const {
    return items_.size() - errorCount();
}

void Diagnostics::print(FILE* out) const {
    for (const auto& d : items_) {
        std::string where = d.loc.file + ":" + std::to_string(d.loc.line);
        if (d.loc.column > 0) where += ":" + std::to_string(d.loc.column);
        std::fprintf(out, "%s: %s: %s%s\n", where.c_str(),
                     d.loc.field.empty() ? "(file)" : d.loc.field.c_str(),
                     d.warning ? "warning: " : "", d.message.c_str());
    }
}

// [SECTION] Reader
// ----------------------------------------------------------------------------------

namespace {

bool validId(const std::string& id) {
    if (id.empty() || id.size() > 64) return false;
    for (char ch : id)
        if (!((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '-')) return false;
    return true;
}

int lineOf(const toml::node& node) {
    return int(node.source().begin.line);
}

// Reads the fields of one table. Every getter marks its key as known; finish() reports the keys
// nobody asked for. `path` is the field path of the table itself ("park[zj-etdz]").
class Reader {
  public:
    Reader(const toml::table& table, std::string file, std::string path, Sources& src,
           Diagnostics& diag)
        : table_(table), file_(std::move(file)), path_(std::move(path)), src_(src), diag_(diag) {}
    ~Reader() { finish(); }

    SourceLoc loc(std::string_view key) const {
        const toml::node* node = table_.get(key);
        return SourceLoc{file_, node ? lineOf(*node) : lineOf(table_), field(key)};
    }
    std::string field(std::string_view key) const {
        return path_.empty() ? std::string(key) : path_ + "." + std::string(key);
    }
    const std::string& path() const { return path_; }
    const std::string& file() const { return file_; }

    const toml::node* get(std::string_view key, bool required) {
        known_.insert(std::string(key));
        const toml::node* node = table_.get(key);
        if (!node && required) diag_.error(loc(key), "missing (required)");
        return node;
    }

    Text text(std::string_view key, bool required = true) {
        const toml::node* node = get(key, required);
        return node ? readText(*node, field(key)) : Text{};
    }
    Text readText(const toml::node& node, const std::string& fieldPath) {
        Text out;
        SourceLoc at{file_, lineOf(node), fieldPath};
        const toml::table* t = node.as_table();
        if (!t) {
            diag_.error(at, "expected a text { zh = \"...\", en = \"...\" }");
            return out;
        }
        for (auto&& [k, v] : *t) {
            std::string_view lang = k.str();
            SourceLoc langAt{file_, lineOf(v), fieldPath + "." + std::string(lang)};
            if (lang != "zh" && lang != "en") {
                diag_.error(langAt, "unknown field (a text has only zh and en)");
                continue;
            }
            if (!v.is_string()) {
                diag_.error(langAt, "expected a string");
                continue;
            }
            (lang == "zh" ? out.zh : out.en) = v.as_string()->get();
        }
        if (out.zh.empty() && out.en.empty())
            diag_.error(at, "empty text (needs zh and en)");
        else if (out.zh.empty())
            diag_.warn(at, "missing translation (zh)");
        else if (out.en.empty())
            diag_.warn(at, "missing translation (en)");
        return out;
    }

    std::string str(std::string_view key, bool required = true) {
        const toml::node* node = get(key, required);
        if (!node) return {};
        if (!node->is_string()) {
            diag_.error(loc(key), "expected a string");
            return {};
        }
        return node->as_string()->get();
    }

    // A string that must be one of `allowed`.
    std::string choice(std::string_view key, std::initializer_list<std::string_view> allowed) {
        return choice(key, std::span<const std::string_view>(allowed.begin(), allowed.size()));
    }
    std::string choice(std::string_view key, std::span<const std::string_view> allowed) {
        std::string value = str(key);
        if (!table_.get(key) || !table_.get(key)->is_string()) return value;
        for (auto a : allowed)
            if (value == a) return value;
        std::string list;
        for (auto a : allowed) list += (list.empty() ? "" : " | ") + std::string(a);
        diag_.error(loc(key), "'" + value + "' is not one of " + list);
        return value;
    }

    std::string id(const std::string& kind) {
        std::string value = str("id");
        if (table_.get("id") && table_.get("id")->is_string()) {
            if (!validId(value)) diag_.error(loc("id"), "'" + value + "' is not an id [a-z0-9-]+");
            src_.definitions.push_back({kind, value, loc("id")});
        }
        return value;
    }

    // A reference to another entity's id; empty and absent is fine when not required.
    std::string ref(std::string_view key, const std::string& kind, bool required = true) {
        std::string value = str(key, required);
        if (!value.empty()) src_.references.push_back({kind, value, loc(key)});
        return value;
    }

    std::vector<std::string> refs(std::string_view key, const std::string& kind,
                                  bool required = false) {
        std::vector<std::string> out;
        const toml::node* node = get(key, required);
        if (!node) return out;
        const toml::array* arr = node->as_array();
        if (!arr) {
            diag_.error(loc(key), "expected an array of ids");
            return out;
        }
        for (size_t i = 0; i < arr->size(); ++i) {
            const toml::node& item = *arr->get(i);
            SourceLoc at{file_, lineOf(item), field(key) + "[" + std::to_string(i) + "]"};
            if (!item.is_string()) {
                diag_.error(at, "expected an id string");
                continue;
            }
            out.push_back(item.as_string()->get());
            src_.references.push_back({kind, out.back(), at});
        }
        return out;
    }

    std::vector<Text> texts(std::string_view key) {
        std::vector<Text> out;
        const toml::node* node = get(key, false);
        if (!node) return out;
        const toml::array* arr = node->as_array();
        if (!arr) {
            diag_.error(loc(key), "expected an array of texts");
            return out;
        }
        for (size_t i = 0; i < arr->size(); ++i)
            out.push_back(readText(*arr->get(i), field(key) + "[" + std::to_string(i) + "]"));
        return out;
    }

    double number(std::string_view key, bool required = true, double fallback = 0) {
        const toml::node* node = get(key, required);
        if (!node) return fallback;
        if (auto v = node->value<double>(); v && (node->is_floating_point() || node->is_integer()))
            return *v;
        diag_.error(loc(key), "expected a number");
        return fallback;
    }

    int64_t integer(std::string_view key, bool required = true, int64_t fallback = 0) {
        const toml::node* node = get(key, required);
        if (!node) return fallback;
        if (node->is_integer()) return node->as_integer()->get();
        diag_.error(loc(key), "expected an integer");
        return fallback;
    }

    bool flag(std::string_view key, bool fallback = false) {
        const toml::node* node = get(key, false);
        if (!node) return fallback;
        if (node->is_boolean()) return node->as_boolean()->get();
        diag_.error(loc(key), "expected true or false");
        return fallback;
    }

    // Unix seconds of an offset date-time (1979-05-27T07:32:00Z).
    int64_t dateTime(std::string_view key) {
        const toml::node* node = get(key, true);
        if (!node) return 0;
        const auto* dt = node->as_date_time();
        if (!dt || !dt->get().offset) {
            diag_.error(loc(key), "expected a date-time with offset, e.g. 2026-11-27T00:00:00Z");
            return 0;
        }
        const toml::date_time& v = dt->get();
        namespace chr = std::chrono;
        chr::sys_days date = chr::year_month_day{chr::year{v.date.year}, chr::month{v.date.month},
                                                 chr::day{v.date.day}};
        return int64_t(date.time_since_epoch().count()) * 86400 + v.time.hour * 3600 +
               v.time.minute * 60 + v.time.second - int64_t(v.offset->minutes) * 60;
    }

    // Calls `each` for every table of an array of tables ([[key]]); absent is an empty array.
    void tables(std::string_view key, bool required,
                const std::function<void(Reader&, size_t)>& each) {
        const toml::node* node = get(key, required);
        if (!node) return;
        const toml::array* arr = node->as_array();
        if (!arr || !arr->is_array_of_tables()) {
            diag_.error(loc(key), "expected [[" + std::string(key) + "]] tables");
            return;
        }
        for (size_t i = 0; i < arr->size(); ++i) {
            const toml::table& t = *arr->get(i)->as_table();
            std::string label = std::to_string(i);
            if (const toml::node* idNode = t.get("id"); idNode && idNode->is_string())
                label = idNode->as_string()->get();
            Reader child(t, file_, field(key) + "[" + label + "]", src_, diag_);
            each(child, i);
        }
    }

    // Calls `each` for a single [key] table.
    void table(std::string_view key, bool required, const std::function<void(Reader&)>& each) {
        const toml::node* node = get(key, required);
        if (!node) return;
        const toml::table* t = node->as_table();
        if (!t) {
            diag_.error(loc(key), "expected a [" + std::string(key) + "] table");
            return;
        }
        Reader child(*t, file_, field(key), src_, diag_);
        each(child);
    }

    void finish() {
        if (finished_) return;
        finished_ = true;
        for (auto&& [k, v] : table_)
            if (!known_.count(std::string(k.str())))
                diag_.error(SourceLoc{file_, lineOf(v), field(k.str())}, "unknown field");
    }

    Sources& sources() { return src_; }
    bool has(std::string_view key) const { return table_.get(key) != nullptr; }
    void error(std::string_view key, std::string message) {
        diag_.error(loc(key), std::move(message));
    }

  private:
    const toml::table& table_;
    std::string file_;
    std::string path_;
    Sources& src_;
    Diagnostics& diag_;
    std::set<std::string> known_;
    bool finished_ = false;
};

// [SECTION] fields
// ----------------------------------------------------------------------------------

using namespace fields;

template <class M>
constexpr bool kPlainReadable =
    std::is_same_v<M, std::string> || std::is_same_v<M, Text> || std::is_same_v<M, bool> ||
    std::is_same_v<M, double> || std::is_same_v<M, int> || std::is_enum_v<M>;

// Every Plain field of every table has a type readField knows; anything else must be marked
// Custom (read by hand below) or Derived (filled by the pack).
template <class T>
constexpr bool plainFieldsReadable(const T& table) {
    bool ok = true;
    forEachField(table, [&](const auto& f) {
        using M = typename std::decay_t<decltype(f)>::Value;
        if constexpr (!kPlainReadable<M>) ok = ok && f.from != From::Plain;
        ok = ok && (f.from == From::Derived || f.key != nullptr); // read means a TOML key
    });
    return ok;
}
static_assert(std::apply([](const auto&... t) { return (plainFieldsReadable(t) && ...); },
                         kAllTables),
              "fields.hpp: a Plain field of a type the source loader cannot read");

// A Custom field's TOML key, found at compile time (a member the table lacks does not compile).
template <class T, class M>
consteval const char* customKey(const T& table, M T::RowType::*member) {
    const char* key = keyOf(table, member);
    if (!key) throw "fields.hpp: the table has no such field";
    return key;
}

template <class E>
void parseChoice(const std::string& name, E& out) {
    EnumNames<E>::parse(name, out); // a wrong name is reported by choice(); keep the default
}

template <class F, class M>
void readField(Reader& r, const F& f, M& out, const char* idKind) {
    bool required = f.need == Need::Required;
    if constexpr (std::is_same_v<M, std::string>) {
        if (std::string_view(f.column) == "id")
            out = r.id(idKind);
        else if (f.refKind)
            out = r.ref(f.key, f.refKind, required);
        else
            out = r.str(f.key, required);
    } else if constexpr (std::is_same_v<M, Text>) {
        out = r.text(f.key, required);
    } else if constexpr (std::is_same_v<M, bool>) {
        out = r.flag(f.key);
    } else if constexpr (std::is_same_v<M, double>) {
        out = r.number(f.key, required);
    } else if constexpr (std::is_same_v<M, int>) {
        out = int(r.integer(f.key, required));
    } else if constexpr (std::is_enum_v<M>) {
        parseChoice(r.choice(f.key, EnumNames<M>::choices), out);
    }
}

// Reads every Plain field of `table` into `row`; the caller reads Custom fields by hand.
template <class T>
void readFields(Reader& r, typename T::RowType& row, const T& table) {
    forEachField(table, [&](const auto& f) {
        if (f.from == From::Plain) readField(r, f, f.get(row), table.idKind);
    });
}

// A list of ids or texts (a Whole table) from its TOML array in the parent's table.
template <class T, class Elem>
void readList(Reader& r, const T& table, std::vector<Elem>& out) {
    const auto& f = std::get<0>(table.fields);
    if constexpr (std::is_same_v<Elem, std::string>)
        out = r.refs(f.key, f.refKind, f.need == Need::Required);
    else
        out = r.texts(f.key);
}

// The [[key]] tables of `table`, each read by its field table and then by `more` (Custom fields,
// children), appended to `out`.
template <class T, class More>
void readRows(Reader& r, const T& table, bool required, std::vector<typename T::RowType>& out,
              More&& more) {
    r.tables(table.tomlKey, required, [&](Reader& k, size_t) {
        typename T::RowType row{};
        readFields(k, row, table);
        more(k, row);
        out.push_back(std::move(row));
    });
}
template <class T>
void readRows(Reader& r, const T& table, bool required, std::vector<typename T::RowType>& out) {
    readRows(r, table, required, out, [](Reader&, auto&) {});
}

// [SECTION] files
// -----------------------------------------------------------------------------------

void readVideo(Reader& r, Sources& src) {
    Video v;
    readFields(r, v, kVideo);
    v.file = "media/video/promo.mp4";
    v.subtitlesZh = "media/video/promo.zh.srt";
    v.subtitlesEn = "media/video/promo.en.srt";
    auto media = [&](const char* key) { return MediaSource{r.str(key), r.loc(key)}; };
    src.videoFile = media(customKey(kVideo, &Video::file));
    src.subtitlesZh = media(customKey(kVideo, &Video::subtitlesZh));
    src.subtitlesEn = media(customKey(kVideo, &Video::subtitlesEn));
    src.content.video = v;
}

void readSite(Reader& root, Sources& src) {
    Content& c = src.content;
    root.table("site", true, [&](Reader& r) {
        readFields(r, c.site, kSite);
        c.site.created = r.dateTime(customKey(kSite, &Site::created));
        const char* validDays = customKey(kSite, &Site::validDays);
        int64_t days = r.integer(validDays);
        if (r.has(validDays) && (days < 1 || days > 3650)) {
            r.error(validDays, "expected 1 .. 3650 days");
            days = 0;
        }
        c.site.validDays = int(days);
    });
    root.table("video", false, [&](Reader& r) { readVideo(r, src); });
    root.table("attract", false, [&](Reader& r) {
        readFields(r, c.attract, kAttract);
        readList(r, kAttractPhoto, c.attract.photos);
    });
    readRows(root, kKeyFigure, false, c.site.keyFigures);
}

void readModules(Reader& root, Sources& src) {
    readRows(root, kModule, true, src.content.modules);
}

void readDistricts(Reader& root, Sources& src) {
    readRows(root, kDistrict, true, src.content.districts,
             [&](Reader& r, District&) { src.districtLocs.push_back(r.loc("id")); });
}

void readLocation(Reader& r, Park& p) {
    const char* key = customKey(kPark, &Park::lon); // [lon, lat]
    const toml::node* loc = r.get(key, true);
    if (!loc) return;
    const toml::array* arr = loc->as_array();
    std::optional<double> lon, lat;
    if (arr && arr->size() == 2) {
        lon = arr->get(0)->value<double>();
        lat = arr->get(1)->value<double>();
    }
    if (lon && lat && *lon >= -180 && *lon <= 180 && *lat >= -85 && *lat <= 85) {
        p.lon = *lon;
        p.lat = *lat;
    } else {
        r.error(key, "expected [lon, lat] in degrees");
    }
}

void readParks(Reader& root, Sources& src) {
    readRows(root, kPark, true, src.content.parks, [&](Reader& r, Park& p) {
        readLocation(r, p);
        readList(r, kParkIndustry, p.industries);
        readList(r, kParkPhoto, p.photos);
        readRows(r, kParkRanking, false, p.rankings);
        r.tables(kParkHonour.tomlKey, false, [&](Reader& k, size_t) {
            p.honours.push_back(k.text(std::get<0>(kParkHonour.fields).key));
        });
        readRows(r, kParkFigure, false, p.figures);
    });
}

void readIndustries(Reader& root, Sources& src) {
    readRows(root, kIndustry, true, src.content.industries, [&](Reader& r, Industry& ind) {
        const char* key = customKey(kIndustry, &Industry::color);
        std::string color = r.str(key);
        bool hex = color.size() == 7 && color[0] == '#' &&
                   color.find_first_not_of("0123456789abcdefABCDEF", 1) == std::string::npos;
        if (hex)
            ind.color = uint32_t(std::stoul(color.substr(1), nullptr, 16));
        else if (r.has(key))
            r.error(key, "expected \"#RRGGBB\"");
        readRows(r, kChainNode, false, ind.nodes, [&](Reader& n, ChainNode& node) {
            readList(n, kChainNodePark, node.parks);
            readList(n, kChainNodeEnterprise, node.enterprises);
        });
    });
}

void readProjects(Reader& root, Sources& src) {
    readRows(root, kProject, false, src.content.projects);
    readRows(root, kProjectFigure, false, src.content.projectFigures);
}

void readPolicies(Reader& root, Sources& src) {
    readRows(root, kPolicy, false, src.content.policies);
}

void readEvents(Reader& root, Sources& src) {
    readRows(root, kEvent, false, src.content.events); // a date only where the source states one
}

void readContacts(Reader& root, Sources& src) {
    readRows(root, kContact, false, src.content.contacts);
}

void readPhotos(Reader& root, Sources& src) {
    readRows(root, kPhoto, true, src.content.photos, [&](Reader& r, Photo& p) {
        const char* key = customKey(kPhoto, &Photo::file);
        src.photoFiles.push_back(MediaSource{r.str(key), r.loc(key)});
        p.file = "media/photos/" + p.id + ".jpg";
        p.thumb = "media/thumbs/" + p.id + ".jpg";
    });
}

void readTours(Reader& root, Sources& src) {
    readRows(root, kTour, false, src.content.tours, [&](Reader& r, Tour& t) {
        r.tables(kTourStop.tomlKey, true, [&](Reader& s, size_t) {
            TourStop stop;
            stop.screen = s.choice(customKey(kTourStop, &TourStop::screen),
                                   {"home", "city", "map", "industry", "invest"});
            readFields(s, stop, kTourStop);
            t.stops.push_back(std::move(stop));
        });
    });
}

void readAttributions(Reader& root, Sources& src) {
    readRows(root, kAttribution, false, src.content.attributions);
}

} // namespace

// [SECTION] loadSources
// -----------------------------------------------------------------------------

void loadSources(const fs::path& root, Sources& out, Diagnostics& diag) {
    out.root = root;
    struct SourceFile {
        const char* name;
        bool required;
        void (*read)(Reader&, Sources&);
    };
    static const SourceFile files[] = {
        {"site.toml", true, readSite},          {"photos.toml", true, readPhotos},
        {"modules.toml", true, readModules},    {"districts.toml", true, readDistricts},
        {"parks.toml", true, readParks},        {"industries.toml", true, readIndustries},
        {"projects.toml", false, readProjects}, {"policies.toml", false, readPolicies},
        {"events.toml", false, readEvents},     {"contacts.toml", false, readContacts},
        {"tours.toml", false, readTours},       {"attributions.toml", false, readAttributions},
    };
    for (const auto& f : files) {
        std::string shown = displayPath(root, f.name);
        std::error_code ec;
        if (!fs::is_regular_file(root / f.name, ec)) {
            if (f.required) diag.error(SourceLoc{shown, 1, ""}, "file not found");
            continue;
        }
        toml::table table;
        try {
            table = toml::parse_file((root / f.name).string());
        } catch (const toml::parse_error& e) {
            SourceLoc at{shown, int(e.source().begin.line), "(syntax)",
                         int(e.source().begin.column)};
            diag.error(at, "bad TOML: " + std::string(e.description()));
            continue;
        }
        Reader reader(table, shown, "", out, diag);
        f.read(reader, out);
    }
}

} // namespace zj::pack

// [SECTION] index
//   Field     one column: SQL name, member, TOML key, how the sources give it
//   Table     one table: name, shape (list | child | single), its fields
//   enums     how an enum member is spelled in the sources and in content.db
//   tables    one Table per entity and per list, in content.db order
//
// The one description of the content schema. content.db's DDL (schema.cpp), zjmap-pack's
// writer (db_writer.cpp), the kiosk's reader (store.cpp) and the source loader's field list
// (source_loader.cpp) are all generated from these tables, so a field is added in one place:
// the struct in model.hpp and its line here (then bump kContentSchemaVersion).
// The SQL type follows from the member's C++ type: std::string TEXT, Text two TEXT columns
// (<column>_zh, <column>_en), integers and bool INTEGER, float and double REAL, enums TEXT (their
// names), float vectors and strips BLOB. Every column is NOT NULL; a column named "id" is UNIQUE.
#pragma once
#include "core/content/model.hpp"

#include <string_view>
#include <tuple>

namespace zj::fields {

// [SECTION] Field
// -----------------------------------------------------------------------------------

enum class Need : uint8_t { Required, Optional }; // in the sources; content.db has every column
// How zjmap-pack's source loader fills a field: from its TOML key by the member's type (Plain),
// by hand in source_loader.cpp because the source's shape differs (Custom: [lon, lat], "#RRGGBB",
// a media path), or not from the sources at all (Derived: sizes, projections, geometry).
enum class From : uint8_t { Plain, Custom, Derived };

template <class S, class M>
struct Field {
    using Owner = S;
    using Value = M;
    const char* column;
    M S::*member;
    const char* key = nullptr; // TOML key; nullptr when Derived
    Need need = Need::Required;
    From from = From::Plain;
    const char* refKind = nullptr; // a reference to an id of this kind ("photo"), for validation

    constexpr const M& get(const S& s) const { return s.*member; }
    constexpr M& get(S& s) const { return s.*member; }
    constexpr Field as(const char* tomlKey) const {
        return with([&](Field& f) { f.key = tomlKey; });
    }
    constexpr Field optional() const {
        return with([](Field& f) { f.need = Need::Optional; });
    }
    constexpr Field refs(const char* kind) const {
        return with([&](Field& f) { f.refKind = kind; });
    }
    constexpr Field custom() const {
        return with([](Field& f) { f.from = From::Custom; });
    }

  private:
    template <class Edit>
    constexpr Field with(Edit edit) const {
        Field copy = *this;
        edit(copy);
        return copy;
    }
};

// A row that is the value itself: the elements of a list of ids or texts (park_industry).
template <class T>
struct Whole {
    using Owner = T;
    using Value = T;
    const char* column;
    const char* key; // TOML key of the list in the parent's table
    Need need = Need::Optional;
    From from = From::Plain;
    const char* refKind = nullptr;

    constexpr const T& get(const T& t) const { return t; }
    constexpr T& get(T& t) const { return t; }
    constexpr Whole required() const {
        Whole copy = *this;
        copy.need = Need::Required;
        return copy;
    }
    constexpr Whole refs(const char* kind) const {
        Whole copy = *this;
        copy.refKind = kind;
        return copy;
    }
    constexpr Whole custom() const {
        Whole copy = *this;
        copy.from = From::Custom;
        return copy;
    }
};

// From the sources, required, TOML key = column.
template <class S, class M>
constexpr Field<S, M> col(const char* column, M S::*member) {
    return Field<S, M>{column, member, column};
}
// From the sources, optional (flags are always optional: absent means false).
template <class S, class M>
constexpr Field<S, M> opt(const char* column, M S::*member) {
    return Field<S, M>{column, member, column, Need::Optional};
}
// Filled by the pack (media sizes, projected coordinates, geometry), not by the sources.
template <class S, class M>
constexpr Field<S, M> derived(const char* column, M S::*member) {
    return Field<S, M>{column, member, nullptr, Need::Optional, From::Derived};
}
template <class T>
constexpr Whole<T> whole(const char* column, const char* key) {
    return Whole<T>{column, key};
}

// [SECTION] Table
// -----------------------------------------------------------------------------------

// List: top-level rows in source order (`ord INTEGER PRIMARY KEY`). Child: rows of a parent
// (`<parent> TEXT, ord INTEGER, PRIMARY KEY (<parent>, ord)`). Single: at most one row.
enum class Shape : uint8_t { List, Child, Single };

template <class Row, class... F>
struct Table {
    using RowType = Row;
    const char* name;
    Shape shape;
    const char* parent;  // Child: the parent's id column ("park_id")
    const char* ord;     // List/Child: the order column ("ord"; "band" for geometry)
    const char* idKind;  // the kind its "id" column defines in the sources ("park")
    const char* tomlKey; // Child/List of structs: the TOML array of tables ("ranking")
    std::tuple<F...> fields;

    // What the sources call it where that is not the table's name: its [[k]] tables and the
    // kind of id they define.
    constexpr Table kind(const char* k) const {
        Table copy = *this;
        copy.idKind = k;
        copy.tomlKey = k;
        return copy;
    }
    constexpr Table orderedBy(const char* column) const {
        Table copy = *this;
        copy.ord = column;
        return copy;
    }
};

template <class... F>
using FirstOwner = typename std::tuple_element_t<0, std::tuple<F...>>::Owner;

template <class... F>
constexpr auto list(const char* name, F... f) {
    return Table<FirstOwner<F...>, F...>{name, Shape::List, nullptr, "ord", name, name, {f...}};
}
template <class... F>
constexpr auto child(const char* name, const char* parent, const char* tomlKey, F... f) {
    return Table<FirstOwner<F...>, F...>{name, Shape::Child, parent, "ord", name, tomlKey, {f...}};
}
template <class... F>
constexpr auto single(const char* name, F... f) {
    return Table<FirstOwner<F...>, F...>{name, Shape::Single, nullptr, nullptr, name, name, {f...}};
}

// Calls fn(field) for every field of `table`, in column order.
template <class T, class Fn>
constexpr void forEachField(const T& table, Fn&& fn) {
    std::apply([&](const auto&... f) { (fn(f), ...); }, table.fields);
}

// The TOML key of `member` in `table`: what the loader's hand-read (Custom) fields ask for.
template <class T, class M>
constexpr const char* keyOf(const T& table, M T::RowType::*member) {
    const char* key = nullptr;
    forEachField(table, [&](const auto& f) {
        if constexpr (requires { f.member == member; })
            if (f.member == member) key = f.key;
    });
    return key;
}

// [SECTION] enums
// -----------------------------------------------------------------------------------

template <class E>
struct EnumNames; // name(E) -> const char*, parse(string_view, E&) -> bool, choices

template <>
struct EnumNames<ParkLevel> {
    static const char* name(ParkLevel v) { return parkLevelName(v); }
    static bool parse(std::string_view s, ParkLevel& out) { return parseParkLevel(s, out); }
    static constexpr std::string_view choices[] = {"national", "provincial", "special"};
};
template <>
struct EnumNames<ChainStage> {
    static const char* name(ChainStage v) { return chainStageName(v); }
    static bool parse(std::string_view s, ChainStage& out) { return parseChainStage(s, out); }
    static constexpr std::string_view choices[] = {"upstream", "midstream", "downstream"};
};
template <>
struct EnumNames<MapFeatureKind> {
    static const char* name(MapFeatureKind v) { return mapFeatureKindName(v); }
    static bool parse(std::string_view s, MapFeatureKind& out) {
        return parseMapFeatureKind(std::string(s), out);
    }
    static constexpr std::string_view choices[] = {"neighbour", "water", "railway",
                                                   "airport",   "port",  "city"};
};

// [SECTION] tables
// -----------------------------------------------------------------------------------
// `meta` (key, value: the glyph text and the schema number) is the one table outside them.

inline constexpr auto kSite =
    single("site", col("title", &Site::title), col("subtitle", &Site::subtitle),
           col("intro", &Site::intro), col("publisher", &Site::publisher),
           col("created", &Site::created).custom(), col("valid_days", &Site::validDays).custom());
inline constexpr auto kKeyFigure = list(
    "key_figure", col("id", &KeyFigure::id), col("value", &KeyFigure::value),
    opt("unit", &KeyFigure::unit), col("year", &KeyFigure::year), col("label", &KeyFigure::label),
    opt("source", &KeyFigure::source), opt("sample", &KeyFigure::sample));
inline constexpr auto kModule =
    list("module", col("id", &Module::id), col("title", &Module::title),
         col("subtitle", &Module::subtitle), col("photo", &Module::photo).refs("photo"));

inline constexpr auto kDistrict =
    list("district", col("id", &District::id), col("name", &District::name),
         derived("label_x", &District::labelX), derived("label_y", &District::labelY),
         derived("min_x", &District::minX), derived("min_y", &District::minY),
         derived("max_x", &District::maxX), derived("max_y", &District::maxY));
// triangles: x,y per vertex, 3 vertices per triangle; outlines: closed strips of x,y pairs, one
// strip after another, separated by a (NaN, NaN) pair. One row per band (0 coarse .. 2 fine).
inline constexpr auto kDistrictGeometry = child("district_geometry", "district_id", nullptr,
                                                derived("tolerance", &DistrictGeometry::tolerance),
                                                derived("triangles", &DistrictGeometry::triangles),
                                                derived("outlines", &DistrictGeometry::outlines))
                                              .orderedBy("band");
// The base map: neighbouring cities, water, railways, airports, ports, inset cities. Points have
// no geometry rows; `lines` holds areas' closed outlines and railways' open strips.
inline constexpr auto kMapFeature =
    list("map_feature", derived("id", &MapFeature::id), derived("kind", &MapFeature::kind),
         derived("name", &MapFeature::name), derived("rank", &MapFeature::rank),
         derived("label_x", &MapFeature::labelX), derived("label_y", &MapFeature::labelY),
         derived("min_x", &MapFeature::minX), derived("min_y", &MapFeature::minY),
         derived("max_x", &MapFeature::maxX), derived("max_y", &MapFeature::maxY),
         derived("distance_km", &MapFeature::distanceKm), derived("code", &MapFeature::code),
         derived("travel_minutes", &MapFeature::travelMinutes),
         derived("travel_sample", &MapFeature::travelSample));
inline constexpr auto kMapFeatureGeometry =
    child("map_feature_geometry", "feature_id", nullptr,
          derived("tolerance", &DistrictGeometry::tolerance),
          derived("triangles", &DistrictGeometry::triangles),
          derived("lines", &DistrictGeometry::outlines))
        .orderedBy("band");

inline constexpr auto kPark = list(
    "park", col("id", &Park::id), col("name", &Park::name), col("short", &Park::short_),
    col("level", &Park::level), col("kind", &Park::kind),
    col("district", &Park::district).refs("district"),
    col("lon", &Park::lon).as("location").custom(), col("lat", &Park::lat).as("location").custom(),
    derived("x", &Park::x), derived("y", &Park::y), opt("approximate", &Park::approximate),
    col("intro", &Park::intro), opt("url", &Park::url), opt("sample", &Park::sample));
inline constexpr auto kParkIndustry =
    child("park_industry", "park_id", nullptr,
          whole<std::string>("industry_id", "industries").refs("industry"));
inline constexpr auto kParkPhoto =
    child("park_photo", "park_id", nullptr, whole<std::string>("photo_id", "photos").refs("photo"));
inline constexpr auto kParkRanking = child(
    "park_ranking", "park_id", "ranking", col("text", &Ranking::text), opt("rank", &Ranking::rank),
    opt("of_total", &Ranking::of).as("of"), opt("year", &Ranking::year));
// [[park.honour]] tables of one `text` each.
inline constexpr auto kParkHonour =
    child("park_honour", "park_id", "honour", whole<Text>("text", "text").custom());
inline constexpr auto kParkFigure =
    child("park_figure", "park_id", "figure", col("label", &ParkFigure::label),
          col("value", &ParkFigure::value), opt("unit", &ParkFigure::unit),
          opt("sample", &ParkFigure::sample));

inline constexpr auto kIndustry =
    list("industry", col("id", &Industry::id), col("name", &Industry::name),
         col("color", &Industry::color).custom(), col("summary", &Industry::summary),
         opt("sample", &Industry::sample));
inline constexpr auto kChainNode =
    child("chain_node", "industry_id", "node", col("id", &ChainNode::id),
          col("stage", &ChainNode::stage), col("name", &ChainNode::name),
          opt("sample", &ChainNode::sample))
        .kind("node");
inline constexpr auto kChainNodePark = child("chain_node_park", "node_id", nullptr,
                                             whole<std::string>("park_id", "parks").refs("park"));
inline constexpr auto kChainNodeEnterprise =
    child("chain_node_enterprise", "node_id", nullptr, whole<Text>("name", "enterprises"));

inline constexpr auto kProject =
    list("project", col("id", &Project::id), col("name", &Project::name),
         col("summary", &Project::summary), col("industry", &Project::industry).refs("industry"),
         col("park", &Project::park).refs("park"), col("investment", &Project::investment),
         opt("contact", &Project::contact).refs("contact"), opt("sample", &Project::sample));
inline constexpr auto kProjectFigure =
    list("project_figure", col("id", &ProjectFigure::id), col("value", &ProjectFigure::value),
         opt("unit", &ProjectFigure::unit), col("label", &ProjectFigure::label),
         opt("year", &ProjectFigure::year), opt("sample", &ProjectFigure::sample))
        .kind("figure");
inline constexpr auto kPolicy = list("policy", col("id", &Policy::id), col("title", &Policy::title),
                                     col("body", &Policy::body), opt("sample", &Policy::sample));
inline constexpr auto kEvent =
    list("event", col("id", &Event::id), opt("date", &Event::date), col("title", &Event::title),
         col("body", &Event::body), opt("sample", &Event::sample));
inline constexpr auto kContact =
    list("contact", col("id", &Contact::id), col("name", &Contact::name), col("org", &Contact::org),
         opt("phone", &Contact::phone), opt("email", &Contact::email), opt("url", &Contact::url),
         opt("sample", &Contact::sample));

inline constexpr auto kPhoto =
    list("photo", col("id", &Photo::id), col("file", &Photo::file).custom(),
         derived("thumb", &Photo::thumb), derived("width", &Photo::width),
         derived("height", &Photo::height), derived("thumb_width", &Photo::thumbWidth),
         derived("thumb_height", &Photo::thumbHeight), col("caption", &Photo::caption),
         opt("park", &Photo::park).refs("park"), opt("sample", &Photo::sample));
inline constexpr auto kVideo = single(
    "video", col("file", &Video::file).custom(), col("subtitles_zh", &Video::subtitlesZh).custom(),
    col("subtitles_en", &Video::subtitlesEn).custom(), col("title", &Video::title),
    derived("width", &Video::width), derived("height", &Video::height),
    derived("duration", &Video::duration), opt("sample", &Video::sample));
inline constexpr auto kAttract = single("attract", col("caption", &Attract::caption));
inline constexpr auto kAttractPhoto =
    list("attract_photo", whole<std::string>("photo_id", "photos").required().refs("photo"));

inline constexpr auto kTour = list("tour", col("id", &Tour::id), col("title", &Tour::title));
inline constexpr auto kTourStop =
    child("tour_stop", "tour_id", "stop", col("screen", &TourStop::screen).custom(),
          opt("selection", &TourStop::selection).refs("selection"), col("note", &TourStop::note));
inline constexpr auto kAttribution =
    list("attribution", col("what", &Attribution::what), col("source", &Attribution::source));

// Every table, in content.db order (the DDL's order).
inline constexpr auto kAllTables = std::make_tuple(
    kSite, kKeyFigure, kModule, kDistrict, kDistrictGeometry, kMapFeature, kMapFeatureGeometry,
    kPark, kParkIndustry, kParkPhoto, kParkRanking, kParkHonour, kParkFigure, kIndustry, kChainNode,
    kChainNodePark, kChainNodeEnterprise, kProject, kProjectFigure, kPolicy, kEvent, kContact,
    kPhoto, kVideo, kAttract, kAttractPhoto, kTour, kTourStop, kAttribution);

template <class Fn>
constexpr void forEachTable(Fn&& fn) {
    std::apply([&](const auto&... t) { (fn(t), ...); }, kAllTables);
}

} // namespace zj::fields

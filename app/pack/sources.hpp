// The build's internal model: content sources as loaded, where each value came from (file, line,
// field) so that every later check can name them, and the diagnostics collected on the way.
#pragma once
#include "core/bundle/bundle_writer.hpp"
#include "core/content/model.hpp"

#include <cstdio>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace zj::pack {

// Where a value is: the file (as given on the command line, joined with its relative name),
// its 1-based line, and a field path like "park[zj-etdz].name.en".
struct SourceLoc {
    std::string file;
    int line = 0;
    std::string field;
    int column = 0; // printed as file:line:col when known (syntax errors)
};

struct Diagnostic {
    bool warning = false; // warnings are printed but do not stop the build
    SourceLoc loc;
    std::string message;
};

class Diagnostics {
  public:
    void error(const SourceLoc& loc, std::string message) {
        items_.push_back({false, loc, std::move(message)});
    }
    void warn(const SourceLoc& loc, std::string message) {
        items_.push_back({true, loc, std::move(message)});
    }
    size_t errorCount() const;
    size_t warningCount() const;
    const std::vector<Diagnostic>& items() const { return items_; }
    // "file:line: field: message" (warnings say "warning: message"), in the order found.
    void print(FILE* out) const;

  private:
    std::vector<Diagnostic> items_;
};

// An id as defined (for duplicate checks) or as referenced (for dangling-reference checks).
struct IdUse {
    std::string kind; // "park", "industry", "photo", "contact", "district", "selection", ...
    std::string id;
    SourceLoc loc;
};

struct MediaSource {
    std::string path; // relative to the content root, as written in the TOML
    SourceLoc loc;    // the field that names it
};

struct Sources {
    std::filesystem::path root;
    Content content;                        // texts, ids and numbers; media/geo not processed yet
    std::vector<IdUse> definitions;         // every id defined
    std::vector<IdUse> references;          // every id referenced
    std::vector<MediaSource> photoFiles;    // parallel to content.photos
    std::optional<MediaSource> videoFile;   // with content.video
    std::optional<MediaSource> subtitlesZh; // with content.video
    std::optional<MediaSource> subtitlesEn; // with content.video
    std::vector<SourceLoc> districtLocs;    // parallel to content.districts (the [[district]])
    std::string geoFile = "geo/zhenjiang-districts.geojson"; // relative to root
};

std::string displayPath(const std::filesystem::path& root, const std::string& relative);

// source_loader.cpp: parses every TOML file of the root into `out`. Collects all errors.
void loadSources(const std::filesystem::path& root, Sources& out, Diagnostics& diag);

// validate.cpp: duplicate ids, dangling references, the four modules.
void validateSources(const Sources& sources, Diagnostics& diag);

// media.cpp: checks and processes photos, the video and its subtitles. Appends the bundle files
// (media/photos/<id>.jpg, media/thumbs/<id>.jpg, media/video/...) and fills sizes into content.
// `subtitleText` receives the subtitles' text (for the glyph set).
void processMedia(Sources& sources, Diagnostics& diag, std::vector<BundleInputFile>& files,
                  std::string& subtitleText);

// geo.cpp: reads the GeoJSON, projects, simplifies, triangulates; fills districts and parks' x/y.
void processGeo(Sources& sources, Diagnostics& diag);

// geo_layers.cpp: the base map (content/geo/neighbours, water, transport, places .geojson, each
// optional): projected, smoothed where quantised, simplified per band, triangulated, labelled,
// into content.mapFeatures. Called by processGeo.
void processMapLayers(Sources& sources, Diagnostics& diag);

// glyphs.cpp: every distinct code point <= U+FFFF of every text, sorted, as UTF-8.
std::string collectGlyphs(const Content& content, const std::string& extraText);
// font_atlas_bake.cpp: the kiosk's font atlas for this content, baked (platform/font_atlas.hpp).
bool bakeFontAtlas(const Content& content, std::string& out, std::string& err);

// fingerprint.cpp: one SHA-256 (hex) over every source file under `root` (path, size, bytes),
// leaving out keys/, scripts/ and dot-files.
bool sourcesFingerprint(const std::filesystem::path& root, std::string& hexOut, std::string& err);

// Beside a built bundle: which sources it came from ("HEX SRC"), for publish's proof check.
inline constexpr const char* kSourcesRecord = "sources.sha256";
// In the sources folder: the newest proof's verdict ("HEX FINDINGS FAILED_WALKS INDEX").
inline constexpr const char* kProofRecord = ".zjmap-proof";

// db_writer.cpp: content.db bytes (deterministic for the same content).
bool writeContentDb(const Content& content, std::string& bytes, std::string& err);

} // namespace zj::pack

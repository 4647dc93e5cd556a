// content.db DDL. Keep in step with db_writer.cpp (pack) and store.cpp (loader).
#include "core/content/schema.hpp"

namespace zj {

const char* contentSchemaSql() {
    return R"sql(
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE site (
  title_zh TEXT NOT NULL, title_en TEXT NOT NULL, subtitle_zh TEXT NOT NULL, subtitle_en TEXT NOT NULL,
  intro_zh TEXT NOT NULL, intro_en TEXT NOT NULL, publisher_zh TEXT NOT NULL, publisher_en TEXT NOT NULL,
  created INTEGER NOT NULL, valid_days INTEGER NOT NULL);
CREATE TABLE key_figure (
  ord INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, value REAL NOT NULL, unit TEXT NOT NULL,
  year INTEGER NOT NULL, label_zh TEXT NOT NULL, label_en TEXT NOT NULL, source_zh TEXT NOT NULL,
  source_en TEXT NOT NULL, sample INTEGER NOT NULL);
CREATE TABLE module (
  ord INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, title_zh TEXT NOT NULL, title_en TEXT NOT NULL,
  subtitle_zh TEXT NOT NULL, subtitle_en TEXT NOT NULL, photo TEXT NOT NULL);
CREATE TABLE district (
  ord INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, name_zh TEXT NOT NULL, name_en TEXT NOT NULL,
  label_x REAL NOT NULL, label_y REAL NOT NULL,
  min_x REAL NOT NULL, min_y REAL NOT NULL, max_x REAL NOT NULL, max_y REAL NOT NULL);
-- triangles: x,y per vertex, 3 vertices per triangle; outlines: closed strips of x,y pairs, one
-- strip after another, separated by a (NaN, NaN) pair.
CREATE TABLE district_geometry (
  district_id TEXT NOT NULL, band INTEGER NOT NULL, tolerance REAL NOT NULL,
  triangles BLOB NOT NULL, outlines BLOB NOT NULL, PRIMARY KEY (district_id, band));
-- The base map (neighbouring cities, water, railways, airports, ports, inset cities). kind is
-- mapFeatureKindName(); points have no geometry rows. lines: for areas their closed outlines, for
-- railways open strips; the same NaN-separated encoding as district outlines.
CREATE TABLE map_feature (
  ord INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, kind TEXT NOT NULL, name_zh TEXT NOT NULL,
  name_en TEXT NOT NULL, rank INTEGER NOT NULL, label_x REAL NOT NULL, label_y REAL NOT NULL,
  min_x REAL NOT NULL, min_y REAL NOT NULL, max_x REAL NOT NULL, max_y REAL NOT NULL,
  distance_km REAL NOT NULL, code TEXT NOT NULL, travel_minutes REAL NOT NULL,
  travel_sample INTEGER NOT NULL);
CREATE TABLE map_feature_geometry (
  feature_id TEXT NOT NULL, band INTEGER NOT NULL, tolerance REAL NOT NULL,
  triangles BLOB NOT NULL, lines BLOB NOT NULL, PRIMARY KEY (feature_id, band));
CREATE TABLE park (
  ord INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, name_zh TEXT NOT NULL, name_en TEXT NOT NULL,
  short_zh TEXT NOT NULL, short_en TEXT NOT NULL, level TEXT NOT NULL, kind_zh TEXT NOT NULL,
  kind_en TEXT NOT NULL, district TEXT NOT NULL, lon REAL NOT NULL, lat REAL NOT NULL,
  x REAL NOT NULL, y REAL NOT NULL, approximate INTEGER NOT NULL, intro_zh TEXT NOT NULL,
  intro_en TEXT NOT NULL, url TEXT NOT NULL, sample INTEGER NOT NULL);
CREATE TABLE park_industry (park_id TEXT NOT NULL, ord INTEGER NOT NULL, industry_id TEXT NOT NULL,
  PRIMARY KEY (park_id, ord));
CREATE TABLE park_photo (park_id TEXT NOT NULL, ord INTEGER NOT NULL, photo_id TEXT NOT NULL,
  PRIMARY KEY (park_id, ord));
CREATE TABLE park_ranking (
  park_id TEXT NOT NULL, ord INTEGER NOT NULL, text_zh TEXT NOT NULL, text_en TEXT NOT NULL,
  rank INTEGER NOT NULL, of_total INTEGER NOT NULL, year INTEGER NOT NULL, PRIMARY KEY (park_id, ord));
CREATE TABLE park_honour (park_id TEXT NOT NULL, ord INTEGER NOT NULL, text_zh TEXT NOT NULL,
  text_en TEXT NOT NULL, PRIMARY KEY (park_id, ord));
CREATE TABLE park_figure (
  park_id TEXT NOT NULL, ord INTEGER NOT NULL, label_zh TEXT NOT NULL, label_en TEXT NOT NULL,
  value REAL NOT NULL, unit_zh TEXT NOT NULL, unit_en TEXT NOT NULL, sample INTEGER NOT NULL,
  PRIMARY KEY (park_id, ord));
CREATE TABLE industry (
  ord INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, name_zh TEXT NOT NULL, name_en TEXT NOT NULL,
  color INTEGER NOT NULL, summary_zh TEXT NOT NULL, summary_en TEXT NOT NULL, sample INTEGER NOT NULL);
CREATE TABLE chain_node (
  industry_id TEXT NOT NULL, ord INTEGER NOT NULL, id TEXT NOT NULL UNIQUE, stage TEXT NOT NULL,
  name_zh TEXT NOT NULL, name_en TEXT NOT NULL, sample INTEGER NOT NULL,
  PRIMARY KEY (industry_id, ord));
CREATE TABLE chain_node_park (node_id TEXT NOT NULL, ord INTEGER NOT NULL, park_id TEXT NOT NULL,
  PRIMARY KEY (node_id, ord));
CREATE TABLE chain_node_enterprise (node_id TEXT NOT NULL, ord INTEGER NOT NULL,
  name_zh TEXT NOT NULL, name_en TEXT NOT NULL, PRIMARY KEY (node_id, ord));
CREATE TABLE project (
  ord INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, name_zh TEXT NOT NULL, name_en TEXT NOT NULL,
  summary_zh TEXT NOT NULL, summary_en TEXT NOT NULL, industry TEXT NOT NULL, park TEXT NOT NULL,
  investment REAL NOT NULL, contact TEXT NOT NULL, sample INTEGER NOT NULL);
CREATE TABLE project_figure (
  ord INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, value REAL NOT NULL, unit_zh TEXT NOT NULL,
  unit_en TEXT NOT NULL, label_zh TEXT NOT NULL, label_en TEXT NOT NULL, year INTEGER NOT NULL,
  sample INTEGER NOT NULL);
CREATE TABLE policy (
  ord INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, title_zh TEXT NOT NULL, title_en TEXT NOT NULL,
  body_zh TEXT NOT NULL, body_en TEXT NOT NULL, sample INTEGER NOT NULL);
CREATE TABLE event (
  ord INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, date TEXT NOT NULL, title_zh TEXT NOT NULL,
  title_en TEXT NOT NULL, body_zh TEXT NOT NULL, body_en TEXT NOT NULL, sample INTEGER NOT NULL);
CREATE TABLE contact (
  ord INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, name_zh TEXT NOT NULL, name_en TEXT NOT NULL,
  org_zh TEXT NOT NULL, org_en TEXT NOT NULL, phone TEXT NOT NULL, email TEXT NOT NULL,
  url TEXT NOT NULL, sample INTEGER NOT NULL);
CREATE TABLE photo (
  ord INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, file TEXT NOT NULL, thumb TEXT NOT NULL,
  width INTEGER NOT NULL, height INTEGER NOT NULL, thumb_width INTEGER NOT NULL,
  thumb_height INTEGER NOT NULL, caption_zh TEXT NOT NULL, caption_en TEXT NOT NULL,
  park TEXT NOT NULL, sample INTEGER NOT NULL);
CREATE TABLE video (
  file TEXT NOT NULL, subtitles_zh TEXT NOT NULL, subtitles_en TEXT NOT NULL, title_zh TEXT NOT NULL,
  title_en TEXT NOT NULL, width INTEGER NOT NULL, height INTEGER NOT NULL, duration REAL NOT NULL,
  sample INTEGER NOT NULL);
CREATE TABLE attract (caption_zh TEXT NOT NULL, caption_en TEXT NOT NULL);
CREATE TABLE attract_photo (ord INTEGER PRIMARY KEY, photo_id TEXT NOT NULL);
CREATE TABLE tour (ord INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, title_zh TEXT NOT NULL,
  title_en TEXT NOT NULL);
CREATE TABLE tour_stop (
  tour_id TEXT NOT NULL, ord INTEGER NOT NULL, screen TEXT NOT NULL, selection TEXT NOT NULL,
  note_zh TEXT NOT NULL, note_en TEXT NOT NULL, PRIMARY KEY (tour_id, ord));
CREATE TABLE attribution (ord INTEGER PRIMARY KEY, what_zh TEXT NOT NULL, what_en TEXT NOT NULL,
  source TEXT NOT NULL);
)sql";
}

} // namespace zj

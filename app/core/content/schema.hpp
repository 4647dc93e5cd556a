// content.db: the SQLite schema a bundle's content lives in. Written by zjmap-pack, read by
// loadContent (store.hpp). Bump kContentSchemaVersion on any change; the kiosk refuses other
// versions instead of misreading them.
#pragma once

namespace zj {

inline constexpr int kContentSchemaVersion =
    2; // PRAGMA user_version of content.db (2: map_feature)

// The DDL, one statement after another (for sqlite3_exec), generated from fields.hpp.
// Conventions: bilingual columns end in _zh/_en; `ord` keeps source (display) order; child
// tables name their parent's id; geometry is little-endian float32 blobs (x,y pairs, Web
// Mercator metres).
const char* contentSchemaSql();

} // namespace zj

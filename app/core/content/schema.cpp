// content.db DDL, generated from the field tables (fields.hpp) so that it cannot drift from the
// writer (db_writer.cpp) and the reader (store.cpp).
#include "core/content/schema.hpp"
#include "core/content/fields_sql.hpp"

#include <string>

namespace zj {

const char* contentSchemaSql() {
    static const std::string sql = [] {
        std::string out = "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);\n";
        fields::forEachTable([&](const auto& table) { out += fields::createTableSql(table); });
        return out;
    }();
    return sql.c_str();
}

} // namespace zj

// The non-template half of fields_sql.hpp: one bind and one read per SQL value kind.
#include "core/content/fields_sql.hpp"
#include "core/content/store.hpp"

namespace zj::fields {

void bindValue(sqlite3_stmt* s, int& i, const std::string& v) {
    sqlite3_bind_text(s, i++, v.data(), int(v.size()), SQLITE_TRANSIENT);
}
void bindValue(sqlite3_stmt* s, int& i, const Text& v) {
    bindValue(s, i, v.zh);
    bindValue(s, i, v.en);
}
void bindValue(sqlite3_stmt* s, int& i, double v) {
    sqlite3_bind_double(s, i++, v);
}
void bindValue(sqlite3_stmt* s, int& i, int64_t v) {
    sqlite3_bind_int64(s, i++, v);
}
static void bindBlob(sqlite3_stmt* s, int& i, const std::string& bytes) {
    sqlite3_bind_blob(s, i++, bytes.data(), int(bytes.size()), SQLITE_TRANSIENT);
}
void bindValue(sqlite3_stmt* s, int& i, const std::vector<float>& v) {
    bindBlob(s, i, floatsToBlob(v));
}
void bindValue(sqlite3_stmt* s, int& i, const Strips& v) {
    bindBlob(s, i, stripsToBlob(v));
}

int columnIndex(sqlite3_stmt* s, const std::string& name) {
    int n = sqlite3_column_count(s);
    for (int i = 0; i < n; ++i)
        if (const char* c = sqlite3_column_name(s, i); c && name == c) return i;
    return -1;
}

std::string columnText(sqlite3_stmt* s, int col) {
    const unsigned char* text = sqlite3_column_text(s, col);
    return text ? std::string(reinterpret_cast<const char*>(text),
                              size_t(sqlite3_column_bytes(s, col)))
                : std::string();
}

bool readValue(sqlite3_stmt* s, const int*& col, std::string& out, std::string&) {
    out = columnText(s, *col++);
    return true;
}
bool readValue(sqlite3_stmt* s, const int*& col, Text& out, std::string&) {
    out.zh = columnText(s, *col++);
    out.en = columnText(s, *col++);
    return true;
}
bool readValue(sqlite3_stmt* s, const int*& col, double& out, std::string&) {
    out = sqlite3_column_double(s, *col++);
    return true;
}
bool readValue(sqlite3_stmt* s, const int*& col, int64_t& out, std::string&) {
    out = sqlite3_column_int64(s, *col++);
    return true;
}
bool readValue(sqlite3_stmt* s, const int*& col, std::vector<float>& out, std::string& problem) {
    int c = *col++;
    if (blobToFloats(sqlite3_column_blob(s, c), size_t(sqlite3_column_bytes(s, c)), out))
        return true;
    problem = "blob is malformed";
    return false;
}
bool readValue(sqlite3_stmt* s, const int*& col, Strips& out, std::string& problem) {
    int c = *col++;
    if (blobToStrips(sqlite3_column_blob(s, c), size_t(sqlite3_column_bytes(s, c)), out))
        return true;
    problem = "blob is malformed";
    return false;
}

} // namespace zj::fields

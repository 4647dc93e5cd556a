// [SECTION] index
//   types     the SQL type of a member's C++ type; the SQL columns of a field
//   sql       CREATE TABLE, INSERT and SELECT text of a Table
//   bind      a row's values into an INSERT (zjmap-pack's writer)
//   read      a row out of a SELECT, columns found by name (the kiosk's reader)
//
// The SQLite side of fields.hpp, shared by the writer in pack/ and the reader in core/.
#pragma once
#include "core/content/fields.hpp"

#include <sqlite3.h>

#include <string>
#include <type_traits>
#include <vector>

namespace zj::fields {

// [SECTION] types
// -----------------------------------------------------------------------------------

using Strips = std::vector<std::vector<float>>;

template <class M>
inline constexpr bool kIsText = std::is_same_v<M, Text>;

template <class M>
constexpr const char* sqlType() {
    if constexpr (std::is_same_v<M, std::string> || std::is_enum_v<M> || kIsText<M>)
        return "TEXT";
    else if constexpr (std::is_integral_v<M>) // bool too
        return "INTEGER";
    else if constexpr (std::is_floating_point_v<M>)
        return "REAL";
    else if constexpr (std::is_same_v<M, std::vector<float>> || std::is_same_v<M, Strips>)
        return "BLOB";
    else
        static_assert(sizeof(M) == 0, "fields.hpp: no SQL type for this member type");
}

// Calls fn(column name) for each SQL column of field `f`: a Text gives <column>_zh, <column>_en.
template <class F, class Fn>
void forEachColumn(const F& f, Fn&& fn) {
    if constexpr (kIsText<typename F::Value>) {
        fn(std::string(f.column) + "_zh");
        fn(std::string(f.column) + "_en");
    } else {
        fn(std::string(f.column));
    }
}

// [SECTION] sql
// -----------------------------------------------------------------------------------

template <class T>
std::string createTableSql(const T& table) {
    std::string sql = std::string("CREATE TABLE ") + table.name + " (";
    std::string sep;
    auto add = [&](const std::string& def) {
        sql += sep + def;
        sep = ", ";
    };
    if (table.shape == Shape::List) add(std::string(table.ord) + " INTEGER PRIMARY KEY");
    if (table.shape == Shape::Child) {
        add(std::string(table.parent) + " TEXT NOT NULL");
        add(std::string(table.ord) + " INTEGER NOT NULL");
    }
    forEachField(table, [&](const auto& f) {
        const char* type = sqlType<typename std::decay_t<decltype(f)>::Value>();
        forEachColumn(f, [&](const std::string& column) {
            add(column + " " + type + " NOT NULL" + (column == "id" ? " UNIQUE" : ""));
        });
    });
    if (table.shape == Shape::Child)
        add(std::string("PRIMARY KEY (") + table.parent + ", " + table.ord + ")");
    return sql + ");\n";
}

// INSERT INTO t (parent, ord, columns...) VALUES (?, ...): bound by bindRow in that order.
template <class T>
std::string insertSql(const T& table) {
    std::string columns;
    int count = 0;
    auto add = [&](const std::string& c) { columns += (count++ ? ", " : "") + c; };
    if (table.shape == Shape::Child) add(table.parent);
    if (table.shape != Shape::Single) add(table.ord);
    forEachField(table, [&](const auto& f) { forEachColumn(f, add); });
    std::string marks;
    for (int i = 0; i < count; ++i) marks += i ? ", ?" : "?";
    return std::string("INSERT INTO ") + table.name + " (" + columns + ") VALUES (" + marks + ")";
}

// Every column (found by name by resolveColumns), rows in source order.
template <class T>
std::string selectSql(const T& table) {
    std::string sql = std::string("SELECT * FROM ") + table.name;
    if (table.shape == Shape::Child)
        sql += std::string(" ORDER BY ") + table.parent + ", " + table.ord;
    else if (table.shape == Shape::List)
        sql += std::string(" ORDER BY ") + table.ord;
    return sql;
}

// [SECTION] bind
// -----------------------------------------------------------------------------------

void bindValue(sqlite3_stmt* s, int& i, const std::string& v);
void bindValue(sqlite3_stmt* s, int& i, const Text& v); // two columns
void bindValue(sqlite3_stmt* s, int& i, double v);
void bindValue(sqlite3_stmt* s, int& i, int64_t v);
void bindValue(sqlite3_stmt* s, int& i, const std::vector<float>& v);
void bindValue(sqlite3_stmt* s, int& i, const Strips& v);

template <class M>
void bindMember(sqlite3_stmt* s, int& i, const M& v) {
    if constexpr (std::is_enum_v<M>)
        bindValue(s, i, std::string(EnumNames<M>::name(v)));
    else if constexpr (std::is_integral_v<M>)
        bindValue(s, i, int64_t(v));
    else if constexpr (std::is_floating_point_v<M>)
        bindValue(s, i, double(v));
    else
        bindValue(s, i, v);
}

// Binds parent id (Child), ord (List, Child) and every field of `row`, as insertSql orders them.
template <class T>
void bindRow(sqlite3_stmt* s, const T& table, const std::string& parent, size_t ord,
             const typename T::RowType& row) {
    int i = 1;
    if (table.shape == Shape::Child) bindValue(s, i, parent);
    if (table.shape != Shape::Single) bindValue(s, i, int64_t(ord));
    forEachField(table, [&](const auto& f) { bindMember(s, i, f.get(row)); });
}

// [SECTION] read
// -----------------------------------------------------------------------------------

// Where each expected column is in a SELECT * result (-1: not there).
struct Columns {
    int parent = -1, ord = -1;
    std::vector<int> at; // per SQL column of the fields, in forEachColumn order
};

int columnIndex(sqlite3_stmt* s, const std::string& name);

// Finds every column the table's fields expect; false with `problem` = "no column 'url'" (the
// bundle was written from another field table) when one is missing.
template <class T>
bool resolveColumns(sqlite3_stmt* s, const T& table, Columns& out, std::string& problem) {
    out = Columns{};
    auto need = [&](const std::string& name, int& at) {
        at = columnIndex(s, name);
        if (at < 0 && problem.empty()) problem = "no column '" + name + "'";
    };
    problem.clear();
    if (table.shape == Shape::Child) need(table.parent, out.parent);
    if (table.shape != Shape::Single) need(table.ord, out.ord);
    forEachField(table, [&](const auto& f) {
        forEachColumn(f, [&](const std::string& name) { need(name, out.at.emplace_back()); });
    });
    return problem.empty();
}

std::string columnText(sqlite3_stmt* s, int col);
// false (with `problem` naming the column) on a malformed blob.
bool readValue(sqlite3_stmt* s, const int*& col, std::string& out, std::string& problem);
bool readValue(sqlite3_stmt* s, const int*& col, Text& out, std::string& problem);
bool readValue(sqlite3_stmt* s, const int*& col, double& out, std::string& problem);
bool readValue(sqlite3_stmt* s, const int*& col, int64_t& out, std::string& problem);
bool readValue(sqlite3_stmt* s, const int*& col, std::vector<float>& out, std::string& problem);
bool readValue(sqlite3_stmt* s, const int*& col, Strips& out, std::string& problem);

template <class F, class M>
bool readMember(sqlite3_stmt* s, const int*& col, const F& f, M& out, std::string& problem) {
    if constexpr (std::is_enum_v<M>) {
        std::string name;
        readValue(s, col, name, problem);
        if (EnumNames<M>::parse(name, out)) return true;
        problem = std::string(f.column) + ": unknown value '" + name + "'";
        return false;
    } else if constexpr (std::is_integral_v<M>) {
        int64_t v = 0;
        readValue(s, col, v, problem);
        out = M(v);
        return true;
    } else if constexpr (std::is_floating_point_v<M>) {
        double v = 0;
        readValue(s, col, v, problem);
        out = M(v);
        return true;
    } else {
        if (readValue(s, col, out, problem)) return true;
        problem = std::string(f.column) + " " + problem;
        return false;
    }
}

// Reads every field of the current row into `out`; false with `problem` on a bad value.
template <class T>
bool readRow(sqlite3_stmt* s, const T& table, const Columns& cols, typename T::RowType& out,
             std::string& problem) {
    const int* col = cols.at.data();
    bool ok = true;
    forEachField(table,
                 [&](const auto& f) { ok = ok && readMember(s, col, f, f.get(out), problem); });
    return ok;
}

} // namespace zj::fields

// Which parks the map highlights: by industry (any of the chosen), by level (any of the
// chosen), and optionally only a given list of parks (from the Industry Support screen).
// Groups combine with AND; an empty group does not filter.
#pragma once
#include "core/content/model.hpp"

#include <string>
#include <vector>

namespace zj::map {

struct ParkFilter {
    std::vector<std::string> industries; // industry ids; a park matches with any of them
    bool national = false;               // level chips; none set = every level
    bool provincial = false;
    std::vector<std::string> onlyParks; // park ids ("parks:a,b" selection); empty = all

    bool active() const {
        return !industries.empty() || national || provincial || !onlyParks.empty();
    }
    bool matches(const Park& park) const;
    bool hasIndustry(const std::string& id) const;
    void toggleIndustry(const std::string& id);
    void clear() { *this = ParkFilter{}; }
};

int countMatches(const Content& content, const ParkFilter& filter);

// Parses a map selection: "industry:<id>" sets that industry, "parks:<a>,<b>" those parks.
// Returns false (filter untouched) for anything else, e.g. a park id.
bool filterFromSelection(const std::string& selection, ParkFilter& filter);

} // namespace zj::map

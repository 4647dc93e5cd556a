#include "core/map/filter.hpp"

#include <algorithm>

namespace zj::map {

namespace {
bool contains(const std::vector<std::string>& v, const std::string& s) {
    return std::find(v.begin(), v.end(), s) != v.end();
}
} // namespace

bool ParkFilter::matches(const Park& park) const {
    if (!onlyParks.empty() && !contains(onlyParks, park.id)) return false;
    if (national || provincial) {
        bool levelOk = (national && park.level == ParkLevel::National) ||
                       (provincial && park.level == ParkLevel::Provincial);
        if (!levelOk) return false;
    }
    if (!industries.empty()) {
        bool any = false;
        for (const auto& id : park.industries) any = any || contains(industries, id);
        if (!any) return false;
    }
    return true;
}

bool ParkFilter::hasIndustry(const std::string& id) const {
    return contains(industries, id);
}

void ParkFilter::toggleIndustry(const std::string& id) {
    auto it = std::find(industries.begin(), industries.end(), id);
    if (it == industries.end())
        industries.push_back(id);
    else
        industries.erase(it);
}

int countMatches(const Content& content, const ParkFilter& filter) {
    int n = 0;
    for (const auto& p : content.parks) n += filter.matches(p) ? 1 : 0;
    return n;
}

bool filterFromSelection(const std::string& selection, ParkFilter& filter) {
    const std::string industry = "industry:", parks = "parks:";
    if (selection.rfind(industry, 0) == 0) {
        filter.industries = {selection.substr(industry.size())};
        return true;
    }
    if (selection.rfind(parks, 0) == 0) {
        filter.onlyParks.clear();
        std::string rest = selection.substr(parks.size());
        size_t start = 0;
        while (start <= rest.size()) {
            size_t comma = rest.find(',', start);
            if (comma == std::string::npos) comma = rest.size();
            if (comma > start) filter.onlyParks.push_back(rest.substr(start, comma - start));
            start = comma + 1;
        }
        return true;
    }
    return false;
}

} // namespace zj::map

// Spike/notch filter, Chaikin smoothing and the shared-border end points; see geo_smooth.hpp.
#include "pack/geo_smooth.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>

namespace zj::pack::geo {

namespace {

double length(const std::pair<double, double>& a, const std::pair<double, double>& b) {
    return std::hypot(b.first - a.first, b.second - a.second);
}

// Angle at b between b->a and b->c, degrees (0 = a needle, 180 = straight on).
double angleAt(const std::pair<double, double>& a, const std::pair<double, double>& b,
               const std::pair<double, double>& c) {
    double ux = a.first - b.first, uy = a.second - b.second;
    double vx = c.first - b.first, vy = c.second - b.second;
    double lu = std::hypot(ux, uy), lv = std::hypot(vx, vy);
    if (lu <= 0 || lv <= 0) return 0;
    double cosine = std::clamp((ux * vx + uy * vy) / (lu * lv), -1.0, 1.0);
    return std::acos(cosine) * 180.0 / M_PI;
}

} // namespace

size_t removeSpikesAndNotches(Ring& ring, const SmoothSettings& s, const PointSet& fixed) {
    if (ring.size() < 5) return 0; // a triangle has nothing to lose
    ring.pop_back();               // work on the open ring, cyclically
    size_t removed = 0;
    // After a removal the previous vertex gets a new neighbour, so it is looked at again.
    size_t i = 0;
    while (i < ring.size() && ring.size() > 3) {
        const auto& a = ring[(i + ring.size() - 1) % ring.size()];
        const auto& b = ring[i];
        const auto& c = ring[(i + 1) % ring.size()];
        if (!fixed.count(b) && angleAt(a, b, c) < s.spikeAngleDeg &&
            std::min(length(a, b), length(b, c)) <= s.spikeMaxLength) {
            ring.erase(ring.begin() + long(i));
            ++removed;
            i = i == 0 ? 0 : i - 1;
        } else {
            ++i;
        }
    }
    ring.push_back(ring.front());
    return removed;
}

Ring chaikin(const Ring& ring, int passes, const PointSet& fixed, double maxCut) {
    Ring current = ring;
    for (int p = 0; p < passes && current.size() >= 4; ++p) {
        Ring next;
        next.reserve(current.size() * 2 + 1);
        size_t n = current.size() - 1; // open ring
        for (size_t i = 0; i < n; ++i) {
            const auto& a = current[i];
            const auto& b = current[(i + 1) % n];
            if (fixed.count(a)) next.push_back(a);
            // The same points whichever way a shared edge is walked (t depends on its length).
            double t = std::min(0.25, maxCut / std::max(length(a, b), 1e-9));
            double dx = b.first - a.first, dy = b.second - a.second;
            next.emplace_back(a.first + t * dx, a.second + t * dy);
            next.emplace_back(b.first - t * dx, b.second - t * dy);
        }
        next.push_back(next.front());
        current.swap(next);
    }
    return current;
}

PointSet sharedBorderEnds(const std::vector<std::vector<const Ring*>>& features) {
    // Which features each vertex belongs to (bit per feature; more than 64 features share none).
    std::map<std::pair<double, double>, uint64_t> owners;
    for (size_t f = 0; f < features.size() && f < 64; ++f)
        for (const Ring* ring : features[f])
            for (const auto& p : *ring) owners[p] |= uint64_t(1) << f;
    PointSet ends;
    for (size_t f = 0; f < features.size() && f < 64; ++f)
        for (const Ring* ring : features[f]) {
            size_t n = ring->size() - 1;
            if (ring->size() < 4) continue;
            for (size_t i = 0; i < n; ++i) {
                const auto& b = (*ring)[i];
                uint64_t mb = owners[b];
                uint64_t before = owners[(*ring)[(i + n - 1) % n]] & mb;
                uint64_t after = owners[(*ring)[(i + 1) % n]] & mb;
                if (before != after) ends.insert(b);
            }
        }
    return ends;
}

} // namespace zj::pack::geo

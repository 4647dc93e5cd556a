// [SECTION] helpers   disc rectangles, label positions, union-find
// [SECTION] layout steps  visibility, groups, cluster discs, occupied space, labels
// [SECTION] layout    clusters from overlaps, labels beside or on leaders, merges on failure
// [SECTION] open      the zoom that separates a cluster's members
#include "core/map/markers.hpp"

#include "core/map/labels.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace zj::map {

namespace {

// [SECTION] helpers

Rect discRect(Vec2 c, float r) {
    return {c.x - r, c.y - r, 2 * r, 2 * r};
}

bool inside(const Rect& outer, const Rect& r) {
    return r.x >= outer.x && r.y >= outer.y && r.x + r.w <= outer.x + outer.w &&
           r.y + r.h <= outer.y + outer.h;
}

// Eight directions, the label's preferred side first (right, left, above, below, diagonals).
constexpr float kDirs[8][2] = {{1, 0},        {-1, 0},      {0, -1},        {0, 1},
                               {0.7f, -0.7f}, {0.7f, 0.7f}, {-0.7f, -0.7f}, {-0.7f, 0.7f}};

// The label box `dist` away from `c` in direction d (its near edge or corner towards c).
Rect labelAt(Vec2 c, Vec2 size, float dist, const float d[2]) {
    float x = c.x + d[0] * dist, y = c.y + d[1] * dist;
    if (d[0] > 0.1f)
        ; // left edge at x
    else if (d[0] < -0.1f)
        x -= size.x;
    else
        x -= size.x * 0.5f;
    if (d[1] > 0.1f)
        ; // top edge at y
    else if (d[1] < -0.1f)
        y -= size.y;
    else
        y -= size.y * 0.5f;
    return {x, y, size.x, size.y};
}

Vec2 nearestPoint(const Rect& r, Vec2 p) {
    return {std::clamp(p.x, r.x, r.x + r.w), std::clamp(p.y, r.y, r.y + r.h)};
}

struct UnionFind {
    std::vector<int> parent;
    explicit UnionFind(size_t n) : parent(n) { std::iota(parent.begin(), parent.end(), 0); }
    int find(int i) {
        while (parent[size_t(i)] != i) i = parent[size_t(i)] = parent[size_t(parent[size_t(i)])];
        return i;
    }
    bool unite(int a, int b) {
        a = find(a), b = find(b);
        if (a == b) return false;
        parent[size_t(std::max(a, b))] = std::min(a, b);
        return true;
    }
};

bool freeSpot(const Rect& r, const Rect& bounds, const std::vector<Rect>& obstacles,
              const std::vector<Rect>& occupied) {
    if (!inside(bounds, r)) return false;
    for (const Rect& o : obstacles)
        if (overlaps(r, o)) return false;
    for (const Rect& o : occupied)
        if (overlaps(r, o)) return false;
    return true;
}

// Beside the disc, then further out on a leader; false when no spot is free.
bool placeLabel(const MarkerIn& m, const Rect& bounds, const std::vector<Rect>& obstacles,
                const MarkerLayoutSettings& s, std::vector<Rect>& occupied, MarkerOut& o) {
    for (int step = 0; step <= s.leaderSteps; ++step) {
        float dist = m.radius + s.labelGap + float(step) * s.leaderStep;
        for (const auto& d : kDirs) {
            Rect r = labelAt(m.pos, m.labelSize, dist, d);
            if (!freeSpot(r, bounds, obstacles, occupied)) continue;
            o.state = step == 0 ? MarkerState::Labelled : MarkerState::Leader;
            o.label = r;
            Vec2 to = nearestPoint(r, m.pos);
            Vec2 dir = to - m.pos;
            float len = dir.length();
            o.leaderTo = to;
            o.leaderFrom = len > 0 ? m.pos + dir * (m.radius / len) : m.pos;
            occupied.push_back(r);
            return true;
        }
    }
    return false;
}

// [SECTION] layout steps

// Visible: inside the bounds and clear of every obstacle.
std::vector<bool> visibleMarkers(const std::vector<MarkerIn>& markers,
                                 const std::vector<Rect>& obstacles, Rect bounds) {
    std::vector<bool> visible(markers.size(), false);
    for (size_t i = 0; i < markers.size(); ++i) {
        Rect disc = discRect(markers[i].pos, markers[i].radius);
        visible[i] = bounds.contains(markers[i].pos);
        for (const Rect& o : obstacles)
            if (visible[i] && overlaps(disc, o)) visible[i] = false;
    }
    return visible;
}

void groupTouching(const std::vector<MarkerIn>& markers, const std::vector<bool>& visible,
                   const MarkerLayoutSettings& s, UnionFind& groups) {
    size_t n = markers.size();
    for (size_t i = 0; i < n; ++i)
        for (size_t j = i + 1; j < n; ++j)
            if (visible[i] && visible[j] &&
                (markers[i].pos - markers[j].pos).length() <
                    markers[i].radius + markers[j].radius + s.separation)
                groups.unite(int(i), int(j));
}

std::vector<int> priorityOrder(const std::vector<MarkerIn>& markers) {
    std::vector<int> order(markers.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
        return markers[size_t(a)].priority > markers[size_t(b)].priority;
    });
    return order;
}

// Clusters: every group of two or more.
void collectClusters(const std::vector<bool>& visible, UnionFind& groups, MarkerLayout& out) {
    size_t n = visible.size();
    std::vector<int> clusterOfRoot(n, -1);
    for (size_t i = 0; i < n; ++i) {
        if (!visible[i]) continue;
        int root = groups.find(int(i));
        bool single = true;
        for (size_t j = 0; j < n && single; ++j)
            if (j != i && visible[j] && groups.find(int(j)) == root) single = false;
        if (single) continue;
        if (clusterOfRoot[size_t(root)] < 0) {
            clusterOfRoot[size_t(root)] = int(out.clusters.size());
            out.clusters.push_back({});
        }
        MarkerCluster& c = out.clusters[size_t(clusterOfRoot[size_t(root)])];
        c.members.push_back(int(i));
        out.markers[i].state = MarkerState::Clustered;
        out.markers[i].cluster = clusterOfRoot[size_t(root)];
    }
}

// Each cluster's disc at its members' centre, or their ring when groups are spread.
void placeClusters(const std::vector<MarkerIn>& markers, const MarkerLayoutSettings& s,
                   MarkerLayout& out) {
    for (MarkerCluster& c : out.clusters) {
        Vec2 sum;
        float biggest = 0;
        for (int m : c.members) {
            sum = sum + markers[size_t(m)].pos;
            biggest = std::max(biggest, markers[size_t(m)].radius);
        }
        c.pos = sum * (1.0f / float(c.members.size()));
        c.radius = s.clusterRadius;
        if (!s.spreadGroups) continue;
        // A ring whose members' discs do not touch; the cluster's disc is the ring's
        // whole extent, so nothing else is placed inside it.
        float n = float(c.members.size());
        float ring = std::max(2.0f * biggest, n * (2 * biggest + s.separation) / (2 * 3.14159265f));
        c.radius = ring + biggest;
        for (size_t k = 0; k < c.members.size(); ++k) {
            float a = -1.5707963f + 6.2831853f * float(k) / n;
            MarkerOut& o = out.markers[size_t(c.members[k])];
            o.spread = true;
            o.at = c.pos + Vec2{std::cos(a), std::sin(a)} * ring;
        }
    }
}

// A cluster disc that covers another marker or cluster takes it in (and the layout is redone).
bool absorbCovered(const std::vector<MarkerIn>& markers, const std::vector<bool>& visible,
                   const MarkerLayoutSettings& s, const MarkerLayout& out, UnionFind& groups) {
    size_t n = markers.size();
    bool merged = false;
    for (size_t k = 0; k < out.clusters.size() && !merged; ++k) {
        const MarkerCluster& c = out.clusters[k];
        for (size_t i = 0; i < n && !merged; ++i)
            if (visible[i] && out.markers[i].cluster != int(k) &&
                (markers[i].pos - c.pos).length() < c.radius + markers[i].radius + s.separation)
                merged = groups.unite(int(i), c.members[0]);
        for (size_t j = k + 1; j < out.clusters.size() && !merged; ++j)
            if ((out.clusters[j].pos - c.pos).length() < 2 * c.radius + s.separation)
                merged = groups.unite(out.clusters[j].members[0], c.members[0]);
    }
    return merged;
}

void markOccupied(const std::vector<MarkerIn>& markers, const std::vector<bool>& visible,
                  const MarkerLayoutSettings& s, MarkerLayout& out) {
    for (size_t i = 0; i < markers.size(); ++i) {
        if (!visible[i]) continue;
        if (out.markers[i].state != MarkerState::Clustered) {
            out.markers[i].at = markers[i].pos;
            out.occupied.push_back(discRect(markers[i].pos, markers[i].radius));
        } else if (s.spreadGroups) {
            out.occupied.push_back(discRect(out.markers[i].at, markers[i].radius));
            out.occupied.push_back(discRect(markers[i].pos, 4)); // the true position's dot
        }
    }
    if (!s.spreadGroups)
        for (const MarkerCluster& c : out.clusters)
            out.occupied.push_back(discRect(c.pos, c.radius));
    if (s.spreadGroups)
        for (MarkerOut& o : out.markers)
            if (o.state == MarkerState::Clustered) o.state = MarkerState::Labelled;
}

// Labels, most important first: beside the disc, then further out on a leader. Returns the
// markers whose label found no place.
std::vector<int> placeLabels(const std::vector<MarkerIn>& markers,
                             const std::vector<Rect>& obstacles, Rect bounds,
                             const MarkerLayoutSettings& s, const std::vector<bool>& visible,
                             const std::vector<int>& order, MarkerLayout& out) {
    std::vector<int> failed;
    for (int idx : order) {
        size_t i = size_t(idx);
        if (!visible[i] || out.markers[i].state == MarkerState::Clustered) continue;
        MarkerIn m = markers[i];
        m.pos = out.markers[i].at; // a spread member is labelled where it is drawn
        if (!placeLabel(m, bounds, obstacles, s, out.occupied, out.markers[i]))
            failed.push_back(idx);
    }
    return failed;
}

int nearestVisible(const std::vector<MarkerIn>& markers, const std::vector<bool>& visible,
                   int from) {
    int nearest = -1;
    float best = 1e30f;
    for (size_t j = 0; j < markers.size(); ++j) {
        if (!visible[j] || int(j) == from) continue;
        float d = (markers[j].pos - markers[size_t(from)].pos).length();
        if (d < best) best = d, nearest = int(j);
    }
    return nearest;
}

} // namespace

// [SECTION] layout

void layoutMarkers(const std::vector<MarkerIn>& markers, const std::vector<Rect>& obstacles,
                   Rect bounds, const MarkerLayoutSettings& s, MarkerLayout& out) {
    size_t n = markers.size();
    std::vector<bool> visible = visibleMarkers(markers, obstacles, bounds);
    UnionFind groups(n);
    groupTouching(markers, visible, s, groups);
    std::vector<int> order = priorityOrder(markers);

    for (int round = 0; round <= s.maxRounds; ++round) {
        out.markers.assign(n, MarkerOut{});
        out.clusters.clear();
        out.occupied.clear();
        collectClusters(visible, groups, out);
        placeClusters(markers, s, out);
        bool merged = absorbCovered(markers, visible, s, out, groups);
        if (merged && round < s.maxRounds) continue;

        markOccupied(markers, visible, s, out);
        std::vector<int> failed = placeLabels(markers, obstacles, bounds, s, visible, order, out);
        if (failed.empty()) {
            if (s.spreadGroups) out.clusters.clear(); // fanned out, not drawn as counts
            return;
        }
        // No free place for this one's label: it joins its nearest visible neighbour.
        int nearest = nearestVisible(markers, visible, failed[0]);
        if (nearest >= 0 && round < s.maxRounds) {
            groups.unite(failed[0], nearest);
            continue;
        }
        // Alone and unlabellable (a crowded, tiny map): each is shown as a cluster of one,
        // with its count, so it is still accounted for and opens on a tap.
        if (s.spreadGroups) {
            // Even fanned out there is no room: fall back to counts for this frame.
            MarkerLayoutSettings counted = s;
            counted.spreadGroups = false;
            layoutMarkers(markers, obstacles, bounds, counted, out);
            return;
        }
        for (int f : failed) {
            MarkerOut& o = out.markers[size_t(f)];
            o.state = MarkerState::Clustered;
            o.cluster = int(out.clusters.size());
            out.clusters.push_back({markers[size_t(f)].pos, markers[size_t(f)].radius, {f}});
        }
        return;
    }
}

// [SECTION] open

double clusterOpenFactor(const std::vector<Vec2>& memberPx, float radius, float separation,
                         double minFactor) {
    double closest = 1e30;
    for (size_t i = 0; i < memberPx.size(); ++i)
        for (size_t j = i + 1; j < memberPx.size(); ++j)
            closest = std::min(closest, double((memberPx[i] - memberPx[j]).length()));
    if (closest >= 1e30) return minFactor;
    double need = 2.0 * radius + separation;
    double factor = closest > 0.5 ? need / closest * 1.1 : 1e6; // 10 % to spare
    return std::max(minFactor, factor);
}

} // namespace zj::map

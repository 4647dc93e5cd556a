// Markers that never hide each other: every visible marker either gets its label (beside it,
// or further out on a leader line) or sits in a cluster drawn with its count, which opens (zooms
// in) on a tap; with spreadGroups a group is fanned out on a ring instead, every member named.
// Markers whose discs would overlap start in one cluster; a marker whose label finds no free place
// joins its nearest neighbour's cluster, and the layout is redone. Nothing is placed under the
// map's own controls (the obstacles). Pure geometry in window pixels.
#pragma once
#include "core/geometry.hpp"

#include <vector>

namespace zj::map {

struct MarkerIn {
    Vec2 pos;         // window pixels
    float radius = 0; // the drawn disc (with its ring), pixels
    Vec2 labelSize;   // the label's box, pixels
    float priority = 0;
};

struct MarkerLayoutSettings {
    float labelGap = 10;      // between a marker's disc and its label
    float separation = 6;     // discs closer than this (edge to edge) are clustered
    float clusterRadius = 34; // the cluster disc
    float leaderStep = 70;    // leader lines try labels this much further out each step
    int leaderSteps = 3;
    int maxRounds = 32; // merges are redone at most this often (each removes a single)
    // Instead of a count, a group's markers are spread on a ring around their centre, each
    // with its label and a line to where it really is (filtered results are always named).
    bool spreadGroups = false;
};

enum class MarkerState {
    Hidden,    // outside the bounds or under a control: not drawn
    Labelled,  // label beside the marker
    Leader,    // label further out, joined by a line
    Clustered, // drawn as part of `clusterOf`
};

struct MarkerOut {
    MarkerState state = MarkerState::Hidden;
    Vec2 at;             // where the disc is drawn: its position, or its place on a spread ring
    bool spread = false; // drawn away from its position (a line joins them)
    Rect label;          // Labelled / Leader
    Vec2 leaderFrom, leaderTo; // Leader: from the disc's edge to the label's nearest point
    int cluster = -1;          // Clustered
};

struct MarkerCluster {
    Vec2 pos;
    float radius = 0;
    std::vector<int> members; // marker indices
};

struct MarkerLayout {
    std::vector<MarkerOut> markers; // parallel to the input
    std::vector<MarkerCluster> clusters;
    // Every rectangle the layout uses (discs, clusters, labels), for the other labels to avoid.
    std::vector<Rect> occupied;
};

void layoutMarkers(const std::vector<MarkerIn>& markers, const std::vector<Rect>& obstacles,
                   Rect bounds, const MarkerLayoutSettings& settings, MarkerLayout& out);

// The zoom factor that opens a cluster: its members' discs (at `memberPx` now, `radius` each)
// stop touching after zooming by it about any point. At least `minFactor`.
double clusterOpenFactor(const std::vector<Vec2>& memberPx, float radius, float separation,
                         double minFactor);

} // namespace zj::map

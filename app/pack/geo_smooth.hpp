// Smoothing of quantised boundaries (the sources are on a 1/1024-degree grid, ~100 m): a
// spike/notch filter for needle-thin excursions, then Chaikin corner cutting for the stair
// steps. Vertices where a shared border begins or ends stay where they are, so neighbouring
// outlines that were identical before stay identical after (no slivers at triple points).
#pragma once
#include "pack/geo_internal.hpp"

#include <set>
#include <vector>

namespace zj::pack::geo {

struct SmoothSettings {
    double spikeAngleDeg = 25;    // a vertex turning sharper than this is a spike or a notch
    double spikeMaxLength = 1500; // ... when its shorter arm is at most this long, metres
    int chaikinPasses = 2;        // each pass doubles the vertices and rounds the corners
    double chaikinMaxCut = 150;   // metres cut off a corner at most (a long straight edge, e.g.
                                  // where a layer is clipped, keeps its corners)
};

using PointSet = std::set<std::pair<double, double>>;

// Removes spike and notch vertices from a closed ring (first == last); returns how many went.
// `fixed` points are never removed.
size_t removeSpikesAndNotches(Ring& ring, const SmoothSettings& s, const PointSet& fixed);

// Chaikin corner cutting of a closed ring (a quarter of each edge, at most `maxCut` metres);
// `fixed` vertices are kept in place.
Ring chaikin(const Ring& ring, int passes, const PointSet& fixed, double maxCut = 150);

// The vertices where sharing changes between features: a point of feature A whose two ring
// neighbours are not shared with the same set of other features. `features[i]` is all rings of
// one feature.
PointSet sharedBorderEnds(const std::vector<std::vector<const Ring*>>& features);

// Every ring of every feature (anything with `polygons`: districts, neighbours) through the
// spike/notch filter and Chaikin smoothing, the ends of shared borders held fixed, so borders two
// features share stay identical.
template <class Feature>
void smoothFeatureRings(std::vector<Feature>& features) {
    std::vector<std::vector<const Ring*>> rings(features.size());
    for (size_t f = 0; f < features.size(); ++f)
        for (const auto& polygon : features[f].polygons)
            for (const auto& ring : polygon) rings[f].push_back(&ring);
    PointSet fixed = sharedBorderEnds(rings);
    SmoothSettings settings;
    for (auto& f : features)
        for (auto& polygon : f.polygons)
            for (auto& ring : polygon) {
                removeSpikesAndNotches(ring, settings, fixed);
                ring = chaikin(ring, settings.chaikinPasses, fixed, settings.chaikinMaxCut);
            }
}

} // namespace zj::pack::geo

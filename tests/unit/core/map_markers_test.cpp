// Marker layout (app/core/map/markers.*): over many random layouts no two labels overlap, no
// label covers a marker or a control, no two drawn markers overlap, every marker is accounted
// for; clusters form from overlaps and open to their members; leaders when beside is taken.
#include "core/map/labels.hpp"
#include "core/map/markers.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>

using namespace zj;
using namespace zj::map;

namespace {

const Rect kBounds{470, 128, 1450, 832};
const std::vector<Rect> kControls{{1600, 860, 280, 96}, {470, 860, 700, 96}};

Rect disc(Vec2 c, float r) {
    return {c.x - r, c.y - r, 2 * r, 2 * r};
}

bool inside(const Rect& o, const Rect& r) {
    return r.x >= o.x - 0.01f && r.y >= o.y - 0.01f && r.x + r.w <= o.x + o.w + 0.01f &&
           r.y + r.h <= o.y + o.h + 0.01f;
}

// Checks every invariant of one layout; returns how many markers it labelled.
int checkLayout(const std::vector<MarkerIn>& in, const std::vector<Rect>& controls,
                const MarkerLayout& out, const std::string& what) {
    EXPECT_EQ(out.markers.size(), in.size()) << what;
    std::vector<Rect> labels, drawn;
    int labelled = 0;
    for (size_t i = 0; i < in.size(); ++i) {
        const MarkerOut& m = out.markers[i];
        bool underControl = false;
        for (const Rect& c : controls) underControl |= overlaps(disc(in[i].pos, in[i].radius), c);
        bool visible = kBounds.contains(in[i].pos) && !underControl;
        // Accounted for: hidden exactly when it cannot be seen; else labelled or clustered.
        EXPECT_EQ(m.state == MarkerState::Hidden, !visible) << what << " marker " << i;
        if (m.state == MarkerState::Labelled || m.state == MarkerState::Leader) {
            labels.push_back(m.label);
            drawn.push_back(disc(m.at, in[i].radius));
            if (!m.spread) EXPECT_NEAR((m.at - in[i].pos).length(), 0.0f, 0.01f) << what;
            ++labelled;
            EXPECT_TRUE(inside(kBounds, m.label)) << what;
            for (const Rect& c : controls) EXPECT_FALSE(overlaps(m.label, c)) << what;
        }
        if (m.state == MarkerState::Clustered) {
            bool valid = m.cluster >= 0 && m.cluster < int(out.clusters.size());
            EXPECT_TRUE(valid) << what << " marker " << i;
            if (!valid) continue;
            const auto& members = out.clusters[size_t(m.cluster)].members;
            EXPECT_NE(std::find(members.begin(), members.end(), int(i)), members.end()) << what;
        }
    }
    for (const MarkerCluster& c : out.clusters) {
        drawn.push_back(disc(c.pos, c.radius));
        EXPECT_GE(c.members.size(), 1u);
        for (int m : c.members) EXPECT_EQ(out.markers[size_t(m)].cluster, &c - &out.clusters[0]);
    }
    for (size_t a = 0; a < labels.size(); ++a) {
        for (size_t b = a + 1; b < labels.size(); ++b)
            EXPECT_FALSE(overlaps(labels[a], labels[b])) << what << " labels " << a << "," << b;
        for (const Rect& d : drawn) EXPECT_FALSE(overlaps(labels[a], d)) << what << " label " << a;
    }
    // Markers never hide each other: no two drawn discs (markers and clusters) overlap.
    for (size_t a = 0; a < drawn.size(); ++a)
        for (size_t b = a + 1; b < drawn.size(); ++b) {
            Vec2 ca{drawn[a].x + drawn[a].w / 2, drawn[a].y + drawn[a].h / 2};
            Vec2 cb{drawn[b].x + drawn[b].w / 2, drawn[b].y + drawn[b].h / 2};
            EXPECT_GE((ca - cb).length(), (drawn[a].w + drawn[b].w) / 2 - 0.01f)
                << what << " discs " << a << "," << b;
        }
    return labelled;
}

} // namespace

TEST(MapMarkers, ManyRandomLayoutsKeepEveryInvariant) {
    std::mt19937 rng(20261202); // fixed: the same layouts every run
    std::uniform_real_distribution<float> x(400, 2000), y(100, 1000), w(90, 320);
    std::uniform_int_distribution<int> count(1, 40);
    int labelled = 0, total = 0;
    for (int layout = 0; layout < 300; ++layout) {
        std::vector<MarkerIn> in(size_t(count(rng)));
        for (auto& m : in) {
            m.pos = {x(rng), y(rng)};
            m.radius = 15 + float(layout % 3) * 4;
            m.labelSize = {w(rng), 44};
            m.priority = float(rng() % 3);
        }
        // Half the layouts also bunch markers together, as parks in one town do.
        if (layout % 2 == 0)
            for (size_t i = 1; i < in.size(); i += 3) in[i].pos = in[i - 1].pos + Vec2{8, 5};
        MarkerLayout out;
        layoutMarkers(in, kControls, kBounds, MarkerLayoutSettings{}, out);
        labelled += checkLayout(in, kControls, out, "layout " + std::to_string(layout));
        total += int(in.size());
    }
    EXPECT_GT(labelled, total / 3); // most markers get a name, not just a count
}

// With a filter on, groups fan out instead of counting: every visible marker is named.
TEST(MapMarkers, SpreadGroupsNameEveryMarkerInRandomLayouts) {
    std::mt19937 rng(7);
    std::uniform_real_distribution<float> x(500, 1800), y(200, 800), w(90, 260);
    std::uniform_int_distribution<int> count(1, 8);
    MarkerLayoutSettings spread;
    spread.spreadGroups = true;
    int named = 0, visible = 0;
    for (int layout = 0; layout < 300; ++layout) {
        std::vector<MarkerIn> in(size_t(count(rng)));
        for (auto& m : in) m = {{x(rng), y(rng)}, 15, {w(rng), 44}, 1};
        for (size_t i = 1; i < in.size(); i += 2) in[i].pos = in[i - 1].pos + Vec2{6, 4};
        MarkerLayout out;
        layoutMarkers(in, kControls, kBounds, spread, out);
        checkLayout(in, kControls, out, "spread " + std::to_string(layout));
        for (const auto& m : out.markers) {
            visible += m.state != MarkerState::Hidden;
            named += m.state == MarkerState::Labelled || m.state == MarkerState::Leader;
        }
    }
    EXPECT_EQ(named, visible); // a few filtered parks always fit on a 1450 px map
}

TEST(MapMarkers, OverlappingMarkersFormOneClusterWithTheirCount) {
    std::vector<MarkerIn> in{{{900, 500}, 15, {200, 44}, 1},
                             {{910, 506}, 15, {200, 44}, 1},
                             {{903, 520}, 12, {200, 44}, 1},
                             {{1300, 500}, 15, {200, 44}, 1}};
    MarkerLayout out;
    layoutMarkers(in, {}, kBounds, MarkerLayoutSettings{}, out);
    ASSERT_EQ(out.clusters.size(), 1u);
    EXPECT_EQ(out.clusters[0].members.size(), 3u);
    EXPECT_EQ(out.markers[3].state, MarkerState::Labelled);
    checkLayout(in, {}, out, "cluster");
}

TEST(MapMarkers, AClusterOpensToItsMembers) {
    std::vector<MarkerIn> in{{{900, 500}, 15, {200, 44}, 1},
                             {{912, 508}, 15, {160, 44}, 1},
                             {{896, 516}, 12, {180, 44}, 1}};
    MarkerLayout out;
    layoutMarkers(in, {}, kBounds, MarkerLayoutSettings{}, out);
    ASSERT_EQ(out.clusters.size(), 1u);
    std::vector<Vec2> px;
    for (int m : out.clusters[0].members) px.push_back(in[size_t(m)].pos);
    double f = clusterOpenFactor(px, 15, MarkerLayoutSettings{}.separation, 1.5);
    EXPECT_GT(f, 1.5);
    // Zoom by that factor about the cluster: the members come apart and each gets its label.
    Vec2 c = out.clusters[0].pos;
    for (auto& m : in) m.pos = c + (m.pos - c) * float(f);
    layoutMarkers(in, {}, kBounds, MarkerLayoutSettings{}, out);
    for (const MarkerCluster& cl : out.clusters) EXPECT_LE(cl.members.size(), 1u);
    for (const auto& m : out.markers)
        EXPECT_TRUE(m.state == MarkerState::Labelled || m.state == MarkerState::Leader);
    checkLayout(in, {}, out, "opened");
}

TEST(MapMarkers, LeaderLineWhenTheSpotsBesideAreTaken) {
    // Controls crowd the marker on every side within 150 px, leaving room further out.
    Vec2 p{1000, 500};
    std::vector<Rect> controls{{p.x + 20, p.y - 60, 110, 120},  {p.x - 130, p.y - 60, 110, 120},
                               {p.x - 60, p.y - 130, 120, 110}, {p.x - 60, p.y + 20, 120, 110},
                               {p.x + 20, p.y + 20, 110, 110},  {p.x - 130, p.y - 130, 110, 110},
                               {p.x + 20, p.y - 130, 110, 110}, {p.x - 130, p.y + 20, 110, 110}};
    std::vector<MarkerIn> in{{p, 15, {180, 44}, 1}};
    MarkerLayout out;
    layoutMarkers(in, controls, kBounds, MarkerLayoutSettings{}, out);
    ASSERT_EQ(out.markers[0].state, MarkerState::Leader);
    // The line starts on the disc's edge and ends on the label.
    EXPECT_NEAR((out.markers[0].leaderFrom - p).length(), 15.0f, 0.01f);
    const Rect& r = out.markers[0].label;
    Vec2 to = out.markers[0].leaderTo;
    EXPECT_TRUE(to.x >= r.x - 0.01f && to.x <= r.x + r.w + 0.01f && to.y >= r.y - 0.01f &&
                to.y <= r.y + r.h + 0.01f);
    checkLayout(in, controls, out, "leader");
}

TEST(MapMarkers, MarkersUnderControlsOrOutsideAreHidden) {
    std::vector<MarkerIn> in{{{1700, 900}, 15, {200, 44}, 1},  // under the first control
                             {{300, 500}, 15, {200, 44}, 1},   // left of the map
                             {{1000, 400}, 15, {200, 44}, 1}}; // free
    MarkerLayout out;
    layoutMarkers(in, kControls, kBounds, MarkerLayoutSettings{}, out);
    EXPECT_EQ(out.markers[0].state, MarkerState::Hidden);
    EXPECT_EQ(out.markers[1].state, MarkerState::Hidden);
    EXPECT_EQ(out.markers[2].state, MarkerState::Labelled);
}

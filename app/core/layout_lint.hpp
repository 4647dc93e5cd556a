// The layout lint: on a frame's drawn texts and tap targets (HitRegistry), finds texts that
// overlap, texts cut by their container or the window, tap targets smaller than the touch
// minimum and visitor text smaller than the type minimum. The scenario runner runs it on every
// frame a scenario checks; a finding fails the scenario (a finding is a failing test).
#pragma once
#include "core/hit_registry.hpp"

#include <string>
#include <vector>

namespace zj {

struct LintLimits {
    float scale = 1;    // window pixels per design unit
    float width = 1920; // the window, pixels
    float height = 1080;
    float touchMin = 96;       // design units, both sides of every tap target
    float visitorTypeMin = 24; // design units, every text a visitor reads
};

// One line per finding, naming the strings and rectangles (window pixels); empty: clean.
std::vector<std::string> lintLayout(const HitRegistry& hits, const LintLimits& limits);

} // namespace zj

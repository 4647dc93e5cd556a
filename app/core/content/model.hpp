// The content model: everything a bundle's content.db holds, as plain structs.
// Loaded once per bundle by ContentStore (store.hpp); the UI reads it, never writes it.
#pragma once
#include "core/lang.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace zj {

struct KeyFigure {
    std::string id;
    double value = 0; // shown large
    std::string unit; // "%", ...
    int year = 0;
    Text label;
    Text source;
    bool sample = false; // not stated by the source document
};

struct Site {
    Text title;
    Text subtitle;
    Text intro;
    Text publisher;
    std::vector<KeyFigure> keyFigures;
};

struct Module {
    std::string id; // city | map | industry | invest
    Text title;
    Text subtitle;
    std::string photo; // photo id
};

// Filled out by the content issue (parks, industries, photos, ...). The UI relies on `site`,
// `modules` and `glyphText` from the shell issue on.
struct Content {
    uint64_t version = 0;   // bundle version
    Site site;
    std::vector<Module> modules;
    std::string glyphText; // every character any content text uses (UTF-8), for the font atlas

    const Module* module(const std::string& id) const {
        for (const auto& m : modules)
            if (m.id == id) return &m;
        return nullptr;
    }
};

} // namespace zj

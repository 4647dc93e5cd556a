// Cross-file checks on loaded sources: duplicate ids per kind, references to ids that do not
// exist, and the four modules. Runs after loading, before any media or geo work.
#include "pack/sources.hpp"

#include <map>
#include <set>

namespace zj::pack {

void validateSources(const Sources& sources, Diagnostics& diag) {
    // kind -> id -> where first defined
    std::map<std::string, std::map<std::string, SourceLoc>> defined;
    for (const auto& def : sources.definitions) {
        auto [it, fresh] = defined[def.kind].emplace(def.id, def.loc);
        if (!fresh)
            diag.error(def.loc, "duplicate " + def.kind + " id '" + def.id + "' (first at " +
                                    it->second.file + ":" + std::to_string(it->second.line) + ")");
    }
    auto exists = [&](const std::string& kind, const std::string& id) {
        auto it = defined.find(kind);
        return it != defined.end() && it->second.count(id) > 0;
    };
    for (const auto& ref : sources.references) {
        if (ref.kind == "selection") { // a tour stop may select any of these
            if (!exists("park", ref.id) && !exists("industry", ref.id) && !exists("node", ref.id) &&
                !exists("project", ref.id))
                diag.error(ref.loc,
                           "no park, industry, chain node or project with id '" + ref.id + "'");
            continue;
        }
        if (!exists(ref.kind, ref.id))
            diag.error(ref.loc, "no " + ref.kind + " with id '" + ref.id + "'");
    }

    // Exactly the four modules, each once (their order is the display order).
    static const std::set<std::string> kModules = {"city", "map", "industry", "invest"};
    std::set<std::string> seen;
    for (const auto& def : sources.definitions) {
        if (def.kind != "module") continue;
        if (!kModules.count(def.id))
            diag.error(def.loc,
                       "module id '" + def.id + "' is not one of city | map | industry | invest");
        seen.insert(def.id);
    }
    for (const auto& id : kModules)
        if (!seen.empty() && !seen.count(id)) // none at all: modules.toml's own error says why
            diag.error(SourceLoc{displayPath(sources.root, "modules.toml"), 1, "module"},
                       "module '" + id + "' is missing");
}

} // namespace zj::pack

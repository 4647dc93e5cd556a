// The glyph set: every character the content can show, so the kiosk's font atlas holds exactly
// what it needs (CJK fonts are far too large to rasterise whole).
#include "pack/sources.hpp"

#include <set>

namespace zj::pack {

// Decodes UTF-8 leniently (input is already validated) and adds code points <= U+FFFF.
static void addCodePoints(std::string_view s, std::set<uint32_t>& out) {
    for (size_t i = 0; i < s.size();) {
        unsigned char c = s[i];
        int extra = c < 0x80 ? 0 : (c >> 5) == 6 ? 1 : (c >> 4) == 14 ? 2 : (c >> 3) == 30 ? 3 : 0;
        uint32_t cp = extra == 0 ? c : (c & (0x3f >> extra));
        for (int k = 1; k <= extra && i + size_t(k) < s.size(); ++k)
            cp = (cp << 6) | (uint8_t(s[i + size_t(k)]) & 0x3f);
        i += size_t(extra) + 1;
        if (cp >= 0x20 && cp <= 0xffff && !(cp >= 0xd800 && cp <= 0xdfff)) out.insert(cp);
    }
}

static void appendUtf8(uint32_t cp, std::string& out) {
    if (cp < 0x80)
        out += char(cp);
    else if (cp < 0x800) {
        out += char(0xc0 | (cp >> 6));
        out += char(0x80 | (cp & 0x3f));
    } else {
        out += char(0xe0 | (cp >> 12));
        out += char(0x80 | ((cp >> 6) & 0x3f));
        out += char(0x80 | (cp & 0x3f));
    }
}

std::string collectGlyphs(const Content& c, const std::string& extraText) {
    std::set<uint32_t> cps;
    // Printable ASCII always: numbers, units and Latin UI text are formatted at run time.
    for (uint32_t cp = 0x20; cp < 0x7f; ++cp) cps.insert(cp);
    auto text = [&](const Text& t) {
        addCodePoints(t.zh, cps);
        addCodePoints(t.en, cps);
    };
    auto str = [&](const std::string& s) { addCodePoints(s, cps); };

    text(c.site.title), text(c.site.subtitle), text(c.site.intro), text(c.site.publisher);
    for (const auto& k : c.site.keyFigures) text(k.label), text(k.source), str(k.unit);
    for (const auto& m : c.modules) text(m.title), text(m.subtitle);
    for (const auto& d : c.districts) text(d.name);
    for (const auto& f : c.mapFeatures) text(f.name), str(f.code);
    for (const auto& p : c.parks) {
        text(p.name), text(p.short_), text(p.kind), text(p.intro), str(p.url);
        for (const auto& r : p.rankings) text(r.text);
        for (const auto& h : p.honours) text(h);
        for (const auto& f : p.figures) text(f.label), text(f.unit);
    }
    for (const auto& ind : c.industries) {
        text(ind.name), text(ind.summary);
        for (const auto& n : ind.nodes) {
            text(n.name);
            for (const auto& e : n.enterprises) text(e);
        }
    }
    for (const auto& p : c.projects) text(p.name), text(p.summary);
    for (const auto& f : c.projectFigures) text(f.unit), text(f.label);
    for (const auto& p : c.policies) text(p.title), text(p.body);
    for (const auto& e : c.events) text(e.title), text(e.body), str(e.date);
    for (const auto& k : c.contacts)
        text(k.name), text(k.org), str(k.phone), str(k.email), str(k.url);
    for (const auto& p : c.photos) text(p.caption);
    if (c.video) text(c.video->title);
    text(c.attract.caption);
    for (const auto& t : c.tours) {
        text(t.title);
        for (const auto& s : t.stops) text(s.note);
    }
    for (const auto& a : c.attributions) text(a.what), str(a.source);
    str(extraText);

    std::string out;
    for (uint32_t cp : cps) appendUtf8(cp, out);
    return out;
}

} // namespace zj::pack

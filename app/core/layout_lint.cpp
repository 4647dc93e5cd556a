#include "core/layout_lint.hpp"

#include <algorithm>
#include <cstdio>

namespace zj {

namespace {

constexpr float kEps = 0.5f; // pixels: rounding in text measurement and layout

Rect intersect(const Rect& a, const Rect& b) {
    float x0 = std::max(a.x, b.x), y0 = std::max(a.y, b.y);
    float x1 = std::min(a.x + a.w, b.x + b.w), y1 = std::min(a.y + a.h, b.y + b.h);
    return {x0, y0, std::max(0.0f, x1 - x0), std::max(0.0f, y1 - y0)};
}

bool emptyRect(const Rect& r) {
    return r.w <= kEps || r.h <= kEps;
}

// Does `inner` stick out of `outer` along x (or y)?
bool outX(const Rect& inner, const Rect& outer) {
    return inner.x < outer.x - kEps || inner.x + inner.w > outer.x + outer.w + kEps;
}
bool outY(const Rect& inner, const Rect& outer) {
    return inner.y < outer.y - kEps || inner.y + inner.h > outer.y + outer.h + kEps;
}

std::string rectText(const Rect& r) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "(%.0f,%.0f %.0fx%.0f)", r.x, r.y, r.w, r.h);
    return buf;
}

// The text, shortened to about 40 characters (whole UTF-8 code points), one line.
std::string quote(const std::string& s) {
    std::string out;
    int n = 0;
    for (size_t i = 0; i < s.size();) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        if (++n > 40) {
            out += "...";
            break;
        }
        std::string cp = s.substr(i, len);
        out += cp == "\n" ? std::string(" ") : cp;
        i += len;
    }
    return "\"" + out + "\"";
}

} // namespace

std::vector<std::string> lintLayout(const HitRegistry& hits, const LintLimits& lim) {
    std::vector<std::string> out;
    const Rect window{0, 0, lim.width, lim.height};
    const auto& texts = hits.drawnTexts();
    std::vector<Rect> visible(texts.size());
    std::vector<bool> shown(texts.size(), false);

    for (size_t i = 0; i < texts.size(); ++i) {
        const DrawnText& t = texts[i];
        if (t.occluded) continue;
        Rect v = intersect(intersect(t.rect, t.container), window);
        // In a scrolled area, the text crosses the viewport's edge along the scroll: the edge
        // may cut it (or hide it). A box inside the area still must hold its text.
        bool acrossX = t.scrollX && outX(t.rect, t.scrollViewX);
        bool acrossY = t.scrollY && outY(t.rect, t.scrollViewY);
        if (emptyRect(v)) {
            // Scrolled out of its list: not on screen. Anywhere else: lost to its container.
            if (!acrossX && !acrossY)
                out.push_back("text " + quote(t.text) + " " + rectText(t.rect) +
                              " is drawn outside its container " + rectText(t.container));
            continue;
        }
        visible[i] = v;
        shown[i] = true;
        // A scrolled list may cut its rows at its edge along the scroll; never across it.
        bool cutX = outX(t.rect, t.container) && !acrossX;
        bool cutY = outY(t.rect, t.container) && !acrossY;
        if (cutX || cutY)
            out.push_back("text " + quote(t.text) + " " + rectText(t.rect) +
                          " is clipped by its container " + rectText(t.container));
        else if ((outX(t.rect, window) && !acrossX) || (outY(t.rect, window) && !acrossY))
            out.push_back("text " + quote(t.text) + " " + rectText(t.rect) +
                          " is clipped by the window " + rectText(window));
        float design = t.fontPx / lim.scale;
        if (!t.staffOnly && design < lim.visitorTypeMin - 0.01f) {
            char buf[96];
            std::snprintf(buf, sizeof buf, " is %.1f design px, under the visitor minimum %.0f",
                          design, lim.visitorTypeMin);
            out.push_back("text " + quote(t.text) + " " + rectText(t.rect) + buf);
        }
    }

    for (size_t i = 0; i < texts.size(); ++i) {
        if (!shown[i]) continue;
        for (size_t j = i + 1; j < texts.size(); ++j) {
            if (!shown[j] || texts[i].layer != texts[j].layer) continue;
            Rect o = intersect(visible[i], visible[j]);
            if (o.w > 1.0f && o.h > 1.0f)
                out.push_back("texts " + quote(texts[i].text) + " " + rectText(texts[i].rect) +
                              " and " + quote(texts[j].text) + " " + rectText(texts[j].rect) +
                              " overlap");
        }
    }

    float minPx = lim.touchMin * lim.scale - kEps;
    for (const HitTarget& t : hits.targets()) {
        if (t.occluded) continue;
        if (t.fullSize.x < minPx || t.fullSize.y < minPx) {
            char buf[128];
            std::snprintf(buf, sizeof buf, " is %.0fx%.0f px, under %.0fx%.0f (%.0f design px)",
                          t.fullSize.x, t.fullSize.y, lim.touchMin * lim.scale,
                          lim.touchMin * lim.scale, lim.touchMin);
            out.push_back("tap target \"" + t.id + "\" " + rectText(t.rect) + buf);
        }
    }
    return out;
}

} // namespace zj

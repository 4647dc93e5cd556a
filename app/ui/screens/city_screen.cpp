// [SECTION] Enter and leave
// [SECTION] Layout
// [SECTION] Sections
#include "ui/screens/city_screen.hpp"

#include "core/session/usage_events.hpp"
#include "core/ui_strings.hpp"
#include "platform/texture_cache.hpp"
#include "ui/widgets.hpp"

namespace zj {

namespace {
namespace C = tokens::color;
ImDrawList* dl() {
    return ImGui::GetWindowDrawList();
}
constexpr uint32_t kHue = tokens::moduleColor[0];

const Text& moduleTitle(const UiContext& ui, const char* id, UiString fallback) {
    const Module* m = ui.content->module(id);
    return m ? m->title : uiText(fallback);
}

} // namespace

std::vector<const Photo*> cityGalleryPhotos(const Content& c) {
    std::vector<const Photo*> out;
    for (const Photo& p : c.photos)
        if (p.id.rfind("city-", 0) == 0) out.push_back(&p);
    for (const Park& park : c.parks) {
        if (out.size() >= 14) break;
        if (!park.photos.empty())
            if (const Photo* p = c.photo(park.photos.front())) out.push_back(p);
    }
    if (out.empty())
        for (const Photo& p : c.photos) out.push_back(&p);
    return out;
}

// [SECTION] Enter and leave

void CityScreen::onEnter(UiContext& ui, const std::string&) {
    photos_ = cityGalleryPhotos(*ui.content);
    viewer_.close();
    figuresStartMs_ = -1;
    input_ = true;
}

void CityScreen::onLeave() {
    resumeOnView_ = video_.playing(); // back on the screen: carry on where the visitor left it
    video_.pause();
    video_.setOnScreen(false);
}

void CityScreen::resetSession() {
    video_.close();
    videoOpened_ = false;
    scroll_.reset();
    gallery_.reset();
    viewer_.close();
}

void CityScreen::openVideo(UiContext& ui) {
    videoOpened_ = true;
    videoContent_ = ui.content;
    VideoPlayer::Source src;
    if (ui.content->video && ui.textures) {
        const Video& v = *ui.content->video;
        src.file = ui.textures->resolve(v.file);
        if (!v.subtitlesZh.empty()) src.subtitlesZh = ui.textures->resolve(v.subtitlesZh);
        if (!v.subtitlesEn.empty()) src.subtitlesEn = ui.textures->resolve(v.subtitlesEn);
        if (v.width > 0 && v.height > 0) {
            src.width = v.width;
            src.height = v.height;
        }
    }
    video_.open(src, /*autoplay=*/false);
    // Muted autoplay once the film is in view (never headless: scenarios stay deterministic).
    resumeOnView_ = !video_.hub().headless();
}

// [SECTION] Layout

void CityScreen::draw(UiContext& ui) {
    if (!videoOpened_ || videoContent_ != ui.content) {
        if (videoContent_ != ui.content) photos_ = cityGalleryPhotos(*ui.content);
        openVideo(ui);
    }
    input_ = !viewer_.isOpen();
    float W = ui.ds.width, H = ui.ds.height;
    bool portrait = ui.ds.portrait();
    float top = ui.px(tokens::space::topBar);
    float margin = ui.px(portrait ? tokens::space::l : tokens::space::xl);
    float w = W - margin * 2;

    // The bar first: it claims the pointer before the page under it (the page is clipped
    // below the bar, so drawing order does not show). The photo viewer covers both.
    if (!viewer_.isOpen()) widgets::topBar(ui, moduleTitle(ui, "city", UiString::ModuleCity), kHue);

    // Everything below the bar scrolls as one page; its length is last frame's measure.
    float offset = scroll_.begin(ui, ImVec2(0, top), ImVec2(W, H), contentH_, input_);
    float y0 = top + ui.px(tokens::space::l) - offset;
    float y = y0;
    float gap = ui.px(tokens::space::xl);
    if (portrait) {
        y += drawIntro(ui, margin, y, w) + gap;
        y += drawFigures(ui, margin, y, w, 2, H) + gap;
    } else {
        // The headline first: the intro beside the big gold figures, all above the fold.
        float introW = w * 0.38f;
        float introH = drawIntro(ui, margin, y, introW);
        float figH = drawFigures(ui, margin + introW + gap, y, w - introW - gap, 3, H);
        y += std::max(introH, figH) + gap;
    }
    y += drawMedia(ui, margin, y, w) + gap;
    y += drawRankings(ui, margin, y, w) + gap;
    contentH_ = y - y0 + ui.px(tokens::space::l);
    scroll_.end(ui);
    viewer_.draw(ui);
}

// [SECTION] Sections

float CityScreen::sectionTitle(UiContext& ui, float x, float y, const Text& title) {
    float bar = ui.px(ui.style.city.sectionBar);
    ImVec2 ts = widgets::paraSize(ui, FontRole::H2, ui.tr(title));
    dl()->AddRectFilled(ImVec2(x, y + ts.y * 0.18f), ImVec2(x + bar, y + ts.y * 0.86f),
                        theme::col(ui, C::gold), bar * 0.5f);
    widgets::para(ui, FontRole::H2, ImVec2(x + bar + ui.px(tokens::space::s), y), C::text,
                  ui.tr(title));
    return ts.y + ui.px(tokens::space::m);
}

float CityScreen::drawIntro(UiContext& ui, float x, float y, float w) {
    const Content& c = *ui.content;
    const CityStyle& st = ui.style.city;
    float ty = y;
    const std::string& publisher = ui.tr(c.site.publisher);
    if (!publisher.empty())
        ty += widgets::para(ui, FontRole::BodyBold, ImVec2(x, ty), kHue, publisher).y +
              ui.px(st.publisherGap);
    ty += widgets::para(ui, FontRole::H1, ImVec2(x, ty), C::text,
                        ui.tr(moduleTitle(ui, "city", UiString::ModuleCity)), w)
              .y +
          ui.px(tokens::space::m);
    ty += widgets::para(ui, FontRole::Body, ImVec2(x, ty), C::textSecondary, ui.tr(c.site.intro), w)
              .y;
    return ty - y;
}

float CityScreen::drawMedia(UiContext& ui, float x, float y, float w) {
    const Content& c = *ui.content;
    bool portrait = ui.ds.portrait();
    float gap = ui.px(tokens::space::l);
    float videoW = portrait ? w : (w - gap) * 0.55f;
    float videoH = videoW * 9.0f / 16.0f + ui.px(tokens::space::touchMin);
    float h0 = sectionTitle(ui, x, y, uiText(UiString::CityVideo));
    ImVec2 vmin(x, y + h0), vmax = vmin + ImVec2(videoW, videoH);
    const Text& title = c.video ? c.video->title : uiText(UiString::CityVideo);
    const Module* m = c.module("city");
    const Photo* poster = m ? c.photo(m->photo) : nullptr;
    bool visible =
        widgets::videoView(ui, video_, poster ? poster->file : std::string(), vmin, vmax);
    // Plays only while in view: scrolled away it pauses (no decoding, no frames), and resumes.
    if (visible && resumeOnView_) {
        if (video_.position() < 0.5) ui.noteUsage(event::VideoPlay, "promo"); // autoplay's start
        video_.play();
        resumeOnView_ = false;
    } else if (!visible && video_.playing()) {
        video_.pause();
        resumeOnView_ = true;
    }
    float capY = vmax.y + ui.px(ui.style.city.captionGap);
    ImVec2 cs = widgets::para(ui, FontRole::Caption, ImVec2(vmin.x, capY), C::textSecondary,
                              ui.tr(title), videoW - ui.px(ui.style.city.captionTagRoom));
    if (c.video && c.video->sample) widgets::sampleTagRight(ui, ImVec2(vmax.x, capY));
    float videoBottom = capY + cs.y;
    if (portrait) {
        float gy = videoBottom + ui.px(tokens::space::xl);
        return gy + drawGallery(ui, x, gy, w, w * 0.7f) - y;
    }
    float gx = x + videoW + gap;
    float gh = drawGallery(ui, gx, y, w - videoW - gap, videoH);
    return std::max(videoBottom - y, gh);
}

float CityScreen::drawFigures(UiContext& ui, float x, float y, float w, int cols,
                              float viewBottom) {
    const auto& figs = ui.content->site.keyFigures;
    if (figs.empty()) return 0;
    const CityStyle& st = ui.style.city;
    float h0 = sectionTitle(ui, x, y, uiText(UiString::CityKeyFigures));
    float y1 = y + h0;
    int rows = (static_cast<int>(figs.size()) + cols - 1) / cols;
    float gap = ui.px(tokens::space::m);
    float cw = (w - gap * (cols - 1)) / cols;
    // As tall as the longest label needs: number, label, year.
    float pad = ui.px(st.figurePadding);
    float labelH = 0;
    for (const KeyFigure& f : figs)
        labelH =
            std::max(labelH, widgets::paraSize(ui, FontRole::Body, ui.tr(f.label), cw - pad * 2).y);
    float numH = widgets::paraSize(ui, FontRole::Display, "0").y;
    float ch = pad * 2 + numH + ui.px(st.figureUnitGap) + labelH + ui.px(st.figureFooter);
    // Count up once, when the cards come into view.
    if (figuresStartMs_ < 0 && y1 + ch * 0.5f < viewBottom) figuresStartMs_ = ui.nowMs;
    double start = figuresStartMs_;
    for (size_t i = 0; i < figs.size(); ++i) {
        const KeyFigure& f = figs[i];
        int col = static_cast<int>(i) % cols, row = static_cast<int>(i) / cols;
        // The last card of an incomplete row spans what is left of it.
        bool last = i + 1 == figs.size();
        float thisW = last ? w - col * (cw + gap) : cw;
        ImVec2 a(x + col * (cw + gap), y1 + row * (ch + gap));
        ImVec2 b(a.x + thisW, a.y + ch);
        theme::card(ui, a, b, C::surface, tokens::radius::card, st.figureShadow);
        dl()->AddRectFilled(a, ImVec2(b.x, a.y + ui.px(st.figureBand)), theme::col(ui, C::gold),
                            ui.px(tokens::radius::card), ImDrawFlags_RoundCornersTop);
        std::string num = figuresStartMs_ < 0 ? "0" : widgets::countUp(ui, f.value, start);
        ImVec2 ns =
            widgets::para(ui, FontRole::Display, ImVec2(a.x + pad, a.y + pad), C::gold, num);
        widgets::para(ui, FontRole::H2,
                      ImVec2(a.x + pad + ns.x + ui.px(st.figureUnitGap),
                             a.y + pad + ns.y - widgets::paraSize(ui, FontRole::H2, f.unit).y -
                                 ui.px(st.figureUnitRaise)),
                      C::gold, f.unit);
        widgets::para(ui, FontRole::Body,
                      ImVec2(a.x + pad, a.y + pad + ns.y + ui.px(st.figureUnitGap)), C::text,
                      ui.tr(f.label), thisW - pad * 2);
        std::string year = f.year ? std::to_string(f.year) : std::string();
        widgets::para(ui, FontRole::Caption, ImVec2(a.x + pad, b.y - pad - ui.px(st.figureYear)),
                      C::textSecondary, year);
        if (f.sample)
            widgets::sampleTagRight(ui, ImVec2(b.x - pad, b.y - pad - ui.px(st.figureTag)));
    }
    float y2 = y1 + rows * ch + (rows - 1) * gap + ui.px(tokens::space::s);
    const std::string& src = ui.tr(figs.front().source);
    y2 += widgets::para(ui, FontRole::Caption, ImVec2(x, y2), C::textSecondary, src, w).y;
    return y2 - y;
}

float CityScreen::drawGallery(UiContext& ui, float x, float y, float w, float h) {
    if (photos_.empty()) return 0;
    float h0 = sectionTitle(ui, x, y, uiText(UiString::CityGallery));
    ImVec2 a(x, y + h0), b(x + w, y + h0 + h);
    int tapped = gallery_.draw(ui, "gallery", photos_, a, b, input_);
    if (tapped >= 0) viewer_.open(photos_, tapped, ui.nowMs);
    return h0 + h;
}

float CityScreen::drawRankings(UiContext& ui, float x, float y, float w) {
    std::vector<const Park*> ranked;
    for (const Park& p : ui.content->parks)
        if (!p.rankings.empty()) ranked.push_back(&p);
    if (ranked.empty()) return 0;
    const CityStyle& st = ui.style.city;
    float h0 = sectionTitle(ui, x, y, uiText(UiString::CityRankings));
    int cols = ui.ds.portrait() ? 1 : 2;
    float gap = ui.px(tokens::space::m);
    float cw = (w - gap * (cols - 1)) / cols;
    float pad = ui.px(tokens::space::m);
    std::vector<float> colY(cols, y + h0);
    for (const Park* p : ranked) {
        int col = static_cast<int>(std::min_element(colY.begin(), colY.end()) - colY.begin());
        ImVec2 a(x + col * (cw + gap), colY[col]);
        // Measure, then draw: cards are as tall as their facts.
        float inner = cw - pad * 2;
        float hgt =
            pad +
            widgets::paraSize(ui, FontRole::H2, ui.tr(p->name), inner - ui.px(st.rankingNameRoom))
                .y +
            ui.px(st.rankingNameGap);
        for (const Ranking& r : p->rankings)
            hgt += widgets::paraSize(ui, FontRole::Body, ui.tr(r.text),
                                     inner - ui.px(st.rankingIndent))
                       .y +
                   ui.px(st.rankingRowGap);
        hgt += pad;
        ImVec2 b(a.x + cw, a.y + hgt);
        theme::card(ui, a, b, C::surface, tokens::radius::card, st.rankingShadow);
        uint32_t levelHue = p->level == ParkLevel::National     ? C::national
                            : p->level == ParkLevel::Provincial ? C::provincial
                                                                : C::teal;
        dl()->AddRectFilled(a, ImVec2(a.x + ui.px(st.rankingEdge), b.y), theme::col(ui, levelHue),
                            ui.px(tokens::radius::card), ImDrawFlags_RoundCornersLeft);
        float ty = a.y + pad;
        ty += widgets::para(ui, FontRole::H2, ImVec2(a.x + pad, ty), C::text, ui.tr(p->name),
                            inner - ui.px(st.rankingNameRoom))
                  .y +
              ui.px(st.rankingNameGap);
        const std::string& kind = ui.tr(p->kind);
        ImVec2 ks = widgets::paraSize(ui, FontRole::Caption, kind);
        ImVec2 tagPad(ui.px(ui.style.tag.padX), ui.px(ui.style.tag.padY));
        ImVec2 km(b.x - pad - ks.x - tagPad.x * 2, a.y + pad);
        dl()->AddRectFilled(km, km + ks + tagPad * 2, theme::col(ui, levelHue, 0.12f),
                            ui.px(ui.style.tag.rounding));
        widgets::para(ui, FontRole::Caption, km + tagPad, levelHue, kind);
        for (const Ranking& r : p->rankings) {
            dl()->AddCircleFilled(ImVec2(a.x + pad + ui.px(st.bulletX), ty + ui.px(st.bulletY)),
                                  ui.px(st.bulletRadius), theme::col(ui, C::gold));
            ty += widgets::para(ui, FontRole::Body, ImVec2(a.x + pad + ui.px(st.rankingIndent), ty),
                                C::text, ui.tr(r.text), inner - ui.px(st.rankingIndent))
                      .y +
                  ui.px(st.rankingRowGap);
        }
        colY[col] = b.y + gap;
    }
    return *std::max_element(colY.begin(), colY.end()) - y;
}

} // namespace zj

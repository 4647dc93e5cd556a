// zjmap-pack proof SRC --out DIR [--kiosk PATH] [--variant NAME]... [--lint-seed KIND]
//
// What the bureau's editor reads before publishing: the sources packed with a throwaway key,
// a scripted walk through every screen (each module, park card and industry chain, the attract
// loop and the closed page) played by the real kiosk headless in landscape and portrait, in
// Chinese and English, with the layout lint reporting instead of failing; then DIR/index.html
// (the screenshots in a grid, each lint finding beside its picture, and a checklist: sample
// data, texts without English, photos below display size, placeholder links, bundle size and
// expiry) and DIR/proof.json. The verdict is also recorded in SRC/.zjmap-proof so that
// `publish` can refuse a bundle of these sources while the proof has findings.
// Exit codes: 0 a clean proof, 1 findings or a walk that failed (the sheet says which),
// 2 usage error, 3 the sources did not build (nothing to show).
//
// [SECTION] Walks
// [SECTION] Checklist
// [SECTION] Sheet
// [SECTION] Command
#include "core/bundle/bundle.hpp"
#include "core/bundle/crypto.hpp"
#include "core/bundle/file_util.hpp"
#include "core/bundle/manifest.hpp"
#include "core/child_process.hpp"
#include "core/content/store.hpp"
#include "pack/commands.hpp"
#include "pack/sources.hpp"

#include <cinttypes>
#include <cstdio>
#include <fstream>
#include <map>
#include <sstream>

namespace zj::pack {

namespace fs = std::filesystem;

namespace {

int usage(const std::string& problem) {
    std::fprintf(stderr,
                 "zjmap-pack proof: %s\nusage: zjmap-pack proof SRC --out DIR [--kiosk PATH] "
                 "[--variant landscape-zh|landscape-en|portrait-zh|portrait-en]... "
                 "[--lint-seed overlap|clip|small-target|small-text]\n",
                 problem.c_str());
    return 2;
}

// [SECTION] Walks

struct Variant {
    std::string name; // "landscape-zh"
    int width = 0, height = 0;
    std::string lang;
};

const Variant kVariants[] = {{"landscape-zh", 1920, 1080, "zh"},
                             {"landscape-en", 1920, 1080, "en"},
                             {"portrait-zh", 1080, 1920, "zh"},
                             {"portrait-en", 1080, 1920, "en"}};

// A screenshot name that stays a safe file name whatever the id holds.
std::string shotName(std::string s) {
    for (char& c : s)
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_' && c != '.')
            c = '_';
    return s;
}

// The walk: `open` goes straight to each screen and selection (no taps that a changed layout
// could miss), one shot each. The shots' order is the sheet's order.
std::string walkScript(const Variant& v, const Content& c, const std::string& lintSeed) {
    std::ostringstream s;
    s << "# zjmap-pack proof: " << v.name << " (generated)\n";
    s << "viewport " << v.width << "x" << v.height << "\n";
    s << "lang " << v.lang << "\n";
    if (!lintSeed.empty()) s << "lint-seed " << lintSeed << "\n";
    s << "shot home\nopen city\nshot city\nopen map\nshot map\n";
    for (const Park& p : c.parks)
        s << "open map " << p.id << "\nshot park-" << shotName(p.id) << "\n";
    s << "open industry\nshot industry\n";
    for (const Industry& i : c.industries)
        s << "open industry " << i.id << "\nshot chain-" << shotName(i.id) << "\n";
    s << "open invest\nshot invest\nopen attract\nshot attract\n";
    return s.str();
}

// The closed page needs display hours that exclude the scenario clock's start (Friday
// 2027-01-01 00:00 UTC): sample hours, as a kiosk's kiosk.toml would set them.
std::string closedScript(const Variant& v) {
    std::ostringstream s;
    s << "# zjmap-pack proof: the closed page, " << v.name << " (generated)\n";
    s << "viewport " << v.width << "x" << v.height << "\n";
    s << "expect screen attract\nshot closed\n";
    return s.str();
}
const char* kClosedHours = "[display]\nhours = \"mon-fri 09:00-18:00\"\nclosed = \"clock\"\n"
                           "utc_offset_minutes = 0\n";

std::vector<std::string> shotsOf(const std::string& script) {
    std::vector<std::string> out;
    std::istringstream in(script);
    for (std::string line; std::getline(in, line);)
        if (line.rfind("shot ", 0) == 0) out.push_back(line.substr(5));
    return out;
}

struct WalkResult {
    std::string variant;
    std::string script; // file name under DIR/walks
    std::vector<std::string> shots;
    std::map<std::string, std::vector<std::string>> findings; // shot -> lint findings
    bool failed = false;
    std::string log; // the kiosk's output when it failed
};

// Runs the kiosk on one walk: stdout and stderr to a log file, no shell.
int runKiosk(const std::string& kiosk, const std::vector<std::string>& args, const fs::path& log) {
    std::vector<std::string> argv = {kiosk};
    argv.insert(argv.end(), args.begin(), args.end());
    std::string err;
    pid_t pid = spawnLogged(argv, log, err);
    return pid < 0 ? -1 : waitForExit(pid);
}

void readFindings(const fs::path& report, WalkResult& r) {
    std::ifstream in(report);
    for (std::string line; std::getline(in, line);) {
        // SHOT \t SCREEN \t LANG \t WxH \t finding
        size_t tab = line.find('\t');
        if (tab == std::string::npos) continue;
        std::string shot = line.substr(0, tab), rest = line.substr(tab + 1);
        for (int i = 0; i < 3; ++i) {
            size_t t = rest.find('\t');
            if (t == std::string::npos) break;
            rest = rest.substr(t + 1);
        }
        r.findings[shot].push_back(rest);
    }
}

WalkResult runWalk(const std::string& kiosk, const fs::path& out, const std::string& name,
                   const std::string& script, const std::string* sessionToml,
                   const fs::path& bundle, const fs::path& publicKey) {
    WalkResult r;
    r.variant = name;
    r.script = name + ".scn";
    r.shots = shotsOf(script);
    std::string err;
    fs::path scn = out / "walks" / r.script, report = out / "walks" / (name + ".lint");
    fs::path log = out / "walks" / (name + ".log");
    fs::remove(report);
    if (!fileutil::writeFileAtomic(scn, script, err) ||
        (sessionToml &&
         !fileutil::writeFileAtomic(out / "walks" / (name + ".toml"), *sessionToml, err))) {
        r.failed = true;
        r.log = err;
        return r;
    }
    fs::path data = out / "walks" / (".data-" + name);
    std::error_code ec;
    fs::remove_all(data, ec);
    fs::create_directories(data, ec);
    int rc = runKiosk(kiosk,
                      {"--scenario", scn.string(), "--shots", (out / "shots" / name).string(),
                       "--lint-report", report.string(), "--bundle", bundle.string(),
                       "--public-key", publicKey.string(), "--data", data.string()},
                      log);
    fs::remove_all(data, ec);
    readFindings(report, r);
    if (rc != 0) {
        r.failed = true;
        std::string text;
        fileutil::readFile(log, text, err);
        r.log = rc < 0               ? "cannot run " + kiosk
                : text.size() > 4000 ? text.substr(text.size() - 4000)
                                     : text;
    }
    return r;
}

// [SECTION] Checklist

struct Checklist {
    std::vector<std::string> sample;      // what is sample data
    std::vector<std::string> noEnglish;   // texts with Chinese but no English
    std::vector<std::string> lowResPhoto; // photos below the display size
    std::vector<std::string> placeholderLinks;
    uint64_t bundleBytes = 0;
    int64_t expires = 0;
    uint64_t version = 0;
};

bool placeholderUrl(const std::string& url) {
    return url.empty() || url.find("example.") != std::string::npos ||
           url.find("localhost") != std::string::npos || url.find("127.0.0.1") != std::string::npos;
}

// Adds to a checklist: texts without English and sample data, each named where it is.
struct ChecklistWriter {
    Checklist& k;
    void text(const Text& t, const std::string& where) {
        if (!t.zh.empty() && t.en.empty()) k.noEnglish.push_back(where + ": " + t.zh);
    }
    void sample(bool s, const std::string& what, const Text& name) {
        if (s) k.sample.push_back(what + ": " + name.zh + " / " + name.en);
    }
};

void checkSiteAndParks(const Content& c, ChecklistWriter& w) {
    w.text(c.site.title, "site title");
    w.text(c.site.subtitle, "site subtitle");
    w.text(c.site.intro, "site intro");
    for (const KeyFigure& f : c.site.keyFigures) {
        w.text(f.label, "key figure " + f.id);
        w.sample(f.sample, "key figure " + f.id, f.label);
    }
    for (const Module& mo : c.modules) {
        w.text(mo.title, "module " + mo.id);
        w.text(mo.subtitle, "module " + mo.id + " subtitle");
    }
    for (const Park& p : c.parks) {
        std::string at = "park " + p.id;
        w.text(p.name, at + " name");
        w.text(p.short_, at + " short name");
        w.text(p.kind, at + " kind");
        w.text(p.intro, at + " intro");
        for (const Text& h : p.honours) w.text(h, at + " honour");
        for (const Ranking& r : p.rankings) w.text(r.text, at + " ranking");
        for (const ParkFigure& f : p.figures) {
            w.text(f.label, at + " figure");
            w.sample(f.sample, at + " figure", f.label);
        }
        w.sample(p.sample, "park " + p.id, p.name);
        if (placeholderUrl(p.url))
            w.k.placeholderLinks.push_back(at + ": " + (p.url.empty() ? "(no link)" : p.url));
    }
}

void checkIndustriesAndInvestment(const Content& c, ChecklistWriter& w) {
    for (const Industry& i : c.industries) {
        w.text(i.name, "industry " + i.id);
        w.text(i.summary, "industry " + i.id + " summary");
        w.sample(i.sample, "industry " + i.id, i.name);
        for (const ChainNode& n : i.nodes) {
            w.text(n.name, "chain link " + n.id);
            for (const Text& e : n.enterprises) w.text(e, "chain link " + n.id + " enterprise");
            if (!i.sample) w.sample(n.sample, "chain link " + n.id, n.name);
        }
    }
    for (const Project& p : c.projects) {
        w.text(p.name, "project " + p.id);
        w.text(p.summary, "project " + p.id + " summary");
        w.sample(p.sample, "project " + p.id, p.name);
    }
    for (const ProjectFigure& f : c.projectFigures) {
        w.text(f.label, "investment figure " + f.id);
        w.sample(f.sample, "investment figure " + f.id, f.label);
    }
    for (const Policy& p : c.policies) {
        w.text(p.title, "policy " + p.id);
        w.text(p.body, "policy " + p.id + " text");
        w.sample(p.sample, "policy " + p.id, p.title);
    }
}

void checkEventsAndMedia(const Content& c, ChecklistWriter& w) {
    for (const Event& e : c.events) {
        w.text(e.title, "event " + e.id);
        w.text(e.body, "event " + e.id + " text");
        w.sample(e.sample, "event " + e.id, e.title);
    }
    for (const Contact& ct : c.contacts) {
        w.text(ct.name, "contact " + ct.id);
        w.text(ct.org, "contact " + ct.id + " organisation");
        w.sample(ct.sample, "contact " + ct.id, ct.name);
        if (!ct.url.empty() && placeholderUrl(ct.url))
            w.k.placeholderLinks.push_back("contact " + ct.id + ": " + ct.url);
    }
    for (const Photo& p : c.photos) {
        w.text(p.caption, "photo " + p.id + " caption");
        w.sample(p.sample, "photo " + p.id, p.caption);
        // Shown full screen on a 1920x1080 display (and 1080x1920 in portrait, cropped).
        if (p.width < 1920 || p.height < 1080)
            w.k.lowResPhoto.push_back("photo " + p.id + ": " + std::to_string(p.width) + "x" +
                                      std::to_string(p.height) + " (display 1920x1080)");
    }
    if (c.video) {
        w.text(c.video->title, "video title");
        w.sample(c.video->sample, "video", c.video->title);
    }
    for (const Tour& t : c.tours) {
        w.text(t.title, "tour " + t.id);
        for (const TourStop& st : t.stops) w.text(st.note, "tour " + t.id + " note");
    }
    for (const Attribution& a : c.attributions) w.text(a.what, "credit " + a.source);
}

// In the order the sheet lists them: the site, parks, industries, investment, events, media.
Checklist makeChecklist(const Content& c, const Manifest& m) {
    Checklist k;
    k.bundleBytes = m.totalSize();
    k.expires = m.expires;
    k.version = m.version;
    ChecklistWriter w{k};
    checkSiteAndParks(c, w);
    checkIndustriesAndInvestment(c, w);
    checkEventsAndMedia(c, w);
    return k;
}

// [SECTION] Sheet

std::string html(const std::string& s) {
    std::string o;
    for (char ch : s) {
        switch (ch) {
            case '&':
                o += "&amp;";
                break;
            case '<':
                o += "&lt;";
                break;
            case '>':
                o += "&gt;";
                break;
            case '"':
                o += "&quot;";
                break;
            default:
                o += ch;
        }
    }
    return o;
}

// One checklist item: its title and count; the entries fold away when there are many (the
// sample data list runs to dozens), so the screenshots stay near the top of the page.
void list(std::ostringstream& o, const char* title, const std::vector<std::string>& items,
          const char* none) {
    if (items.empty()) {
        o << "<h3>" << title << " (0)</h3>\n<p class=ok>" << none << "</p>\n";
        return;
    }
    o << "<details" << (items.size() <= 8 ? " open" : "") << "><summary><b>" << title << " ("
      << items.size() << ")</b></summary>\n<ul>\n";
    for (const std::string& i : items) o << "<li>" << html(i) << "</li>\n";
    o << "</ul></details>\n";
}

std::string sheet(const std::string& src, const std::vector<WalkResult>& walks, const Checklist& k,
                  size_t findings, size_t failed) {
    std::ostringstream o;
    o << "<!doctype html>\n<html lang=zh><head><meta charset=utf-8>"
         "<title>Proof 校样 · "
      << html(src)
      << "</title>\n<style>\n"
         "body{font-family:'Noto Sans CJK SC',sans-serif;margin:24px;color:#1a1f2b}\n"
         ".grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(360px,1fr));gap:16px}\n"
         "figure{margin:0;border:1px solid #d0d6e0;border-radius:8px;padding:8px}\n"
         "figure img{width:100%;height:auto;display:block}\n"
         "figure.bad{border:3px solid #c62828}\n.finding{color:#c62828;font-size:13px}\n"
         ".ok{color:#2e7d32}\n.summary{font-size:18px}\npre{white-space:pre-wrap;font-size:12px}\n"
         "details{margin:8px 0}\nsummary{cursor:pointer}\n"
         "</style></head><body>\n";
    o << "<h1>校样 Proof: " << html(src) << "</h1>\n<p class=summary>";
    if (findings == 0 && failed == 0)
        o << "<span class=ok>版面检查无问题 · No layout findings</span>";
    else
        o << "<b>" << findings << "</b> 处版面问题 layout finding(s), <b>" << failed
          << "</b> 个未完成的浏览 walk(s) that failed — 发布前请修正 / fix before publishing";
    o << "</p>\n<h2>清单 Checklist</h2>\n";
    o << "<p>内容包 Bundle: version " << k.version << ", " << k.bundleBytes << " bytes ("
      << (k.bundleBytes + 524288) / 1048576 << " MiB), 有效期至 expires " << formatUtc(k.expires)
      << "</p>\n";
    list(o, "示例数据 Sample data (not stated by the source document)", k.sample, "none");
    list(o, "缺少英文 Texts without English", k.noEnglish, "every text has English");
    list(o, "分辨率不足的图片 Photos below display size", k.lowResPhoto,
         "every photo fills a 1920x1080 display");
    list(o, "占位链接 Placeholder links and QR targets", k.placeholderLinks,
         "every link is a real address");
    for (const WalkResult& w : walks) {
        o << "<h2>" << html(w.variant) << "</h2>\n";
        if (w.failed)
            o << "<p class=finding>浏览未完成 The walk failed (walks/" << html(w.script)
              << "):</p><pre>" << html(w.log) << "</pre>\n";
        o << "<div class=grid>\n";
        for (const std::string& shot : w.shots) {
            auto it = w.findings.find(shot);
            bool bad = it != w.findings.end();
            fs::path img = fs::path("shots") / w.variant / (shot + ".png");
            o << "<figure" << (bad ? " class=bad" : "") << "><img loading=lazy src=\""
              << html(img.string()) << "\" alt=\"" << html(shot) << "\"><figcaption>" << html(shot);
            if (bad)
                for (const std::string& f : it->second)
                    o << "<div class=finding>" << html(f) << "</div>";
            o << "</figcaption></figure>\n";
        }
        o << "</div>\n";
    }
    o << "</body></html>\n";
    return o.str();
}

std::string defaultKiosk() {
    std::error_code ec;
    fs::path self = fs::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        fs::path sibling = self.parent_path() / "zjmap-kiosk";
        if (fs::exists(sibling, ec)) return sibling.string();
    }
    return "/usr/bin/zjmap-kiosk";
}

} // namespace

// [SECTION] Command

namespace {

struct ProofArgs {
    std::string src, outArg, kiosk = defaultKiosk(), lintSeed;
    std::vector<Variant> variants;
};

// The command line; -1 when complete, else the exit code (after the usage).
int parseProofArgs(const std::vector<std::string>& args, ProofArgs& p) {
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        bool hasValue = i + 1 < args.size();
        if (a == "--out" && hasValue)
            p.outArg = args[++i];
        else if (a == "--kiosk" && hasValue)
            p.kiosk = args[++i];
        else if (a == "--lint-seed" && hasValue)
            p.lintSeed = args[++i];
        else if (a == "--variant" && hasValue) {
            const std::string& name = args[++i];
            bool known = false;
            for (const Variant& v : kVariants)
                if (v.name == name) p.variants.push_back(v), known = true;
            if (!known) return usage("unknown variant '" + name + "'");
        } else if (!a.starts_with("--") && p.src.empty())
            p.src = a;
        else
            return usage("unexpected argument '" + a + "'");
    }
    if (p.src.empty() || p.outArg.empty()) return usage("SRC and --out are required");
    if (p.variants.empty()) p.variants.assign(std::begin(kVariants), std::end(kVariants));
    return -1;
}

// What the walks show: the bundle packed for this proof, its content and the key it opens with.
struct ProofBundle {
    std::string fingerprint;
    fs::path dir, pubFile;
    std::optional<Bundle> bundle;
    Content content;
};

// The sources, packed as `build` packs them, signed with a key made for this proof only.
// False (reported) when they do not build or the result does not open.
bool packForProof(const std::string& src, const fs::path& out, ProofBundle& pb) {
    std::string err;
    std::error_code ec;
    if (!sourcesFingerprint(src, pb.fingerprint, err)) {
        std::fprintf(stderr, "zjmap-pack proof: %s\n", err.c_str());
        return false;
    }
    crypto::PublicKey pub{};
    crypto::SecretKey secret{};
    crypto::generateKeyPair(pub, secret);
    fs::path keyDir = out / "walks" / ".key";
    fs::remove_all(keyDir, ec);
    if (!crypto::writeKeyFiles(keyDir, pub, secret, err)) {
        std::fprintf(stderr, "zjmap-pack proof: %s\n", err.c_str());
        return false;
    }
    pb.dir = out / "bundle";
    pb.pubFile = keyDir / "publisher.pub";
    fs::remove_all(pb.dir, ec);
    if (runBuild({src, "--key", (keyDir / "publisher.key").string(), "--out", pb.dir.string()}) !=
        0) {
        std::fprintf(stderr, "zjmap-pack proof: %s does not build: nothing to show\n", src.c_str());
        return false;
    }
    fs::remove(keyDir / "publisher.key", ec); // nothing signed with it is ever published
    std::vector<std::string> problems;
    pb.bundle = openPackedBundle(pb.dir, pub, VerifyLevel::SignatureAndPresence, problems);
    if (!pb.bundle || !loadContent(*pb.bundle, pb.content, err)) {
        std::fprintf(stderr, "zjmap-pack proof: the packed bundle does not open: %s\n",
                     problems.empty() ? err.c_str() : problems.front().c_str());
        return false;
    }
    return true;
}

// The walks, one kiosk run each: every variant, then the closed page once per orientation.
std::vector<WalkResult> runWalks(const ProofArgs& p, const fs::path& out, const ProofBundle& pb) {
    std::vector<WalkResult> walks;
    for (const Variant& v : p.variants) {
        std::printf("zjmap-pack proof: walking %s\n", v.name.c_str());
        std::fflush(stdout);
        walks.push_back(runWalk(p.kiosk, out, v.name, walkScript(v, pb.content, p.lintSeed),
                                nullptr, pb.dir, pb.pubFile));
    }
    std::string closedToml = kClosedHours;
    for (const Variant& v : p.variants)
        if (v.lang == "zh") // the closed page shows both languages at once
            walks.push_back(runWalk(p.kiosk, out, "closed-" + v.name.substr(0, v.name.find('-')),
                                    closedScript(v), &closedToml, pb.dir, pb.pubFile));
    return walks;
}

} // namespace

int runProof(const std::vector<std::string>& args) {
    ProofArgs p;
    if (int rc = parseProofArgs(args, p); rc >= 0) return rc;
    fs::path out = fs::absolute(p.outArg);
    std::error_code ec;
    fs::create_directories(out / "walks", ec);
    if (ec) return usage(out.string() + ": " + ec.message());
    ProofBundle pb;
    if (!packForProof(p.src, out, pb)) return 3;
    std::vector<WalkResult> walks = runWalks(p, out, pb);

    // The sheet, the verdict, and its record for publish.
    size_t findings = 0, failed = 0, shots = 0;
    for (const WalkResult& w : walks) {
        for (const auto& [shot, list] : w.findings) findings += list.size();
        failed += w.failed ? 1 : 0;
        shots += w.shots.size();
    }
    Checklist k = makeChecklist(pb.content, pb.bundle->manifest);
    fs::path index = out / "index.html";
    std::ostringstream json;
    json << "{\"sources\": \"" << pb.fingerprint << "\", \"findings\": " << findings
         << ", \"failed_walks\": " << failed << ", \"shots\": " << shots
         << ", \"sample_items\": " << k.sample.size()
         << ", \"texts_without_english\": " << k.noEnglish.size()
         << ", \"photos_below_display\": " << k.lowResPhoto.size()
         << ", \"placeholder_links\": " << k.placeholderLinks.size()
         << ", \"bundle_bytes\": " << k.bundleBytes << ", \"expires\": \"" << formatUtc(k.expires)
         << "\"}\n";
    std::string record = pb.fingerprint + " " + std::to_string(findings) + " " +
                         std::to_string(failed) + " " + index.string() + "\n";
    std::string err;
    if (!fileutil::writeFileAtomic(index, sheet(p.src, walks, k, findings, failed), err) ||
        !fileutil::writeFileAtomic(out / "proof.json", json.str(), err)) {
        std::fprintf(stderr, "zjmap-pack proof: %s\n", err.c_str());
        return 1;
    }
    if (!fileutil::writeFileAtomic(fs::path(p.src) / kProofRecord, record, err))
        std::fprintf(stderr, "zjmap-pack proof: warning: publish will not see this proof: %s\n",
                     err.c_str());
    std::printf("zjmap-pack proof: %s: %zu screenshots, %zu layout finding(s), %zu failed "
                "walk(s), %zu sample item(s), %zu text(s) without English\n",
                index.c_str(), shots, findings, failed, k.sample.size(), k.noEnglish.size());
    return findings == 0 && failed == 0 ? 0 : 1;
}

} // namespace zj::pack

#include "core/scenario.hpp"

#include "core/navigation.hpp"

#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>

namespace zj {

namespace {

struct Token {
    std::string text;
    bool quoted = false;
};

// Splits a line into words and "quoted strings"; '#' outside quotes starts a comment.
bool tokenize(std::string_view line, std::vector<Token>& out, std::string& err) {
    size_t i = 0;
    while (i < line.size()) {
        char c = line[i];
        if (c == ' ' || c == '\t' || c == '\r') {
            ++i;
        } else if (c == '#') {
            break;
        } else if (c == '"') {
            size_t end = line.find('"', i + 1);
            if (end == std::string_view::npos) {
                err = "unterminated quote";
                return false;
            }
            out.push_back({std::string(line.substr(i + 1, end - i - 1)), true});
            i = end + 1;
        } else {
            size_t end = i;
            while (end < line.size() && line[end] != ' ' && line[end] != '\t' && line[end] != '\r')
                ++end;
            out.push_back({std::string(line.substr(i, end - i)), false});
            i = end;
        }
    }
    return true;
}

bool number(const Token& t, float& out) {
    if (t.quoted) return false;
    const char* b = t.text.data();
    const char* e = b + t.text.size();
    auto [p, ec] = std::from_chars(b, e, out);
    return ec == std::errc() && p == e && std::isfinite(out);
}

bool numbers(const std::vector<Token>& toks, size_t first, size_t count, float* out) {
    if (toks.size() != first + count) return false;
    for (size_t k = 0; k < count; ++k)
        if (!number(toks[first + k], out[k])) return false;
    return true;
}

bool safeShotName(const std::string& s) {
    if (s.empty() || s.size() > 100) return false;
    for (char c : s)
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.'))
            return false;
    return s[0] != '.';
}

// Each verb's parser fills `step` from the line's words; on a malformed line it returns false
// with the message the scenario author sees.
using Toks = std::vector<Token>;
using Step = ScenarioStep;

bool parseViewport(const Toks& toks, Step& step, std::string& msg) {
    int w = 0, h = 0;
    if (toks.size() != 2 || std::sscanf(toks[1].text.c_str(), "%dx%d", &w, &h) != 2 || w < 320 ||
        h < 320 || w > 7680 || h > 7680) {
        msg = "expected 'viewport WxH' (320..7680)";
        return false;
    }
    step.kind = Step::Kind::Viewport;
    step.nums[0] = static_cast<float>(w);
    step.nums[1] = static_cast<float>(h);
    return true;
}

bool parseLangStep(const Toks& toks, Step& step, std::string& msg) {
    if (toks.size() != 2 || (toks[1].text != "zh" && toks[1].text != "en")) {
        msg = "expected 'lang zh' or 'lang en'";
        return false;
    }
    step.kind = Step::Kind::Lang;
    step.arg = toks[1].text;
    return true;
}

bool parseTap(const Toks& toks, Step& step, std::string& msg) {
    const std::string& verb = toks[0].text;
    bool longPress = verb == "longpress";
    if (toks.size() == 2 && toks[1].quoted) {
        step.kind = longPress ? Step::Kind::LongPress : Step::Kind::TapLabel;
        step.arg = toks[1].text;
        step.nums[0] = step.nums[1] = -1;
    } else if (numbers(toks, 1, 2, step.nums)) {
        step.kind = longPress ? Step::Kind::LongPress : Step::Kind::TapAt;
    } else {
        msg = "expected '" + verb + " X Y' or '" + verb + " \"label\"'";
        return false;
    }
    return true;
}

bool parseDrag(const Toks& toks, Step& step, std::string& msg) {
    if (!numbers(toks, 1, 5, step.nums) || step.nums[4] < 0) {
        msg = "expected 'drag X1 Y1 X2 Y2 MS'";
        return false;
    }
    step.kind = Step::Kind::Drag;
    return true;
}

bool parsePinch(const Toks& toks, Step& step, std::string& msg) {
    if (!numbers(toks, 1, 4, step.nums) || step.nums[2] <= 0.05f || step.nums[2] > 20 ||
        step.nums[3] < 0) {
        msg = "expected 'pinch CX CY SCALE MS' (scale 0.05..20)";
        return false;
    }
    step.kind = Step::Kind::Pinch;
    return true;
}

bool parseIdle(const Toks& toks, Step& step, std::string& msg) {
    if (!numbers(toks, 1, 1, step.nums) || step.nums[0] < 0 || step.nums[0] > 864000) {
        msg = "expected 'idle SECONDS'";
        return false;
    }
    step.kind = Step::Kind::Idle;
    return true;
}

bool parseExpect(const Toks& toks, Step& step, std::string& msg) {
    if (toks.size() != 3) {
        msg = "expected 'expect WHAT VALUE'";
        return false;
    }
    const std::string& what = toks[1].text;
    if (what != "screen" && what != "lang" && what != "visible" && what != "hidden" &&
        what != "selection") {
        msg = "expect what? (screen | lang | visible | hidden | selection)";
        return false;
    }
    if ((what == "visible" || what == "hidden") && !toks[2].quoted) {
        msg = "expect " + what + " takes a \"quoted text\"";
        return false;
    }
    step.kind = Step::Kind::Expect;
    step.arg = what;
    step.value = toks[2].text;
    return true;
}

bool parseShot(const Toks& toks, Step& step, std::string& msg) {
    if (toks.size() != 2 || !safeShotName(toks[1].text)) {
        msg = "expected 'shot NAME' ([A-Za-z0-9._-])";
        return false;
    }
    step.kind = Step::Kind::Shot;
    step.arg = toks[1].text;
    return true;
}

bool parseLintSeed(const Toks& toks, Step& step, std::string& msg) {
    static const char* kinds[] = {"overlap", "clip", "small-target", "small-text"};
    bool known = false;
    for (const char* k : kinds) known = known || (toks.size() == 2 && toks[1].text == k);
    if (!known) {
        msg = "expected 'lint-seed overlap|clip|small-target|small-text'";
        return false;
    }
    step.kind = Step::Kind::LintSeed;
    step.arg = toks[1].text;
    return true;
}

bool parsePreviewEdit(const Toks& toks, Step& step, std::string& msg) {
    if (toks.size() != 4 || !toks[2].quoted || !toks[3].quoted || toks[2].text.empty() ||
        toks[1].text.empty() || toks[1].text[0] == '/' ||
        toks[1].text.find("..") != std::string::npos) {
        msg = "expected 'preview-edit FILE \"FROM\" \"TO\"' (FILE inside the preview's sources)";
        return false;
    }
    step.kind = Step::Kind::PreviewEdit;
    step.arg = toks[1].text;
    step.value = toks[2].text;
    step.replacement = toks[3].text;
    return true;
}

bool parsePreviewWait(const Toks& toks, Step& step, std::string& msg) {
    if (toks.size() != 1) {
        msg = "expected 'preview-wait'";
        return false;
    }
    step.kind = Step::Kind::PreviewWait;
    return true;
}

bool parseOpen(const Toks& toks, Step& step, std::string& msg) {
    ScreenId screen;
    if (toks.size() < 2 || toks.size() > 3 || !parseScreenName(toks[1].text, screen)) {
        msg = "expected 'open SCREEN [SELECTION]' (home | city | map | industry | invest | "
              "attract)";
        return false;
    }
    step.kind = Step::Kind::Open;
    step.arg = toks[1].text;
    if (toks.size() == 3) step.value = toks[2].text;
    return true;
}

using VerbParser = bool (*)(const Toks&, Step&, std::string&);
const struct {
    const char* verb;
    VerbParser parse;
} kVerbs[] = {
    {"viewport", parseViewport},
    {"lang", parseLangStep},
    {"tap", parseTap},
    {"longpress", parseTap},
    {"drag", parseDrag},
    {"pinch", parsePinch},
    {"idle", parseIdle},
    {"expect", parseExpect},
    {"shot", parseShot},
    {"lint-seed", parseLintSeed},
    {"preview-edit", parsePreviewEdit},
    {"preview-wait", parsePreviewWait},
    {"open", parseOpen},
};

// One line's step; false (with the message) when the line is malformed. A blank or comment
// line leaves `toks` empty.
bool parseLine(std::string_view line, Toks& toks, Step& step, std::string& msg) {
    if (!tokenize(line, toks, msg)) return false;
    if (toks.empty()) return true;
    if (toks[0].quoted) {
        msg = "a line starts with a command word";
        return false;
    }
    const std::string& verb = toks[0].text;
    for (const auto& v : kVerbs)
        if (verb == v.verb) return v.parse(toks, step, msg);
    msg = "unknown command '" + verb + "'";
    return false;
}

} // namespace

bool parseScenario(std::string_view source, Scenario& out, std::string& err) {
    out.steps.clear();
    int lineNo = 0;
    size_t pos = 0;
    while (pos <= source.size()) {
        size_t nl = source.find('\n', pos);
        std::string_view line =
            source.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
        pos = nl == std::string_view::npos ? source.size() + 1 : nl + 1;
        ++lineNo;

        Toks toks;
        ScenarioStep step;
        std::string msg;
        if (!parseLine(line, toks, step, msg)) {
            err = std::to_string(lineNo) + ": " + msg + ": " + std::string(line);
            return false;
        }
        if (toks.empty()) continue;
        step.line = lineNo;
        step.text = std::string(line);
        out.steps.push_back(std::move(step));
    }
    return true;
}

} // namespace zj

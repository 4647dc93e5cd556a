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

        std::vector<Token> toks;
        std::string tokErr;
        auto fail = [&](const std::string& msg) {
            err = std::to_string(lineNo) + ": " + msg + ": " + std::string(line);
            return false;
        };
        if (!tokenize(line, toks, tokErr)) return fail(tokErr);
        if (toks.empty()) continue;

        ScenarioStep step;
        step.line = lineNo;
        step.text = std::string(line);
        const std::string& verb = toks[0].text;
        if (toks[0].quoted) return fail("a line starts with a command word");

        if (verb == "viewport") {
            int w = 0, h = 0;
            if (toks.size() != 2 || std::sscanf(toks[1].text.c_str(), "%dx%d", &w, &h) != 2 ||
                w < 320 || h < 320 || w > 7680 || h > 7680)
                return fail("expected 'viewport WxH' (320..7680)");
            step.kind = ScenarioStep::Kind::Viewport;
            step.nums[0] = static_cast<float>(w);
            step.nums[1] = static_cast<float>(h);
        } else if (verb == "lang") {
            if (toks.size() != 2 || (toks[1].text != "zh" && toks[1].text != "en"))
                return fail("expected 'lang zh' or 'lang en'");
            step.kind = ScenarioStep::Kind::Lang;
            step.arg = toks[1].text;
        } else if (verb == "tap" || verb == "longpress") {
            bool longPress = verb == "longpress";
            if (toks.size() == 2 && toks[1].quoted) {
                step.kind =
                    longPress ? ScenarioStep::Kind::LongPress : ScenarioStep::Kind::TapLabel;
                step.arg = toks[1].text;
                step.nums[0] = step.nums[1] = -1;
            } else if (numbers(toks, 1, 2, step.nums)) {
                step.kind = longPress ? ScenarioStep::Kind::LongPress : ScenarioStep::Kind::TapAt;
            } else {
                return fail("expected '" + verb + " X Y' or '" + verb + " \"label\"'");
            }
        } else if (verb == "drag") {
            if (!numbers(toks, 1, 5, step.nums) || step.nums[4] < 0)
                return fail("expected 'drag X1 Y1 X2 Y2 MS'");
            step.kind = ScenarioStep::Kind::Drag;
        } else if (verb == "pinch") {
            if (!numbers(toks, 1, 4, step.nums) || step.nums[2] <= 0.05f || step.nums[2] > 20 ||
                step.nums[3] < 0)
                return fail("expected 'pinch CX CY SCALE MS' (scale 0.05..20)");
            step.kind = ScenarioStep::Kind::Pinch;
        } else if (verb == "idle") {
            if (!numbers(toks, 1, 1, step.nums) || step.nums[0] < 0 || step.nums[0] > 864000)
                return fail("expected 'idle SECONDS'");
            step.kind = ScenarioStep::Kind::Idle;
        } else if (verb == "expect") {
            if (toks.size() != 3) return fail("expected 'expect WHAT VALUE'");
            const std::string& what = toks[1].text;
            if (what != "screen" && what != "lang" && what != "visible" && what != "hidden" &&
                what != "selection")
                return fail("expect what? (screen | lang | visible | hidden | selection)");
            if ((what == "visible" || what == "hidden") && !toks[2].quoted)
                return fail("expect " + what + " takes a \"quoted text\"");
            step.kind = ScenarioStep::Kind::Expect;
            step.arg = what;
            step.value = toks[2].text;
        } else if (verb == "shot") {
            if (toks.size() != 2 || !safeShotName(toks[1].text))
                return fail("expected 'shot NAME' ([A-Za-z0-9._-])");
            step.kind = ScenarioStep::Kind::Shot;
            step.arg = toks[1].text;
        } else if (verb == "lint-seed") {
            static const char* kinds[] = {"overlap", "clip", "small-target", "small-text"};
            bool known = false;
            for (const char* k : kinds) known = known || (toks.size() == 2 && toks[1].text == k);
            if (!known) return fail("expected 'lint-seed overlap|clip|small-target|small-text'");
            step.kind = ScenarioStep::Kind::LintSeed;
            step.arg = toks[1].text;
        } else if (verb == "preview-edit") {
            if (toks.size() != 4 || !toks[2].quoted || !toks[3].quoted || toks[2].text.empty() ||
                toks[1].text.empty() || toks[1].text[0] == '/' ||
                toks[1].text.find("..") != std::string::npos)
                return fail("expected 'preview-edit FILE \"FROM\" \"TO\"' (FILE inside the "
                            "preview's sources)");
            step.kind = ScenarioStep::Kind::PreviewEdit;
            step.arg = toks[1].text;
            step.value = toks[2].text;
            step.replacement = toks[3].text;
        } else if (verb == "preview-wait") {
            if (toks.size() != 1) return fail("expected 'preview-wait'");
            step.kind = ScenarioStep::Kind::PreviewWait;
        } else if (verb == "open") {
            ScreenId screen;
            if (toks.size() < 2 || toks.size() > 3 || !parseScreenName(toks[1].text, screen))
                return fail("expected 'open SCREEN [SELECTION]' (home | city | map | industry | "
                            "invest | attract)");
            step.kind = ScenarioStep::Kind::Open;
            step.arg = toks[1].text;
            if (toks.size() == 3) step.value = toks[2].text;
        } else {
            return fail("unknown command '" + verb + "'");
        }
        out.steps.push_back(std::move(step));
    }
    return true;
}

} // namespace zj

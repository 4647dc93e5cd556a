#include "core/text_wrap.hpp"

namespace zj::text {

size_t utf8Length(unsigned char c) {
    return c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 1;
}

bool closesLine(std::string_view cp) {
    static constexpr std::string_view closers[] = {"，", "。", "、", "；", "：", "！", "？",
                                                   "）", "”",  "’",  "》", "…",  ",",  ".",
                                                   ";",  ":",  "!",  "?",  ")",  "%"};
    for (std::string_view c : closers)
        if (cp == c) return true;
    return false;
}

namespace {

bool isBreak(const std::string& t) {
    return t == " " || t == "\n";
}

// Tokens: a run of ASCII non-space characters (a word), one space, a newline, or one wide
// character; closing punctuation sticks to the token before it.
std::vector<std::string> tokenize(const std::string& s) {
    std::vector<std::string> tokens;
    for (size_t i = 0; i < s.size();) {
        size_t n = std::min(utf8Length(static_cast<unsigned char>(s[i])), s.size() - i);
        std::string cp = s.substr(i, n);
        i += n;
        bool joinsPrevious = !tokens.empty() && !isBreak(tokens.back());
        if (cp == "\n" || cp == " ") {
            tokens.push_back(cp);
        } else if (closesLine(cp) && joinsPrevious) {
            tokens.back() += cp;
        } else if (n == 1 && joinsPrevious &&
                   static_cast<unsigned char>(tokens.back().back()) < 0x80 &&
                   !closesLine(std::string_view(tokens.back()).substr(tokens.back().size() - 1))) {
            tokens.back() += cp; // continue an ASCII word
        } else {
            tokens.push_back(cp);
        }
    }
    return tokens;
}

} // namespace

std::string wrap(const std::string& s, float wrapWidth, const MeasureFn& width) {
    if (wrapWidth <= 0) return s;
    std::string out, line;
    float lineW = 0;
    for (const std::string& t : tokenize(s)) {
        if (t == "\n") {
            out += line + "\n";
            line.clear();
            lineW = 0;
            continue;
        }
        float tw = width(t);
        if (!line.empty() && lineW + tw > wrapWidth) {
            while (!line.empty() && line.back() == ' ') line.pop_back();
            out += line + "\n";
            line.clear();
            lineW = 0;
            if (t == " ") continue; // no leading space on the new line
        }
        line += t;
        lineW += tw;
    }
    return out + line;
}

std::vector<std::string> fitLines(const std::string& wrapped, int maxLines, float wrapWidth,
                                  const MeasureFn& width, bool* cut) {
    std::vector<std::string> lines;
    for (size_t b = 0;;) {
        size_t e = wrapped.find('\n', b);
        lines.push_back(wrapped.substr(b, e == std::string::npos ? std::string::npos : e - b));
        if (e == std::string::npos) break;
        b = e + 1;
    }
    bool dropped = static_cast<int>(lines.size()) > maxLines;
    if (cut) *cut = dropped;
    if (!dropped) return lines;
    lines.resize(std::max(0, maxLines));
    if (lines.empty()) return lines;
    // Room for the ellipsis on the last line: drop whole code points until it fits.
    std::string& last = lines.back();
    const std::string ell = "…";
    while (!last.empty() && width(last + ell) > wrapWidth) {
        size_t i = last.size() - 1;
        while (i > 0 && (static_cast<unsigned char>(last[i]) & 0xC0) == 0x80) --i;
        last.erase(i);
    }
    while (!last.empty() && (last.back() == ' ' || last.back() == ',')) last.pop_back();
    last += ell;
    return lines;
}

} // namespace zj::text

// Line breaking for mixed Chinese and English copy, apart from any font: the caller measures.
// ImGui breaks only at spaces and ASCII punctuation, which leaves ragged half-empty lines in
// Chinese; here Chinese breaks between characters, English between words, and no line starts
// with closing punctuation (，。、；：！？）”’》… and their ASCII forms, and %).
#pragma once
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace zj::text {

// The width of a run of text in whatever unit the caller lays out in (pixels).
using MeasureFn = std::function<float(std::string_view)>;

// Byte length of the UTF-8 code point that starts with `lead` (1 for a malformed byte).
size_t utf8Length(unsigned char lead);
// Whether `codePoint` (one UTF-8 code point) may not begin a line.
bool closesLine(std::string_view codePoint);

// `s` with '\n' inserted so that no line is wider than `wrapWidth` (a single token wider than
// that stays whole on its own line). Explicit '\n' are kept; spaces at a break are dropped.
// `wrapWidth` <= 0 returns `s` unchanged.
std::string wrap(const std::string& s, float wrapWidth, const MeasureFn& width);

// The first `maxLines` lines of already wrapped text; when lines were dropped, the last kept one
// is shortened by whole code points until it and "…" fit in `wrapWidth`, trailing spaces and
// commas removed. `cut` (optional) says whether anything was dropped.
std::vector<std::string> fitLines(const std::string& wrapped, int maxLines, float wrapWidth,
                                  const MeasureFn& width, bool* cut = nullptr);

} // namespace zj::text

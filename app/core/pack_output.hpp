// Reading `zjmap-pack build`'s output: the live preview shows the editor the first error.
#pragma once
#include <string>
#include <string_view>

namespace zj {

// The first error line of the build's output (diagnostics are "file:line: field: message",
// warnings carry "warning:", the summary starts "zjmap-pack build:"), cut to about 300 bytes
// at a UTF-8 boundary; the last non-empty line when no diagnostic is there; "" for no output.
std::string firstBuildError(std::string_view output);

} // namespace zj

// The scenario language (tests/ui/README.md): scripted touches, simulated time, expectations
// and screenshots, parsed here (pure) and played by the UI's scenario runner.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace zj {

struct ScenarioStep {
    enum class Kind {
        Viewport,
        Lang,
        TapAt,
        TapLabel,
        LongPress,
        Drag,
        Pinch,
        Idle,
        Expect,
        Shot,
        LintSeed,    // draws a deliberate layout defect from now on (must-fail proofs of the lint)
        Open,        // navigates straight to a screen and selection (walks that need no touches)
        PreviewEdit, // --preview only: replaces a text in a source file, as an editor's save
        PreviewWait  // --preview only: until the build that the last edit started has finished
    };
    Kind kind = Kind::Idle;
    int line = 0;                    // 1-based line in the file
    std::string text;                // the source line, for error messages
    float nums[5] = {0, 0, 0, 0, 0}; // coordinates, sizes, durations (ms or s per kind)
    std::string arg;                 // label, language, screenshot name, expectation subject
    std::string value;               // expectation value; preview-edit: the text replaced
    std::string replacement;         // preview-edit: what replaces it
};

struct Scenario {
    std::vector<ScenarioStep> steps;
};

// Parses a whole script; on error returns false and sets err to "LINE: message: text".
bool parseScenario(std::string_view source, Scenario& out, std::string& err);

} // namespace zj

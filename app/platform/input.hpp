// SDL finger and mouse events -> the core gesture recogniser -> ImGui's pointer and the
// screen-level gesture list. ImGui 1.86's SDL backend knows no touch, so we feed it ourselves.
#pragma once
#include "core/gestures.hpp"

#include <vector>

union SDL_Event;
struct ImGuiIO;

namespace zj {

class InputLayer {
  public:
    // Returns true when the event is pointer input (the UI must redraw). Appends gestures.
    bool handle(const SDL_Event& event, double nowMs, float windowW, float windowH,
                std::vector<Gesture>& out);
    void update(double nowMs, std::vector<Gesture>& out) { recognizer_.update(nowMs, out); }
    double deadline() const { return recognizer_.deadline(); }

    // Call after ImGui_ImplSDL2_NewFrame() and before ImGui::NewFrame(). A press is shown to
    // ImGui for at least one frame even when the release arrived in the same batch.
    void applyToImGui(ImGuiIO& io);
    // True when a deferred release still has to be shown to ImGui (render one more frame).
    bool needsFollowUpFrame() const { return releasePending_; }
    void reset();

    GestureRecognizer& recognizer() { return recognizer_; }

  private:
    GestureRecognizer recognizer_;
    unsigned downCount_ = 0;      // presses seen
    unsigned shownDownCount_ = 0; // presses ImGui has seen
    bool releasePending_ = false;
    bool mouseDown_ = false;
};

} // namespace zj

// The kinds of usage events the kiosk counts (analytics `kind` column). Screens note them through
// UiContext::noteUsage; the session layer writes them to the analytics store.
#pragma once

namespace zj::event {
inline constexpr const char* SessionStart = "session_start";
inline constexpr const char* SessionEnd = "session_end"; // value: length in seconds
inline constexpr const char* Module = "module";          // [screen name]
inline constexpr const char* Park = "park";              // [park id]
inline constexpr const char* Industry = "industry";      // [industry id]
inline constexpr const char* Project = "project";        // [project id] added to "my list"
inline constexpr const char* VideoPlay = "video_play";   // [video: "promo"]
inline constexpr const char* QrShown = "qr_shown";       // [park:<id> | contact:<id> | my-list]
inline constexpr const char* Language = "language";      // [zh | en]
inline constexpr const char* TourStep = "tour_step";     // [tour id:stop index]
} // namespace zj::event

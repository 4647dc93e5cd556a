// Screens never call each other: they post commands to one queue that the app drains between
// frames. The navigator keeps the history for "back".
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace zj {

enum class ScreenId { Home, City, Map, Industry, Invest, Attract, Staff };

const char* screenName(ScreenId id); // "home", "city", ... (scenario names)
bool parseScreenName(std::string_view name, ScreenId& out);

struct NavCommand {
    enum class Kind { Go, Back, Home };
    Kind kind = Kind::Go;
    ScreenId screen = ScreenId::Home; // for Go
    std::string selection;            // optional: a park, industry, node or project id

    static NavCommand go(ScreenId s, std::string sel = {}) { return {Kind::Go, s, std::move(sel)}; }
    static NavCommand back() { return {Kind::Back, ScreenId::Home, {}}; }
    static NavCommand home() { return {Kind::Home, ScreenId::Home, {}}; }
};

struct NavState {
    ScreenId screen = ScreenId::Home;
    std::string selection;
};

class Navigator {
  public:
    void post(NavCommand command) { queue_.push_back(std::move(command)); }
    bool pending() const { return !queue_.empty(); }
    // Applies every queued command in order; true when the current screen or selection changed.
    bool drain();

    const NavState& current() const { return current_; }
    bool canGoBack() const { return !history_.empty(); }
    size_t historyDepth() const { return history_.size(); }
    void resetTo(ScreenId screen); // new session: clears history

  private:
    static constexpr size_t kMaxHistory = 32; // bounded: a kiosk runs for months
    NavState current_;
    std::vector<NavState> history_;
    std::vector<NavCommand> queue_;
};

} // namespace zj

#include "core/navigation.hpp"

namespace zj {

namespace {
struct ScreenNameEntry {
    ScreenId id;
    const char* name;
};
constexpr ScreenNameEntry kScreenNames[] = {
    {ScreenId::Home, "home"},         {ScreenId::City, "city"},     {ScreenId::Map, "map"},
    {ScreenId::Industry, "industry"}, {ScreenId::Invest, "invest"}, {ScreenId::Attract, "attract"},
    {ScreenId::Staff, "staff"},
};
} // namespace

const char* screenName(ScreenId id) {
    for (const auto& e : kScreenNames)
        if (e.id == id) return e.name;
    return "?";
}

bool parseScreenName(std::string_view name, ScreenId& out) {
    for (const auto& e : kScreenNames) {
        if (name == e.name) {
            out = e.id;
            return true;
        }
    }
    return false;
}

bool Navigator::drain() {
    NavState before = current_;
    for (auto& cmd : queue_) {
        switch (cmd.kind) {
            case NavCommand::Kind::Go: {
                NavState next{cmd.screen, cmd.selection};
                if (next.screen == current_.screen && next.selection == current_.selection) break;
                if (next.screen == ScreenId::Home) {
                    history_.clear();
                } else {
                    history_.push_back(current_);
                    if (history_.size() > kMaxHistory) history_.erase(history_.begin());
                }
                current_ = std::move(next);
                break;
            }
            case NavCommand::Kind::Back:
                if (!history_.empty()) {
                    current_ = history_.back();
                    history_.pop_back();
                }
                break;
            case NavCommand::Kind::Home:
                history_.clear();
                current_ = {};
                break;
        }
    }
    queue_.clear();
    return before.screen != current_.screen || before.selection != current_.selection;
}

void Navigator::resetTo(ScreenId screen) {
    queue_.clear();
    history_.clear();
    current_ = {screen, {}};
}

} // namespace zj

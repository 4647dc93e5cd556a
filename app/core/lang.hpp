// Languages and bilingual text. Every visible string exists in Chinese and English.
#pragma once
#include <string>
#include <string_view>

namespace zj {

enum class Lang { Zh, En };

inline const char* langCode(Lang lang) {
    return lang == Lang::Zh ? "zh" : "en";
}
inline bool parseLang(std::string_view code, Lang& out) {
    if (code == "zh") {
        out = Lang::Zh;
        return true;
    }
    if (code == "en") {
        out = Lang::En;
        return true;
    }
    return false;
}

// A visible string in both languages; falls back to the other language when one is empty.
struct Text {
    std::string zh; // 中文
    std::string en; // English

    const std::string& get(Lang lang) const {
        const std::string& want = lang == Lang::Zh ? zh : en;
        return want.empty() ? (lang == Lang::Zh ? en : zh) : want;
    }
    bool empty() const { return zh.empty() && en.empty(); }
    bool operator==(const Text&) const = default;
};

} // namespace zj

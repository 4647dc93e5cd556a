#include "core/sync/redact.hpp"

#include <algorithm>
#include <array>
#include <cctype>

namespace zj {

namespace {

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = char(std::tolower((unsigned char)c));
    return out;
}

// Query parameter names that carry a secret. Matched as a whole name or as its last word
// ("x-amz-signature", "auth_token", "apikey").
bool isCredentialName(std::string_view rawName) {
    static constexpr std::array<std::string_view, 14> names = {
        "token",  "access_token", "auth",   "authorization", "key", "api_key",   "apikey",
        "secret", "password",     "passwd", "pwd",           "sig", "signature", "credential"};
    std::string name = lower(rawName);
    for (std::string_view n : names) {
        if (name == n) return true;
        if (name.size() > n.size() && name.compare(name.size() - n.size(), n.size(), n) == 0) {
            char before = name[name.size() - n.size() - 1];
            if (before == '_' || before == '-' || before == '.') return true;
        }
    }
    return false;
}

std::string redactQuery(std::string_view query) {
    std::string out;
    size_t start = 0;
    while (start <= query.size()) {
        size_t end = std::min(query.find('&', start), query.size());
        std::string_view param = query.substr(start, end - start);
        size_t eq = param.find('=');
        if (eq != std::string_view::npos && isCredentialName(param.substr(0, eq)))
            out += std::string(param.substr(0, eq)) + "=REDACTED";
        else
            out += param;
        if (end == query.size()) break;
        out += '&';
        start = end + 1;
    }
    return out;
}

} // namespace

std::string redactUrl(std::string_view url) {
    size_t scheme = url.find("://");
    if (scheme == std::string_view::npos) return std::string(url);
    size_t authorityAt = scheme + 3;
    size_t authorityEnd = std::min(url.find_first_of("/?#", authorityAt), url.size());
    std::string_view authority = url.substr(authorityAt, authorityEnd - authorityAt);
    size_t at = authority.rfind('@');
    if (at != std::string_view::npos) authority.remove_prefix(at + 1);
    std::string out = std::string(url.substr(0, authorityAt)) + std::string(authority);
    std::string_view rest = url.substr(authorityEnd);
    size_t q = rest.find('?');
    if (q == std::string_view::npos) return out + std::string(rest);
    size_t hash = std::min(rest.find('#', q), rest.size());
    return out + std::string(rest.substr(0, q + 1)) +
           redactQuery(rest.substr(q + 1, hash - q - 1)) + std::string(rest.substr(hash));
}

std::string redactUrls(std::string_view text) {
    std::string out;
    size_t pos = 0;
    while (pos < text.size()) {
        size_t http = text.find("http://", pos), https = text.find("https://", pos);
        size_t start = std::min(http, https);
        if (start == std::string_view::npos) break;
        // A URL ends at white space, a quote or a closing bracket (how our messages embed them).
        size_t end = text.find_first_of(" \t\r\n\"'<>()[]{},;", start);
        if (end == std::string_view::npos) end = text.size();
        // "...: " after a URL is our separator, not part of it.
        while (end > start && (text[end - 1] == ':' || text[end - 1] == '.')) --end;
        out += text.substr(pos, start - pos);
        out += redactUrl(text.substr(start, end - start));
        pos = end;
    }
    out += text.substr(std::min(pos, text.size()));
    return out;
}

} // namespace zj

// Credentials never leave the kiosk in a log line, last-sync.json, the heartbeat or the staff
// panel: a source or heartbeat URL may carry "user:password@" or a token in its query string.
#pragma once
#include <string>
#include <string_view>

namespace zj {

// `url` with its user info dropped ("https://u:p@host/" -> "https://host/") and the value of
// every credential-looking query parameter (token, access_token, key, api_key, secret,
// password, auth, sig, signature, ...) replaced by "REDACTED". Anything else is unchanged.
std::string redactUrl(std::string_view url);

// Every http:// or https:// URL inside free text (an error message, a log line) redacted.
std::string redactUrls(std::string_view text);

} // namespace zj

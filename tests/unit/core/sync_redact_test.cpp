// redactUrl / redactUrls: no credentials in anything the kiosk logs or reports (issue 19 item 12).
#include "core/sync/redact.hpp"

#include <gtest/gtest.h>

namespace zj {

TEST(SyncRedact, UserInfoIsDropped) {
    EXPECT_EQ(redactUrl("https://kiosk:hunter2@cdn.example.org/zjmap/"),
              "https://cdn.example.org/zjmap/");
    EXPECT_EQ(redactUrl("http://only-user@127.0.0.1:8080"), "http://127.0.0.1:8080");
    EXPECT_EQ(redactUrl("https://u:p@ss@host/x@y"), "https://host/x@y"); // '@' in the path stays
    EXPECT_EQ(redactUrl("https://cdn.example.org/a/b"), "https://cdn.example.org/a/b");
    EXPECT_EQ(redactUrl("file:///media/usb/zjmap"), "file:///media/usb/zjmap");
    EXPECT_EQ(redactUrl("/media/usb/zjmap"), "/media/usb/zjmap");
}

TEST(SyncRedact, CredentialQueryValuesAreReplaced) {
    EXPECT_EQ(redactUrl("https://h/m.json?token=abc&lang=zh"),
              "https://h/m.json?token=REDACTED&lang=zh");
    EXPECT_EQ(redactUrl("https://h/?Access_Token=abc#frag"),
              "https://h/?Access_Token=REDACTED#frag");
    EXPECT_EQ(redactUrl("https://h/?X-Amz-Signature=ff&X-Amz-Date=1"),
              "https://h/?X-Amz-Signature=REDACTED&X-Amz-Date=1");
    EXPECT_EQ(redactUrl("https://h/?api_key=1&password=2&auth=3&monkey=4"),
              "https://h/?api_key=REDACTED&password=REDACTED&auth=REDACTED&monkey=4");
    EXPECT_EQ(redactUrl("https://h/?keyboard=1&flag&"), "https://h/?keyboard=1&flag&");
}

TEST(SyncRedact, UrlsInsideMessages) {
    EXPECT_EQ(redactUrls("https://a:b@h/manifest.json: HTTP 500; http://c:d@g/?token=t: "
                         "timed out"),
              "https://h/manifest.json: HTTP 500; http://g/?token=REDACTED: timed out");
    EXPECT_EQ(redactUrls("(from \"https://x:y@h/p\")"), "(from \"https://h/p\")");
    EXPECT_EQ(redactUrls("no url here: user:pass@host"), "no url here: user:pass@host");
    EXPECT_EQ(redactUrls(""), "");
}

} // namespace zj

// manifest.json: canonical form, round trip, and every rejection rule of the strict parser.
#include "core/bundle/manifest.hpp"

#include <gtest/gtest.h>

#include <random>

using namespace zj;

static const std::string kHashA(64, 'a');
static const std::string kHashB(64, 'b');

static Manifest sampleManifest() {
    Manifest m;
    m.version = 7;
    m.created = 1795737600; // 2026-11-27T00:00:00Z
    m.expires = 1827273600;
    m.files = {{"media/photos/x.jpg", kHashB, 5}, {"content.db", kHashA, 1234}};
    return m;
}

// A manifest with one file entry replaced by raw JSON text.
static std::string withFile(const std::string& fileJson) {
    return R"({"created":"2026-11-27T00:00:00Z","expires":"2027-11-27T00:00:00Z","files":[)" +
           fileJson + R"(],"version":1})";
}

static std::string parseError(const std::string& json) {
    Manifest m;
    std::string err;
    EXPECT_FALSE(parseManifest(json, m, err)) << "accepted: " << json;
    EXPECT_FALSE(err.empty());
    return err;
}

TEST(BundleManifest, UtcFormatAndParse) {
    EXPECT_EQ(formatUtc(0), "1970-01-01T00:00:00Z");
    EXPECT_EQ(formatUtc(1795737600), "2026-11-27T00:00:00Z");
    EXPECT_EQ(formatUtc(951825599), "2000-02-29T11:59:59Z");
    int64_t t = 0;
    ASSERT_TRUE(parseUtc("2000-02-29T11:59:59Z", t));
    EXPECT_EQ(t, 951825599);
    ASSERT_TRUE(parseUtc("1969-12-31T23:59:59Z", t));
    EXPECT_EQ(t, -1);
    EXPECT_EQ(formatUtc(-1), "1969-12-31T23:59:59Z");
    EXPECT_FALSE(parseUtc("2001-02-29T00:00:00Z", t)); // not a leap year
    EXPECT_FALSE(parseUtc("2026-11-27 00:00:00Z", t));
    EXPECT_FALSE(parseUtc("2026-11-27T00:00:00", t));
    EXPECT_FALSE(parseUtc("2026-11-27T24:00:00Z", t));
    EXPECT_FALSE(parseUtc("2026-13-01T00:00:00Z", t));
    EXPECT_FALSE(parseUtc("2026-11-27T00:00:00+08:00", t));
}

TEST(BundleManifest, CanonicalJsonIsSortedCompactWithNewline) {
    std::string json = manifestToJson(sampleManifest());
    EXPECT_EQ(json, "{\"created\":\"2026-11-27T00:00:00Z\",\"expires\":\"2027-11-27T00:00:00Z\","
                    "\"files\":[{\"name\":\"content.db\",\"sha256\":\"" +
                        kHashA +
                        "\",\"size\":1234},{\"name\":\"media/photos/x.jpg\",\"sha256\":\"" +
                        kHashB + "\",\"size\":5}],\"version\":7}\n");
}

TEST(BundleManifest, RoundTrip) {
    Manifest in = sampleManifest();
    Manifest out;
    std::string err;
    ASSERT_TRUE(parseManifest(manifestToJson(in), out, err)) << err;
    EXPECT_EQ(out.version, 7u);
    EXPECT_EQ(out.created, in.created);
    EXPECT_EQ(out.expires, in.expires);
    ASSERT_EQ(out.files.size(), 2u);
    EXPECT_EQ(out.files[0].name, "content.db"); // sorted by the writer
    ASSERT_NE(out.find("media/photos/x.jpg"), nullptr);
    EXPECT_EQ(out.find("media/photos/x.jpg")->sha256, kHashB);
    EXPECT_EQ(out.find("nope"), nullptr);
    EXPECT_EQ(out.totalSize(), 1239u);
    EXPECT_EQ(manifestToJson(out), manifestToJson(in));
}

TEST(BundleManifest, ChannelIsSignedWhenSetAndAbsentOtherwise) {
    Manifest m = sampleManifest();
    EXPECT_EQ(manifestToJson(m).find("channel"), std::string::npos); // old bundles' bytes kept
    m.channel = "shenzhen-2026";
    std::string json = manifestToJson(m);
    EXPECT_NE(json.find("\"channel\":\"shenzhen-2026\""), std::string::npos) << json;
    Manifest out;
    std::string err;
    ASSERT_TRUE(parseManifest(json, out, err)) << err;
    EXPECT_EQ(out.channel, "shenzhen-2026");
    for (const char* bad : {R"("")", R"("Upper")", R"("a b")", R"(7)"}) {
        std::string text = json;
        text.replace(text.find("\"shenzhen-2026\""), 15, bad);
        EXPECT_NE(parseError(text).find("manifest.channel"), std::string::npos) << text;
    }
    EXPECT_FALSE(isValidChannel(std::string(65, 'a')));
    EXPECT_TRUE(isValidChannel(std::string(64, 'a')));
}

TEST(BundleManifest, RejectsUnsafeNames) {
    auto file = [](const std::string& nameJson) {
        return withFile(R"({"name":)" + nameJson + R"(,"sha256":")" + kHashA + R"(","size":1})");
    };
    EXPECT_NE(parseError(file(R"("../x")")).find("'..'"), std::string::npos);
    EXPECT_NE(parseError(file(R"("a/../x")")).find("'..'"), std::string::npos);
    EXPECT_NE(parseError(file(R"("./x")")).find("'.'"), std::string::npos);
    EXPECT_NE(parseError(file(R"("/etc/passwd")")).find("absolute"), std::string::npos);
    EXPECT_NE(parseError(file(R"("media\\x.jpg")")).find("backslash"), std::string::npos);
    EXPECT_NE(parseError(file(R"("a//b")")).find("empty"), std::string::npos);
    EXPECT_NE(parseError(file(R"("a/")")).find("empty"), std::string::npos);
    EXPECT_NE(parseError(file(R"("")")).find("empty"), std::string::npos);
    EXPECT_NE(parseError(file(R"("a\nb")")).find("control"), std::string::npos);
    EXPECT_NE(parseError(file(R"("a b")")).find("character"), std::string::npos);
    EXPECT_NE(parseError(file(R"("照片.jpg")")).find("character"), std::string::npos);
    EXPECT_NE(parseError(file("\"" + std::string(201, 'a') + "\"")).find("200"), std::string::npos);
    // The error says which entry.
    EXPECT_NE(parseError(file(R"("../x")")).find("files[0]"), std::string::npos);
    // 200 characters is still fine.
    Manifest m;
    std::string err;
    EXPECT_TRUE(parseManifest(file("\"" + std::string(200, 'a') + "\""), m, err)) << err;
}

TEST(BundleManifest, RejectsBadHashesAndSizes) {
    auto file = [](const std::string& sha, const std::string& size) {
        return withFile(R"({"name":"content.db","sha256":)" + sha + R"(,"size":)" + size + "}");
    };
    std::string good = "\"" + kHashA + "\"";
    EXPECT_NE(parseError(file("\"" + std::string(64, 'A') + "\"", "1")).find("sha256"),
              std::string::npos); // uppercase
    EXPECT_NE(parseError(file("\"" + std::string(63, 'a') + "\"", "1")).find("sha256"),
              std::string::npos);
    EXPECT_NE(parseError(file("\"" + std::string(64, 'g') + "\"", "1")).find("sha256"),
              std::string::npos);
    EXPECT_NE(parseError(file("12", "1")).find("sha256"), std::string::npos);
    EXPECT_NE(parseError(file(good, "-1")).find("negative"), std::string::npos);
    EXPECT_NE(parseError(file(good, "2147483649")).find("2 GiB"), std::string::npos);
    EXPECT_NE(parseError(file(good, "18446744073709551615")).find("2 GiB"), std::string::npos);
    EXPECT_NE(parseError(file(good, "1.5")).find("size"), std::string::npos);
    EXPECT_NE(parseError(file(good, "\"1\"")).find("size"), std::string::npos);
    EXPECT_NE(parseError(file(good, "1e3")).find("size"), std::string::npos);
    // Error names the file.
    EXPECT_NE(parseError(file(good, "-1")).find("content.db"), std::string::npos);
    Manifest m;
    std::string err;
    EXPECT_TRUE(parseManifest(file(good, "2147483648"), m, err)) << err; // exactly 2 GiB is fine
}

TEST(BundleManifest, RejectsDuplicatesAndExtraOrMissingFields) {
    std::string a = R"({"name":"a","sha256":")" + kHashA + R"(","size":1})";
    std::string b = R"({"name":"b","sha256":")" + kHashA + R"(","size":1})";
    std::string err = parseError(withFile(a + "," + b + "," + a));
    EXPECT_NE(err.find("duplicate"), std::string::npos) << err;
    EXPECT_NE(err.find("files[2]"), std::string::npos) << err;
    EXPECT_NE(parseError(withFile(R"({"name":"a","sha256":")" + kHashA + R"(","size":1,"x":1})"))
                  .find("unknown field"),
              std::string::npos);
    EXPECT_NE(parseError(withFile(R"({"name":"a","sha256":")" + kHashA + R"("})")).find("size"),
              std::string::npos);
    EXPECT_NE(parseError(withFile(R"({"sha256":")" + kHashA + R"(","size":1})")).find("name"),
              std::string::npos);
    EXPECT_NE(parseError(withFile("[1,2]")).find("object"), std::string::npos);
    EXPECT_NE(
        parseError(withFile(R"({"name":5,"sha256":")" + kHashA + R"(","size":1})")).find("name"),
        std::string::npos);
}

TEST(BundleManifest, RejectsWrongTopLevel) {
    const std::string times =
        R"("created":"2026-11-27T00:00:00Z","expires":"2027-11-27T00:00:00Z")";
    EXPECT_NE(parseError(R"({)" + times + R"(,"files":[],"version":0})").find("version"),
              std::string::npos);
    EXPECT_NE(parseError(R"({)" + times + R"(,"files":[],"version":-3})").find("version"),
              std::string::npos);
    EXPECT_NE(parseError(R"({)" + times + R"(,"files":[],"version":"1"})").find("version"),
              std::string::npos);
    EXPECT_NE(parseError(R"({)" + times + R"(,"files":[],"version":1.0})").find("version"),
              std::string::npos);
    EXPECT_NE(parseError(R"({)" + times + R"(,"files":[]})").find("version"), std::string::npos);
    // The top version would lock out every later one (fast-forward); one below it is fine.
    EXPECT_NE(parseError(R"({)" + times + R"(,"files":[],"version":18446744073709551615})")
                  .find("manifest.version: 18446744073709551615 is out of range"),
              std::string::npos);
    Manifest below;
    std::string belowErr;
    EXPECT_TRUE(parseManifest(R"({)" + times + R"(,"files":[],"version":18446744073709551614})",
                              below, belowErr))
        << belowErr;
    EXPECT_EQ(below.version, kMaxManifestVersion);
    EXPECT_NE(parseError(R"({)" + times + R"(,"files":{},"version":1})").find("files"),
              std::string::npos);
    EXPECT_NE(parseError(R"({)" + times + R"(,"files":[],"version":1,"extra":true})")
                  .find("unknown field"),
              std::string::npos);
    EXPECT_NE(parseError(R"({"created":"2026-11-27T00:00:00Z","expires":"2026-11-27T00:00:00Z",)"
                         R"("files":[],"version":1})")
                  .find("expires"),
              std::string::npos);
    EXPECT_NE(parseError(R"({"created":1795737600,"expires":"2027-11-27T00:00:00Z",)"
                         R"("files":[],"version":1})")
                  .find("created"),
              std::string::npos);
    EXPECT_NE(parseError("[]").find("object"), std::string::npos);
    EXPECT_NE(parseError("null").find("object"), std::string::npos);
    EXPECT_NE(parseError("").find("JSON"), std::string::npos);
    EXPECT_NE(parseError("{\"version\":1").find("JSON"), std::string::npos);
}

TEST(BundleManifest, GarbageBytesNeverThrowOrCrash) {
    std::mt19937 rng(12345);
    std::string valid = manifestToJson(sampleManifest());
    int accepted = 0;
    for (int round = 0; round < 3000; ++round) {
        std::string input;
        if (round % 3 == 0) { // pure noise
            input.resize(rng() % 300);
            for (char& c : input) c = char(rng() & 0xff);
        } else { // a valid manifest with a few bytes changed or cut
            input = valid;
            int edits = 1 + int(rng() % 4);
            for (int e = 0; e < edits; ++e) input[rng() % input.size()] = char(rng() & 0xff);
            if (round % 3 == 2) input.resize(rng() % input.size());
        }
        Manifest m;
        std::string err;
        bool ok = false;
        EXPECT_NO_THROW(ok = parseManifest(input, m, err));
        if (ok)
            accepted++;
        else
            EXPECT_FALSE(err.empty());
    }
    EXPECT_LT(accepted, 3000); // sanity: the mutations really did break things
    // Deep nesting must not blow the stack.
    std::string deep(100000, '[');
    Manifest m;
    std::string err;
    EXPECT_FALSE(parseManifest(deep, m, err));
    deep += std::string(100000, ']'); // balanced: parses, then must be freed without recursion
    EXPECT_FALSE(parseManifest(deep, m, err));
    EXPECT_NE(err.find("object"), std::string::npos) << err;
}

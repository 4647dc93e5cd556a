// The shared test bundles (see sync_fixture.hpp).
#include "sync_fixture.hpp"

#include "core/bundle/store.hpp"
#include "pack_test_util.hpp"

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"
#define STB_IMAGE_WRITE_STATIC
#define STB_IMAGE_WRITE_IMPLEMENTATION
#include <stb_image_write.h>
#pragma GCC diagnostic pop

#include <chrono>
#include <ctime>
#include <set>
#include <stdexcept>

namespace zj::itest {

static void bumpMtime(const fs::path& file, int secondsAgo) {
    // nginx's ETag is mtime + size: give every served manifest its own mtime, or two variants
    // of equal size written in the same second would share an ETag (a false 304).
    fs::last_write_time(file, fs::file_time_type::clock::now() - std::chrono::seconds(secondsAgo));
}

// The sync tests' bundles carry their own validity: created a day before the test runs (the
// pack fixture's fixed date would expire them a year after it was written, and every sync test
// with it), so the suite passes on any date, with the clock moved too (README: `bash scripts/dev.sh
// future`).
static void createdYesterday(const fs::path& src) {
    fs::path site = src / "site.toml";
    std::string text = readBytes(site);
    const std::string key = "created   = ";
    size_t at = text.find(key);
    if (at == std::string::npos) throw std::runtime_error(site.string() + ": no created line");
    size_t end = text.find('\n', at);
    std::time_t t = std::time(nullptr) - 86400;
    std::tm tm{};
    gmtime_r(&t, &tm);
    char stamp[32];
    std::strftime(stamp, sizeof stamp, "%Y-%m-%dT%H:%M:%SZ", &tm);
    text.replace(at, end - at, key + stamp);
    writeBytes(site, text);
}

static Bundles makeBundles() {
    Bundles b;
    b.root = scratchDir("bundles");
    fs::create_directories(b.root / "key");
    fs::create_directories(b.root / "other-key");
    b.key = makeTestKey(b.root / "key");
    b.otherKey = makeTestKey(b.root / "other-key");

    fs::path src1 = b.root / "src-v1", src2 = b.root / "src-v2";
    test::writeFixture(src1);
    createdYesterday(src1);
    fs::copy(src1, src2, fs::copy_options::recursive);
    // v2: p1.png with different pixels (the packer re-encodes photos, so new bytes alone would
    // not change its output): exactly that photo's display and thumbnail blobs change.
    std::vector<unsigned char> px(640 * 400 * 3);
    for (size_t i = 0; i < px.size(); ++i) px[i] = (unsigned char)((i * 7 / 3) % 251);
    if (!stbi_write_png((src2 / "media/photos/p1.png").c_str(), 640, 400, 3, px.data(), 640 * 3))
        throw std::runtime_error("cannot write the v2 photo");

    b.v1 = b.root / "v1";
    b.v2 = b.root / "v2";
    packBundle(src1, b.key, b.v1, 1);
    packBundle(src2, b.key, b.v2, 2);
    bumpMtime(b.v1 / "manifest.json", 900);
    bumpMtime(b.v2 / "manifest.json", 800);

    b.otherKeyV3 = b.root / "other-key-v3";
    resignBundle(b.v2, b.otherKeyV3, b.otherKey,
                 [](Manifest& m, const fs::path&) { m.version = 3; });
    bumpMtime(b.otherKeyV3 / "manifest.json", 700);

    b.expiredV3 = b.root / "expired-v3";
    // Expired a day before v1 was created: refused by any clock, and by v1's `created` as the
    // time floor when the clock is behind.
    const int64_t v1Created = readManifest(b.v1).created;
    resignBundle(b.v2, b.expiredV3, b.key, [v1Created](Manifest& m, const fs::path&) {
        m.version = 3;
        m.created = v1Created - 40 * 86400;
        m.expires = v1Created - 86400;
    });
    bumpMtime(b.expiredV3 / "manifest.json", 600);

    b.brokenDbV3 = b.root / "broken-db-v3";
    resignBundle(b.v2, b.brokenDbV3, b.key, [](Manifest& m, const fs::path& out) {
        m.version = 3;
        std::string junk;
        for (int i = 0; i < 4096; ++i) junk += char('a' + i % 26);
        replaceFile(m, out, "content.db", "this is not an SQLite database\n" + junk);
    });
    bumpMtime(b.brokenDbV3 / "manifest.json", 500);

    b.traversalV3 = b.root / "traversal-v3";
    resignBundle(b.v2, b.traversalV3, b.key, [](Manifest& m, const fs::path&) {
        m.version = 3;
        ManifestFile evil = m.files.front();
        evil.name = "../evil";
        m.files.push_back(evil);
    });
    bumpMtime(b.traversalV3 / "manifest.json", 400);

    b.mixed = b.root / "mixed";
    fs::create_directories(b.mixed);
    fs::copy(b.v1 / "blobs", b.mixed / "blobs", fs::copy_options::recursive);
    fs::copy_file(b.v2 / "manifest.json", b.mixed / "manifest.json");
    fs::copy_file(b.v2 / "manifest.json.sig", b.mixed / "manifest.json.sig");
    bumpMtime(b.mixed / "manifest.json", 300);

    b.garbageSig = b.root / "garbage-sig";
    fs::create_directories(b.garbageSig);
    fs::copy(b.v2 / "blobs", b.garbageSig / "blobs", fs::copy_options::recursive);
    fs::copy_file(b.v2 / "manifest.json", b.garbageSig / "manifest.json");
    writeBytes(b.garbageSig / "manifest.json.sig", "not a signature\n");
    bumpMtime(b.garbageSig / "manifest.json", 200);
    return b;
}

const Bundles& bundles() {
    static const Bundles b = makeBundles();
    return b;
}

fs::path freshStore(const std::string& name, const fs::path& packed) {
    fs::path dir = scratchDir("stores/" + name);
    if (!packed.empty()) {
        std::string err;
        if (!installFromPackedBundle(dir, packed, bundles().key.pub, err))
            throw std::runtime_error("seeding " + dir.string() + ": " + err);
    }
    return dir;
}

SyncOptions optionsFor(const fs::path& dataDir) {
    SyncOptions o;
    o.dataDir = dataDir;
    o.publicKey = bundles().key.pub;
    o.limits = fastLimits();
    return o;
}

// Bytes of the blobs `to` has and `from` does not, plus its manifest and signature.
uint64_t deltaBytes(const fs::path& from, const fs::path& to, size_t* count) {
    Manifest a = readManifest(from), b = readManifest(to);
    std::set<std::string> have;
    for (const ManifestFile& f : a.files) have.insert(f.sha256);
    uint64_t bytes = fs::file_size(to / "manifest.json") + fs::file_size(to / "manifest.json.sig");
    std::set<std::string> added;
    for (const ManifestFile& f : b.files)
        if (!have.count(f.sha256) && added.insert(f.sha256).second) bytes += f.size;
    if (count) *count = added.size();
    return bytes;
}

uint64_t verifiedStartupVersion(const fs::path& dataDir) {
    std::vector<std::string> log;
    std::optional<Bundle> b = selectStartupBundle(dataDir, {}, bundles().key.pub, log);
    if (!b) return 0;
    std::string err;
    if (!selfCheckBundle(dataDir, b->manifest.version, bundles().key.pub, err))
        throw std::runtime_error("startup bundle fails its self-check: " + err);
    return b->manifest.version;
}

} // namespace zj::itest

// Benchmark, printed and never asserted on time: the demo bundle (build/demo-bundle, signed with
// the committed development key) synced from nginx on loopback: a full sync into an empty store,
// a one-photo delta, and the verify throughput of the self-check.
//   build-h4/tests/integration/integration_sync --gtest_filter='SyncBench.*'
#include "sync_fixture.hpp"

#include "core/bundle/bundle.hpp"
#include "core/bundle/store.hpp"

#include <gtest/gtest.h>

#include <chrono>

namespace zj::itest {

namespace {
double since(std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}
} // namespace

TEST(SyncBench, DemoBundleFromNginx) {
    const fs::path demo = ZJ_DEMO_BUNDLE_DIR;
    ASSERT_TRUE(fs::exists(demo / "manifest.json"))
        << demo << " is missing: build the demo_bundle target";
    TestKey dev;
    std::string err;
    ASSERT_TRUE(crypto::readPublicKey(fs::path(ZJ_SOURCE_DIR) / "content/keys/dev-publisher.pub",
                                      dev.pub, err))
        << err;
    ASSERT_TRUE(crypto::readSecretKey(fs::path(ZJ_SOURCE_DIR) / "content/keys/dev-publisher.key",
                                      dev.secret, err))
        << err;
    Manifest m = readManifest(demo);

    // The one-photo delta: the same bundle as version+1 with one photo's bytes extended (bytes
    // after a JPEG's end marker are ignored by decoders), re-signed with the dev key.
    fs::path work = scratchDir("bench");
    fs::path next = work / "demo-next";
    std::string photoName;
    resignBundle(demo, next, dev, [&](Manifest& mm, const fs::path& out) {
        mm.version += 1;
        for (const ManifestFile& f : mm.files)
            if (f.name.rfind("media/photos/", 0) == 0 && f.name.find(".jpg") != std::string::npos)
                photoName = f.name;
        std::string bytes = readBytes(out / "blobs" / mm.find(photoName)->sha256);
        replaceFile(mm, out, photoName, bytes + "bench");
    });

    fs::path www = work / "www";
    fs::create_directories(www);
    fs::create_symlink(demo, www / "site");
    Nginx nginx(www / "site", work / "nginx");
    ASSERT_TRUE(nginx.running()) << nginx.startError();

    fs::path data = work / "store";
    SyncOptions o;
    o.dataDir = data;
    o.publicKey = dev.pub;
    o.allowDevelopmentKey = true; // the demo bundle is signed with it (a benchmark, not a kiosk)
    o.limits = fastLimits();
    o.limits.totalTimeoutS = 120;
    // The demo bundle's validity is its content's (a fixed date): judge it by a clock a day
    // after its own `created`, so the benchmark runs on any date.
    ManualClock clock(0, m.created + 86400);
    o.clock = &clock;
    auto t0 = std::chrono::steady_clock::now();
    SyncResult full = runSyncCycle(nginx.url(), o);
    double fullS = since(t0);
    ASSERT_EQ(full.status, SyncStatus::Updated) << full.reason;

    fs::remove(www / "site");
    fs::create_symlink(next, www / "site");
    t0 = std::chrono::steady_clock::now();
    SyncResult delta = runSyncCycle(nginx.url(), o);
    double deltaS = since(t0);
    ASSERT_EQ(delta.status, SyncStatus::Updated) << delta.reason;

    t0 = std::chrono::steady_clock::now();
    std::vector<std::string> problems;
    auto opened = openBundle(data / "bundles" / std::to_string(m.version + 1), data / "blobs",
                             dev.pub, VerifyLevel::Full, problems);
    double verifyS = since(t0);
    ASSERT_TRUE(opened);
    t0 = std::chrono::steady_clock::now();
    ASSERT_TRUE(selfCheckBundle(data, m.version + 1, dev.pub, err)) << err;
    double checkS = since(t0);

    const double mb = double(1 << 20);
    std::printf("\n  sync benchmark: demo bundle (%zu files, %.2f MB) from nginx on loopback\n",
                m.files.size(), double(m.totalSize()) / mb);
    std::printf("  %-44s %12s %8s %10s\n", "case", "bytes", "seconds", "MB/s");
    std::printf("  %-44s %12llu %8.3f %10.1f\n", "full sync (empty store)",
                (unsigned long long)full.bytesDownloaded, fullS,
                double(full.bytesDownloaded) / mb / fullS);
    std::printf("  %-44s %12llu %8.3f %10.1f\n", ("one-photo delta (" + photoName + ")").c_str(),
                (unsigned long long)delta.bytesDownloaded, deltaS,
                double(delta.bytesDownloaded) / mb / deltaS);
    std::printf("  %-44s %12llu %8.3f %10.1f\n", "verify (SHA-256 of every blob)",
                (unsigned long long)m.totalSize(), verifyS, double(m.totalSize()) / mb / verifyS);
    std::printf("  %-44s %12s %8.3f\n\n", "self-check (verify + content.db + 3 photos)", "",
                checkS);
}

} // namespace zj::itest

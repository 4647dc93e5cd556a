// Sync over HTTPS from a real nginx on loopback with a self-signed certificate: trusted through
// [sync] ca_file it installs; without it the certificate is refused (nothing written, the
// server counted as not reached); a ca_file in kiosk.toml is read and checked.
#include "sync_fixture.hpp"

#include "core/bundle/store.hpp"
#include "core/sync/config.hpp"

#include <gtest/gtest.h>

namespace zj::itest {

class SyncTls : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        bundles();
        fs::path run = scratchDir("nginx-tls");
        tls_ = new TlsFiles;
        certError_ = new std::string(makeSelfSignedCert(run / "cert", *tls_));
        if (certError_->empty()) nginx_ = new Nginx(bundles().v1, run / "nginx", tls_);
    }
    static void TearDownTestSuite() {
        delete nginx_;
        delete tls_;
        delete certError_;
        nginx_ = nullptr;
    }
    void SetUp() override {
        ASSERT_TRUE(certError_->empty()) << *certError_;
        ASSERT_TRUE(nginx_->running()) << nginx_->startError();
        ASSERT_EQ(nginx_->url().rfind("https://", 0), 0u) << nginx_->url();
    }

    static inline TlsFiles* tls_ = nullptr;
    static inline std::string* certError_ = nullptr;
    static inline Nginx* nginx_ = nullptr;
};

TEST_F(SyncTls, TrustedThroughCaFileInstalls) {
    fs::path data = freshStore("tls-trusted");
    SyncOptions o = optionsFor(data);
    o.caFile = tls_->cert;
    SyncResult r = runSyncCycle(nginx_->url(), o);
    ASSERT_EQ(r.status, SyncStatus::Updated) << r.reason;
    EXPECT_TRUE(r.sourceReached);
    EXPECT_EQ(slotVersion(data, "current"), 1u);
    EXPECT_EQ(verifiedStartupVersion(data), 1u);
    // Again: the manifest's ETag over TLS says nothing changed.
    r = runSyncCycle(nginx_->url(), o);
    EXPECT_EQ(r.status, SyncStatus::UpToDate) << r.reason;
}

TEST_F(SyncTls, UntrustedCertificateRefusedAndNothingWritten) {
    fs::path data = freshStore("tls-untrusted");
    SyncResult r = runSyncCycle(nginx_->url(), optionsFor(data)); // the system's CAs only
    EXPECT_EQ(r.status, SyncStatus::Failed) << r.reason;
    EXPECT_NE(r.reason.find("certificate"), std::string::npos) << r.reason;
    EXPECT_FALSE(r.sourceReached); // no HTTP answer: the staff panel says "not reachable"
    EXPECT_FALSE(slotVersion(data, "current").has_value());
}

TEST_F(SyncTls, ConfigCaFileIsReadAndChecked) {
    fs::path dir = scratchDir("tls-config");
    KioskConfig c;
    std::string err;
    ASSERT_TRUE(parseKioskConfig("[sync]\nca_file = \"" + tls_->cert.string() + "\"\n",
                                 (dir / "kiosk.toml").string(), c, err))
        << err;
    EXPECT_EQ(c.caFile, tls_->cert);
    KioskConfig bad;
    EXPECT_FALSE(parseKioskConfig("[sync]\nca_file = \"no-such-ca.pem\"\n",
                                  (dir / "kiosk.toml").string(), bad, err));
    EXPECT_NE(err.find("no-such-ca.pem"), std::string::npos) << err;
}

} // namespace zj::itest

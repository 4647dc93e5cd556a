// SHA-256 vectors, Ed25519 sign/verify, key files.
#include "bundle_test_util.hpp"

#include <cstring>
#include <sys/stat.h>

using namespace zj;
using namespace zj::test;

TEST(BundleCrypto, Sha256KnownVectors) {
    EXPECT_EQ(crypto::sha256Hex(""),
              "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    EXPECT_EQ(crypto::sha256Hex("abc"),
              "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(BundleCrypto, StreamingMatchesOneShot) {
    std::string text(100000, 'x');
    for (size_t i = 0; i < text.size(); ++i) text[i] = char('a' + i % 26);
    crypto::Sha256 h;
    for (size_t i = 0; i < text.size(); i += 777)
        h.update(text.data() + i, std::min<size_t>(777, text.size() - i));
    EXPECT_EQ(h.finishHex(), crypto::sha256Hex(text));
}

TEST(BundleCrypto, Sha256File) {
    TempDir dir;
    writeAll(dir / "f", "abc");
    std::string hex, err;
    uint64_t size = 0;
    ASSERT_TRUE(crypto::sha256File(dir / "f", hex, &size, err)) << err;
    EXPECT_EQ(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    EXPECT_EQ(size, 3u);
    EXPECT_FALSE(crypto::sha256File(dir / "nope", hex, &size, err));
    EXPECT_NE(err.find("nope"), std::string::npos) << err;
}

TEST(BundleCrypto, SignVerifyAndFlippedBitFails) {
    TestKeys k;
    std::string msg = "manifest bytes";
    crypto::Signature sig = crypto::sign(msg, k.secret);
    EXPECT_TRUE(crypto::verify(msg, sig, k.pub));
    std::string changed = msg;
    changed[3] ^= 0x01;
    EXPECT_FALSE(crypto::verify(changed, sig, k.pub));
    crypto::Signature badSig = sig;
    badSig[10] ^= 0x80;
    EXPECT_FALSE(crypto::verify(msg, badSig, k.pub));
    TestKeys other;
    EXPECT_FALSE(crypto::verify(msg, sig, other.pub));
}

TEST(BundleCrypto, HexRoundTrip) {
    uint8_t bytes[4] = {0x00, 0xab, 0x7f, 0xff};
    EXPECT_EQ(crypto::toHex(bytes, 4), "00ab7fff");
    uint8_t back[4] = {};
    ASSERT_TRUE(crypto::fromHex("00ab7fff", back, 4));
    EXPECT_EQ(std::memcmp(bytes, back, 4), 0);
    EXPECT_FALSE(crypto::fromHex("00ab7ff", back, 4));  // odd length
    EXPECT_FALSE(crypto::fromHex("00ab7fzz", back, 4)); // not hex
}

TEST(BundleCrypto, KeyFilesRoundTripAndMode) {
    TempDir dir;
    TestKeys k;
    std::string err;
    ASSERT_TRUE(crypto::writeKeyFiles(dir / "keys", k.pub, k.secret, err)) << err;
    struct stat st {};
    ASSERT_EQ(::stat((dir / "keys/publisher.key").c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0600u);
    std::string pubText = readAll(dir / "keys/publisher.pub");
    EXPECT_EQ(pubText.size(), 65u);
    EXPECT_EQ(pubText.back(), '\n');
    EXPECT_EQ(readAll(dir / "keys/publisher.key").size(), 129u);

    crypto::PublicKey pub{};
    crypto::SecretKey secret{};
    ASSERT_TRUE(crypto::readPublicKey(dir / "keys/publisher.pub", pub, err)) << err;
    ASSERT_TRUE(crypto::readSecretKey(dir / "keys/publisher.key", secret, err)) << err;
    EXPECT_EQ(pub, k.pub);
    EXPECT_EQ(secret, k.secret);

    // Never overwrite an existing key.
    TestKeys other;
    EXPECT_FALSE(crypto::writeKeyFiles(dir / "keys", other.pub, other.secret, err));
    EXPECT_NE(err.find("already exists"), std::string::npos) << err;
    ASSERT_TRUE(crypto::readSecretKey(dir / "keys/publisher.key", secret, err)) << err;
    EXPECT_EQ(secret, k.secret);
}

TEST(BundleCrypto, KeyFileErrorsNameTheFile) {
    TempDir dir;
    crypto::PublicKey pub{};
    crypto::SecretKey secret{};
    std::string err;

    EXPECT_FALSE(crypto::readPublicKey(dir / "missing.pub", pub, err));
    EXPECT_NE(err.find("missing.pub"), std::string::npos) << err;
    EXPECT_NE(err.find("missing"), std::string::npos) << err;

    writeAll(dir / "short.pub", "abcd\n");
    EXPECT_FALSE(crypto::readPublicKey(dir / "short.pub", pub, err));
    EXPECT_NE(err.find("short.pub"), std::string::npos) << err;
    EXPECT_NE(err.find("wrong length"), std::string::npos) << err;

    writeAll(dir / "nothex.pub", std::string(64, 'g') + "\n");
    EXPECT_FALSE(crypto::readPublicKey(dir / "nothex.pub", pub, err));
    EXPECT_NE(err.find("nothex.pub"), std::string::npos) << err;
    EXPECT_NE(err.find("not hex"), std::string::npos) << err;

    // A public key file given where a secret key is expected: wrong length.
    TestKeys k;
    ASSERT_TRUE(crypto::writeKeyFiles(dir / "k", k.pub, k.secret, err)) << err;
    EXPECT_FALSE(crypto::readSecretKey(dir / "k/publisher.pub", secret, err));
    EXPECT_NE(err.find("wrong length"), std::string::npos) << err;

    // A secret key whose embedded public half was edited.
    std::string text = readAll(dir / "k/publisher.key");
    text[100] = text[100] == '0' ? '1' : '0';
    writeAll(dir / "edited.key", text);
    EXPECT_FALSE(crypto::readSecretKey(dir / "edited.key", secret, err));
    EXPECT_NE(err.find("edited.key"), std::string::npos) << err;
}

TEST(BundleCrypto, CommittedDevKeyPairMatches) {
    const fs::path dir = fs::path(ZJ_SOURCE_DIR) / "content/keys";
    crypto::PublicKey pub{};
    crypto::SecretKey secret{};
    std::string err;
    ASSERT_TRUE(crypto::readPublicKey(dir / "dev-publisher.pub", pub, err)) << err;
    ASSERT_TRUE(crypto::readSecretKey(dir / "dev-publisher.key", secret, err)) << err;
    crypto::Signature sig = crypto::sign("demo", secret);
    EXPECT_TRUE(crypto::verify("demo", sig, pub));
}

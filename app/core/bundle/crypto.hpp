// SHA-256 and Ed25519 (libsodium) for bundles: blob ids, manifest signatures, key files.
#pragma once
#include <array>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

namespace zj::crypto {

using PublicKey = std::array<uint8_t, 32>; // Ed25519 public key
using SecretKey = std::array<uint8_t, 64>; // Ed25519 secret key (libsodium layout: seed + pk)
using Signature = std::array<uint8_t, 64>;

std::string sha256Hex(std::string_view bytes); // 64 lowercase hex digits

// Incremental SHA-256, for hashing downloads while they stream.
class Sha256 {
  public:
    Sha256();
    void update(const void* data, size_t size);
    std::string finishHex(); // call once
  private:
    alignas(64) unsigned char state_[512]; // crypto_hash_sha256_state, kept opaque here
};

// Hashes a file; false with `err` naming the file when it cannot be read.
bool sha256File(const std::filesystem::path& file, std::string& hexOut, uint64_t* sizeOut,
                std::string& err);

void generateKeyPair(PublicKey& pub, SecretKey& secret);
Signature sign(std::string_view message, const SecretKey& secret);
bool verify(std::string_view message, const Signature& sig, const PublicKey& pub);

// Key files are one line of hex text. keygen writes DIR/publisher.key (mode 0600) and
// DIR/publisher.pub.
bool writeKeyFiles(const std::filesystem::path& dir, const PublicKey& pub, const SecretKey& secret,
                   std::string& err);
bool readPublicKey(const std::filesystem::path& file, PublicKey& out, std::string& err);
bool readSecretKey(const std::filesystem::path& file, SecretKey& out, std::string& err);

std::string toHex(const uint8_t* data, size_t size);
bool fromHex(std::string_view hex, uint8_t* out, size_t size);

} // namespace zj::crypto

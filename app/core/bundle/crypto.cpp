// SHA-256 and Ed25519 via libsodium, plus hex key files.
// [SECTION] libsodium init
// [SECTION] Hex
// [SECTION] SHA-256
// [SECTION] Ed25519
// [SECTION] Key files
#include "core/bundle/crypto.hpp"

#include <sodium.h>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <mutex>
#include <new>
#include <sys/stat.h>
#include <unistd.h>

namespace zj::crypto {

//-----------------------------------------------------------------------------
// [SECTION] libsodium init
//-----------------------------------------------------------------------------

// sodium_init() is itself safe to call repeatedly, but call_once makes the "once" explicit and
// gives every public entry point a cheap guard.
static void ensureSodium() {
    static std::once_flag once;
    std::call_once(once, [] {
        if (sodium_init() < 0) std::abort(); // no usable RNG: nothing below would be safe
    });
}

//-----------------------------------------------------------------------------
// [SECTION] Hex
//-----------------------------------------------------------------------------

std::string toHex(const uint8_t* data, size_t size) {
    static const char digits[] = "0123456789abcdef";
    std::string out(size * 2, '0');
    for (size_t i = 0; i < size; ++i) {
        out[2 * i] = digits[data[i] >> 4];
        out[2 * i + 1] = digits[data[i] & 15];
    }
    return out;
}

static int hexValue(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

bool fromHex(std::string_view hex, uint8_t* out, size_t size) {
    if (hex.size() != size * 2) return false;
    for (size_t i = 0; i < size; ++i) {
        int hi = hexValue(hex[2 * i]), lo = hexValue(hex[2 * i + 1]);
        if (hi < 0 || lo < 0) return false;
        out[i] = uint8_t(hi << 4 | lo);
    }
    return true;
}

//-----------------------------------------------------------------------------
// [SECTION] SHA-256
//-----------------------------------------------------------------------------

std::string sha256Hex(std::string_view bytes) {
    ensureSodium();
    uint8_t digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
    return toHex(digest, sizeof(digest));
}

// The header keeps the state opaque so that users of crypto.hpp need not include sodium.h.
static_assert(sizeof(crypto_hash_sha256_state) <= 512, "Sha256::state_ too small");
static_assert(alignof(crypto_hash_sha256_state) <= 64, "Sha256::state_ under-aligned");

static crypto_hash_sha256_state* stateOf(unsigned char* raw) {
    return std::launder(reinterpret_cast<crypto_hash_sha256_state*>(raw));
}

Sha256::Sha256() {
    ensureSodium();
    new (state_) crypto_hash_sha256_state;
    crypto_hash_sha256_init(stateOf(state_));
}

void Sha256::update(const void* data, size_t size) {
    crypto_hash_sha256_update(stateOf(state_), static_cast<const unsigned char*>(data), size);
}

std::string Sha256::finishHex() {
    uint8_t digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256_final(stateOf(state_), digest);
    return toHex(digest, sizeof(digest));
}

bool sha256File(const std::filesystem::path& file, std::string& hexOut, uint64_t* sizeOut,
                std::string& err) {
    int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        err = file.string() + ": cannot open: " + std::strerror(errno);
        return false;
    }
    Sha256 hash;
    uint64_t total = 0;
    static thread_local unsigned char buffer[1 << 16];
    for (;;) {
        ssize_t n = ::read(fd, buffer, sizeof(buffer));
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            err = file.string() + ": read error: " + std::strerror(errno);
            ::close(fd);
            return false;
        }
        if (n == 0) break;
        hash.update(buffer, size_t(n));
        total += uint64_t(n);
    }
    ::close(fd);
    hexOut = hash.finishHex();
    if (sizeOut) *sizeOut = total;
    return true;
}

//-----------------------------------------------------------------------------
// [SECTION] Ed25519
//-----------------------------------------------------------------------------

static_assert(sizeof(PublicKey) == crypto_sign_ed25519_PUBLICKEYBYTES);
static_assert(sizeof(SecretKey) == crypto_sign_ed25519_SECRETKEYBYTES);
static_assert(sizeof(Signature) == crypto_sign_ed25519_BYTES);

void generateKeyPair(PublicKey& pub, SecretKey& secret) {
    ensureSodium();
    crypto_sign_ed25519_keypair(pub.data(), secret.data());
}

Signature sign(std::string_view message, const SecretKey& secret) {
    ensureSodium();
    Signature sig{};
    crypto_sign_ed25519_detached(sig.data(), nullptr,
                                 reinterpret_cast<const unsigned char*>(message.data()),
                                 message.size(), secret.data());
    return sig;
}

bool verify(std::string_view message, const Signature& sig, const PublicKey& pub) {
    ensureSodium();
    return crypto_sign_ed25519_verify_detached(
               sig.data(), reinterpret_cast<const unsigned char*>(message.data()), message.size(),
               pub.data()) == 0;
}

//-----------------------------------------------------------------------------
// [SECTION] Key files
//-----------------------------------------------------------------------------

// Writes all of `text` to a new file; O_EXCL so an existing key is never overwritten.
static bool writeNewFile(const std::filesystem::path& file, const std::string& text, mode_t mode,
                         std::string& err) {
    int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
    if (fd < 0) {
        if (errno == EEXIST)
            err = file.string() + ": already exists; refusing to overwrite a key file";
        else
            err = file.string() + ": cannot create: " + std::strerror(errno);
        return false;
    }
    // The umask may have narrowed the mode (fine) but never widens it; fchmod pins it exactly.
    ::fchmod(fd, mode);
    size_t done = 0;
    while (done < text.size()) {
        ssize_t n = ::write(fd, text.data() + done, text.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            err = file.string() + ": write error: " + std::strerror(errno);
            ::close(fd);
            return false;
        }
        done += size_t(n);
    }
    if (::fsync(fd) != 0 || ::close(fd) != 0) {
        err = file.string() + ": cannot flush: " + std::strerror(errno);
        return false;
    }
    return true;
}

bool writeKeyFiles(const std::filesystem::path& dir, const PublicKey& pub, const SecretKey& secret,
                   std::string& err) {
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (ec) {
        err = dir.string() + ": cannot create directory: " + ec.message();
        return false;
    }
    std::filesystem::path keyFile = dir / "publisher.key", pubFile = dir / "publisher.pub";
    // Check both first so a refused keygen leaves nothing half-written.
    if (std::filesystem::exists(keyFile, ec) || std::filesystem::exists(pubFile, ec)) {
        err = (std::filesystem::exists(keyFile, ec) ? keyFile : pubFile).string() +
              ": already exists; refusing to overwrite a key file";
        return false;
    }
    std::string secretHex = toHex(secret.data(), secret.size()) + "\n";
    bool ok = writeNewFile(keyFile, secretHex, 0600, err);
    sodium_memzero(secretHex.data(), secretHex.size());
    if (!ok) return false;
    return writeNewFile(pubFile, toHex(pub.data(), pub.size()) + "\n", 0644, err);
}

// One line of hex, optional trailing newline (and tolerate CRLF from an editor).
static bool readKeyFile(const std::filesystem::path& file, uint8_t* out, size_t size,
                        const char* what, std::string& err) {
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        std::error_code ec;
        err = file.string() +
              (std::filesystem::exists(file, ec) ? ": cannot read " : ": missing ") + what +
              " file";
        return false;
    }
    std::string text;
    char chunk[256];
    while (in.read(chunk, sizeof(chunk)) || in.gcount() > 0) {
        text.append(chunk, size_t(in.gcount()));
        if (text.size() > 4096) break; // a key file is ~130 bytes; do not slurp a wrong file
    }
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
    if (text.size() != size * 2) {
        err = file.string() + ": wrong length for " + what + " (expected " +
              std::to_string(size * 2) + " hex digits, got " +
              (text.size() > 4096 ? std::string("more than 4096") : std::to_string(text.size())) +
              " characters)";
        return false;
    }
    if (!fromHex(text, out, size)) {
        err = file.string() + ": not hex (" + what + " must be " + std::to_string(size * 2) +
              " hex digits)";
        return false;
    }
    sodium_memzero(text.data(), text.size());
    return true;
}

bool readPublicKey(const std::filesystem::path& file, PublicKey& out, std::string& err) {
    return readKeyFile(file, out.data(), out.size(), "public key", err);
}

bool readSecretKey(const std::filesystem::path& file, SecretKey& out, std::string& err) {
    if (!readKeyFile(file, out.data(), out.size(), "secret key", err)) return false;
    // libsodium's secret key embeds the public key; a mismatch means a corrupted/edited file.
    ensureSodium();
    PublicKey derived{};
    crypto_sign_ed25519_sk_to_pk(derived.data(), out.data());
    uint8_t seed[32];
    crypto_sign_ed25519_sk_to_seed(seed, out.data());
    PublicKey fromSeed{};
    SecretKey check{};
    crypto_sign_ed25519_seed_keypair(fromSeed.data(), check.data(), seed);
    sodium_memzero(seed, sizeof(seed));
    bool consistent = fromSeed == derived;
    sodium_memzero(check.data(), check.size());
    if (!consistent) {
        err = file.string() + ": not a valid Ed25519 secret key (embedded public key mismatch)";
        return false;
    }
    return true;
}

} // namespace zj::crypto

// Helpers for the sync integration tests: real nginx on loopback, a fault-injecting HTTP server,
// signed test bundles (zjmap-pack on a small fixture, then re-signed variants), child processes.
#pragma once
#include "core/bundle/crypto.hpp"
#include "core/bundle/manifest.hpp"
#include "core/sync/config.hpp"
#include "core/sync/sync_client.hpp"

#include <atomic>
#include <filesystem>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <sys/types.h>
#include <thread>
#include <vector>

namespace zj::itest {

namespace fs = std::filesystem;

fs::path scratchDir(const std::string& name); // fresh empty dir under the build tree
std::string readBytes(const fs::path& file);
void writeBytes(const fs::path& file, const std::string& bytes);
int freeLoopbackPort();
bool waitForPort(int port, double seconds);

// ---- Bundles -----------------------------------------------------------------------------------

struct TestKey {
    fs::path dir; // publisher.key, publisher.pub
    crypto::PublicKey pub{};
    crypto::SecretKey secret{};
    fs::path keyFile() const { return dir / "publisher.key"; }
    fs::path pubFile() const { return dir / "publisher.pub"; }
};
TestKey makeTestKey(const fs::path& dir);

// `zjmap-pack build SRC --key K --out OUT [--version N]`; throws with the tool's stderr on failure.
void packBundle(const fs::path& src, const TestKey& key, const fs::path& out, uint64_t version);

Manifest readManifest(const fs::path& packedDir);

// Copies a packed bundle, lets `edit` change its manifest (and add blobs to OUT/blobs), then
// writes the canonical manifest and a signature with `key`: a correctly signed variant.
void resignBundle(const fs::path& from, const fs::path& out, const TestKey& key,
                  const std::function<void(Manifest&, const fs::path& outDir)>& edit);

// Replaces file `name`'s content in a packed bundle being edited (adds the blob, updates entry).
void replaceFile(Manifest& m, const fs::path& outDir, const std::string& name,
                 const std::string& bytes);

// ---- nginx
// ---------------------------------------------------------------------------------------

// nginx serving `root` on 127.0.0.1:<port>, started in the constructor, killed in the destructor.
struct TlsFiles {
    fs::path cert, key; // PEM; the cert is also the CA a client must trust (self-signed)
};

// A self-signed certificate for 127.0.0.1 (openssl req); "" or what went wrong.
std::string makeSelfSignedCert(const fs::path& dir, TlsFiles& out);

class Nginx {
  public:
    // Plain HTTP, or HTTPS with `tls` (then url() is https://).
    explicit Nginx(const fs::path& root, const fs::path& workDir, const TlsFiles* tls = nullptr);
    ~Nginx();
    int port() const { return port_; }
    std::string url() const {
        return (tls_ ? "https" : "http") + std::string("://127.0.0.1:") + std::to_string(port_);
    }
    bool running() const { return pid_ > 0; }
    std::string startError() const { return error_; }

  private:
    pid_t pid_ = -1;
    int port_ = 0;
    bool tls_ = false;
    std::string error_;
};

// ---- Fault-injecting server
// ----------------------------------------------------------------------

enum class Fault {
    Normal,      // 200 (or 206 for a Range request) with the file's bytes
    Status500,   // 500 Internal Server Error
    Status404,   // 404 Not Found
    Stall,       // reads the request, then sends nothing
    Slow,        // headers, then 1 body byte per second
    CutShort,    // Content-Length of the whole file, half the body, then close
    Endless,     // no Content-Length, the file and then zeros forever
    Corrupt,     // right size, one byte flipped
    Reset,       // half the body, then a TCP reset (SO_LINGER 0)
    IgnoreRange, // always 200 with the whole file, even for a Range request
};

class FaultServer {
  public:
    explicit FaultServer(const fs::path& root); // serves root/<path>
    ~FaultServer();
    int port() const { return port_; }
    std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }

    void setFault(const std::string& path, Fault fault); // path like "/blobs/<sha>"
    // Answers `path` with "302 Found" and this Location (absolute or relative) instead.
    void setRedirect(const std::string& path, const std::string& location);
    void clearFaults(); // and redirects
    // Called (on the server thread) before each response: lets a test act at that moment.
    void onRequest(std::function<void(const std::string& path)> hook);
    std::vector<std::string> requests(); // "GET /path [Range: bytes=N-]" in order
    std::string lastPostAuthorization(); // the Authorization header of the last POST ("" = none)

  private:
    void acceptLoop();
    void serve(int fd);

    fs::path root_;
    int listenFd_ = -1;
    int port_ = 0;
    std::atomic<bool> stop_{false};
    std::thread acceptThread_;
    std::mutex mutex_;
    std::vector<std::thread> workers_;
    std::map<std::string, Fault> faults_;
    std::map<std::string, std::string> redirects_;
    std::function<void(const std::string&)> hook_;
    std::vector<std::string> requests_;
    std::string lastPostAuthorization_;
};

// ---- Child processes
// -----------------------------------------------------------------------------

pid_t spawn(const std::vector<std::string>& argv, const fs::path& outFile, const fs::path& errFile,
            const std::vector<std::string>& extraEnv = {}); // "NAME=value" added to the child's
int waitExit(pid_t pid);                                    // exit code, or 128 + signal

// Limits short enough that every fault case ends within a few seconds.
SyncLimits fastLimits();

} // namespace zj::itest

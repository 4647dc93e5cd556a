// Helpers for the sync integration tests (see sync_test_util.hpp).
// [SECTION] Files and ports
// [SECTION] Bundles
// [SECTION] nginx
// [SECTION] Fault-injecting server
// [SECTION] Child processes
#include "sync_test_util.hpp"

#include "core/bundle/file_util.hpp"

#include <arpa/inet.h>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <netinet/in.h>
#include <poll.h>
#include <sstream>
#include <stdexcept>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

namespace zj::itest {

//-----------------------------------------------------------------------------
// [SECTION] Files and ports
//-----------------------------------------------------------------------------

fs::path scratchDir(const std::string& name) {
    fs::path dir = fs::path(ZJ_BINARY_DIR) / "test-tmp" / "integration" / name;
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

std::string readBytes(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

void writeBytes(const fs::path& file, const std::string& bytes) {
    fs::create_directories(file.parent_path());
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out << bytes;
    if (!out) throw std::runtime_error("cannot write " + file.string());
}

static sockaddr_in loopback(int port) {
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_port = htons(uint16_t(port));
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    return a;
}

int freeLoopbackPort() {
    int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in a = loopback(0);
    if (::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0) {
        ::close(fd);
        throw std::runtime_error(std::string("bind 127.0.0.1:0: ") + std::strerror(errno));
    }
    socklen_t len = sizeof a;
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len);
    ::close(fd);
    return ntohs(a.sin_port);
}

bool waitForPort(int port, double seconds) {
    auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(int(seconds * 1000));
    while (std::chrono::steady_clock::now() < until) {
        int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        sockaddr_in a = loopback(port);
        bool ok = ::connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0;
        ::close(fd);
        if (ok) return true;
        ::usleep(20000);
    }
    return false;
}

SyncLimits fastLimits() {
    SyncLimits l;
    l.connectTimeoutS = 2;
    l.lowSpeedBytesPerS = 1000;
    l.lowSpeedTimeS = 2;
    l.totalTimeoutS = 8;
    l.maxBundleBytes = uint64_t(1) << 30;
    l.minFreeBytes = 0;
    return l;
}

//-----------------------------------------------------------------------------
// [SECTION] Bundles
//-----------------------------------------------------------------------------

TestKey makeTestKey(const fs::path& dir) {
    TestKey k;
    k.dir = dir;
    crypto::generateKeyPair(k.pub, k.secret);
    std::string err;
    if (!crypto::writeKeyFiles(dir, k.pub, k.secret, err)) throw std::runtime_error(err);
    return k;
}

void packBundle(const fs::path& src, const TestKey& key, const fs::path& out, uint64_t version) {
    fs::path log = out.parent_path() / (out.filename().string() + ".log");
    std::string cmd = std::string("'") + ZJ_PACK_EXE + "' build '" + src.string() + "' --key '" +
                      key.keyFile().string() + "' --out '" + out.string() + "' --version " +
                      std::to_string(version) + " > '" + log.string() + "' 2>&1";
    int status = std::system(cmd.c_str());
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
        throw std::runtime_error("zjmap-pack build failed:\n" + readBytes(log));
}

Manifest readManifest(const fs::path& packedDir) {
    Manifest m;
    std::string err;
    if (!parseManifest(readBytes(packedDir / "manifest.json"), m, err))
        throw std::runtime_error(packedDir.string() + ": " + err);
    return m;
}

void resignBundle(const fs::path& from, const fs::path& out, const TestKey& key,
                  const std::function<void(Manifest&, const fs::path&)>& edit) {
    fs::remove_all(out);
    fs::create_directories(out);
    fs::copy(from / "blobs", out / "blobs", fs::copy_options::recursive);
    Manifest m = readManifest(from);
    edit(m, out);
    std::string json = manifestToJson(m);
    crypto::Signature sig = crypto::sign(json, key.secret);
    writeBytes(out / "manifest.json", json);
    writeBytes(out / "manifest.json.sig", crypto::toHex(sig.data(), sig.size()) + "\n");
}

void replaceFile(Manifest& m, const fs::path& outDir, const std::string& name,
                 const std::string& bytes) {
    for (ManifestFile& f : m.files) {
        if (f.name != name) continue;
        f.sha256 = crypto::sha256Hex(bytes);
        f.size = bytes.size();
        writeBytes(outDir / "blobs" / f.sha256, bytes);
        return;
    }
    throw std::runtime_error("replaceFile: no " + name + " in the manifest");
}

//-----------------------------------------------------------------------------
// [SECTION] nginx
//-----------------------------------------------------------------------------

std::string makeSelfSignedCert(const fs::path& dir, TlsFiles& out) {
    fs::create_directories(dir);
    out.cert = dir / "cert.pem";
    out.key = dir / "key.pem";
    pid_t pid = spawn({"/usr/bin/openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt",
                       "ec_paramgen_curve:prime256v1", "-nodes", "-days", "2", "-subj",
                       "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1", "-keyout",
                       out.key.string(), "-out", out.cert.string()},
                      dir / "openssl.out", dir / "openssl.err");
    if (waitExit(pid) != 0 || !fs::exists(out.cert))
        return "openssl req failed (install Debian's openssl): " + readBytes(dir / "openssl.err");
    return {};
}

Nginx::Nginx(const fs::path& root, const fs::path& workDir, const TlsFiles* tls)
    : tls_(tls != nullptr) {
    const char* exe = "/usr/sbin/nginx";
    if (::access(exe, X_OK) != 0) {
        error_ = std::string(exe) + " not found: install Debian's nginx-light";
        return;
    }
    fs::create_directories(workDir / "temp");
    port_ = freeLoopbackPort();
    const std::string w = workDir.string();
    std::string conf =
        "daemon off;\nmaster_process off;\npid " + w + "/nginx.pid;\n" + "error_log " + w +
        "/error.log warn;\nevents { worker_connections 64; }\n" +
        "http {\n  access_log off;\n  client_body_temp_path " + w + "/temp/body;\n" +
        "  proxy_temp_path " + w + "/temp/proxy;\n  fastcgi_temp_path " + w +
        "/temp/fastcgi;\n  uwsgi_temp_path " + w + "/temp/uwsgi;\n" + "  scgi_temp_path " + w +
        "/temp/scgi;\n" +
        "  types { application/json json; }\n  default_type application/octet-stream;\n" +
        "  server {\n    listen 127.0.0.1:" + std::to_string(port_) + (tls ? " ssl" : "") + ";\n" +
        (tls ? "    ssl_certificate " + tls->cert.string() + ";\n    ssl_certificate_key " +
                   tls->key.string() + ";\n"
             : std::string()) +
        "    root " + root.string() + ";\n    etag on;\n  }\n}\n";
    writeBytes(workDir / "nginx.conf", conf);
    pid_ = spawn({exe, "-p", w, "-c", w + "/nginx.conf", "-e", w + "/error.log"},
                 workDir / "nginx.out", workDir / "nginx.err");
    if (!waitForPort(port_, 5)) {
        error_ = "nginx did not answer on port " + std::to_string(port_) + ": " +
                 readBytes(workDir / "nginx.err") + readBytes(workDir / "error.log");
        ::kill(pid_, SIGKILL);
        waitExit(pid_);
        pid_ = -1;
    }
}

Nginx::~Nginx() {
    if (pid_ > 0) {
        ::kill(pid_, SIGTERM);
        waitExit(pid_);
    }
}

//-----------------------------------------------------------------------------
// [SECTION] Fault-injecting server
//-----------------------------------------------------------------------------

FaultServer::FaultServer(const fs::path& root) : root_(root) {
    listenFd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    int one = 1;
    ::setsockopt(listenFd_, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_in a = loopback(0);
    if (::bind(listenFd_, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0 ||
        ::listen(listenFd_, 16) != 0)
        throw std::runtime_error(std::string("fault server: ") + std::strerror(errno));
    socklen_t len = sizeof a;
    ::getsockname(listenFd_, reinterpret_cast<sockaddr*>(&a), &len);
    port_ = ntohs(a.sin_port);
    acceptThread_ = std::thread([this] { acceptLoop(); });
}

FaultServer::~FaultServer() {
    stop_ = true;
    acceptThread_.join();
    ::close(listenFd_);
    std::vector<std::thread> workers;
    {
        std::lock_guard<std::mutex> lock(mutex_);
        workers.swap(workers_);
    }
    for (std::thread& t : workers) t.join();
}

void FaultServer::setFault(const std::string& path, Fault fault) {
    std::lock_guard<std::mutex> lock(mutex_);
    faults_[path] = fault;
}

void FaultServer::setRedirect(const std::string& path, const std::string& location) {
    std::lock_guard<std::mutex> lock(mutex_);
    redirects_[path] = location;
}

void FaultServer::clearFaults() {
    std::lock_guard<std::mutex> lock(mutex_);
    faults_.clear();
    redirects_.clear();
}

void FaultServer::onRequest(std::function<void(const std::string&)> hook) {
    std::lock_guard<std::mutex> lock(mutex_);
    hook_ = std::move(hook);
}

std::string FaultServer::lastPostAuthorization() {
    std::lock_guard<std::mutex> lock(mutex_);
    return lastPostAuthorization_;
}

std::vector<std::string> FaultServer::requests() {
    std::lock_guard<std::mutex> lock(mutex_);
    return requests_;
}

void FaultServer::acceptLoop() {
    while (!stop_) {
        pollfd p{listenFd_, POLLIN, 0};
        if (::poll(&p, 1, 50) <= 0) continue;
        int fd = ::accept4(listenFd_, nullptr, nullptr, SOCK_CLOEXEC);
        if (fd < 0) continue;
        std::lock_guard<std::mutex> lock(mutex_);
        workers_.emplace_back([this, fd] { serve(fd); });
    }
}

// Sends everything unless the client went away or the server stops; false then.
static bool sendAll(int fd, const char* data, size_t n, const std::atomic<bool>& stop) {
    while (n > 0) {
        if (stop) return false;
        pollfd p{fd, POLLOUT, 0};
        if (::poll(&p, 1, 50) <= 0) continue;
        ssize_t k = ::send(fd, data, n, MSG_NOSIGNAL);
        if (k < 0 && (errno == EINTR || errno == EAGAIN)) continue;
        if (k <= 0) return false;
        data += k;
        n -= size_t(k);
    }
    return true;
}

static bool sendAll(int fd, const std::string& s, const std::atomic<bool>& stop) {
    return sendAll(fd, s.data(), s.size(), stop);
}

// Waits until the client closes or the server stops.
static void waitForClose(int fd, const std::atomic<bool>& stop) {
    char buf[256];
    while (!stop) {
        pollfd p{fd, POLLIN, 0};
        if (::poll(&p, 1, 50) <= 0) continue;
        if (::recv(fd, buf, sizeof buf, 0) <= 0) return;
    }
}

void FaultServer::serve(int fd) {
    std::string request;
    char buf[4096];
    while (request.find("\r\n\r\n") == std::string::npos && !stop_) {
        pollfd p{fd, POLLIN, 0};
        if (::poll(&p, 1, 50) <= 0) continue;
        ssize_t n = ::recv(fd, buf, sizeof buf, 0);
        if (n <= 0) break;
        request.append(buf, size_t(n));
    }
    std::string path, method;
    {
        std::istringstream line(request.substr(0, request.find("\r\n")));
        line >> method >> path;
    }
    if (path.empty() || path[0] != '/') { // the client went away before its request line
        ::close(fd);
        return;
    }
    if (method == "POST") { // a heartbeat: record "POST /path BODY", answer 204 (or the fault)
        size_t cl = request.find("\r\nContent-Length: ");
        size_t want = cl == std::string::npos ? 0 : size_t(std::atoll(request.c_str() + cl + 18));
        size_t bodyAt = request.find("\r\n\r\n") + 4;
        while (request.size() - bodyAt < want && !stop_) {
            pollfd p{fd, POLLIN, 0};
            if (::poll(&p, 1, 50) <= 0) continue;
            ssize_t n = ::recv(fd, buf, sizeof buf, 0);
            if (n <= 0) break;
            request.append(buf, size_t(n));
        }
        Fault postFault = Fault::Normal;
        {
            std::lock_guard<std::mutex> lock(mutex_);
            auto it = faults_.find(path);
            if (it != faults_.end()) postFault = it->second;
            if (postFault == Fault::Normal)
                requests_.push_back("POST " + path + " " + request.substr(bodyAt, want));
            size_t auth = request.find("\r\nAuthorization: ");
            lastPostAuthorization_ =
                auth == std::string::npos
                    ? std::string()
                    : request.substr(auth + 17, request.find("\r\n", auth + 2) - auth - 17);
        }
        std::string answer = postFault == Fault::Normal
                                 ? "HTTP/1.1 204 No Content\r\nConnection: close\r\n\r\n"
                                 : "HTTP/1.1 500 Internal Server Error\r\nContent-Length: 0\r\n"
                                   "Connection: close\r\n\r\n";
        (void)!::send(fd, answer.data(), answer.size(), MSG_NOSIGNAL);
        ::close(fd);
        return;
    }
    long long rangeFrom = -1;
    size_t r = request.find("\r\nRange: bytes=");
    if (r != std::string::npos) rangeFrom = std::atoll(request.c_str() + r + 15);
    Fault fault = Fault::Normal;
    std::function<void(const std::string&)> hook;
    std::string redirect;
    {
        std::lock_guard<std::mutex> lock(mutex_);
        requests_.push_back(
            "GET " + path +
            (rangeFrom >= 0 ? " Range: bytes=" + std::to_string(rangeFrom) + "-" : std::string()));
        auto it = faults_.find(path);
        if (it != faults_.end()) fault = it->second;
        auto r = redirects_.find(path);
        if (r != redirects_.end()) redirect = r->second;
        hook = hook_;
    }
    if (hook) hook(path);
    if (!redirect.empty()) {
        sendAll(fd,
                "HTTP/1.1 302 Found\r\nLocation: " + redirect +
                    "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
                stop_);
        ::close(fd);
        return;
    }
    std::string body;
    bool exists =
        path.find("..") == std::string::npos && fs::is_regular_file(root_ / path.substr(1));
    if (exists) body = readBytes(root_ / path.substr(1));
    auto header = [](int code, const char* text, long long length, const std::string& extra) {
        std::string h = "HTTP/1.1 " + std::to_string(code) + " " + text + "\r\n";
        if (length >= 0) h += "Content-Length: " + std::to_string(length) + "\r\n";
        return h + extra + "Connection: close\r\n\r\n";
    };
    if (!exists && fault == Fault::Normal) fault = Fault::Status404;
    switch (fault) {
        case Fault::Normal:
            if (rangeFrom > 0 && size_t(rangeFrom) < body.size()) {
                std::string part = body.substr(size_t(rangeFrom));
                std::string cr = "Content-Range: bytes " + std::to_string(rangeFrom) + "-" +
                                 std::to_string(body.size() - 1) + "/" +
                                 std::to_string(body.size()) + "\r\n";
                sendAll(fd, header(206, "Partial Content", (long long)part.size(), cr) + part,
                        stop_);
            } else {
                sendAll(fd, header(200, "OK", (long long)body.size(), "") + body, stop_);
            }
            break;
        case Fault::IgnoreRange:
            sendAll(fd, header(200, "OK", (long long)body.size(), "") + body, stop_);
            break;
        case Fault::Status500:
            sendAll(fd, header(500, "Internal Server Error", 5, "") + "oops\n", stop_);
            break;
        case Fault::Status404:
            sendAll(fd, header(404, "Not Found", 10, "") + "not found\n", stop_);
            break;
        case Fault::Stall:
            waitForClose(fd, stop_);
            break;
        case Fault::Slow:
            if (sendAll(fd, header(200, "OK", (long long)body.size(), ""), stop_))
                for (size_t i = 0; i < body.size() && !stop_; ++i) {
                    if (!sendAll(fd, body.data() + i, 1, stop_)) break;
                    for (int t = 0; t < 20 && !stop_; ++t) ::usleep(50000); // 1 byte per second
                }
            break;
        case Fault::CutShort:
            sendAll(fd,
                    header(200, "OK", (long long)body.size(), "") + body.substr(0, body.size() / 2),
                    stop_);
            break;
        case Fault::Endless: {
            if (!sendAll(fd, header(200, "OK", -1, "") + body, stop_)) break;
            std::string zeros(1 << 16, '\0');
            for (int i = 0; i < 100000 && sendAll(fd, zeros, stop_); ++i) {
            } // until the client gives up (or 6 GB)
            break;
        }
        case Fault::Corrupt:
            if (!body.empty()) body[body.size() / 2] = char(body[body.size() / 2] ^ 0x20);
            sendAll(fd, header(200, "OK", (long long)body.size(), "") + body, stop_);
            break;
        case Fault::Reset: {
            sendAll(fd,
                    header(200, "OK", (long long)body.size(), "") + body.substr(0, body.size() / 2),
                    stop_);
            ::usleep(100000); // let the client read what was sent
            linger lg{1, 0};  // close() now sends RST instead of FIN
            ::setsockopt(fd, SOL_SOCKET, SO_LINGER, &lg, sizeof lg);
            break;
        }
    }
    ::close(fd);
}

//-----------------------------------------------------------------------------
// [SECTION] Child processes
//-----------------------------------------------------------------------------

pid_t spawn(const std::vector<std::string>& argv, const fs::path& outFile, const fs::path& errFile,
            const std::vector<std::string>& extraEnv) {
    // Everything the child needs is prepared before fork(): the test process has threads (the
    // fault server), so the child may only call async-signal-safe functions until execv.
    std::vector<char*> args;
    for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    std::vector<char*> env;
    for (char** e = environ; *e; ++e) env.push_back(*e);
    for (const std::string& e : extraEnv) env.push_back(const_cast<char*>(e.c_str()));
    env.push_back(nullptr);
    const std::string out = outFile.string(), err = errFile.string();
    pid_t pid = ::fork();
    if (pid < 0) throw std::runtime_error(std::string("fork: ") + std::strerror(errno));
    if (pid == 0) {
        int o = ::open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        int e = ::open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        if (o >= 0) ::dup2(o, 1);
        if (e >= 0) ::dup2(e, 2);
        ::execve(args[0], args.data(), env.data());
        _exit(127);
    }
    return pid;
}

int waitExit(pid_t pid) {
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {}
    if (WIFEXITED(status)) return WEXITSTATUS(status);
    if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
    return -1;
}

} // namespace zj::itest

// [SECTION] GL entry points
// [SECTION] Worker threads
// [SECTION] The cache
#include "platform/texture_cache.hpp"

#include "core/media/image_decode.hpp"
#include "core/media/lru_ledger.hpp"
#include "core/session/log_ring.hpp"

#include <SDL.h>
#include <SDL_opengl.h>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <deque>
#include <mutex>
#include <thread>
#include <unordered_map>
#include <vector>

namespace zj {

// [SECTION] GL entry points
// Through SDL_GL_GetProcAddress: the headless EGL context and GLX both resolve them there.
namespace {
struct Gl {
    void(APIENTRY* genTextures)(GLsizei, GLuint*) = nullptr;
    void(APIENTRY* deleteTextures)(GLsizei, const GLuint*) = nullptr;
    void(APIENTRY* bindTexture)(GLenum, GLuint) = nullptr;
    void(APIENTRY* texParameteri)(GLenum, GLenum, GLint) = nullptr;
    void(APIENTRY* texImage2D)(GLenum, GLint, GLint, GLsizei, GLsizei, GLint, GLenum, GLenum,
                               const void*) = nullptr;
    void(APIENTRY* texSubImage2D)(GLenum, GLint, GLint, GLint, GLsizei, GLsizei, GLenum, GLenum,
                                  const void*) = nullptr;
    void(APIENTRY* pixelStorei)(GLenum, GLint) = nullptr;
    void(APIENTRY* getIntegerv)(GLenum, GLint*) = nullptr;
    bool ok = false;

    void load() {
        if (ok) return;
        auto get = [](const char* n) { return SDL_GL_GetProcAddress(n); };
        genTextures = reinterpret_cast<decltype(genTextures)>(get("glGenTextures"));
        deleteTextures = reinterpret_cast<decltype(deleteTextures)>(get("glDeleteTextures"));
        bindTexture = reinterpret_cast<decltype(bindTexture)>(get("glBindTexture"));
        texParameteri = reinterpret_cast<decltype(texParameteri)>(get("glTexParameteri"));
        texImage2D = reinterpret_cast<decltype(texImage2D)>(get("glTexImage2D"));
        texSubImage2D = reinterpret_cast<decltype(texSubImage2D)>(get("glTexSubImage2D"));
        pixelStorei = reinterpret_cast<decltype(pixelStorei)>(get("glPixelStorei"));
        getIntegerv = reinterpret_cast<decltype(getIntegerv)>(get("glGetIntegerv"));
        ok = genTextures && deleteTextures && bindTexture && texParameteri && texImage2D &&
             texSubImage2D && pixelStorei && getIntegerv;
    }
};
Gl gl;

struct Job {
    uint64_t generation = 0;
    std::string name;
    std::filesystem::path path;
};

struct Done {
    uint64_t generation = 0;
    std::string name;
    DecodedImage image;
    double decodeMs = 0;
};

double wallMs() {
    using namespace std::chrono;
    return duration<double, std::milli>(steady_clock::now().time_since_epoch()).count();
}

// ZJ_TRACE_MEDIA=1: one line per image (request to on-GPU latency, decode time, memory).
bool traceMedia() {
    static const bool on = std::getenv("ZJ_TRACE_MEDIA") != nullptr;
    return on;
}
} // namespace

struct TextureCache::Impl {
    struct Entry {
        TextureRef ref;
        uint64_t lastFrame = 0;
        // Upload in progress: the decoded pixels and how many rows are on the GPU already.
        std::vector<uint8_t> pixels;
        int rowsUploaded = 0;
        bool uploading = false;
        double requestedMs = 0; // wall clock, for ZJ_TRACE_MEDIA
        double decodeMs = 0;
    };

    TextureCacheSettings settings;
    Resolver resolve;
    std::unordered_map<std::string, Entry> entries;
    LruLedger ledger;
    std::deque<std::string> uploadQueue; // names whose pixels are ready, in arrival order
    uint64_t frame = 1;

    // Shared with the workers (guarded by mutex).
    std::mutex mutex;
    std::condition_variable wake;
    std::deque<Job> jobs;
    std::deque<Done> done;
    int running = 0;
    bool stop = false;
    uint64_t generation = 1;
    std::vector<std::thread> workers;

    // [SECTION] Worker threads
    void workerLoop() {
        for (;;) {
            Job job;
            {
                std::unique_lock<std::mutex> lock(mutex);
                wake.wait(lock, [&] { return stop || !jobs.empty(); });
                if (stop) return;
                // Newest request first: what the visitor looks at now beats what scrolled away.
                job = std::move(jobs.back());
                jobs.pop_back();
                ++running;
            }
            double t0 = wallMs();
            DecodedImage img = decodeImageFile(job.path, settings.maxPixels);
            double ms = wallMs() - t0;
            std::lock_guard<std::mutex> lock(mutex);
            --running;
            done.push_back({job.generation, std::move(job.name), std::move(img), ms});
        }
    }

    void freeTexture(Entry& e) {
        if (e.ref.glTexture && gl.ok) {
            GLuint t = static_cast<GLuint>(e.ref.glTexture);
            gl.deleteTextures(1, &t);
        }
        e.ref.glTexture = 0;
    }

    // [SECTION] The cache
    // Uploads rows of the queued images within `budgetLeft`; true when one became Ready.
    bool uploadSome(uint64_t& budgetLeft) {
        bool changed = false;
        bool first = true;
        while (!uploadQueue.empty()) {
            auto it = entries.find(uploadQueue.front());
            if (it == entries.end() || !it->second.uploading) {
                uploadQueue.pop_front();
                continue;
            }
            Entry& e = it->second;
            int w = e.ref.width, h = e.ref.height;
            uint64_t rowBytes = static_cast<uint64_t>(w) * 4;
            int rows = rowsWithinBudget(rowBytes, h - e.rowsUploaded, budgetLeft, first);
            if (rows == 0) break;
            first = false;
            GLint prev = 0;
            gl.getIntegerv(GL_TEXTURE_BINDING_2D, &prev);
            if (!e.ref.glTexture) {
                GLuint t = 0;
                gl.genTextures(1, &t);
                e.ref.glTexture = t;
                gl.bindTexture(GL_TEXTURE_2D, t);
                gl.texParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
                gl.texParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
                gl.texParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
                gl.texParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
                gl.texImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, w, h, 0, GL_RGBA, GL_UNSIGNED_BYTE,
                              nullptr);
            } else {
                gl.bindTexture(GL_TEXTURE_2D, static_cast<GLuint>(e.ref.glTexture));
            }
            gl.pixelStorei(GL_UNPACK_ALIGNMENT, 1);
            gl.texSubImage2D(GL_TEXTURE_2D, 0, 0, e.rowsUploaded, w, rows, GL_RGBA,
                             GL_UNSIGNED_BYTE, e.pixels.data() + rowBytes * e.rowsUploaded);
            gl.bindTexture(GL_TEXTURE_2D, static_cast<GLuint>(prev));
            e.rowsUploaded += rows;
            budgetLeft -= std::min(budgetLeft, rowBytes * rows);
            if (e.rowsUploaded >= h) {
                e.uploading = false;
                e.pixels.clear();
                e.pixels.shrink_to_fit();
                e.ref.state = TextureRef::State::Ready;
                ledger.put(it->first, rowBytes * h, e.lastFrame);
                if (traceMedia())
                    std::fprintf(stderr,
                                 "zjmap-kiosk: media: %s %dx%d on the GPU %.0f ms after the "
                                 "request (decode %.0f ms); %.1f MB resident\n",
                                 it->first.c_str(), w, h, wallMs() - e.requestedMs, e.decodeMs,
                                 ledger.bytes() / 1048576.0);
                uploadQueue.pop_front();
                changed = true;
            }
        }
        return changed;
    }
};

TextureCache::TextureCache(TextureCacheSettings settings) : impl_(std::make_unique<Impl>()) {
    impl_->settings = settings;
    int n = std::max(1, settings.workerThreads);
    for (int i = 0; i < n; ++i) impl_->workers.emplace_back([this] { impl_->workerLoop(); });
}

TextureCache::~TextureCache() {
    {
        std::lock_guard<std::mutex> lock(impl_->mutex);
        impl_->stop = true;
        impl_->jobs.clear();
    }
    impl_->wake.notify_all();
    for (auto& t : impl_->workers) t.join();
    clear();
}

void TextureCache::setResolver(Resolver resolve) {
    clear();
    impl_->resolve = std::move(resolve);
}

TextureRef TextureCache::get(const std::string& logicalName) {
    Impl& m = *impl_;
    auto it = m.entries.find(logicalName);
    if (it != m.entries.end()) {
        it->second.lastFrame = m.frame;
        m.ledger.touch(logicalName, m.frame);
        return it->second.ref;
    }
    Impl::Entry& e = m.entries[logicalName];
    e.lastFrame = m.frame;
    e.requestedMs = wallMs();
    std::filesystem::path path = m.resolve ? m.resolve(logicalName) : std::filesystem::path();
    if (path.empty()) {
        logLine("image %s: not in the bundle", logicalName.c_str());
        e.ref.state = TextureRef::State::Broken;
        return e.ref;
    }
    {
        std::lock_guard<std::mutex> lock(m.mutex);
        m.jobs.push_back({m.generation, logicalName, std::move(path)});
    }
    m.wake.notify_one();
    return e.ref;
}

bool TextureCache::pump() {
    Impl& m = *impl_;
    gl.load();
    bool changed = false;
    std::deque<Done> finished;
    {
        std::lock_guard<std::mutex> lock(m.mutex);
        finished.swap(m.done);
    }
    for (Done& d : finished) {
        if (d.generation != m.generation) continue; // decoded for a bundle no longer shown
        auto it = m.entries.find(d.name);
        if (it == m.entries.end()) continue;
        Impl::Entry& e = it->second;
        if (!d.image.ok() || !gl.ok) {
            logLine("image %s: %s", d.name.c_str(),
                    gl.ok ? d.image.error.c_str() : "no GL texture functions");
            e.ref.state = TextureRef::State::Broken;
            changed = true;
            continue;
        }
        e.ref.width = d.image.width;
        e.ref.height = d.image.height;
        e.pixels = std::move(d.image.rgba);
        e.decodeMs = d.decodeMs;
        e.rowsUploaded = 0;
        e.uploading = true;
        m.uploadQueue.push_back(d.name);
    }
    uint64_t budget = m.settings.uploadBudgetBytes;
    if (gl.ok) changed |= m.uploadSome(budget);

    // Over the memory budget: free what was not on screen in the last frame, oldest first.
    for (const std::string& key : m.ledger.evict(m.settings.memoryBudgetBytes, m.frame)) {
        auto it = m.entries.find(key);
        if (it == m.entries.end()) continue;
        m.freeTexture(it->second);
        m.entries.erase(it);
    }
    // Bound the bookkeeping too (a months-long run asks for many names): forget old failures.
    if (m.entries.size() > 4096) {
        for (auto it = m.entries.begin(); it != m.entries.end();) {
            bool old = it->second.ref.state == TextureRef::State::Broken &&
                       it->second.lastFrame + 600 < m.frame;
            it = old ? m.entries.erase(it) : std::next(it);
        }
    }
    ++m.frame;
    return changed;
}

bool TextureCache::busy() const {
    Impl& m = *impl_;
    std::lock_guard<std::mutex> lock(m.mutex);
    return !m.jobs.empty() || m.running > 0 || !m.done.empty() || !m.uploadQueue.empty();
}

std::filesystem::path TextureCache::resolve(const std::string& logicalName) const {
    return impl_->resolve ? impl_->resolve(logicalName) : std::filesystem::path();
}

uint64_t TextureCache::bytesResident() const {
    return impl_->ledger.bytes();
}

void TextureCache::clear() {
    Impl& m = *impl_;
    {
        std::lock_guard<std::mutex> lock(m.mutex);
        ++m.generation; // decodes in flight are dropped when they finish
        m.jobs.clear();
        m.done.clear();
    }
    for (auto& [name, e] : m.entries) m.freeTexture(e);
    m.entries.clear();
    m.uploadQueue.clear();
    m.ledger.clear();
}

} // namespace zj

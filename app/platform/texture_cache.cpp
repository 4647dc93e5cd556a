// [SECTION] Worker threads
// [SECTION] The cache
#include "platform/texture_cache.hpp"

#include "core/media/image_decode.hpp"
#include "core/media/lru_ledger.hpp"
#include "core/session/log_ring.hpp"
#include "platform/gl_api.hpp"

#include <SDL.h>
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

namespace {

struct Job {
    uint64_t generation = 0;
    std::string name;
    std::filesystem::path path;
    DisplaySize want; // decode to the smallest DCT scale that still covers this
};

// Requests waiting for a worker, at most: a visitor flicking through a long gallery must not
// queue every photo it passed. The oldest waiting request is dropped (it is asked again if it
// is still on screen); no screen shows this many images at once.
constexpr size_t kMaxQueuedJobs = 48;

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
        bool fullSize = false;     // ref holds the file's own size: nothing larger to decode
        bool decodeQueued = false; // a decode for this name is waiting or running
        // Upload in progress into `uploadTexture` (ref keeps showing the smaller texture of an
        // upgrade meanwhile): the decoded pixels and how many rows are on the GPU already.
        std::vector<uint8_t> pixels;
        int uploadWidth = 0, uploadHeight = 0;
        bool uploadFullSize = false;
        uint64_t uploadTexture = 0;
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
    // The frame number get() stamps. It advances only at a pump() after a frame that asked for
    // images: pumps between frames (the loop waiting on decodes) keep the last frame's images
    // protected from eviction.
    uint64_t frame = 1;
    bool askedThisFrame = false;

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
            DecodedImage img = decodeImageFile(job.path, settings.maxPixels, job.want);
            double ms = wallMs() - t0;
            {
                std::lock_guard<std::mutex> lock(mutex);
                --running;
                done.push_back({job.generation, std::move(job.name), std::move(img), ms});
            }
            if (settings.onDecoded) settings.onDecoded();
        }
    }

    static void deleteTexture(uint64_t& texture) {
        if (texture && glReady()) {
            GLuint t = static_cast<GLuint>(texture);
            gl().deleteTextures(1, &t);
        }
        texture = 0;
    }
    void freeTexture(Entry& e) {
        deleteTexture(e.ref.glTexture);
        deleteTexture(e.uploadTexture);
    }

    // Queues a decode of `name` (UI thread). Over kMaxQueuedJobs the oldest waiting request
    // goes, and its entry with it when it has nothing to show yet.
    void enqueue(const std::string& name, std::filesystem::path path, DisplaySize want) {
        std::string dropped;
        {
            std::lock_guard<std::mutex> lock(mutex);
            jobs.push_back({generation, name, std::move(path), want});
            if (jobs.size() > kMaxQueuedJobs) {
                dropped = std::move(jobs.front().name);
                jobs.pop_front();
            }
        }
        wake.notify_one();
        entries[name].decodeQueued = true;
        if (dropped.empty()) return;
        auto it = entries.find(dropped);
        if (it == entries.end()) return;
        it->second.decodeQueued = false;
        if (it->second.ref.state == TextureRef::State::Loading && !it->second.uploading)
            entries.erase(it);
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
            int w = e.uploadWidth, h = e.uploadHeight;
            uint64_t rowBytes = static_cast<uint64_t>(w) * 4;
            int rows = rowsWithinBudget(rowBytes, h - e.rowsUploaded, budgetLeft, first);
            if (rows == 0) break;
            first = false;
            GLint prev = 0;
            gl().getIntegerv(GL_TEXTURE_BINDING_2D, &prev);
            if (!e.uploadTexture) {
                GLuint t = 0;
                gl().genTextures(1, &t);
                e.uploadTexture = t;
                gl().bindTexture(GL_TEXTURE_2D, t);
                setTextureSampling(GL_LINEAR);
                gl().texImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, w, h, 0, GL_RGBA, GL_UNSIGNED_BYTE,
                                nullptr);
            } else {
                gl().bindTexture(GL_TEXTURE_2D, static_cast<GLuint>(e.uploadTexture));
            }
            gl().pixelStorei(GL_UNPACK_ALIGNMENT, 1);
            gl().texSubImage2D(GL_TEXTURE_2D, 0, 0, e.rowsUploaded, w, rows, GL_RGBA,
                               GL_UNSIGNED_BYTE, e.pixels.data() + rowBytes * e.rowsUploaded);
            gl().bindTexture(GL_TEXTURE_2D, static_cast<GLuint>(prev));
            e.rowsUploaded += rows;
            budgetLeft -= std::min(budgetLeft, rowBytes * rows);
            if (e.rowsUploaded >= h) {
                e.uploading = false;
                e.pixels.clear();
                e.pixels.shrink_to_fit();
                deleteTexture(e.ref.glTexture); // the smaller one an upgrade replaces
                e.ref.glTexture = e.uploadTexture;
                e.uploadTexture = 0;
                e.ref.width = w;
                e.ref.height = h;
                e.fullSize = e.uploadFullSize;
                e.ref.state = TextureRef::State::Ready;
                ledger.put(it->first, rowBytes * h, e.lastFrame);
                if (traceMedia())
                    std::fprintf(stderr,
                                 "zjmap-kiosk: media: %s %dx%d on the GPU %.0f ms after the "
                                 "request (decode %.1f ms); %.1f MB resident\n",
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
    return get(logicalName, DisplaySize{});
}

TextureRef TextureCache::get(const std::string& logicalName, DisplaySize onScreen) {
    Impl& m = *impl_;
    auto it = m.entries.find(logicalName);
    m.askedThisFrame = true;
    if (it != m.entries.end()) {
        Impl::Entry& e = it->second;
        e.lastFrame = m.frame;
        m.ledger.touch(logicalName, m.frame);
        // Shown larger than it was decoded for (zoomed, a bigger box): decode it again at the
        // new size and keep showing the smaller texture until the larger one is on the GPU.
        if (e.ref.state == TextureRef::State::Ready && !e.fullSize && !e.decodeQueued &&
            !e.uploading && !coversDisplay(e.ref.width, e.ref.height, onScreen)) {
            std::filesystem::path path =
                m.resolve ? m.resolve(logicalName) : std::filesystem::path();
            if (!path.empty()) {
                e.requestedMs = wallMs();
                m.enqueue(logicalName, std::move(path), onScreen);
            }
        }
        return e.ref;
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
    TextureRef ref = e.ref; // enqueue may drop an old entry: `e` is not used after it
    m.enqueue(logicalName, std::move(path), onScreen);
    return ref;
}

bool TextureCache::pump() {
    Impl& m = *impl_;
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
        e.decodeQueued = false;
        if (!d.image.ok() || !glReady()) {
            logLine("image %s: %s", d.name.c_str(),
                    glReady() ? d.image.error.c_str() : "no GL texture functions");
            if (e.ref.state == TextureRef::State::Ready) {
                e.fullSize = true; // an upgrade failed: keep what is shown, do not retry
                continue;
            }
            e.ref.state = TextureRef::State::Broken;
            changed = true;
            continue;
        }
        e.uploadWidth = d.image.width;
        e.uploadHeight = d.image.height;
        e.uploadFullSize =
            d.image.width >= d.image.fullWidth && d.image.height >= d.image.fullHeight;
        e.pixels = std::move(d.image.rgba);
        e.decodeMs = d.decodeMs;
        e.rowsUploaded = 0;
        e.uploading = true;
        m.uploadQueue.push_back(d.name);
    }
    uint64_t budget = m.settings.uploadBudgetBytes;
    if (glReady()) changed |= m.uploadSome(budget);

    // Over the memory budget: free what was not on screen in the last frame, oldest first.
    uint64_t lastFrame = m.askedThisFrame ? m.frame : m.frame - 1;
    for (const std::string& key : m.ledger.evict(m.settings.memoryBudgetBytes, lastFrame)) {
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
    if (m.askedThisFrame) ++m.frame;
    m.askedThisFrame = false;
    return changed;
}

bool TextureCache::uploadsPending() const {
    Impl& m = *impl_;
    if (!m.uploadQueue.empty()) return true;
    std::lock_guard<std::mutex> lock(m.mutex);
    return !m.done.empty();
}

bool TextureCache::busy() const {
    Impl& m = *impl_;
    std::lock_guard<std::mutex> lock(m.mutex);
    return !m.jobs.empty() || m.running > 0 || !m.done.empty() || !m.uploadQueue.empty();
}

bool TextureCache::resident(const std::string& logicalName) const {
    auto it = impl_->entries.find(logicalName);
    return it != impl_->entries.end() && it->second.ref.state == TextureRef::State::Ready;
}

bool TextureCache::residentAt(const std::string& logicalName, DisplaySize onScreen) const {
    auto it = impl_->entries.find(logicalName);
    if (it == impl_->entries.end() || it->second.ref.state != TextureRef::State::Ready)
        return false;
    const Impl::Entry& e = it->second;
    return e.fullSize || coversDisplay(e.ref.width, e.ref.height, onScreen);
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

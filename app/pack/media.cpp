// [SECTION] index
//   files     reading files, path safety, UTF-8
//   photos    check (kind, stbi_info size limits, decode) then resize and re-encode (JPEG q85)
//   video     libavformat/libavcodec: must contain a video stream that decodes a frame
//   subtitles .srt: UTF-8 text with at least one cue
//   entry     processMedia (photos on two threads; results kept in source order)
#include "core/jpeg_check.hpp"
#include "core/media/image_decode.hpp"
#include "core/media/image_header.hpp"
#include "pack/sources.hpp"

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"
#pragma GCC diagnostic ignored "-Wunused-function"
#pragma GCC diagnostic ignored "-Wsign-compare"
#define STB_IMAGE_STATIC
#define STB_IMAGE_IMPLEMENTATION
#define STBI_ONLY_JPEG
#define STBI_ONLY_PNG
#include <stb_image.h>
#define STB_IMAGE_RESIZE_STATIC
#define STB_IMAGE_RESIZE_IMPLEMENTATION
#include <stb_image_resize.h>
#define STB_IMAGE_WRITE_STATIC
#define STB_IMAGE_WRITE_IMPLEMENTATION
#include <stb_image_write.h>
#pragma GCC diagnostic pop

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/log.h>
}

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstring>
#include <fstream>
#include <memory>
#include <regex>
#include <sstream>
#include <thread>

namespace zj::pack {

namespace fs = std::filesystem;

// Limits: a photo is refused before decoding when its header claims more than this.
static constexpr int64_t kMaxPixels = 40'000'000;
static constexpr int kMaxEdge = 12000;
static constexpr int kDisplayEdge = 2560;
static constexpr int kThumbEdge = 512;
static constexpr int kJpegQuality = 85;

// [SECTION] files
// -------------------------------------------------------------------------------------

// A media path must stay inside the content root: relative, no "..".
static bool safeRelative(const std::string& path) {
    if (path.empty() || path[0] == '/' || path.find('\\') != std::string::npos) return false;
    for (const auto& part : fs::path(path))
        if (part == "..") return false;
    return true;
}

static bool readFile(const fs::path& path, std::string& out) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return false;
    std::ostringstream ss;
    ss << in.rdbuf();
    out = ss.str();
    return bool(in) || in.eof();
}

// Resolves and reads a media file; reports "not found" etc. at the field that names it.
static bool loadMediaFile(const Sources& src, const MediaSource& media, Diagnostics& diag,
                          std::string& bytes, fs::path* resolved = nullptr) {
    if (!safeRelative(media.path)) {
        diag.error(media.loc,
                   "'" + media.path + "' must be a relative path inside the content folder");
        return false;
    }
    fs::path path = src.root / media.path;
    std::error_code ec;
    if (!fs::is_regular_file(path, ec)) {
        diag.error(media.loc, media.path + ": file not found");
        return false;
    }
    if (!readFile(path, bytes)) {
        diag.error(media.loc, media.path + ": cannot read");
        return false;
    }
    if (bytes.empty()) {
        diag.error(media.loc, media.path + ": empty file (0 bytes)");
        return false;
    }
    if (resolved) *resolved = path;
    return true;
}

static bool validUtf8(std::string_view s) {
    size_t i = 0;
    while (i < s.size()) {
        unsigned char c = s[i];
        int extra = c < 0x80 ? 0 : (c >> 5) == 6 ? 1 : (c >> 4) == 14 ? 2 : (c >> 3) == 30 ? 3 : -1;
        if (extra < 0 || s.size() - i <= size_t(extra)) return false; // bad lead or truncated
        uint32_t cp = extra == 0 ? c : (c & (0x3f >> extra));
        for (int k = 1; k <= extra; ++k) {
            unsigned char cc = s[i + size_t(k)];
            if ((cc >> 6) != 2) return false;
            cp = (cp << 6) | (cc & 0x3f);
        }
        if ((extra == 1 && cp < 0x80) || (extra == 2 && cp < 0x800) ||
            (extra == 3 && cp < 0x10000) || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
            return false; // overlong, out of range or a surrogate
        i += size_t(extra) + 1;
    }
    return true;
}

// [SECTION] photos
// ------------------------------------------------------------------------------------

struct PhotoResult {
    std::vector<Diagnostic> diagnostics; // merged in source order after the threads finish
    std::string display, thumb;          // JPEG bytes
    int width = 0, height = 0, thumbWidth = 0, thumbHeight = 0;
};

static void appendJpeg(void* context, void* data, int size) {
    static_cast<std::string*>(context)->append(static_cast<const char*>(data), size_t(size));
}

// Scales RGB pixels so the long edge is at most `edge` (never up) and encodes them as JPEG.
static bool encodeFitted(const unsigned char* rgb, int w, int h, int edge, std::string& out,
                         int& outW, int& outH) {
    double scale = std::min(1.0, double(edge) / double(std::max(w, h)));
    outW = std::max(1, int(std::lround(w * scale)));
    outH = std::max(1, int(std::lround(h * scale)));
    std::vector<unsigned char> resized;
    const unsigned char* pixels = rgb;
    if (outW != w || outH != h) {
        resized.resize(size_t(outW) * size_t(outH) * 3);
        if (!stbir_resize_uint8_srgb(rgb, w, h, 0, resized.data(), outW, outH, 0, 3,
                                     STBIR_ALPHA_CHANNEL_NONE, 0))
            return false;
        pixels = resized.data();
    }
    out.clear();
    return stbi_write_jpg_to_func(appendJpeg, &out, outW, outH, 3, pixels, kJpegQuality) != 0;
}

// What the photo's header says is wrong with it (the text after "PATH: "), "" when it can be
// decoded; its size in w, h.
static std::string photoHeaderProblem(const stbi_uc* data, size_t n, ImageFormat format, int& w,
                                      int& h) {
    const bool jpeg = format == ImageFormat::Jpeg, png = format == ImageFormat::Png;
    if (!jpeg && !png) return "not a JPEG or PNG image";
    if (jpeg && !jpegHuffmanTablesSafe(data, n))
        return "undecodable image (corrupt JPEG Huffman table)";
    int comp = 0;
    ImageHeader header;
    std::string why;
    if (png && parseImageHeader(data, n, header, why)) {
        // stb refuses huge PNGs with a vague "unknown image type": take the header's size.
        if (header.width > kMaxEdge || header.height > kMaxEdge ||
            int64_t(header.width) * header.height > kMaxPixels)
            w = header.width, h = header.height;
    }
    if (w == 0 && !stbi_info_from_memory(data, int(n), &w, &h, &comp))
        return std::string("undecodable image (") + stbi_failure_reason() + ")";
    if (w > kMaxEdge || h > kMaxEdge || int64_t(w) * h > kMaxPixels)
        return "too large (" + std::to_string(w) + "x" + std::to_string(h) +
               "; at most 40 megapixels and 12000 px a side)";
    if (jpeg && !jpegSizePlausible(n, w, h))
        return "corrupt JPEG (" + std::to_string(n) + " bytes cannot hold " + std::to_string(w) +
               "x" + std::to_string(h) + " pixels; truncated?)";
    if (std::string problem = png ? pngChunkProblem(data, n) : ""; !problem.empty())
        return "corrupt PNG (" + problem + ")";
    return "";
}

// Decoded RGB pixels, owned by whichever decoder made them.
struct PhotoPixels {
    std::vector<stbi_uc> jpegRgb;
    std::unique_ptr<stbi_uc, void (*)(void*)> stbRgb{nullptr, stbi_image_free};
    const stbi_uc* rgb = nullptr;
    int w = 0, h = 0;
};

// JPEG through libjpeg-turbo, as the kiosk decodes it: stb_image 2.27's progressive JPEG path
// reads out of bounds on corrupt Huffman data (fuzz_image). PNG stays with stb. The problem
// (after "PATH: "), or "".
static std::string decodePhoto(const stbi_uc* data, size_t n, bool jpeg, const std::string& path,
                               PhotoPixels& px) {
    if (!jpeg) {
        int comp = 0;
        px.stbRgb.reset(stbi_load_from_memory(data, int(n), &px.w, &px.h, &comp, 3));
        if (!px.stbRgb) return std::string("undecodable image (") + stbi_failure_reason() + ")";
        px.rgb = px.stbRgb.get();
        return "";
    }
    DecodedImage img = decodeImageMemory(data, n, kMaxPixels, {}, path);
    if (!img.ok())
        return "undecodable image (" +
               img.error.substr(std::min(img.error.size(), path.size() + 2)) + ")";
    px.w = img.width;
    px.h = img.height;
    px.jpegRgb.resize(size_t(px.w) * size_t(px.h) * 3);
    for (size_t i = 0, count = size_t(px.w) * size_t(px.h); i < count; ++i)
        std::memcpy(&px.jpegRgb[i * 3], &img.rgba[i * 4], 3);
    px.rgb = px.jpegRgb.data();
    return "";
}

static PhotoResult processPhoto(const Sources& src, const MediaSource& media) {
    PhotoResult result;
    Diagnostics diag;
    std::string bytes;
    auto finish = [&] {
        result.diagnostics = diag.items();
        return std::move(result);
    };
    if (!loadMediaFile(src, media, diag, bytes)) return finish();
    auto* data = reinterpret_cast<const stbi_uc*>(bytes.data());
    const ImageFormat format = sniffImageFormat(data, bytes.size());
    int w = 0, h = 0;
    std::string problem = photoHeaderProblem(data, bytes.size(), format, w, h);
    PhotoPixels px;
    if (problem.empty())
        problem = decodePhoto(data, bytes.size(), format == ImageFormat::Jpeg, media.path, px);
    if (!problem.empty()) {
        diag.error(media.loc, media.path + ": " + problem);
        return finish();
    }
    bool ok = encodeFitted(px.rgb, px.w, px.h, kDisplayEdge, result.display, result.width,
                           result.height) &&
              encodeFitted(px.rgb, px.w, px.h, kThumbEdge, result.thumb, result.thumbWidth,
                           result.thumbHeight);
    if (!ok) diag.error(media.loc, media.path + ": could not resize or encode");
    return finish();
}

// [SECTION] video
// -------------------------------------------------------------------------------------

// Opens the file with libavformat and decodes one video frame; returns "" or why it does not play.
static std::string probeVideo(const fs::path& path, Video& video) {
    av_log_set_level(AV_LOG_QUIET);
    AVFormatContext* format = nullptr;
    if (avformat_open_input(&format, path.c_str(), nullptr, nullptr) < 0)
        return "does not play (not a readable container)";
    std::string problem;
    AVCodecContext* codec = nullptr;
    AVPacket* packet = av_packet_alloc();
    AVFrame* frame = av_frame_alloc();
    int stream = -1;
    if (avformat_find_stream_info(format, nullptr) < 0)
        problem = "does not play (no stream info)";
    else if (std::string(format->iformat->name).find("mp4") == std::string::npos)
        problem = "not an MP4 video (" + std::string(format->iformat->name) + ")";
    else if ((stream = av_find_best_stream(format, AVMEDIA_TYPE_VIDEO, -1, -1, nullptr, 0)) < 0)
        problem = "does not play (no video stream)";
    if (problem.empty()) {
        const AVCodecParameters* par = format->streams[stream]->codecpar;
        const AVCodec* decoder = avcodec_find_decoder(par->codec_id);
        codec = decoder ? avcodec_alloc_context3(decoder) : nullptr;
        if (!codec || avcodec_parameters_to_context(codec, par) < 0 ||
            avcodec_open2(codec, decoder, nullptr) < 0)
            problem = "does not play (no decoder for its codec)";
        video.width = par->width;
        video.height = par->height;
        video.duration = format->duration > 0 ? double(format->duration) / AV_TIME_BASE : 0;
    }
    bool decoded = false;
    for (int packets = 0; problem.empty() && !decoded && packets < 2000; ++packets) {
        int rc = av_read_frame(format, packet);
        if (rc < 0) { // end of file: drain the decoder
            avcodec_send_packet(codec, nullptr);
            decoded = avcodec_receive_frame(codec, frame) == 0;
            break;
        }
        if (packet->stream_index == stream && avcodec_send_packet(codec, packet) == 0)
            decoded = avcodec_receive_frame(codec, frame) == 0;
        av_packet_unref(packet);
    }
    if (problem.empty() && !decoded) problem = "does not play (no frame decodes)";
    if (problem.empty()) {
        // A cut-off MP4 (a copy that stopped early) still opens and decodes its first frames
        // when the index (moov) comes first; the index says where every sample lies, so samples
        // beyond the end of the file mean it is truncated. Found by issue 9's bad-media test.
        int64_t fileSize = format->pb ? avio_size(format->pb) : -1;
        int64_t needed = 0;
        for (unsigned s = 0; s < format->nb_streams; ++s) {
            AVStream* st = format->streams[s];
            for (int i = 0, n = avformat_index_get_entries_count(st); i < n; ++i) {
                const AVIndexEntry* e = avformat_index_get_entry(st, i);
                if (e) needed = std::max<int64_t>(needed, e->pos + e->size);
            }
        }
        if (fileSize > 0 && needed > fileSize)
            problem = "truncated (the video's index needs " + std::to_string(needed) +
                      " bytes, the file has " + std::to_string(fileSize) + ")";
    }
    av_frame_free(&frame);
    av_packet_free(&packet);
    avcodec_free_context(&codec);
    avformat_close_input(&format);
    return problem;
}

// [SECTION] subtitles
// ---------------------------------------------------------------------------------

// Checks an .srt and appends its visible text to `text`; returns "" or the problem.
static std::string checkSrt(std::string_view bytes, std::string& text) {
    if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
    if (!validUtf8(bytes)) return "not UTF-8 text";
    static const std::regex timing(
        R"(^\s*\d{1,2}:\d{2}:\d{2}[,.]\d{1,3}\s*-->\s*\d{1,2}:\d{2}:\d{2}[,.]\d{1,3}.*$)");
    static const std::regex number(R"(^\s*\d+\s*$)");
    int cues = 0;
    std::istringstream lines{std::string(bytes)};
    std::string line;
    while (std::getline(lines, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (std::regex_match(line, timing))
            ++cues;
        else if (!std::regex_match(line, number))
            text += line + "\n";
    }
    return cues > 0 ? "" : "no subtitle cue (\"00:00:01,000 --> 00:00:03,000\")";
}

// [SECTION] entry
// -------------------------------------------------------------------------------------

void processMedia(Sources& src, Diagnostics& diag, std::vector<BundleInputFile>& files,
                  std::string& subtitleText) {
    Content& c = src.content;
    std::vector<PhotoResult> results(src.photoFiles.size());
    std::atomic<size_t> next{0};
    auto worker = [&] {
        for (size_t i; (i = next++) < results.size();)
            results[i] = processPhoto(src, src.photoFiles[i]);
    };
    unsigned threads = std::clamp(std::thread::hardware_concurrency(), 1u, 4u);
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < threads; ++t) pool.emplace_back(worker);
    worker();
    for (auto& t : pool) t.join();

    for (size_t i = 0; i < results.size() && i < c.photos.size(); ++i) {
        PhotoResult& r = results[i];
        for (const auto& d : r.diagnostics) {
            if (d.warning)
                diag.warn(d.loc, d.message);
            else
                diag.error(d.loc, d.message);
        }
        if (r.display.empty()) continue;
        Photo& p = c.photos[i];
        p.width = r.width;
        p.height = r.height;
        p.thumbWidth = r.thumbWidth;
        p.thumbHeight = r.thumbHeight;
        files.push_back({p.file, std::move(r.display)});
        files.push_back({p.thumb, std::move(r.thumb)});
    }

    if (!c.video || !src.videoFile) return;
    std::string bytes;
    fs::path resolved;
    if (loadMediaFile(src, *src.videoFile, diag, bytes, &resolved)) {
        std::string problem = probeVideo(resolved, *c.video);
        if (!problem.empty())
            diag.error(src.videoFile->loc, src.videoFile->path + ": " + problem);
        else
            files.push_back({c.video->file, std::move(bytes)});
    }
    const std::pair<const std::optional<MediaSource>*, std::string> subtitles[] = {
        {&src.subtitlesZh, c.video->subtitlesZh}, {&src.subtitlesEn, c.video->subtitlesEn}};
    for (const auto& [media, name] : subtitles) {
        if (!*media || !loadMediaFile(src, **media, diag, bytes)) continue;
        std::string problem = checkSrt(bytes, subtitleText);
        if (!problem.empty())
            diag.error((*media)->loc, (*media)->path + ": " + problem);
        else
            files.push_back({name, std::move(bytes)});
    }
}

} // namespace zj::pack

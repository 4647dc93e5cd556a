// make_bad_bundle DEMO_BUNDLE OUT: a correctly signed bundle (fresh test key) whose media is
// bad in the ways a careless or broken pipeline could produce, forced past zjmap-pack's checks:
//   media/photos/<1st>  garbage behind a JPEG signature (a corrupt JPEG)
//   media/photos/<2nd>  a PNG whose header claims 30000x30000 pixels
//   media/thumbs/<1st>  zero bytes
//   media/video/*.mp4   truncated to a tenth
// Writes OUT/bundle (manifest, signature, blobs) and OUT/keys/publisher.pub. The kiosk must show
// this bundle without crashing (tests/monkey/bad-media.scn).
// make_bad_bundle --as-is BUNDLE OUT: the same, but every blob kept as it is (a bundle whose
// media a test damaged after packing, now signed over the damaged bytes, since the kiosk
// refuses blobs that fail their hash before any decoder sees them: tests/ui/bad-media.sh).
#include "core/bundle/bundle_writer.hpp"
#include "core/bundle/crypto.hpp"
#include "core/bundle/manifest.hpp"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;

static bool readFile(const fs::path& p, std::string& out) {
    std::ifstream in(p, std::ios::binary);
    if (!in) return false;
    std::stringstream ss;
    ss << in.rdbuf();
    out = ss.str();
    return true;
}

int main(int argc, char** argv) {
    bool asIs = argc == 4 && std::string(argv[1]) == "--as-is";
    if (argc != 3 && !asIs) {
        std::fprintf(stderr, "usage: make_bad_bundle [--as-is] DEMO_BUNDLE OUT\n");
        return 2;
    }
    fs::path demo = argv[asIs ? 2 : 1], out = argv[asIs ? 3 : 2];
    std::string json, err;
    zj::Manifest manifest;
    if (!readFile(demo / "manifest.json", json) || !zj::parseManifest(json, manifest, err)) {
        std::fprintf(stderr, "make_bad_bundle: %s/manifest.json: %s\n", demo.c_str(), err.c_str());
        return 1;
    }
    std::string png("\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR\0\0\x75\x30\0\0\x75\x30\x08\x02\0\0\0\0\0\0\0",
                    33);
    int photos = 0, thumbs = 0, videos = 0;
    std::vector<zj::BundleInputFile> files;
    for (const auto& f : manifest.files) {
        zj::BundleInputFile file{f.name, {}};
        if (!readFile(demo / "blobs" / f.sha256, file.bytes)) {
            std::fprintf(stderr, "make_bad_bundle: missing blob for %s\n", f.name.c_str());
            return 1;
        }
        if (asIs) {
            // kept as it is
        } else if (f.name.rfind("media/photos/", 0) == 0 && photos < 2) {
            file.bytes = photos++ == 0
                             ? std::string("\xFF\xD8\xFF\xE0", 4) + std::string(3000, '\x5A')
                             : png;
            std::printf("corrupt: %s\n", f.name.c_str());
        } else if (f.name.rfind("media/thumbs/", 0) == 0 && thumbs++ == 0) {
            file.bytes.clear();
            std::printf("zero bytes: %s\n", f.name.c_str());
        } else if (f.name.size() > 4 && f.name.substr(f.name.size() - 4) == ".mp4") {
            file.bytes.resize(file.bytes.size() / 10);
            ++videos;
            std::printf("truncated: %s\n", f.name.c_str());
        }
        files.push_back(std::move(file));
    }
    if (!asIs && (photos < 2 || thumbs < 1)) {
        std::fprintf(stderr, "make_bad_bundle: the demo bundle has too few photos\n");
        return 1;
    }
    zj::crypto::PublicKey pub;
    zj::crypto::SecretKey secret;
    zj::crypto::generateKeyPair(pub, secret);
    fs::remove_all(out);
    fs::create_directories(out / "keys");
    if (!zj::crypto::writeKeyFiles(out / "keys", pub, secret, err)) {
        std::fprintf(stderr, "make_bad_bundle: %s\n", err.c_str());
        return 1;
    }
    zj::BundleWriteOptions options;
    options.version = manifest.version;
    options.created = manifest.created;
    options.expires = manifest.expires;
    if (!zj::writeBundle(files, secret, options, out / "bundle", err)) {
        std::fprintf(stderr, "make_bad_bundle: %s\n", err.c_str());
        return 1;
    }
    std::printf("bad bundle: %s (%zu files, %d video truncated), key %s\n",
                (out / "bundle").c_str(), files.size(), videos,
                (out / "keys/publisher.pub").c_str());
    return 0;
}

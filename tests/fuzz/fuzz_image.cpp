// The photo checks of zjmap-pack (media.cpp: signature, PNG IHDR size, stbi_info limits, decode,
// resize): any bytes give a diagnostic or a processed photo, never a crash.
#include "fuzz_util.hpp"
#include "pack/sources.hpp"

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const auto& root = zj::fuzz::tempRoot();
    zj::fuzz::writeBytes(root / "media/photos/p.jpg", data, size);
    zj::pack::Sources sources;
    sources.root = root;
    zj::Photo photo;
    photo.id = "p";
    photo.file = "media/photos/p.jpg";
    photo.thumb = "media/thumbs/p.jpg";
    sources.content.photos.push_back(photo);
    sources.photoFiles.push_back({"media/photos/p.jpg", {"photos.toml", 1, "photo[p].file"}});
    zj::pack::Diagnostics diag;
    std::vector<zj::BundleInputFile> files;
    std::string subtitles;
    zj::pack::processMedia(sources, diag, files, subtitles);
    return 0;
}

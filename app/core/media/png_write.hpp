// RGBA pixels -> a PNG file, fast: libpng at zlib level 1 with the Up filter writes a 1920x1080
// screenshot in ~35 ms here, where stb_image_write took ~195 ms (it tries five filters per row
// and compresses with its own deflate). Screenshots are written on the hot path of every
// scenario test and of the one-shot `shot` start-up.
#pragma once
#include <cstdint>
#include <filesystem>
#include <string>

namespace zj {

enum class RowOrder { TopDown, BottomUp }; // BottomUp: GL's glReadPixels rows

// Writes `width` x `height` RGBA8 pixels (`width * 4` bytes a row) to `path` through a
// temporary file and a rename, so a reader never sees half a PNG. False with `err` naming the
// path and the cause (cannot create, disk full, libpng error).
bool writePngRgba(const std::filesystem::path& path, int width, int height, const uint8_t* rgba,
                  RowOrder order, std::string& err);

} // namespace zj

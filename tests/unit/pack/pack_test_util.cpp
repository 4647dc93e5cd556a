// Helpers for the pack tests (see pack_test_util.hpp).
#include "pack_test_util.hpp"

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"
#define STB_IMAGE_WRITE_STATIC
#define STB_IMAGE_WRITE_IMPLEMENTATION
#include <stb_image_write.h>
#pragma GCC diagnostic pop

#include <sys/wait.h>

#include <fstream>
#include <sstream>
#include <stdexcept>
#include <vector>

namespace zj::test {

namespace fs = std::filesystem;

fs::path freshDir(const std::string& name) {
    fs::path dir = fs::path(ZJ_BINARY_DIR) / "test-tmp" / "pack" / name;
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

std::string readText(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

void writeText(const fs::path& file, const std::string& text) {
    fs::create_directories(file.parent_path());
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out << text;
    if (!out) throw std::runtime_error("cannot write " + file.string());
}

int lineOf(const std::string& text, const std::string& needle) {
    size_t at = text.find(needle);
    if (at == std::string::npos) return 0;
    int line = 1;
    for (size_t i = 0; i < at; ++i) line += text[i] == '\n';
    return line;
}

void makeKeys(const fs::path& dir) {
    crypto::PublicKey pub;
    crypto::SecretKey secret;
    crypto::generateKeyPair(pub, secret);
    std::string err;
    if (!crypto::writeKeyFiles(dir, pub, secret, err)) throw std::runtime_error(err);
}

// A smooth gradient with a stripe: something a JPEG encoder has to work on.
static std::vector<unsigned char> gradient(int w, int h) {
    std::vector<unsigned char> px(size_t(w) * size_t(h) * 3);
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            unsigned char* p = &px[(size_t(y) * size_t(w) + size_t(x)) * 3];
            p[0] = (unsigned char)(x * 255 / w);
            p[1] = (unsigned char)(y * 255 / h);
            p[2] = (x / 16) % 2 ? 200 : 60;
        }
    return px;
}

void writeFixture(const fs::path& dir) {
    writeText(dir / "site.toml", R"x(# fixture site
[site]
title     = { zh = "镇江产业招商地图", en = "Zhenjiang Industrial Investment Map" }
subtitle  = { zh = "测试", en = "Test" }
intro     = { zh = "简介", en = "Intro" }
publisher = { zh = "镇江市商务局", en = "Zhenjiang Municipal Bureau of Commerce" }
created   = 2026-11-27T00:00:00Z
valid_days = 365

[attract]
caption = { zh = "触摸屏幕开始浏览", en = "Touch to explore" }
photos  = ["p1", "p2"]

[[key_figure]]
id     = "gdp"
value  = 52.3
unit   = "%"
year   = 2019
label  = { zh = "地区生产总值占比", en = "of the city's GDP" }
)x");
    writeText(dir / "modules.toml", R"x([[module]]
id       = "city"
title    = { zh = "走进镇江", en = "Discover Zhenjiang" }
subtitle = { zh = "城市", en = "The city" }
photo    = "p1"

[[module]]
id       = "map"
title    = { zh = "空间分布", en = "Spatial Distribution" }
subtitle = { zh = "地图", en = "The map" }
photo    = "p2"

[[module]]
id       = "industry"
title    = { zh = "产业配套", en = "Industry Support" }
subtitle = { zh = "产业链", en = "Chains" }
photo    = "p1"

[[module]]
id       = "invest"
title    = { zh = "投资推介", en = "Investment Promotion" }
subtitle = { zh = "项目", en = "Projects" }
photo    = "p2"
)x");
    writeText(dir / "districts.toml", R"x([[district]]
id   = "321102"
name = { zh = "京口区", en = "Jingkou District" }

[[district]]
id   = "321111"
name = { zh = "润州区", en = "Runzhou District" }
)x");
    writeText(dir / "parks.toml", R"x([[park]]
id          = "zj-etdz"
name        = { zh = "镇江经济技术开发区", en = "Zhenjiang ETDZ (full)" }
short       = { zh = "镇江经开区", en = "Zhenjiang ETDZ" }
level       = "national"
kind        = { zh = "国家级经济技术开发区", en = "National ETDZ" }
district    = "321102"
location    = [119.45, 32.15]
approximate = true
intro       = { zh = "介绍", en = "Intro" }
industries  = ["aviation"]
photos      = ["p1"]
url         = "https://example.org/parks/zj-etdz"
sample      = false

[[park.ranking]]
text   = { zh = "全国219家国家级经开区中排名第24位", en = "24th of 219 national ETDZs" }
rank   = 24
of     = 219
year   = 2019

[[park.honour]]
text   = { zh = "国家知识产权试点园区", en = "National IP pilot park" }

[[park.figure]]
label  = { zh = "规划面积", en = "Planned area" }
value  = 120.0
unit   = { zh = "平方公里", en = "km²" }
sample = true

[[park]]
id          = "hitech"
name        = { zh = "镇江高新技术产业开发区", en = "Zhenjiang High-tech Zone" }
short       = { zh = "镇江高新区", en = "Zhenjiang HTZ" }
level       = "provincial"
kind        = { zh = "国家级高新区", en = "National high-tech zone" }
district    = "321111"
location    = [119.35, 32.15]
intro       = { zh = "介绍", en = "Intro" }
)x");
    writeText(dir / "industries.toml", R"x([[industry]]
id      = "aviation"
name    = { zh = "航空航天", en = "Aerospace" }
color   = "#3F51B5"
summary = { zh = "概述", en = "Summary" }
sample  = true

[[industry.node]]
id          = "aviation-materials"
stage       = "upstream"
name        = { zh = "航空新材料", en = "Aviation materials" }
parks       = ["zj-etdz"]
enterprises = [{ zh = "示例企业甲", en = "Sample Enterprise A" }]
sample      = true
)x");
    writeText(dir / "projects.toml", R"x([[project]]
id         = "p-aviation-parts"
name       = { zh = "航空部件", en = "Aviation parts" }
summary    = { zh = "概述", en = "Summary" }
industry   = "aviation"
park       = "zj-etdz"
investment = 15.0
contact    = "c-bureau"
sample     = true

[[figure]]
id    = "projects-in-zones"
value = 116
unit  = { zh = "个", en = "projects" }
label = { zh = "开发区内重点项目", en = "key projects in the zones" }
year  = 2020
)x");
    writeText(dir / "policies.toml", R"x([[policy]]
id     = "regional-assessment"
title  = { zh = "区域评估", en = "Regional assessment" }
body   = { zh = "正文", en = "Body" }
)x");
    writeText(dir / "events.toml", R"x([[event]]
id     = "shenzhen-2019"
date   = "2019"
title  = { zh = "深圳推介会", en = "Shenzhen fair" }
body   = { zh = "正文", en = "Body" }
)x");
    writeText(dir / "contacts.toml", R"x([[contact]]
id     = "c-bureau"
name   = { zh = "招商服务热线", en = "Investment service desk" }
org    = { zh = "镇江市商务局", en = "Zhenjiang Municipal Bureau of Commerce" }
phone  = "+86 511 0000 0000"
sample = true
)x");
    writeText(dir / "photos.toml", R"x([[photo]]
id      = "p1"
file    = "media/photos/p1.png"
caption = { zh = "图一", en = "Photo one" }
park    = "zj-etdz"
sample  = true

[[photo]]
id      = "p2"
file    = "media/photos/p2.jpg"
caption = { zh = "图二", en = "Photo two" }
sample  = true
)x");
    writeText(dir / "tours.toml", R"x([[tour]]
id    = "overview"
title = { zh = "概览", en = "Overview" }

[[tour.stop]]
screen    = "map"
selection = "zj-etdz"
note      = { zh = "说明", en = "Note" }
)x");
    writeText(dir / "attributions.toml", R"x([[attribution]]
what    = { zh = "区县边界", en = "District boundaries" }
source  = "test fixture"
)x");
    // Two adjacent squares (lon/lat) with the schema's properties.
    writeText(dir / "geo/zhenjiang-districts.geojson",
              R"x({"type": "FeatureCollection", "features": [
{"type": "Feature", "id": "321102", "properties": {"name": "京口区", "center": [119.45, 32.15]},
 "geometry": {"type": "Polygon", "coordinates": [[[119.4, 32.1], [119.5, 32.1], [119.5, 32.2], [119.4, 32.2], [119.4, 32.1]]]}},
{"type": "Feature", "id": "321111", "properties": {"name": "润州区", "center": [119.35, 32.15]},
 "geometry": {"type": "MultiPolygon", "coordinates": [[[[119.3, 32.1], [119.4, 32.1], [119.4, 32.2], [119.3, 32.2], [119.3, 32.1]]]]}}
]}
)x");
    fs::create_directories(dir / "media/photos");
    auto px = gradient(640, 400);
    stbi_write_png((dir / "media/photos/p1.png").c_str(), 640, 400, 3, px.data(), 640 * 3);
    auto big = gradient(3000, 2000); // larger than the display size: must be scaled down
    stbi_write_jpg((dir / "media/photos/p2.jpg").c_str(), 3000, 2000, 3, big.data(), 90);
}

RunResult runBuild(const fs::path& src, const fs::path& key, const fs::path& out) {
    fs::path log = out.parent_path() / (out.filename().string() + ".log");
    std::string cmd = std::string("'") + ZJ_PACK_EXE + "' build '" + src.string() + "' --key '" +
                      key.string() + "' --out '" + out.string() + "' > '" + log.string() +
                      ".out' 2> '" + log.string() + ".err'";
    int status = std::system(cmd.c_str());
    RunResult r;
    r.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.out = readText(log.string() + ".out");
    r.err = readText(log.string() + ".err");
    return r;
}

} // namespace zj::test

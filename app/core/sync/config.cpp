// kiosk.toml: a table of known keys per owned section; everything else in those sections is an
// error, other top-level tables are left to their owners. The only file including toml++ in core.
// [SECTION] Field handlers
// [SECTION] The field table
// [SECTION] Parsing
// [SECTION] Salvage of a broken file
#include "core/sync/config.hpp"
#include "core/bundle/data_dir.hpp"
#include "core/bundle/file_util.hpp"
#include "core/bundle/manifest.hpp"
#include "core/bundle/root_list.hpp"

#include <toml++/toml.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <fstream>
#include <functional>
#include <sstream>
#include <sys/stat.h>

namespace zj {

namespace fs = std::filesystem;

//-----------------------------------------------------------------------------
// [SECTION] Field handlers
//-----------------------------------------------------------------------------

namespace {

struct ParseContext {
    fs::path baseDir;          // for relative paths in the file
    bool sawPublicKey = false; // public_key and public_key_file are exclusive
    bool sawRootKey = false;   // root_key and root_key_file too
    std::string fileName;
    std::string heartbeatUrlAt; // "file:line" of [heartbeat] url, judged after allow_http
};

// Each handler reads one value; on failure it fills `why` ("expected ...").
using Handler = std::function<bool(const toml::node&, KioskConfig&, ParseContext&, std::string&)>;

Handler integer(int64_t min, int64_t max, int64_t KioskConfig::*field) {
    return [=](const toml::node& n, KioskConfig& c, ParseContext&, std::string& why) {
        std::optional<int64_t> v = n.value_exact<int64_t>();
        if (!v || *v < min || *v > max) {
            why = "expected an integer " + std::to_string(min) + " .. " + std::to_string(max);
            return false;
        }
        c.*field = *v;
        return true;
    };
}

Handler limit(int64_t min, int64_t max, int64_t SyncLimits::*field) {
    return [=](const toml::node& n, KioskConfig& c, ParseContext&, std::string& why) {
        std::optional<int64_t> v = n.value_exact<int64_t>();
        if (!v || *v < min || *v > max) {
            why = "expected an integer " + std::to_string(min) + " .. " + std::to_string(max);
            return false;
        }
        c.limits.*field = *v;
        return true;
    };
}

Handler byteLimit(uint64_t SyncLimits::*field) {
    return [=](const toml::node& n, KioskConfig& c, ParseContext&, std::string& why) {
        std::optional<int64_t> v = n.value_exact<int64_t>();
        if (!v || *v < 0) {
            why = "expected a byte count >= 0";
            return false;
        }
        c.limits.*field = uint64_t(*v);
        return true;
    };
}

bool isSupportedSource(const std::string& s) {
    return s.rfind("http://", 0) == 0 || s.rfind("https://", 0) == 0 ||
           s.rfind("file://", 0) == 0 || s.rfind("/", 0) == 0;
}

bool readSources(const toml::node& n, KioskConfig& c, ParseContext&, std::string& why) {
    const toml::array* arr = n.as_array();
    if (!arr) {
        why = "expected an array of URLs";
        return false;
    }
    std::vector<std::string> sources;
    for (size_t i = 0; i < arr->size(); ++i) {
        std::optional<std::string> s = arr->get(i)->value_exact<std::string>();
        if (!s || !isSupportedSource(*s)) {
            why = "item " + std::to_string(i + 1) +
                  ": expected an http://, https://, file:// URL or an absolute directory";
            return false;
        }
        sources.push_back(*s);
    }
    c.sources = std::move(sources);
    return true;
}

bool readPublicKeyHexField(const toml::node& n, KioskConfig& c, ParseContext& ctx,
                           std::string& why) {
    std::optional<std::string> s = n.value_exact<std::string>();
    crypto::PublicKey key;
    if (!s || !parsePublicKeyHex(*s, key)) {
        why = "expected 64 hex digits (an Ed25519 public key)";
        return false;
    }
    if (ctx.sawPublicKey) {
        why = "give either public_key or public_key_file, not both";
        return false;
    }
    ctx.sawPublicKey = true;
    c.publicKey = key;
    return true;
}

bool readPublicKeyFileField(const toml::node& n, KioskConfig& c, ParseContext& ctx,
                            std::string& why) {
    std::optional<std::string> s = n.value_exact<std::string>();
    if (!s || s->empty()) {
        why = "expected a file path";
        return false;
    }
    if (ctx.sawPublicKey) {
        why = "give either public_key or public_key_file, not both";
        return false;
    }
    ctx.sawPublicKey = true;
    fs::path file = fs::path(*s).is_absolute() ? fs::path(*s) : ctx.baseDir / *s;
    crypto::PublicKey key;
    std::string err;
    if (!crypto::readPublicKey(file, key, err)) {
        why = err;
        return false;
    }
    c.publicKey = key;
    return true;
}

bool readRootKey(const toml::node& n, KioskConfig& c, ParseContext& ctx, std::string& why,
                 bool isFile) {
    std::optional<std::string> s = n.value_exact<std::string>();
    crypto::PublicKey key{};
    std::string err;
    if (!s || s->empty()) {
        why = isFile ? "expected a file path" : "expected 64 hex digits (the root public key)";
        return false;
    }
    if (ctx.sawRootKey) {
        why = "give either root_key or root_key_file, not both";
        return false;
    }
    ctx.sawRootKey = true;
    if (isFile) {
        fs::path file = fs::path(*s).is_absolute() ? fs::path(*s) : ctx.baseDir / *s;
        if (!crypto::readPublicKey(file, key, err)) {
            why = err;
            return false;
        }
    } else if (!parsePublicKeyHex(*s, key)) {
        why = "expected 64 hex digits (the root public key)";
        return false;
    }
    c.rootKey = key;
    return true;
}

bool readCaFile(const toml::node& n, KioskConfig& c, ParseContext& ctx, std::string& why) {
    std::optional<std::string> s = n.value_exact<std::string>();
    if (!s || s->empty()) {
        why = "expected the path of a PEM CA bundle";
        return false;
    }
    fs::path file = fs::path(*s).is_absolute() ? fs::path(*s) : ctx.baseDir / *s;
    std::error_code ec;
    if (!fs::is_regular_file(file, ec)) {
        why = "no such file: " + file.string();
        return false;
    }
    c.caFile = file;
    return true;
}

std::string where(const std::string& fileName, const toml::node& n);

bool readHeartbeatUrl(const toml::node& n, KioskConfig& c, ParseContext& ctx, std::string& why) {
    std::optional<std::string> s = n.value_exact<std::string>();
    if (!s || (s->rfind("http://", 0) != 0 && s->rfind("https://", 0) != 0)) {
        why = "expected an http:// or https:// URL";
        return false;
    }
    c.heartbeatUrl = *s;
    ctx.heartbeatUrlAt = where(ctx.fileName, n);
    return true;
}

bool readHeartbeatAllowHttp(const toml::node& n, KioskConfig& c, ParseContext&, std::string& why) {
    std::optional<bool> v = n.value_exact<bool>();
    if (!v) {
        why = "expected true or false";
        return false;
    }
    c.heartbeatAllowHttp = *v;
    return true;
}

bool readHeartbeatTokenFile(const toml::node& n, KioskConfig& c, ParseContext& ctx,
                            std::string& why) {
    std::optional<std::string> s = n.value_exact<std::string>();
    if (!s || s->empty()) {
        why = "expected a file path";
        return false;
    }
    fs::path file = fs::path(*s).is_absolute() ? fs::path(*s) : ctx.baseDir / *s;
    std::string text, err;
    if (!fileutil::readRegularFile(file, text, err, 8192)) {
        why = err;
        return false;
    }
    struct stat st {};
    if (::stat(file.c_str(), &st) == 0 && (st.st_mode & (S_IROTH | S_IWOTH))) {
        char mode[8];
        std::snprintf(mode, sizeof mode, "%04o", unsigned(st.st_mode & 07777));
        why = file.string() + ": readable or writable by every user (mode " + mode +
              "): chmod 0600 (or 0640 with the kiosk's group)";
        return false;
    }
    while (!text.empty() && std::isspace((unsigned char)text.back())) text.pop_back();
    bool printable =
        !text.empty() && text.size() <= 4096 &&
        std::all_of(text.begin(), text.end(), [](char ch) { return ch > 0x20 && ch < 0x7f; });
    if (!printable) {
        why =
            file.string() + ": expected one line of 1 to 4096 visible ASCII characters (the token)";
        return false;
    }
    c.heartbeatToken = text;
    return true;
}

bool readKioskId(const toml::node& n, KioskConfig& c, ParseContext&, std::string& why) {
    std::optional<std::string> s = n.value_exact<std::string>();
    if (!s || s->empty() || s->size() > 64) {
        why = "expected a name of 1 to 64 characters";
        return false;
    }
    c.kioskId = *s;
    return true;
}

bool readAllowDevelopmentKey(const toml::node& n, KioskConfig& c, ParseContext&, std::string& why) {
    std::optional<bool> v = n.value_exact<bool>();
    if (!v) {
        why = "expected true or false";
        return false;
    }
    c.allowDevelopmentKey = *v;
    return true;
}

bool readChannel(const toml::node& n, KioskConfig& c, ParseContext&, std::string& why) {
    std::optional<std::string> s = n.value_exact<std::string>();
    if (!s || !isValidChannel(*s)) {
        why = "expected a channel name of 1 to 64 of a-z 0-9 . _ -";
        return false;
    }
    c.channel = *s;
    return true;
}

bool readDataDir(const toml::node& n, KioskConfig& c, ParseContext& ctx, std::string& why) {
    std::optional<std::string> s = n.value_exact<std::string>();
    if (!s || s->empty()) {
        why = "expected a directory path";
        return false;
    }
    c.dataDir = fs::path(*s).is_absolute() ? fs::path(*s) : ctx.baseDir / *s;
    return true;
}

//-----------------------------------------------------------------------------
// [SECTION] The field table
//-----------------------------------------------------------------------------

struct Field {
    const char* table;
    const char* key;
    Handler read;
};

const std::vector<Field>& fields() {
    static const std::vector<Field> table = {
        {"sync", "sources", readSources},
        {"sync", "public_key", readPublicKeyHexField},
        {"sync", "public_key_file", readPublicKeyFileField},
        {"sync", "interval_s", integer(10, 7 * 86400, &KioskConfig::intervalS)},
        {"sync", "jitter_s", integer(0, 86400, &KioskConfig::jitterS)},
        {"sync", "max_backoff_s", integer(10, 7 * 86400, &KioskConfig::maxBackoffS)},
        {"sync", "ca_file", readCaFile},
        {"sync", "allow_development_key", readAllowDevelopmentKey},
        {"sync", "channel", readChannel},
        {"sync", "root_key",
         [](const toml::node& n, KioskConfig& c, ParseContext& ctx, std::string& why) {
             return readRootKey(n, c, ctx, why, false);
         }},
        {"sync", "root_key_file",
         [](const toml::node& n, KioskConfig& c, ParseContext& ctx, std::string& why) {
             return readRootKey(n, c, ctx, why, true);
         }},
        {"heartbeat", "url", readHeartbeatUrl},
        {"heartbeat", "kiosk_id", readKioskId},
        {"heartbeat", "timeout_s", integer(1, 300, &KioskConfig::heartbeatTimeoutS)},
        {"heartbeat", "allow_http", readHeartbeatAllowHttp},
        {"heartbeat", "token_file", readHeartbeatTokenFile},
        {"store", "data_dir", readDataDir},
        {"limits", "connect_timeout_s", limit(1, 3600, &SyncLimits::connectTimeoutS)},
        {"limits", "low_speed_bytes_per_s",
         limit(1, int64_t(1) << 40, &SyncLimits::lowSpeedBytesPerS)},
        {"limits", "low_speed_time_s", limit(1, 3600, &SyncLimits::lowSpeedTimeS)},
        {"limits", "total_timeout_s", limit(1, 7 * 86400, &SyncLimits::totalTimeoutS)},
        {"limits", "max_bundle_bytes", byteLimit(&SyncLimits::maxBundleBytes)},
        {"limits", "min_free_bytes", byteLimit(&SyncLimits::minFreeBytes)},
    };
    return table;
}

bool ownsTable(std::string_view name) {
    for (const Field& f : fields())
        if (name == f.table) return true;
    return false;
}

const Field* findField(std::string_view table, std::string_view key) {
    for (const Field& f : fields())
        if (table == f.table && key == f.key) return &f;
    return nullptr;
}

std::string where(const std::string& fileName, const toml::node& n) {
    const toml::source_region& src = n.source();
    return fileName + ":" + std::to_string(src.begin.line);
}

} // namespace

//-----------------------------------------------------------------------------
// [SECTION] Parsing
//-----------------------------------------------------------------------------

bool parsePublicKeyHex(std::string_view hex, crypto::PublicKey& out) {
    while (!hex.empty() && (hex.back() == '\n' || hex.back() == '\r' || hex.back() == ' '))
        hex.remove_suffix(1);
    return hex.size() == out.size() * 2 && crypto::fromHex(hex, out.data(), out.size());
}

bool parseKioskConfig(std::string_view text, const std::string& fileName, KioskConfig& out,
                      std::string& err) {
    toml::table root;
    try {
        root = toml::parse(text, fileName);
    } catch (const toml::parse_error& e) {
        err = fileName + ":" + std::to_string(e.source().begin.line) + ": " +
              std::string(e.description());
        return false;
    }
    KioskConfig config = out;
    ParseContext ctx;
    ctx.fileName = fileName;
    ctx.baseDir = fs::path(fileName).parent_path();
    if (ctx.baseDir.empty()) ctx.baseDir = ".";
    for (const auto& [tableKey, tableNode] : root) {
        std::string tableName(tableKey.str());
        if (!ownsTable(tableName)) continue; // [display], [staff], ...: not ours to judge
        const toml::table* table = tableNode.as_table();
        if (!table) {
            err = where(fileName, tableNode) + ": " + tableName + ": expected a table";
            return false;
        }
        for (const auto& [key, value] : *table) {
            std::string keyName(key.str());
            const Field* field = findField(tableName, keyName);
            if (!field) {
                err = where(fileName, value) + ": [" + tableName + "] " + keyName + ": unknown key";
                return false;
            }
            std::string why;
            if (!field->read(value, config, ctx, why)) {
                err = where(fileName, value) + ": [" + tableName + "] " + keyName + ": " + why;
                return false;
            }
        }
    }
    if (config.heartbeatUrl.rfind("http://", 0) == 0 && !config.heartbeatAllowHttp) {
        err = ctx.heartbeatUrlAt +
              ": [heartbeat] url: plain http sends the kiosk's status unencrypted: use https:// "
              "or set [heartbeat] allow_http = true";
        return false;
    }
    config.loadedFrom = fileName;
    out = std::move(config);
    return true;
}

// content/keys/dev-publisher.pub (a unit test keeps the two equal).
static constexpr const char* kDevelopmentKeyHex =
    "477215ee0172c25e52cb1325c09a51de9c837338a76264b953d26f82b3cfb733";

const crypto::PublicKey& developmentPublicKey() {
    static const crypto::PublicKey key = [] {
        crypto::PublicKey k{};
        parsePublicKeyHex(kDevelopmentKeyHex, k);
        return k;
    }();
    return key;
}

bool isDevelopmentKey(const crypto::PublicKey& key) {
    return key == developmentPublicKey();
}

SyncOff syncOffCause(const KioskConfig& c) {
    // The key first: the shipped config has neither sources nor a key, and the key is the step
    // a deployment must not skip (sources alone would still leave sync off).
    if (!c.publicKey && !c.rootKey) return SyncOff::NoKey;
    const crypto::PublicKey& key = c.rootKey ? *c.rootKey : *c.publicKey;
    if (isDevelopmentKey(key) && !c.allowDevelopmentKey) return SyncOff::DevelopmentKey;
    if (c.sources.empty()) return SyncOff::NoSources;
    return SyncOff::None;
}

std::string syncOffMessage(SyncOff cause) {
    switch (cause) {
        case SyncOff::None:
            return "";
        case SyncOff::NoSources:
            return "sync is off: no source configured ([sync] sources)";
        case SyncOff::NoKey:
            return "sync is off: no publisher key set ([sync] public_key or public_key_file; "
                   "the package ships none)";
        case SyncOff::DevelopmentKey:
            return "sync is off: the publisher key is the development key "
                   "(content/keys/dev-publisher.pub, whose secret is public); set the "
                   "publisher's own key, or [sync] allow_development_key = true for development";
    }
    return "";
}

bool applyConfigFlags(const ConfigFlags& flags, KioskConfig& config, std::string& err) {
    if (!flags.dataDir.empty()) config.dataDir = flags.dataDir;
    if (!flags.sources.empty()) config.sources = flags.sources;
    if (!flags.publicKeyFile.empty()) {
        crypto::PublicKey key;
        if (!crypto::readPublicKey(flags.publicKeyFile, key, err)) {
            err = "--public-key: " + err;
            return false;
        }
        config.publicKey = key;
    }
    if (flags.allowDevelopmentKey) config.allowDevelopmentKey = true;
    return true;
}

bool loadKioskConfig(const fs::path& file, KioskConfig& out, std::string& err) {
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        err = file.string() + ": cannot read the config file";
        return false;
    }
    std::ostringstream text;
    text << in.rdbuf();
    return parseKioskConfig(text.str(), file.string(), out, err);
}

} // namespace zj

//-----------------------------------------------------------------------------
// [SECTION] Salvage of a broken file
//-----------------------------------------------------------------------------

namespace zj {

namespace {

std::string trimmed(std::string_view s) {
    size_t a = s.find_first_not_of(" \t\r"), b = s.find_last_not_of(" \t\r");
    return a == std::string_view::npos ? std::string() : std::string(s.substr(a, b - a + 1));
}

// `key = "value"` (an optional # comment after it); false for anything else.
bool quotedAssignment(const std::string& line, std::string& key, std::string& value) {
    size_t eq = line.find('=');
    if (eq == std::string::npos) return false;
    key = trimmed(std::string_view(line).substr(0, eq));
    std::string rest = trimmed(std::string_view(line).substr(eq + 1));
    if (rest.size() < 2 || rest[0] != '"') return false;
    size_t close = rest.find('"', 1);
    if (close == std::string::npos || rest.find('\\') < close) return false; // no escapes
    std::string after = trimmed(std::string_view(rest).substr(close + 1));
    if (!after.empty() && after[0] != '#') return false;
    value = rest.substr(1, close - 1);
    return true;
}

} // namespace

ConfigSalvage salvageKioskConfig(const fs::path& file) {
    ConfigSalvage out;
    std::ifstream in(file);
    std::string line, table, key, value;
    while (std::getline(in, line)) {
        std::string t = trimmed(line);
        if (!t.empty() && t[0] == '[') {
            table = t;
            continue;
        }
        if (!quotedAssignment(t, key, value)) continue;
        if (table == "[sync]" && key == "public_key") {
            crypto::PublicKey k;
            if (parsePublicKeyHex(value, k)) out.publicKey = k;
        } else if (table == "[sync]" && key == "public_key_file") {
            crypto::PublicKey k;
            std::string err;
            fs::path keyFile =
                fs::path(value).is_absolute() ? fs::path(value) : file.parent_path() / value;
            if (crypto::readPublicKey(keyFile, k, err)) out.publicKey = k;
        } else if (table == "[store]" && key == "data_dir" && !value.empty()) {
            out.dataDir = value;
        }
    }
    return out;
}

static fs::path publisherKeyFile(const fs::path& dataDir) {
    return DataDir(dataDir).publisherKey();
}

std::optional<crypto::PublicKey> recordedPublisherKey(const fs::path& dataDir) {
    std::ifstream in(publisherKeyFile(dataDir));
    std::string hex;
    crypto::PublicKey key;
    if (!(in >> hex) || !parsePublicKeyHex(hex, key)) return std::nullopt;
    return key;
}

std::optional<crypto::PublicKey> displayKeyFor(const KioskConfig& c) {
    if (!c.rootKey) return c.publicKey;
    std::string err;
    std::optional<RootList> kept = loadKeptRootList(c.dataDir, *c.rootKey, err);
    std::optional<crypto::PublicKey> installed = recordedPublisherKey(c.dataDir);
    if (kept && installed && kept->trusts(*installed)) return installed;
    return c.publicKey;
}

bool recordPublisherKey(const fs::path& dataDir, const crypto::PublicKey& key, std::string& err) {
    if (recordedPublisherKey(dataDir) == key) return true;
    return fileutil::writeFileAtomic(publisherKeyFile(dataDir),
                                     crypto::toHex(key.data(), key.size()) + "\n", err);
}

} // namespace zj

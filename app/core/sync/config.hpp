// The kiosk's configuration file (/etc/zjmap-kiosk/kiosk.toml, or --config FILE):
//   [sync]   sources, public_key | public_key_file, interval_s, jitter_s, max_backoff_s,
//            ca_file, allow_development_key, channel, root_key | root_key_file
//   [heartbeat] url, kiosk_id, timeout_s, allow_http, token_file
//   [store]  data_dir
//   [limits] connect_timeout_s, low_speed_bytes_per_s, low_speed_time_s, total_timeout_s,
//            max_bundle_bytes, min_free_bytes
// Only these tables are validated here (unknown keys in them are errors, naming file, line
// and key); other top-level tables ([display], [staff], ...) belong to other parts of the app and
// are ignored. packaging/kiosk.toml is the documented default.
#pragma once
#include "core/bundle/crypto.hpp"
#include "core/bundle/data_dir.hpp"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace zj {

inline constexpr const char* kDefaultConfigFile = "/etc/zjmap-kiosk/kiosk.toml";

struct SyncLimits {
    int64_t connectTimeoutS = 15;                // TCP + TLS handshake
    int64_t lowSpeedBytesPerS = 1024;            // abort a transfer slower than this ...
    int64_t lowSpeedTimeS = 30;                  // ... for this long (stalls, 1 byte/s)
    int64_t totalTimeoutS = 1800;                // deadline of one whole sync cycle
    uint64_t maxBundleBytes = uint64_t(2) << 30; // refuse manifests declaring more than this
    uint64_t minFreeBytes = uint64_t(256) << 20; // keep this much free after the download
};

struct KioskConfig {
    std::vector<std::string> sources; // http(s)://, file:// or a directory; tried in order
    std::optional<crypto::PublicKey> publicKey; // publisher key; none = sync cannot run
    // [sync] root_key / root_key_file (root_list.hpp): publisher keys come from the source's
    // root.json signed by this key; publicKey then may be absent (it is one more trusted key
    // only for what is shown before the first root list arrives: not for sync).
    std::optional<crypto::PublicKey> rootKey;
    int64_t intervalS = 900;        // between successful cycles
    int64_t jitterS = 120;          // random 0..jitter added to every wait
    int64_t maxBackoffS = 4 * 3600; // cap of the doubling wait after failures
    // The bundle store (data_dir.hpp has its layout).
    std::filesystem::path dataDir = kDefaultDataDir;
    SyncLimits limits;
    std::filesystem::path caFile;   // [sync] ca_file: CA bundle for https ("" = the system's)
    std::string heartbeatUrl;       // [heartbeat] url: JSON status POST after each sync ("" = off)
    std::string kioskId;            // [heartbeat] kiosk_id ("" = the host name)
    int64_t heartbeatTimeoutS = 10; // [heartbeat] timeout_s
    // [heartbeat] allow_http: plain http sends the status (and a token) unencrypted, so an
    // http:// url is a config error unless this is set.
    bool heartbeatAllowHttp = false;
    // [heartbeat] token_file: "Authorization: Bearer <its one line>"; the file must not be
    // readable by every user. The token itself, read when the config is loaded ("" = none).
    std::string heartbeatToken;
    std::string loadedFrom;           // the file read ("" = built-in defaults)
    bool allowDevelopmentKey = false; // [sync] allow_development_key: development only
    std::string channel;              // [sync] channel: install only bundles signed for it
};

// The development publisher key (content/keys/dev-publisher.pub): its secret is committed, so
// it proves nothing; sync refuses it unless allowDevelopmentKey (SyncOptions, KioskConfig).
const crypto::PublicKey& developmentPublicKey();
bool isDevelopmentKey(const crypto::PublicKey& key);

// Why background sync cannot run with `config`, or None. Checked in this order: NoKey,
// DevelopmentKey (without allowDevelopmentKey), NoSources.
enum class SyncOff { None, NoSources, NoKey, DevelopmentKey };
SyncOff syncOffCause(const KioskConfig& config);
std::string syncOffMessage(SyncOff cause); // one line for the journal ("" for None)

// Command-line flags over a loaded config: they win for everything that uses the config, the
// screen's key and the background sync's alike.
struct ConfigFlags {
    std::string dataDir;              // --data
    std::vector<std::string> sources; // --source (repeatable)
    std::string publicKeyFile;        // --public-key FILE
    bool allowDevelopmentKey = false; // --allow-development-key
};
bool applyConfigFlags(const ConfigFlags& flags, KioskConfig& config, std::string& err);

// Parses `text` (named `fileName` in errors) over the defaults already in `out`. Relative
// public_key_file paths are resolved against the file's directory.
bool parseKioskConfig(std::string_view text, const std::string& fileName, KioskConfig& out,
                      std::string& err);

// Reads and parses a config file. `err` names the file (and line and key when it is a content
// error).
bool loadKioskConfig(const std::filesystem::path& file, KioskConfig& out, std::string& err);

// Reads a public key given as hex text or as a key file (one line of hex), for flags.
bool parsePublicKeyHex(std::string_view hex, crypto::PublicKey& out);

// What can still be read from a kiosk.toml that does not parse, so that one typo does not
// replace the bureau's content with the demo: [sync] public_key / public_key_file and [store]
// data_dir, each from its own line when that line reads as the parser would read it. Sync stays
// off (the file is not trusted for anything else).
struct ConfigSalvage {
    std::optional<crypto::PublicKey> publicKey;
    std::optional<std::filesystem::path> dataDir;
};
ConfigSalvage salvageKioskConfig(const std::filesystem::path& file);

// The key to verify what is shown with: publicKey, else (root mode) the key the store was last
// installed with when the kept root list (verified with rootKey) still trusts it.
std::optional<crypto::PublicKey> displayKeyFor(const KioskConfig& config);

// The key the store's content was last installed with (state/publisher-key, written by sync):
// the display's last resort when the config cannot say.
std::optional<crypto::PublicKey> recordedPublisherKey(const std::filesystem::path& dataDir);
bool recordPublisherKey(const std::filesystem::path& dataDir, const crypto::PublicKey& key,
                        std::string& err);

} // namespace zj

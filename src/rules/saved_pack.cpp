// Saved rule packs: a RulePack to JSON and back (Boost.JSON converting the Boost.Describe
// descriptions below), one file per pack in the cache directory, checked before it is used.
#include "rules/saved_pack.hpp"

#include <algorithm>
#include <boost/describe.hpp>
#include <boost/json.hpp>
#include <boost/pfr/core.hpp>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <sstream>
#include <sys/stat.h>
#include <unistd.h>

namespace factlint {

// What a saved pack holds: every member of every struct in a RulePack, by name. The
// static_asserts below count each struct's members (Boost.PFR) against its description, so a
// member added to a struct and not here stops the build instead of being lost on the way
// through the cache; tests/unit/saved_pack_test.cpp compares packs read back with operator==.
BOOST_DESCRIBE_ENUM(Qualifier, exact, about, at_least, more_than, at_most, less_than, range, vague)
BOOST_DESCRIBE_ENUM(Level, info, warning, error)
BOOST_DESCRIBE_STRUCT(Date, (), (year, month, day))
BOOST_DESCRIBE_STRUCT(EntityEntry, (), (id, name, preferred, aliases, kind, belongs_to))
BOOST_DESCRIBE_STRUCT(MetricEntry, (), (id, nouns, verbs, unit))
BOOST_DESCRIBE_STRUCT(Lexicon, (), (entities, metrics))
BOOST_DESCRIBE_STRUCT(SourceLocation, (), (file, line, column))
BOOST_DESCRIBE_STRUCT(Provenance, (), (file, line, quote))
BOOST_DESCRIBE_STRUCT(Fact, (),
                      (entity, metric, value, low, high, qualifier, as_of, source, via,
                       citation_title, url, note, verified, provenance, conflict, reviewed,
                       location))
BOOST_DESCRIBE_STRUCT(RuleSetting, (), (enabled, level, message, numbers))
BOOST_DESCRIBE_STRUCT(RulePack, (), (lexicon, facts, relations, rules, member_of, files))

template <class T>
constexpr bool describes_every_member =
    boost::pfr::tuple_size_v<T> ==
    boost::mp11::mp_size<boost::describe::describe_members<T, boost::describe::mod_public>>::value;
static_assert(describes_every_member<Date> && describes_every_member<EntityEntry> &&
              describes_every_member<MetricEntry> && describes_every_member<Lexicon> &&
              describes_every_member<SourceLocation> && describes_every_member<Provenance> &&
              describes_every_member<Fact> && describes_every_member<RuleSetting> &&
              describes_every_member<RulePack>);
static_assert(boost::pfr::tuple_size_v<Relation> == 4, "a saved relation is its text: add the "
                                                       "new member to the relation grammar");

// A relation is saved as written and read back through the relation grammar.
void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const Relation& relation) {
    out = relation.text;
}

Relation tag_invoke(boost::json::value_to_tag<Relation>, const boost::json::value& in) {
    auto parsed = parse_relation(in.as_string());
    if (Relation* relation = std::get_if<Relation>(&parsed))
        return std::move(*relation);
    throw std::runtime_error("a saved relation does not parse");
}

namespace {

namespace fs = std::filesystem;
namespace json = boost::json;

/// Bumped when the layout of a saved pack changes in a way its member names do not show.
constexpr int format_version = 2;

std::optional<std::string> read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return std::nullopt;
    std::ostringstream buffer;
    buffer << in.rdbuf();
    if (in.bad())
        return std::nullopt;
    return std::move(buffer).str();
}

/// FNV-1a, 64 bits, as hex: enough to tell an edited pack file from the one that was saved.
std::string content_hash(std::string_view bytes) {
    std::uint64_t hash = 14695981039346656037ull;
    for (unsigned char c : bytes)
        hash = (hash ^ c) * 1099511628211ull;
    return fmt::format("{:016x}", hash);
}

/// The running binary, its size and modification time: a rebuilt factlint may read packs
/// differently, so it does not trust packs an older build saved.
std::string binary_identity() {
    std::error_code error;
    fs::path exe = fs::read_symlink("/proc/self/exe", error);
    struct stat info {};
    if (error || ::stat(exe.c_str(), &info) != 0)
        return {};
    return fmt::format("{} {} {}.{:09}", exe.string(), info.st_size, info.st_mtim.tv_sec,
                       info.st_mtim.tv_nsec);
}

std::string working_directory() {
    std::error_code error;
    std::string directory = fs::current_path(error).string();
    return error ? std::string() : directory;
}

/// One file per binary, working directory and pack path (relative pack paths, and the paths
/// the pack records, mean something else elsewhere).
fs::path entry_path(const std::string& cache_directory, const std::string& pack_path,
                    const std::string& binary, const std::string& directory) {
    std::string binary_path = binary.substr(0, binary.find(' '));
    std::string key = binary_path + '\n' + directory + '\n' + pack_path;
    return fs::path(cache_directory) / ("pack-" + content_hash(key) + ".json");
}

} // namespace

std::string pack_cache_directory() {
    if (const char* chosen = std::getenv("FACTLINT_CACHE_DIR"))
        return chosen;
    if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg == '/')
        return std::string(xdg) + "/factlint";
    if (const char* home = std::getenv("HOME"); home && *home)
        return std::string(home) + "/.cache/factlint";
    return {};
}

std::optional<RulePack> read_saved_pack(const std::string& path,
                                        const std::string& cache_directory) {
    std::string binary = binary_identity();
    std::string directory = working_directory();
    if (cache_directory.empty() || binary.empty() || directory.empty())
        return std::nullopt;
    std::optional<std::string> saved =
        read_file(entry_path(cache_directory, path, binary, directory).string());
    if (!saved)
        return std::nullopt;
    try {
        json::value entry = json::parse(*saved);
        const json::object& fields = entry.as_object();
        if (fields.at("format").to_number<int>() != format_version ||
            fields.at("binary").as_string() != binary ||
            fields.at("directory").as_string() != directory ||
            fields.at("path").as_string() != path)
            return std::nullopt;
        const json::array& files = fields.at("pack").at("files").as_array();
        const json::array& hashes = fields.at("hashes").as_array();
        if (hashes.size() != files.size())
            return std::nullopt;
        for (std::size_t i = 0; i < hashes.size(); ++i) {
            std::optional<std::string> bytes = read_file(std::string(files[i].as_string()));
            if (!bytes || hashes[i].as_string() != content_hash(*bytes))
                return std::nullopt;
        }
        return json::value_to<RulePack>(fields.at("pack"));
    } catch (const std::exception&) { // not JSON, or not a pack this build wrote
        return std::nullopt;
    }
}

bool save_pack(const std::string& path, const RulePack& pack, const std::string& cache_directory) {
    std::string binary = binary_identity();
    std::string directory = working_directory();
    if (cache_directory.empty() || binary.empty() || directory.empty())
        return false;
    json::array hashes;
    for (const std::string& file : pack.files) {
        std::optional<std::string> bytes = read_file(file);
        if (!bytes)
            return false;
        hashes.emplace_back(content_hash(*bytes));
    }
    json::object entry{{"format", format_version},    {"binary", binary},
                       {"directory", directory},      {"path", path},
                       {"hashes", std::move(hashes)}, {"pack", json::value_from(pack)}};
    std::string text = json::serialize(entry);

    // A temporary file renamed into place: a reader sees the old entry or the new one. No
    // fsync: an entry a crash cut short is not JSON, so it is not used.
    std::error_code error;
    fs::create_directories(cache_directory, error);
    fs::path target = entry_path(cache_directory, path, binary, directory);
    std::string temp = target.string() + ".XXXXXX";
    int fd = ::mkstemp(temp.data());
    if (fd < 0)
        return false;
    bool written = true;
    for (std::size_t done = 0; written && done < text.size();) {
        ssize_t n = ::write(fd, text.data() + done, text.size() - done);
        written = n > 0 || (n < 0 && errno == EINTR);
        done += n > 0 ? std::size_t(n) : 0;
    }
    written = ::close(fd) == 0 && written;
    if (!written || ::rename(temp.c_str(), target.c_str()) != 0) {
        ::unlink(temp.c_str());
        return false;
    }
    return true;
}

RulePack load_pack_saved(const std::string& path, const std::string& cache_directory) {
    if (std::optional<RulePack> saved = read_saved_pack(path, cache_directory))
        return std::move(*saved);
    auto loading = fs::file_time_type::clock::now();
    RulePack pack = load_pack(path);
    // The hashes are of the files as they are after loading. A file written while it was being
    // loaded would be saved with the new bytes' hash and the old content, and trusted until
    // its next change; so, as git does with its index, a pack with a file written in the two
    // seconds before loading (timestamps may be that coarse) or since is not saved this time.
    auto fresh = loading - std::chrono::seconds(2);
    bool settled = std::all_of(pack.files.begin(), pack.files.end(), [&](const std::string& file) {
        std::error_code error;
        fs::file_time_type written = fs::last_write_time(file, error);
        return !error && written < fresh;
    });
    if (settled)
        save_pack(path, pack, cache_directory);
    return pack;
}

} // namespace factlint

// Saved packs (rules/saved_pack.hpp): a pack read back from the cache equals the pack loaded from
// YAML, and the cache is never trusted once a pack file changes, nor used for a broken pack.
#include "rules/saved_pack.hpp"
#include "tests/test_files.hpp"

#include <catch2/catch.hpp>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <optional>
#include <utility>
#include <vector>

using namespace factlint;
namespace fs = std::filesystem;

namespace {

const std::string packs = FACTLINT_TEST_DATA_DIR "/data/packs/";

/// A copy of tests/data/packs/every-member in a scratch directory, and a cache beside it.
struct PackCopy {
    fs::path root = test::scratch_directory("saved-pack");
    fs::path pack = root / "pack" / "pack.yaml";
    fs::path facts = root / "pack" / "facts.yaml";
    std::string cache = (root / "cache").string();

    PackCopy() {
        fs::create_directories(root / "pack");
        fs::copy_file(packs + "every-member/pack.yaml", pack);
        fs::copy_file(packs + "every-member/facts.yaml", facts);
        settle(pack);
        settle(facts);
    }
    /// Dates `file` a minute back: load_pack_saved() saves no pack with a file written just now.
    static void settle(const fs::path& file) {
        fs::last_write_time(file, fs::last_write_time(file) - std::chrono::minutes(1));
    }
    ~PackCopy() { fs::remove_all(root); }
    std::size_t entries() const {
        std::error_code error;
        auto files = fs::directory_iterator(cache, error);
        return error ? 0 : std::distance(files, fs::directory_iterator());
    }
};

} // namespace

TEST_CASE("a saved pack reads back equal to the pack loaded from YAML") {
    PackCopy copy;
    RulePack loaded = load_pack(copy.pack.string());
    // The pack sets what a default-constructed member would not, so a member lost on the way
    // through the cache shows as a difference.
    REQUIRE(loaded.facts.size() == 2);
    const Fact& fact = loaded.facts.front();
    CHECK(fact.qualifier == Qualifier::about);
    CHECK(fact.via == "nis");
    CHECK_FALSE(fact.verified);
    CHECK(fact.conflict);
    CHECK(fact.provenance.line == 7);
    CHECK(fact.url == "https://example.org/nk-troops");
    CHECK(loaded.facts.back().low == 3000);
    CHECK(loaded.member_of.at("lee") == std::vector<std::string>{"lawmakers"});
    CHECK(loaded.rules.at("stale-figure").numbers.at("fix") == 1);
    CHECK(loaded.rules.at("stale-figure").level == Level::error);
    CHECK(loaded.relations.size() == 2);

    REQUIRE(save_pack(copy.pack.string(), loaded, copy.cache));
    std::optional<RulePack> saved = read_saved_pack(copy.pack.string(), copy.cache);
    REQUIRE(saved);
    CHECK(*saved == loaded);

    // The bundled pack too, and load_pack_saved gives the same pack cold and warm.
    std::string bundled = default_pack_path();
    RulePack cold = load_pack_saved(bundled, copy.cache);
    CHECK(cold == load_pack(bundled));
    CHECK(read_saved_pack(bundled, copy.cache) == cold);
    CHECK(load_pack_saved(bundled, copy.cache) == cold);
}

TEST_CASE("a saved pack is not used once one of its files changes") {
    PackCopy copy;
    RulePack before = load_pack_saved(copy.pack.string(), copy.cache);
    CHECK(copy.entries() == 1);
    REQUIRE(read_saved_pack(copy.pack.string(), copy.cache));

    SECTION("an imported file edited") {
        std::string facts = test::read_file(copy.facts);
        std::string edited = facts;
        edited.replace(edited.find("value: 600"), 10, "value: 700");
        test::write_file(copy.facts, edited);
        CHECK_FALSE(read_saved_pack(copy.pack.string(), copy.cache));
        RulePack after = load_pack_saved(copy.pack.string(), copy.cache);
        CHECK(after.facts.front().value == 700);
        // Just written: it may have changed while it was read, so it is not saved yet.
        CHECK_FALSE(read_saved_pack(copy.pack.string(), copy.cache));
        PackCopy::settle(copy.facts);
        CHECK(load_pack_saved(copy.pack.string(), copy.cache) == after);
        CHECK(copy.entries() == 1); // saved again in the same place
        CHECK(read_saved_pack(copy.pack.string(), copy.cache) == after);
    }
    SECTION("an imported file removed") {
        fs::remove(copy.facts);
        CHECK_FALSE(read_saved_pack(copy.pack.string(), copy.cache));
        CHECK_THROWS_AS(load_pack_saved(copy.pack.string(), copy.cache), ConfigError);
    }
    SECTION("the pack broken: its error is reported, every time") {
        test::write_file(copy.pack, test::read_file(copy.pack) + "bogus: 1\n");
        for (int run = 0; run < 2; ++run)
            CHECK_THROWS_WITH(load_pack_saved(copy.pack.string(), copy.cache),
                              Catch::Contains("unknown key 'bogus'"));
    }
}

TEST_CASE("a damaged or unusable cache only costs the YAML load") {
    PackCopy copy;
    RulePack expected = load_pack(copy.pack.string());
    load_pack_saved(copy.pack.string(), copy.cache);
    REQUIRE(copy.entries() == 1);
    fs::path entry = fs::directory_iterator(copy.cache)->path();

    SECTION("an entry cut short") {
        std::string text = test::read_file(entry);
        test::write_file(entry, text.substr(0, text.size() / 2));
    }
    SECTION("an entry that is JSON but not a pack") {
        test::write_file(entry, R"({"format": 1, "pack": [1, 2, 3]})");
    }
    SECTION("a member missing") {
        std::string text = test::read_file(entry);
        std::size_t at = text.find(R"("reviewed":)");
        REQUIRE(at != std::string::npos);
        test::write_file(entry, text.substr(0, at) + R"("extra":)" + text.substr(at + 11));
    }
    CHECK_FALSE(read_saved_pack(copy.pack.string(), copy.cache));
    CHECK(load_pack_saved(copy.pack.string(), copy.cache) == expected);
    CHECK(read_saved_pack(copy.pack.string(), copy.cache) == expected); // written anew

    // A cache directory that cannot be made: the pack still loads, and nothing is saved.
    std::string blocked = (copy.root / "a-file").string();
    test::write_file(blocked, "");
    CHECK_FALSE(save_pack(copy.pack.string(), expected, blocked + "/cache"));
    CHECK(load_pack_saved(copy.pack.string(), blocked + "/cache") == expected);
    CHECK(load_pack_saved(copy.pack.string(), "") == expected);
}

TEST_CASE("the cache directory comes from the environment") {
    // The variables as they were, put back at the end.
    std::vector<std::pair<const char*, std::optional<std::string>>> before;
    for (const char* name : {"FACTLINT_CACHE_DIR", "XDG_CACHE_HOME", "HOME"}) {
        const char* value = std::getenv(name);
        before.emplace_back(name, value ? std::optional<std::string>(value) : std::nullopt);
    }
    ::setenv("FACTLINT_CACHE_DIR", "/tmp/chosen", 1);
    ::setenv("XDG_CACHE_HOME", "/tmp/xdg", 1);
    ::setenv("HOME", "/home/editor", 1);
    CHECK(pack_cache_directory() == "/tmp/chosen");
    ::setenv("FACTLINT_CACHE_DIR", "", 1);
    CHECK(pack_cache_directory() == ""); // set but empty: no cache
    ::unsetenv("FACTLINT_CACHE_DIR");
    CHECK(pack_cache_directory() == "/tmp/xdg/factlint");
    ::setenv("XDG_CACHE_HOME", "relative", 1); // the XDG spec: relative paths are ignored
    CHECK(pack_cache_directory() == "/home/editor/.cache/factlint");
    ::unsetenv("HOME");
    CHECK(pack_cache_directory() == "");
    for (const auto& [name, value] : before)
        value ? ::setenv(name, value->c_str(), 1) : ::unsetenv(name);
}

#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

// What fuzz_stored_value and its seeds share: the value types the cache stores, by a kind
// byte, and the check run on bytes claiming to be one of them.
namespace nba::fuzz {

// The number of value types the cache stores (origin/cached/row_codec.h); a kind byte's low
// seven bits pick one modulo this.
inline constexpr std::uint8_t kStoredValueKinds = 11;
// Set in the kind byte: the bytes are as the store keeps them (cache::packValue's 'R' or 'Z'
// then the value), not the bare encoding.
inline constexpr std::uint8_t kPackedBit = 0x80;

// Decodes `bytes` as the kind's value type. Bytes that decode must be a whole value: its
// encoding decodes again, to a value that encodes the same (checked, aborting if not).
// True when the bytes decoded, false when they were refused.
bool checkStoredValue(std::uint8_t kind, std::string_view bytes);

// Seeds: the embedded snapshot's values, each cut to a few rows, encoded, bare and packed,
// each behind its kind byte.
std::vector<std::pair<std::string, std::string>> storedValueSeeds();

}  // namespace nba::fuzz

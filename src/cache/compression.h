#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace nba::cache {

// How a value is stored in L2: the encoded bytes as they are up to 1 KiB, zlib-compressed
// above (DESIGN §6). One leading byte says which: 'R' raw, 'Z' then the raw size (varint)
// then the zlib stream.
inline constexpr std::size_t kCompressAbove = 1024;

std::string packValue(std::string raw);
// The raw bytes; nullopt for anything packValue did not write (a corrupt row).
std::optional<std::string> unpackValue(std::string_view stored);

}  // namespace nba::cache

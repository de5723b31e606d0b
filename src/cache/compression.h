#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace nba::cache {

// How a value is stored in L2: the encoded bytes as they are up to 1 KiB, zlib-compressed
// above (DESIGN §6). One leading byte says which: 'R' raw, 'Z' then the raw size (varint)
// then the zlib stream (RFC 1950). libdeflate writes and reads it: the same format zlib's
// compress2/uncompress use, inflated about 3x faster, which is most of an L2 hit of a large
// table.
inline constexpr std::size_t kCompressAbove = 1024;

std::string packValue(std::string raw);
// The raw bytes; nullopt for anything packValue did not write (a corrupt row).
std::optional<std::string> unpackValue(std::string_view stored);
// The same bytes as a view: into `stored` when it was kept raw, else into `scratch`, inflated
// there reusing its capacity (so an L2 hit of a large table allocates no buffer, and touches
// no fresh pages, for it). Valid while both live and `scratch` is not changed.
std::optional<std::string_view> unpackValue(std::string_view stored, std::string& scratch);

}  // namespace nba::cache

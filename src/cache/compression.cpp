#include "cache/compression.h"

#include <zlib.h>

#include "cache/byte_codec.h"

namespace nba::cache {
namespace {

// A value larger than this is not one the cache wrote (the LRU's share caps values far lower).
constexpr std::uint64_t kMaxRawSize = std::uint64_t{1} << 30;

}  // namespace

std::string packValue(std::string raw) {
  if (raw.size() <= kCompressAbove) {
    return "R" + raw;
  }
  uLongf compressed_size = compressBound(static_cast<uLong>(raw.size()));
  std::string compressed(compressed_size, '\0');
  if (compress2(reinterpret_cast<Bytef*>(compressed.data()), &compressed_size,
                reinterpret_cast<const Bytef*>(raw.data()), static_cast<uLong>(raw.size()),
                Z_BEST_SPEED) != Z_OK) {
    return "R" + raw;
  }
  compressed.resize(compressed_size);
  std::string out = "Z";
  ByteWriter size;
  size.unsignedNumber(raw.size());
  out += size.bytes();
  out += compressed;
  return out;
}

std::optional<std::string> unpackValue(std::string_view stored) {
  if (stored.empty()) {
    return std::nullopt;
  }
  if (stored.front() == 'R') {
    return std::string(stored.substr(1));
  }
  if (stored.front() != 'Z') {
    return std::nullopt;
  }
  ByteReader reader(stored.substr(1));
  const std::uint64_t raw_size = reader.unsignedNumber();
  if (!reader.ok() || raw_size > kMaxRawSize) {
    return std::nullopt;
  }
  // The varint's length: what the reader consumed.
  std::size_t header = 1;
  for (std::uint64_t rest = raw_size; rest >= 0x80; rest >>= 7) ++header;
  const std::string_view stream = stored.substr(1 + header);
  std::string raw(static_cast<std::size_t>(raw_size), '\0');
  uLongf raw_length = static_cast<uLongf>(raw_size);
  if (uncompress(reinterpret_cast<Bytef*>(raw.data()), &raw_length,
                 reinterpret_cast<const Bytef*>(stream.data()),
                 static_cast<uLong>(stream.size())) != Z_OK ||
      raw_length != raw_size) {
    return std::nullopt;
  }
  return raw;
}

}  // namespace nba::cache

#include "cache/compression.h"

#include <libdeflate.h>

#include <memory>

#include "cache/byte_codec.h"

namespace nba::cache {
namespace {

// A value larger than this is not one the cache wrote (the LRU's share caps values far lower).
constexpr std::uint64_t kMaxRawSize = std::uint64_t{1} << 30;
// libdeflate's fastest level: a little smaller than zlib's Z_BEST_SPEED, and the write-behind
// thread spends less on it.
constexpr int kLevel = 1;

struct CompressorDeleter {
  void operator()(libdeflate_compressor* compressor) const {
    libdeflate_free_compressor(compressor);
  }
};
struct DecompressorDeleter {
  void operator()(libdeflate_decompressor* decompressor) const {
    libdeflate_free_decompressor(decompressor);
  }
};

// One of each per thread: they are not thread-safe, and allocating one per value would cost
// more than small values take to (de)compress.
libdeflate_compressor* threadCompressor() {
  thread_local std::unique_ptr<libdeflate_compressor, CompressorDeleter> compressor(
      libdeflate_alloc_compressor(kLevel));
  return compressor.get();
}

libdeflate_decompressor* threadDecompressor() {
  thread_local std::unique_ptr<libdeflate_decompressor, DecompressorDeleter> decompressor(
      libdeflate_alloc_decompressor());
  return decompressor.get();
}

}  // namespace

std::string packValue(std::string raw) {
  libdeflate_compressor* compressor = threadCompressor();
  if (raw.size() <= kCompressAbove || compressor == nullptr) {
    return "R" + raw;
  }
  ByteWriter size;
  size.unsignedNumber(raw.size());
  std::string out = "Z" + size.bytes();
  const std::size_t header = out.size();
  out.resize(header + libdeflate_zlib_compress_bound(compressor, raw.size()));
  const std::size_t compressed = libdeflate_zlib_compress(compressor, raw.data(), raw.size(),
                                                          out.data() + header, out.size() - header);
  if (compressed == 0) {
    return "R" + raw;
  }
  out.resize(header + compressed);
  return out;
}

std::optional<std::string_view> unpackValue(std::string_view stored, std::string& scratch) {
  if (stored.empty()) {
    return std::nullopt;
  }
  if (stored.front() == 'R') {
    return stored.substr(1);
  }
  if (stored.front() != 'Z') {
    return std::nullopt;
  }
  ByteReader reader(stored.substr(1));
  const std::uint64_t raw_size = reader.unsignedNumber();
  libdeflate_decompressor* decompressor = threadDecompressor();
  if (!reader.ok() || raw_size > kMaxRawSize || decompressor == nullptr) {
    return std::nullopt;
  }
  // The varint's length: what the reader consumed.
  std::size_t header = 1;
  for (std::uint64_t rest = raw_size; rest >= 0x80; rest >>= 7) ++header;
  const std::string_view stream = stored.substr(1 + header);
  scratch.resize(static_cast<std::size_t>(raw_size));
  std::size_t raw_length = 0;
  if (libdeflate_zlib_decompress(decompressor, stream.data(), stream.size(), scratch.data(),
                                 scratch.size(), &raw_length) != LIBDEFLATE_SUCCESS ||
      raw_length != raw_size) {
    return std::nullopt;
  }
  return std::string_view(scratch);
}

std::optional<std::string> unpackValue(std::string_view stored) {
  std::string scratch;
  const auto raw = unpackValue(stored, scratch);
  if (!raw) {
    return std::nullopt;
  }
  return raw->data() == scratch.data() ? std::move(scratch) : std::string(*raw);
}

}  // namespace nba::cache

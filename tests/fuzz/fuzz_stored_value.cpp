// libFuzzer target: a cached value as the L2 file (SQLite) or the shared tier (Redis) hands it
// back. Both are outside the process — a corrupt file, another build's format, another
// program writing to Redis — so the bytes are untrusted. The first byte picks the value type
// (stored_values.h), its top bit whether the rest is packed as the store keeps it ('R' or a
// zlib stream) or the bare encoding. A value must decode whole or not at all: whatever
// decodes encodes again and reads back the same.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz/stored_values.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) {
    return 0;
  }
  (void)nba::fuzz::checkStoredValue(
      data[0], std::string_view(reinterpret_cast<const char*>(data + 1), size - 1));
  return 0;
}

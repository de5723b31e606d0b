#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "domain/table.h"

namespace nba::cached {

// The cache's stored form of a value (a Table of one of the domain rows, or a Player): a
// version byte, the value's type code, then its fields (row_fields.h) in cache/byte_codec's
// binary. decode() is total over untrusted bytes: a wrong version or type, a short or
// malformed value, an enum out of range or trailing bytes give nullopt (the caller drops the
// stored entry and asks the origin again).
template <typename Value>
std::string encode(const Value& value);

template <typename Value>
std::optional<Value> decode(std::string_view bytes);

}  // namespace nba::cached

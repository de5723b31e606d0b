#pragma once

#include <string>

namespace nba::mcp {

// Who the server says it is (initialize's serverInfo and instructions). Value type.
// Its own header so the wire format can render it without depending on the server.
struct ServerIdentity {
  std::string name;
  std::string title;
  std::string version;
  std::string description;
  std::string website_url;
  std::string instructions;  // tells a host what the server is good for
};

// How tool results carry their structured data in `content` (the spec's SHOULD about
// also sending the JSON as text): markdown only, JSON only, or both blocks.
enum class TextFormat { kMarkdown, kJson, kBoth };

}  // namespace nba::mcp

#include "name_key.h"

#include <algorithm>
#include <array>
#include <vector>

namespace nba::builder {
namespace {

// Lowercase ASCII base letter of U+00C0..U+00FF and U+0100..U+017F ('\0' = drop).
constexpr char kLatin1[] = "aaaaaaaceeeeiiiidnooooo\0ouuuuytsaaaaaaaceeeeiiiidnooooo\0ouuuuyty";
constexpr char kLatinExtA[] =
    "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiiiijjkkkllllllllllnnnnnnnnnoooooooorrrrrr"
    "ssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";
static_assert(sizeof(kLatin1) == 0x40 + 1 && sizeof(kLatinExtA) == 0x80 + 1);

char foldCodePoint(char32_t cp) {
  if (cp >= 0xC0 && cp <= 0xFF) {
    return kLatin1[cp - 0xC0];
  }
  if (cp >= 0x100 && cp <= 0x17F) {
    return kLatinExtA[cp - 0x100];
  }
  // Cyrillic look-alikes that turn up in Latin names ("Egor Dёmin" in one bbref file).
  switch (cp) {
    case 0x0430:
      return 'a';
    case 0x0435:
    case 0x0451:
      return 'e';
    case 0x043E:
      return 'o';
    case 0x0441:
      return 'c';
    case 0x0456:
      return 'i';
    default:
      return '\0';
  }
}

}  // namespace

std::string foldToAscii(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  for (std::size_t i = 0; i < utf8.size();) {
    const auto byte = static_cast<unsigned char>(utf8[i]);
    if (byte < 0x80) {
      out.push_back(static_cast<char>(byte >= 'A' && byte <= 'Z' ? byte + 32 : byte));
      ++i;
      continue;
    }
    int length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1;
    char32_t cp = length == 2 ? (byte & 0x1F) : length == 3 ? (byte & 0x0F) : (byte & 0x07);
    for (int k = 1; k < length && i + k < utf8.size(); ++k) {
      cp = (cp << 6) | (static_cast<unsigned char>(utf8[i + k]) & 0x3F);
    }
    if (const char folded = foldCodePoint(cp); folded != '\0') {
      out.push_back(folded);
    }
    i += static_cast<std::size_t>(length);
  }
  return out;
}

std::string nameKey(std::string_view name) {
  const std::string folded = foldToAscii(name);
  std::vector<std::string> tokens;
  std::string token;
  auto flush = [&] {
    if (!token.empty()) {
      tokens.push_back(token);
      token.clear();
    }
  };
  for (char c : folded) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      token.push_back(c);
    } else if (c == ' ' || c == '-' || c == '\t') {
      flush();
    }
  }
  flush();
  static constexpr std::array<std::string_view, 6> kSuffixes = {"jr", "sr", "ii", "iii", "iv", "v"};
  while (tokens.size() > 2) {
    bool is_suffix = false;
    for (std::string_view suffix : kSuffixes) {
      is_suffix = is_suffix || tokens.back() == suffix;
    }
    if (!is_suffix) {
      break;
    }
    tokens.pop_back();
  }
  std::string key;
  for (const std::string& t : tokens) {
    if (!key.empty()) {
      key.push_back(' ');
    }
    key += t;
  }
  return key;
}

std::string sortedNameKey(std::string_view name) {
  const std::string key = nameKey(name);
  std::vector<std::string> tokens;
  std::size_t start = 0;
  while (start <= key.size()) {
    const std::size_t end = std::min(key.find(' ', start), key.size());
    tokens.push_back(key.substr(start, end - start));
    start = end + 1;
  }
  std::sort(tokens.begin(), tokens.end());
  std::string out;
  for (const std::string& token : tokens) {
    out += (out.empty() ? "" : " ") + token;
  }
  return out;
}

}  // namespace nba::builder

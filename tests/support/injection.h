#pragma once

#include <string>

namespace nba::testing {

// Text built to inject a markdown table, a remote image, HTML and a right-to-left override
// into whatever echoes it.
inline const std::string kInjection =
    "x\n| fake | row |\n|---|---|\n![x](https://evil.example/p.png)<script>alert(1)</script>"
    "<img src=x onerror=alert(1)>\xE2\x80\xAE"
    "evil";

// True when `part` occurs without a backslash before it (an escaped "\<img" is text).
inline bool hasUnescaped(const std::string& text, const std::string& part) {
  for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) {
    if (at == 0 || text[at - 1] != '\\') {
      return true;
    }
  }
  return false;
}

// True when the injection survived as markup a host would render: a table row, an image,
// a tag or a bidi override. (Line breaks are the caller's to check: answers have them.)
inline bool hasInjectedMarkup(const std::string& text) {
  return hasUnescaped(text, "| fake |") || hasUnescaped(text, "![") ||
         hasUnescaped(text, "<script") || hasUnescaped(text, "<img") ||
         text.find("\xE2\x80\xAE") != std::string::npos;
}

}  // namespace nba::testing

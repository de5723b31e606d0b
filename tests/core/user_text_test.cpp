#include "core/user_text.h"

#include <doctest/doctest.h>

#include <string>

using nba::echoUserText;

TEST_CASE("plain names pass through unchanged") {
  CHECK(echoUserText("LeBron James") == "LeBron James");
  CHECK(echoUserText("Nikola Jokić") == "Nikola Jokić");
  CHECK(echoUserText("2024-25") == "2024-25");
}

TEST_CASE("line breaks, tabs and control characters fold into single spaces") {
  CHECK(echoUserText("a\nb") == "a b");
  CHECK(echoUserText("  a \r\n\t  b  ") == "a b");
  CHECK(echoUserText(std::string("x\0y", 3)) == "x y");
  CHECK(echoUserText("a\x7f"
                     "b") == "a b");
}

TEST_CASE("markdown and HTML syntax is escaped so a host renders it as text") {
  CHECK(echoUserText("![x](https://evil.example/p.png)") ==
        "\\!\\[x\\]\\(https://evil.example/p.png\\)");
  CHECK(echoUserText("<script>alert(1)</script>") == "\\<script\\>alert\\(1\\)\\</script\\>");
  CHECK(echoUserText("<img src=x onerror=alert(1)>") == "\\<img src=x onerror=alert\\(1\\)\\>");
  CHECK(echoUserText("x\n| fake | row |\n|---|---|") == "x \\| fake \\| row \\| \\|---\\|---\\|");
  CHECK(echoUserText("**bold** _it_ `code` # h ~s~ &amp;") ==
        "\\*\\*bold\\*\\* \\_it\\_ \\`code\\` \\# h \\~s\\~ \\&amp;");
  CHECK(echoUserText("a\\b") == "a\\\\b");
  // Inside a word an underscore cannot start emphasis: identifiers stay as typed.
  CHECK(echoUserText("no_such_tool") == "no_such_tool");
  CHECK(echoUserText("_x_ a_ _b") == "\\_x\\_ a\\_ \\_b");
}

TEST_CASE("bidirectional controls are removed") {
  // U+202E RIGHT-TO-LEFT OVERRIDE, U+2066 LRI, U+200F RLM, U+061C ALM.
  CHECK(echoUserText("abc\xE2\x80\xAE"
                     "def") == "abcdef");
  CHECK(echoUserText("\xE2\x81\xA6x\xE2\x80\x8F"
                     "y\xD8\x9C") == "xy");
  // Other three-byte characters that share the lead byte stay: an em dash, an ellipsis.
  CHECK(echoUserText("a\xE2\x80\x94"
                     "b") ==
        "a\xE2\x80\x94"
        "b");
}

TEST_CASE("invalid UTF-8 becomes U+FFFD") {
  CHECK(echoUserText("a\xff"
                     "b") ==
        "a\xEF\xBF\xBD"
        "b");
  CHECK(echoUserText("\xC3") == "\xEF\xBF\xBD");                  // truncated sequence
  CHECK(echoUserText("\xC0\xAF") == "\xEF\xBF\xBD\xEF\xBF\xBD");  // overlong '/'
  CHECK(echoUserText("\xED\xA0\x80") == "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");  // surrogate
}

TEST_CASE("long input is cut at the limit, in code points, with an ellipsis") {
  std::string long_name(500, 'a');
  std::string echoed = echoUserText(long_name);
  CHECK(echoed == std::string(nba::kMaxEchoedChars, 'a') + "\xE2\x80\xA6");
  CHECK(echoUserText("abcdef", 3) == "abc\xE2\x80\xA6");
  CHECK(echoUserText("abc", 3) == "abc");
  // Ten two-byte letters cut at five keep whole characters.
  std::string accents;
  for (int i = 0; i < 10; ++i) accents += "é";
  CHECK(echoUserText(accents, 5) == "ééééé\xE2\x80\xA6");
}

TEST_CASE("codePointCount counts characters, not bytes") {
  CHECK(nba::codePointCount("") == 0);
  CHECK(nba::codePointCount("Jokic") == 5);
  CHECK(nba::codePointCount("Joki\xC4\x87") == 5);              // Jokić: ć is 2 bytes
  CHECK(nba::codePointCount("\xF0\x9F\x8F\x80") == 1);          // 🏀 is 4 bytes
  CHECK(nba::codePointCount("\xD0\x96\xD0\x96\xD0\x96") == 3);  // ЖЖЖ
}

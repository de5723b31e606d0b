#include "nlq/synthesizer/tool_sections.h"

namespace nba::nlq {
namespace {

std::string_view skipBlankLines(std::string_view text) {
  while (!text.empty() && (text.front() == '\n' || text.front() == '\r')) {
    text.remove_prefix(1);
  }
  return text;
}

// Splits off the text up to the first paragraph break ("\n\n"), which is dropped.
std::string_view takeParagraph(std::string_view* text) {
  const std::size_t end = text->find("\n\n");
  std::string_view paragraph = text->substr(0, end);
  text->remove_prefix(end == std::string_view::npos ? text->size() : end);
  *text = skipBlankLines(*text);
  while (!paragraph.empty() && paragraph.back() == '\n') {
    paragraph.remove_suffix(1);
  }
  return paragraph;
}

}  // namespace

ToolSections splitToolMarkdown(std::string_view markdown) {
  ToolSections sections;
  std::string_view rest = skipBlankLines(markdown);
  if (rest.starts_with("#")) {
    const std::size_t end = rest.find('\n');
    sections.heading = std::string(rest.substr(0, end));
    rest.remove_prefix(end == std::string_view::npos ? rest.size() : end);
    rest = skipBlankLines(rest);
  }
  sections.sentence = std::string(takeParagraph(&rest));
  sections.body = std::string(rest);
  while (!sections.body.empty() && sections.body.back() == '\n') {
    sections.body.pop_back();
  }
  return sections;
}

}  // namespace nba::nlq

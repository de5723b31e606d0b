#include "origin/live/slim_response.h"

#include <algorithm>

namespace nba::live {
namespace {

using nlohmann::json;

// Builds the DOM like nlohmann's own SAX DOM builder, except for the cells of the wanted set's
// rows, which are dropped (stored as null) unless their column is wanted. A stack of open
// containers; the path to a cell is resultSets[i].rowSet[r][c] (or resultSet.rowSet[r][c]).
class SlimBuilder : public nlohmann::json_sax<json> {
  struct Frame {
    json* value = nullptr;
    bool is_result_sets = false;  // the root's resultSets array
    bool is_set = false;          // a result set object
    bool is_wanted_rows = false;  // the wanted set's rowSet array
    bool is_row = false;          // one row of it
  };

 public:
  SlimBuilder(std::string_view set_name, const std::vector<std::string>& columns)
      : set_name_(set_name), columns_(columns) {}

  json& result() { return root_; }

  bool null() override { return add(json(nullptr)); }
  bool boolean(bool value) override { return add(json(value)); }
  bool number_integer(number_integer_t value) override { return add(json(value)); }
  bool number_unsigned(number_unsigned_t value) override { return add(json(value)); }
  bool number_float(number_float_t value, const string_t&) override { return add(json(value)); }
  bool string(string_t& value) override {
    if (inCell() && !keepCell()) return skipCell();
    return add(json(std::move(value)));
  }
  bool binary(binary_t&) override { return add(json(nullptr)); }

  bool start_object(std::size_t) override {
    if (inCell()) return startSkipped();
    return open(json::object());
  }
  bool key(string_t& name) override {
    if (skipping_ > 0) return true;
    key_ = std::move(name);
    return true;
  }
  bool end_object() override { return close(); }
  bool start_array(std::size_t) override {
    if (inCell()) return startSkipped();
    return open(json::array());
  }
  bool end_array() override { return close(); }

  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override {
    return false;
  }

 private:
  // A value directly inside a row of the wanted set's rowSet: a cell.
  bool inCell() const {
    if (skipping_ > 0 || stack_.size() < 2) return false;
    return stack_.back().is_row && stack_[stack_.size() - 2].is_wanted_rows;
  }

  bool keepCell() const {
    const std::size_t column = stack_.back().value->size();
    return column < keep_.size() ? keep_[column] : keep_.empty();
  }

  bool skipCell() { return add(json(nullptr)); }

  // A cell that is itself an object or array: skipped whole (read as null by StatsTable).
  bool startSkipped() {
    if (!add(json(nullptr))) return false;
    ++skipping_;
    return true;
  }

  bool add(json value) {
    if (skipping_ > 0) return true;
    if (inCell() && !keepCell() && !value.is_null()) value = nullptr;
    if (stack_.empty()) {
      root_ = std::move(value);
      return true;
    }
    Frame& top = stack_.back();
    if (top.value->is_array()) {
      top.value->push_back(std::move(value));
    } else {
      (*top.value)[key_] = std::move(value);
      noteSetMember(top);
    }
    return true;
  }

  bool open(json container) {
    if (skipping_ > 0) {
      ++skipping_;
      return true;
    }
    json* placed = nullptr;
    if (stack_.empty()) {
      root_ = std::move(container);
      placed = &root_;
    } else if (Frame& top = stack_.back(); top.value->is_array()) {
      top.value->push_back(std::move(container));
      placed = &top.value->back();
    } else {
      placed = &((*top.value)[key_] = std::move(container));
    }
    Frame frame{placed};
    if (!stack_.empty()) {
      const Frame& parent = stack_.back();
      const bool in_object = parent.value->is_object();
      frame.is_row = parent.is_wanted_rows && placed->is_array();
      frame.is_wanted_rows = in_object && key_ == "rowSet" && isWantedSet(*parent.value);
      frame.is_set = placed->is_object() &&
                     (parent.is_result_sets || (stack_.size() == 1 && key_ == "resultSet"));
      frame.is_result_sets = placed->is_array() && stack_.size() == 1 && key_ == "resultSets";
    }
    stack_.push_back(frame);
    return true;
  }

  bool close() {
    if (skipping_ > 0) {
      --skipping_;
      return true;
    }
    if (stack_.empty()) return false;
    const Frame closing = stack_.back();
    stack_.pop_back();
    // A headers array just completed inside a set: decide which columns to keep.
    if (!stack_.empty() && stack_.back().is_set && closing.value->is_array()) {
      auto headers = stack_.back().value->find("headers");
      if (headers != stack_.back().value->end() && &*headers == closing.value &&
          isWantedSet(*stack_.back().value)) {
        chooseColumns(*closing.value);
      }
    }
    return true;
  }

  bool isWantedSet(const json& set) const {
    auto name = set.find("name");
    return name != set.end() && name->is_string() &&
           name->get_ref<const std::string&>() == set_name_;
  }

  void noteSetMember(const Frame& top) {
    // "name" arriving after "headers" in a set: choose the columns now.
    if (top.is_set && key_ == "name" && isWantedSet(*top.value)) {
      auto headers = top.value->find("headers");
      if (headers != top.value->end() && headers->is_array()) chooseColumns(*headers);
    }
  }

  void chooseColumns(const json& headers) {
    keep_.assign(headers.size(), false);
    for (std::size_t i = 0; i < headers.size(); ++i) {
      const json& header = headers.at(i);
      if (header.is_string() && std::find(columns_.begin(), columns_.end(),
                                          header.get_ref<const std::string&>()) != columns_.end()) {
        keep_[i] = true;
      }
    }
  }

  const std::string_view set_name_;
  const std::vector<std::string>& columns_;
  json root_;
  std::vector<Frame> stack_;
  std::string key_;
  std::vector<bool> keep_;  // by column position; empty = keep every cell
  int skipping_ = 0;        // depth inside a skipped cell
};

}  // namespace

Result<json> parseSlimResponse(std::string_view body, std::string_view upstream,
                               std::string_view set_name, const std::vector<std::string>& columns) {
  SlimBuilder builder(set_name, columns);
  const bool parsed = json::sax_parse(body.begin(), body.end(), &builder,
                                      json::input_format_t::json, /*strict=*/true);
  if (!parsed) {
    return dataLoss(std::string(upstream) + " sent a response that is not JSON (" +
                    std::to_string(body.size()) + " bytes)");
  }
  return std::move(builder.result());
}

}  // namespace nba::live

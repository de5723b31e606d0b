#pragma once

#include <algorithm>
#include <cstddef>
#include <iterator>
#include <memory>
#include <utility>
#include <vector>

namespace nba {

// The rows of a table, read-only: a list of references to rows that live in immutable
// storage. A source whose figures never change (the offline snapshot) hands out references
// into its own tables, so a query copies pointers, not the 400-byte rows with their strings
// (copying a season's ~570 player lines was most of a leaders call). A source that builds
// rows per answer (a live response) gives them away as owned rows, kept alive by the Rows.
//
// Borrowed rows are valid as long as the source that returned them: a DataSource outlives
// every tool call, so tools may hold them for the length of a call but must not keep them.
// A source whose storage may go away (an evicting cache) hands out shared rows instead: the
// Rows then co-owns the immutable vector, so an evicted entry lives on until its last reader
// is done, and a hit copies pointers, never rows.
template <typename Row>
class Rows {
 public:
  class const_iterator {
   public:
    using iterator_category = std::random_access_iterator_tag;
    using value_type = Row;
    using difference_type = std::ptrdiff_t;
    using pointer = const Row*;
    using reference = const Row&;

    const_iterator() = default;
    explicit const_iterator(typename std::vector<const Row*>::const_iterator at) : at_(at) {}

    reference operator*() const { return **at_; }
    pointer operator->() const { return *at_; }
    reference operator[](difference_type n) const { return *at_[n]; }
    const_iterator& operator++() { return ++at_, *this; }
    const_iterator operator++(int) { return const_iterator(at_++); }
    const_iterator& operator--() { return --at_, *this; }
    const_iterator operator--(int) { return const_iterator(at_--); }
    const_iterator& operator+=(difference_type n) { return at_ += n, *this; }
    const_iterator& operator-=(difference_type n) { return at_ -= n, *this; }
    friend const_iterator operator+(const_iterator it, difference_type n) { return it += n; }
    friend const_iterator operator+(difference_type n, const_iterator it) { return it += n; }
    friend const_iterator operator-(const_iterator it, difference_type n) { return it -= n; }
    friend difference_type operator-(const const_iterator& a, const const_iterator& b) {
      return a.at_ - b.at_;
    }
    friend auto operator<=>(const const_iterator&, const const_iterator&) = default;

   private:
    typename std::vector<const Row*>::const_iterator at_{};
  };
  using iterator = const_iterator;
  using value_type = Row;
  using size_type = std::size_t;

  Rows() = default;
  // Owned rows. Explicit, so a vector never turns silently into a temporary Rows whose
  // rows a caller would then point into after it is gone.
  explicit Rows(std::vector<Row> owned) {
    auto storage = std::make_shared<const std::vector<Row>>(std::move(owned));
    refs_.reserve(storage->size());
    for (const Row& row : *storage) refs_.push_back(&row);
    owners_.push_back(std::move(storage));
  }

  // Rows shared with other holders (a cache entry): nothing is copied, and the vector lives
  // as long as its last holder.
  explicit Rows(std::shared_ptr<const std::vector<Row>> shared) {
    if (shared == nullptr) return;
    refs_.reserve(shared->size());
    for (const Row& row : *shared) refs_.push_back(&row);
    owners_.push_back(std::move(shared));
  }

  // Adds a reference to a row in storage that outlives this list (see the class comment).
  void borrow(const Row& row) { refs_.push_back(&row); }
  void reserve(std::size_t n) { refs_.reserve(n); }

  // Adds another list's rows after these, keeping whatever keeps them alive.
  void append(const Rows& other) {
    refs_.insert(refs_.end(), other.refs_.begin(), other.refs_.end());
    owners_.insert(owners_.end(), other.owners_.begin(), other.owners_.end());
  }

  // Keeps the first `n` rows.
  void keepFirst(std::size_t n) {
    if (refs_.size() > n) refs_.resize(n);
  }

  // Keeps the last `n` rows.
  void keepLast(std::size_t n) {
    if (refs_.size() > n) refs_.erase(refs_.begin(), refs_.end() - static_cast<std::ptrdiff_t>(n));
  }

  // Reverses the order of the rows (oldest first becomes newest first).
  void reverse() { std::reverse(refs_.begin(), refs_.end()); }

  // Drops the rows for which `drop` is true, keeping the order of the rest.
  template <typename Predicate>
  void dropIf(Predicate drop) {
    std::erase_if(refs_, [&](const Row* row) { return drop(*row); });
  }

  // The rows as values, for a caller that must reorder or change them.
  std::vector<Row> copy() const {
    std::vector<Row> out;
    out.reserve(refs_.size());
    for (const Row* row : refs_) out.push_back(*row);
    return out;
  }

  std::size_t size() const { return refs_.size(); }
  bool empty() const { return refs_.empty(); }
  const Row& operator[](std::size_t i) const { return *refs_[i]; }
  const Row& front() const { return *refs_.front(); }
  const Row& back() const { return *refs_.back(); }
  const_iterator begin() const { return const_iterator(refs_.begin()); }
  const_iterator end() const { return const_iterator(refs_.end()); }

 private:
  // What keeps owned rows alive; empty when every row is borrowed.
  std::vector<std::shared_ptr<const std::vector<Row>>> owners_;
  std::vector<const Row*> refs_;
};

}  // namespace nba

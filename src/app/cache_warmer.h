#pragma once

#include <atomic>
#include <thread>

#include "core/clock.h"
#include "origin/data_source.h"

namespace nba::app {

// --warm (DESIGN §6): fills the cache in the background at start with what most questions
// need — the team list, the player index, and the season in progress's player lines and
// standings — so the first calls are hits. It never delays the start (initialize does not
// wait on it) and asks in the background caller's name; a request that fails is left for the
// first call to make. Destroying it cancels a request in flight and waits for the thread.
class CacheWarmer {
 public:
  // `source` (the cache in front of NBA.com) and `clock` must outlive this.
  CacheWarmer(const DataSource& source, const Clock& clock);
  ~CacheWarmer();
  CacheWarmer(const CacheWarmer&) = delete;
  CacheWarmer& operator=(const CacheWarmer&) = delete;

  // True once every request has been made (answered or not).
  bool done() const { return done_; }

 private:
  void warm(const DataSource& source, const Clock& clock);

  std::atomic<bool> stopping_{false};
  std::atomic<bool> done_{false};
  std::thread thread_;
};

}  // namespace nba::app

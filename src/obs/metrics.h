#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <initializer_list>
#include <map>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <vector>

namespace nba::obs {

// A metrics registry in the Prometheus model (DESIGN §8): families of counters, gauges and
// histograms, each with fixed label names; a series per distinct label values. Label values
// must come from bounded sets (tool names, tiers, error types, endpoints), never user input.
//
// Recording is cheap: a series is found under a shared lock (created once under the family's
// exclusive lock) and updated with atomics; callers that record one series often keep the
// reference, which stays valid as long as the registry. Gauges whose value lives elsewhere
// (cache sizes, the quota) are read at render time through a callback. Thread-safe.

using LabelValues = std::vector<std::string>;

class Counter {
 public:
  void inc(std::uint64_t by = 1) { value_.fetch_add(by, std::memory_order_relaxed); }
  std::uint64_t value() const { return value_.load(std::memory_order_relaxed); }

 private:
  std::atomic<std::uint64_t> value_{0};
};

class Gauge {
 public:
  void set(double value) { value_.store(value, std::memory_order_relaxed); }
  void add(double by) { value_.fetch_add(by, std::memory_order_relaxed); }
  double value() const { return value_.load(std::memory_order_relaxed); }

 private:
  std::atomic<double> value_{0};
};

class Histogram {
 public:
  explicit Histogram(const std::vector<double>* bounds);
  void observe(double value);
  // Cumulative counts per bound (the last is +Inf), the sum and the count, as rendered.
  std::vector<std::uint64_t> cumulative() const;
  double sum() const { return sum_.load(std::memory_order_relaxed); }
  std::uint64_t count() const { return count_.load(std::memory_order_relaxed); }

 private:
  const std::vector<double>* bounds_;  // upper bounds, ascending; owned by the family
  std::unique_ptr<std::atomic<std::uint64_t>[]> buckets_;  // one per bound, plus +Inf
  std::atomic<double> sum_{0};
  std::atomic<std::uint64_t> count_{0};
};

// One family: a name, help, label names and its series by label values.
template <typename Metric>
class Family {
 public:
  Family(std::string name, std::string help, std::vector<std::string> labels,
         std::vector<double> bounds = {})
      : name_(std::move(name)),
        help_(std::move(help)),
        labels_(std::move(labels)),
        bounds_(std::move(bounds)) {}

  // The series with these label values (as many as the family has label names), made on first
  // use. The reference stays valid as long as the registry.
  Metric& with(const LabelValues& values);
  Metric& with(std::initializer_list<std::string_view> values) {
    return with(LabelValues(values.begin(), values.end()));
  }

  const std::string& name() const { return name_; }
  const std::string& help() const { return help_; }
  const std::vector<std::string>& labels() const { return labels_; }
  const std::vector<double>& bounds() const { return bounds_; }
  // Each series, in label order, for rendering.
  void forEach(const std::function<void(const LabelValues&, const Metric&)>& visit) const;

 private:
  const std::string name_;
  const std::string help_;
  const std::vector<std::string> labels_;
  const std::vector<double> bounds_;
  mutable std::shared_mutex mutex_;
  std::map<LabelValues, std::unique_ptr<Metric>> series_;  // guarded by mutex_
};

// A gauge family read at render time: the callback gives each series' label values and value.
struct GaugeSample {
  LabelValues labels;
  double value = 0;
};
using GaugeReader = std::function<std::vector<GaugeSample>()>;

class MetricsRegistry {
 public:
  // Each returns the family, made on the first call with that name (later calls must agree on
  // the kind and label names).
  Family<Counter>& counter(const std::string& name, const std::string& help,
                           std::vector<std::string> labels = {});
  Family<Gauge>& gauge(const std::string& name, const std::string& help,
                       std::vector<std::string> labels = {});
  Family<Histogram>& histogram(const std::string& name, const std::string& help,
                               std::vector<std::string> labels, std::vector<double> bounds);
  // A family whose values `read` gives at render time (kind "gauge", or "counter" for a
  // total kept elsewhere).
  void callback(const std::string& name, const std::string& help, const std::string& kind,
                std::vector<std::string> labels, GaugeReader read);

  // The Prometheus text exposition format 0.0.4, families in name order.
  std::string renderPrometheus() const;

 private:
  struct CallbackFamily {
    std::string help;
    std::string kind;
    std::vector<std::string> labels;
    GaugeReader read;
  };
  mutable std::mutex mutex_;  // guards the maps (not the series: each family has its own lock)
  std::map<std::string, std::unique_ptr<Family<Counter>>> counters_;
  std::map<std::string, std::unique_ptr<Family<Gauge>>> gauges_;
  std::map<std::string, std::unique_ptr<Family<Histogram>>> histograms_;
  std::map<std::string, CallbackFamily> callbacks_;
};

// Seconds buckets for request and upstream durations: 1 ms to 30 s.
const std::vector<double>& latencyBucketsSeconds();

// `text` as a Prometheus label value: backslash, double quote and newline escaped.
std::string escapeLabelValue(std::string_view text);

}  // namespace nba::obs

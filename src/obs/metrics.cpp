#include "obs/metrics.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <type_traits>

namespace nba::obs {
namespace {

// A sample value as Prometheus reads it: integers without a fraction, NaN and infinities by name.
std::string formatValue(double value) {
  if (std::isnan(value)) return "NaN";
  if (std::isinf(value)) return value > 0 ? "+Inf" : "-Inf";
  char text[64];
  if (value == std::floor(value) && std::abs(value) < 1e15) {
    std::snprintf(text, sizeof text, "%.0f", value);
  } else {
    std::snprintf(text, sizeof text, "%.9g", value);
  }
  return text;
}

// {a="x",b="y"} (with `extra` appended, e.g. le="0.5"), or "" when there are no labels.
std::string labelSet(const std::vector<std::string>& names, const LabelValues& values,
                     const std::string& extra = "") {
  std::string out;
  for (std::size_t i = 0; i < names.size() && i < values.size(); ++i) {
    out += (out.empty() ? "" : ",") + names[i] + "=\"" + escapeLabelValue(values[i]) + "\"";
  }
  if (!extra.empty()) out += (out.empty() ? "" : ",") + extra;
  return out.empty() ? "" : "{" + out + "}";
}

void header(std::string& out, const std::string& name, const std::string& help, const char* kind) {
  out += "# HELP " + name + " " + help + "\n# TYPE " + name + " " + kind + "\n";
}

template <typename Metric>
std::unique_ptr<Metric> makeMetric(const std::vector<double>& bounds) {
  if constexpr (std::is_same_v<Metric, Histogram>) {
    return std::make_unique<Histogram>(&bounds);
  } else {
    (void)bounds;
    return std::make_unique<Metric>();
  }
}

}  // namespace

std::string escapeLabelValue(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    if (c == '\\') {
      out += "\\\\";
    } else if (c == '"') {
      out += "\\\"";
    } else if (c == '\n') {
      out += "\\n";
    } else {
      out += c;
    }
  }
  return out;
}

const std::vector<double>& latencyBucketsSeconds() {
  static const std::vector<double> kBounds = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1,
                                              0.25,  0.5,    1,     2.5,  5,     10,   30};
  return kBounds;
}

Histogram::Histogram(const std::vector<double>* bounds)
    : bounds_(bounds), buckets_(new std::atomic<std::uint64_t>[bounds->size() + 1]) {
  for (std::size_t i = 0; i <= bounds->size(); ++i) buckets_[i].store(0);
}

void Histogram::observe(double value) {
  const auto at = std::lower_bound(bounds_->begin(), bounds_->end(), value);
  buckets_[static_cast<std::size_t>(at - bounds_->begin())].fetch_add(1, std::memory_order_relaxed);
  sum_.fetch_add(value, std::memory_order_relaxed);
  count_.fetch_add(1, std::memory_order_relaxed);
}

std::vector<std::uint64_t> Histogram::cumulative() const {
  std::vector<std::uint64_t> out(bounds_->size() + 1);
  std::uint64_t running = 0;
  for (std::size_t i = 0; i < out.size(); ++i) {
    running += buckets_[i].load(std::memory_order_relaxed);
    out[i] = running;
  }
  return out;
}

template <typename Metric>
Metric& Family<Metric>::with(const LabelValues& values) {
  {
    std::shared_lock lock(mutex_);
    if (auto found = series_.find(values); found != series_.end()) return *found->second;
  }
  std::unique_lock lock(mutex_);
  auto& slot = series_[values];
  if (!slot) slot = makeMetric<Metric>(bounds_);
  return *slot;
}

template <typename Metric>
void Family<Metric>::forEach(
    const std::function<void(const LabelValues&, const Metric&)>& visit) const {
  std::shared_lock lock(mutex_);
  for (const auto& [labels, metric] : series_) visit(labels, *metric);
}

template class Family<Counter>;
template class Family<Gauge>;
template class Family<Histogram>;

Family<Counter>& MetricsRegistry::counter(const std::string& name, const std::string& help,
                                          std::vector<std::string> labels) {
  std::lock_guard lock(mutex_);
  auto& slot = counters_[name];
  if (!slot) slot = std::make_unique<Family<Counter>>(name, help, std::move(labels));
  return *slot;
}

Family<Gauge>& MetricsRegistry::gauge(const std::string& name, const std::string& help,
                                      std::vector<std::string> labels) {
  std::lock_guard lock(mutex_);
  auto& slot = gauges_[name];
  if (!slot) slot = std::make_unique<Family<Gauge>>(name, help, std::move(labels));
  return *slot;
}

Family<Histogram>& MetricsRegistry::histogram(const std::string& name, const std::string& help,
                                              std::vector<std::string> labels,
                                              std::vector<double> bounds) {
  std::lock_guard lock(mutex_);
  auto& slot = histograms_[name];
  if (!slot) {
    slot = std::make_unique<Family<Histogram>>(name, help, std::move(labels), std::move(bounds));
  }
  return *slot;
}

void MetricsRegistry::callback(const std::string& name, const std::string& help,
                               const std::string& kind, std::vector<std::string> labels,
                               GaugeReader read) {
  std::lock_guard lock(mutex_);
  callbacks_[name] = CallbackFamily{help, kind, std::move(labels), std::move(read)};
}

std::string MetricsRegistry::renderPrometheus() const {
  // Every family rendered into its own text, then joined in name order.
  std::map<std::string, std::string> texts;
  std::lock_guard lock(mutex_);
  for (const auto& entry : counters_) {
    const std::string& name = entry.first;
    const auto& family = entry.second;
    std::string& out = texts[name];
    header(out, name, family->help(), "counter");
    family->forEach([&](const LabelValues& values, const Counter& counter) {
      out +=
          name + labelSet(family->labels(), values) + " " + std::to_string(counter.value()) + "\n";
    });
  }
  for (const auto& entry : gauges_) {
    const std::string& name = entry.first;
    const auto& family = entry.second;
    std::string& out = texts[name];
    header(out, name, family->help(), "gauge");
    family->forEach([&](const LabelValues& values, const Gauge& gauge) {
      out += name + labelSet(family->labels(), values) + " " + formatValue(gauge.value()) + "\n";
    });
  }
  for (const auto& entry : histograms_) {
    const std::string& name = entry.first;
    const auto& family = entry.second;
    std::string& out = texts[name];
    header(out, name, family->help(), "histogram");
    family->forEach([&](const LabelValues& values, const Histogram& histogram) {
      const std::vector<std::uint64_t> counts = histogram.cumulative();
      const auto& bounds = family->bounds();
      for (std::size_t i = 0; i < counts.size(); ++i) {
        const std::string le =
            "le=\"" + (i < bounds.size() ? formatValue(bounds[i]) : std::string("+Inf")) + "\"";
        out += name + "_bucket" + labelSet(family->labels(), values, le) + " " +
               std::to_string(counts[i]) + "\n";
      }
      out += name + "_sum" + labelSet(family->labels(), values) + " " +
             formatValue(histogram.sum()) + "\n";
      out += name + "_count" + labelSet(family->labels(), values) + " " +
             std::to_string(histogram.count()) + "\n";
    });
  }
  for (const auto& [name, family] : callbacks_) {
    std::string& out = texts[name];
    header(out, name, family.help, family.kind.c_str());
    for (const GaugeSample& sample : family.read()) {
      out += name + labelSet(family.labels, sample.labels) + " " + formatValue(sample.value) + "\n";
    }
  }
  std::string all;
  for (const auto& [name, text] : texts) all += text;
  return all;
}

}  // namespace nba::obs

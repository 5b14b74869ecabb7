#include "training/learning_rate_schedule.h"

#include <charconv>
#include <cmath>

#include "util/errors.h"
#include "util/text.h"

namespace koto {
namespace {

double number(const std::string& text, const std::string& schedule) {
    double value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size() || !std::isfinite(value) ||
        text.empty())
        throw InputError("schedule " + inQuotes(schedule) + ": " + inQuotes(text) +
                         " is not a number");
    return value;
}

}  // namespace

LearningRateSchedule LearningRateSchedule::parse(const std::string& text) {
    const auto fields = splitText(text, ':');
    LearningRateSchedule schedule;
    const std::string& kind = fields[0];
    if (kind == "constant" && fields.size() == 1) return schedule;
    if (kind == "step" && fields.size() == 3) {
        const double every = number(fields[1], text);
        schedule.kind_ = Kind::Step;
        if (every < 1 || every != std::floor(every) || every > 1e9)
            throw InputError("schedule " + inQuotes(text) +
                             ": EVERY must be a whole number of epochs, at least 1");
        schedule.every_ = static_cast<int64_t>(every);
        schedule.factor_ = number(fields[2], text);
        if (!(schedule.factor_ > 0 && schedule.factor_ <= 1))
            throw InputError("schedule " + inQuotes(text) +
                             ": FACTOR must be above 0 and at most 1");
        return schedule;
    }
    if ((kind == "inverse" || kind == "exp") && fields.size() == 2) {
        schedule.kind_ = kind == "inverse" ? Kind::Inverse : Kind::Exponential;
        schedule.k_ = number(fields[1], text);
        if (schedule.k_ < 0)
            throw InputError("schedule " + inQuotes(text) + ": K cannot be negative");
        return schedule;
    }
    throw InputError("unknown schedule " + inQuotes(text) +
                     " (constant, step:EVERY:FACTOR, inverse:K or exp:K)");
}

double LearningRateSchedule::at(double rate, int64_t epoch) const {
    const auto t = static_cast<double>(epoch);
    switch (kind_) {
    case Kind::Constant: return rate;
    case Kind::Step: return rate * std::pow(factor_, static_cast<double>(epoch / every_));
    case Kind::Inverse: return rate / (1 + k_ * t);
    case Kind::Exponential: return rate * std::exp(-k_ * t);
    }
    return rate;
}

std::string LearningRateSchedule::text() const {
    switch (kind_) {
    case Kind::Constant: return "constant";
    case Kind::Step: return "step:" + std::to_string(every_) + ":" + shortNumber(factor_);
    case Kind::Inverse: return "inverse:" + shortNumber(k_);
    case Kind::Exponential: return "exp:" + shortNumber(k_);
    }
    return "constant";
}

}  // namespace koto

#pragma once
// How the learning rate changes over the epochs (part 10 of the curriculum), a function of the
// epoch t (0 for the first) and the chosen rate A:
//   constant           A
//   step:EVERY:FACTOR  A * FACTOR^floor(t / EVERY)    ("halve every 10 epochs": step:10:0.5)
//   inverse:K          A / (1 + K t)
//   exp:K              A * exp(-K t)

#include <cstdint>
#include <string>

namespace koto {

class LearningRateSchedule {
public:
    enum class Kind { Constant, Step, Inverse, Exponential };

    LearningRateSchedule() = default;
    // Throws InputError naming the problem.
    static LearningRateSchedule parse(const std::string& text);

    double at(double rate, int64_t epoch) const;
    Kind kind() const { return kind_; }
    std::string text() const;

private:
    Kind kind_ = Kind::Constant;
    int64_t every_ = 10;
    double factor_ = 0.5;
    double k_ = 0;
};

}  // namespace koto

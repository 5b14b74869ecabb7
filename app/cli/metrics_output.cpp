#include "metrics_output.h"

#include <cstdio>

namespace koto::cli {

nlohmann::ordered_json metricsJson(const EpochMetrics& m) {
    nlohmann::ordered_json json{{"epoch", m.epoch}, {"train_loss", m.train.loss}};
    if (m.regression) {
        json["train_rmse"] = m.train.rmse;
        json["test_loss"] = m.test.loss;
        json["test_rmse"] = m.test.rmse;
    } else {
        json["train_accuracy"] = m.train.accuracy;
        json["test_loss"] = m.test.loss;
        json["test_accuracy"] = m.test.accuracy;
        json["train_error_rate"] = m.train.errorRate;
        json["test_error_rate"] = m.test.errorRate;
    }
    if (m.hasValidation) {
        json["validation_loss"] = m.validation.loss;
        if (m.regression) json["validation_rmse"] = m.validation.rmse;
        else json["validation_accuracy"] = m.validation.accuracy;
    }
    json["steps"] = m.steps;
    json["seconds"] = m.seconds;
    return json;
}

std::string metricsLine(const EpochMetrics& m) {
    char line[200];
    if (m.regression)
        std::snprintf(
            line, sizeof line, "epoch %5lld  train loss %.5f rmse %.4f  test loss %.5f rmse %.4f",
            static_cast<long long>(m.epoch), m.train.loss, m.train.rmse, m.test.loss, m.test.rmse);
    else
        std::snprintf(line, sizeof line,
                      "epoch %5lld  train loss %.5f accuracy %.4f  test loss %.5f accuracy %.4f",
                      static_cast<long long>(m.epoch), m.train.loss, m.train.accuracy, m.test.loss,
                      m.test.accuracy);
    return line;
}

}  // namespace koto::cli

#include "layers/weight_initialization.h"

#include <Eigen/Dense>
#include <cmath>
#include <vector>

namespace koto {

void initializeWeights(Backend& backend, Random& random, Activation activation, int64_t fanIn,
                       int64_t fanOut, Tensor& weights, Tensor& bias) {
    std::vector<double> values(static_cast<size_t>(weights.size()));
    if (activation == Activation::Relu) {
        const double deviation = std::sqrt(2.0 / static_cast<double>(fanIn));
        for (double& v : values) v = random.normal(0.0, deviation);
    } else {
        const double limit = std::sqrt(6.0 / static_cast<double>(fanIn + fanOut));
        for (double& v : values) v = random.uniform(-limit, limit);
    }
    for (double& v : values) v = static_cast<float>(v);
    backend.upload(std::span<const double>(values), weights);
    backend.fill(bias, 0.0);
}

namespace {

void uploadRounded(Backend& backend, std::vector<double>& values, Tensor& tensor) {
    for (double& v : values) v = static_cast<float>(v);
    backend.upload(std::span<const double>(values), tensor);
}

std::vector<double> uniformValues(Random& random, int64_t count, double limit) {
    std::vector<double> values(static_cast<size_t>(count));
    for (double& v : values) v = random.uniform(-limit, limit);
    return values;
}

// U x G*U: each U x U block the Q of a Gaussian matrix's QR decomposition, its columns' signs
// set by R's diagonal so that Q is drawn uniformly among orthogonal matrices.
std::vector<double> orthogonalBlocks(Random& random, int64_t units, int64_t blocks) {
    using Matrix = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
    Matrix all(units, units * blocks);
    for (int64_t block = 0; block < blocks; ++block) {
        Matrix gaussian(units, units);
        for (int64_t i = 0; i < units * units; ++i) gaussian.data()[i] = random.normal(0.0, 1.0);
        const Eigen::HouseholderQR<Matrix> qr(gaussian);
        Matrix q = qr.householderQ();
        const Matrix r = qr.matrixQR().triangularView<Eigen::Upper>();
        for (int64_t j = 0; j < units; ++j)
            if (r(j, j) < 0) q.col(j) *= -1.0;
        all.middleCols(block * units, units) = q;
    }
    return {all.data(), all.data() + all.size()};
}

}  // namespace

std::string_view recurrentInitName(RecurrentInit init) {
    switch (init) {
    case RecurrentInit::Uniform: return "uniform";
    case RecurrentInit::Xavier: return "xavier";
    case RecurrentInit::Orthogonal: return "orthogonal";
    }
    return "uniform";
}

std::optional<RecurrentInit> recurrentInitFromName(std::string_view name) {
    for (const RecurrentInit init :
         {RecurrentInit::Uniform, RecurrentInit::Xavier, RecurrentInit::Orthogonal})
        if (recurrentInitName(init) == name) return init;
    return std::nullopt;
}

void initializeRecurrentWeights(Backend& backend, Random& random, RecurrentInit init,
                                int64_t blocks, Tensor& inputWeights, Tensor& recurrentWeights) {
    const int64_t units = recurrentWeights.rows(), inputs = inputWeights.rows();
    const auto fanLimit = [units](int64_t fanIn) {
        return std::sqrt(6.0 / static_cast<double>(fanIn + units));
    };
    const double uniformLimit = 1.0 / std::sqrt(static_cast<double>(units));
    std::vector<double> input =
        uniformValues(random, inputWeights.size(),
                      init == RecurrentInit::Uniform ? uniformLimit : fanLimit(inputs));
    std::vector<double> recurrent;
    switch (init) {
    case RecurrentInit::Uniform:
        recurrent = uniformValues(random, recurrentWeights.size(), uniformLimit);
        break;
    case RecurrentInit::Xavier:
        recurrent = uniformValues(random, recurrentWeights.size(), fanLimit(units));
        break;
    case RecurrentInit::Orthogonal: recurrent = orthogonalBlocks(random, units, blocks); break;
    }
    uploadRounded(backend, input, inputWeights);
    uploadRounded(backend, recurrent, recurrentWeights);
}

}  // namespace koto

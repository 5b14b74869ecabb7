#pragma once
// Small helpers the core tests share: building network specs by hand, comparing weights bit for
// bit, turning core's std::string into something QCOMPARE prints, seeded random values, a
// tensor's values on the host, tiny data, and whether layer tokens are refused with a message
// that helps.

#include <QMetaType>
#include <QString>

#include <QStringList>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <map>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "backend/backend.h"
#include "data/dataset.h"
#include "data/dataset_spec.h"
#include "io/layer_tokens.h"
#include "io/project_file.h"
#include "network/network_spec.h"
#include "sample_projects.h"
#include "tensor/tensor.h"
#include "util/errors.h"
#include "util/random.h"

Q_DECLARE_METATYPE(koto::Activation)
Q_DECLARE_METATYPE(koto::DType)
Q_DECLARE_METATYPE(koto::LossKind)
Q_DECLARE_METATYPE(koto::NetworkSpec)

namespace kototest {

inline QString qs(const std::string& text) { return QString::fromStdString(text); }

// A tensor's values, on any backend, as floats.
inline std::vector<float> downloadFloats(koto::Backend& backend, const koto::Tensor& tensor) {
    std::vector<float> values(static_cast<size_t>(tensor.size()));
    backend.download(tensor, std::span<float>(values));
    return values;
}

// A layer of a spec by its type and parameters, as the project file holds it.
inline koto::LayerSpec layer(const std::string& type,
                             std::map<std::string, koto::LayerParameter> parameters = {}) {
    koto::LayerSpec spec;
    spec.type = type;
    spec.parameters = std::move(parameters);
    return spec;
}

// Three training sequences of T = 4 steps of 2 values (a sine wave's samples), classes 1, 0, 1:
// a recurrent layer's step small enough to follow by hand.
inline koto::Dataset tinySequences() {
    koto::Dataset data;
    data.name = "tiny sequences";
    data.inputSize = 8;
    data.sequenceLength = 4;
    data.classCount = 2;
    data.train.count = 3;
    for (int i = 0; i < 24; ++i)
        data.train.inputs.push_back(static_cast<float>(std::sin(0.9 * i + 0.3)));
    data.train.labels = {1, 0, 1};
    return data;
}

inline std::shared_ptr<const koto::Dataset> dataset(const std::string& spec) {
    return std::make_shared<const koto::Dataset>(koto::loadDataset(koto::DatasetSpec::parse(spec)));
}

// `count` values drawn uniformly from [low, high), the same for the same seed.
inline std::vector<double> uniformValues(int64_t count, double low, double high, uint64_t seed) {
    koto::Random random(seed, 1);
    std::vector<double> values(static_cast<size_t>(count));
    for (double& v : values) v = random.uniform(low, high);
    return values;
}

// A tensor's values, downloaded as T (float or double) whatever the tensor holds.
template <typename T>
std::vector<T> downloaded(koto::Backend& backend, const koto::Tensor& tensor) {
    std::vector<T> values(static_cast<size_t>(tensor.size()));
    backend.download(tensor, std::span<T>(values));
    return values;
}

// What is wrong with layer tokens that must be refused for `data`: empty when they are refused
// with an InputError whose message mentions every one of `mentions`, else why not ("accepted",
// or the message and what it leaves out).
inline QString whyTokensNotRefused(const std::string& tokens, const koto::Dataset& data,
                                   const QStringList& mentions) {
    try {
        koto::networkSpecFromTokens(tokens, data);
    } catch (const koto::InputError& error) {
        const QString message = QString::fromStdString(error.what());
        for (const QString& mention : mentions)
            if (!message.contains(mention))
                return message + QStringLiteral(" does not mention ") + mention;
        return {};
    }
    return QStringLiteral("accepted");
}

template <typename T>
bool sameBits(const std::vector<T>& a, const std::vector<T>& b) {
    return a.size() == b.size() &&
           (a.empty() || std::memcmp(a.data(), b.data(), a.size() * sizeof(T)) == 0);
}

// Whether two sets of weights are identical: names, shapes and every bit of every value
// (memcmp, so that -0 and +0 differ and NaN equals itself).
inline bool sameWeights(const std::vector<koto::SavedTensor>& a,
                        const std::vector<koto::SavedTensor>& b) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i)
        if (a[i].name != b[i].name || a[i].rows != b[i].rows || a[i].cols != b[i].cols ||
            !sameBits(a[i].values, b[i].values))
            return false;
    return true;
}

// The first place where two sets of weights differ, for failure messages.
inline QString firstDifference(const std::vector<koto::SavedTensor>& a,
                               const std::vector<koto::SavedTensor>& b) {
    if (a.size() != b.size())
        return QStringLiteral("%1 tensors against %2").arg(a.size()).arg(b.size());
    for (size_t i = 0; i < a.size(); ++i) {
        if (a[i].name != b[i].name)
            return QStringLiteral("tensor %1 is %2 against %3")
                .arg(i)
                .arg(qs(a[i].name), qs(b[i].name));
        if (a[i].values.size() != b[i].values.size())
            return qs(a[i].name) + QStringLiteral(": sizes differ");
        for (size_t k = 0; k < a[i].values.size(); ++k)
            if (std::memcmp(&a[i].values[k], &b[i].values[k], sizeof(float)) != 0)
                return QStringLiteral("%1[%2]: %3 against %4")
                    .arg(qs(a[i].name))
                    .arg(k)
                    .arg(static_cast<double>(a[i].values[k]), 0, 'g', 9)
                    .arg(static_cast<double>(b[i].values[k]), 0, 'g', 9);
    }
    return QStringLiteral("no difference");
}

}  // namespace kototest

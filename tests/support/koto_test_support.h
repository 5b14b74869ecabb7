#pragma once
// Small helpers the core tests share: building network specs by hand, comparing weights bit for
// bit, and turning core's std::string into something QCOMPARE prints.

#include <QMetaType>
#include <QString>

#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include "data/dataset.h"
#include "data/dataset_spec.h"
#include "io/project_file.h"
#include "network/network_spec.h"
#include "tensor/tensor.h"

Q_DECLARE_METATYPE(koto::DType)
Q_DECLARE_METATYPE(koto::LossKind)
Q_DECLARE_METATYPE(koto::NetworkSpec)

namespace kototest {

inline QString qs(const std::string& text) { return QString::fromStdString(text); }

// One dense layer of a spec; the name is given by assignLayerNames unless set.
inline koto::LayerSpec dense(int64_t units, const std::string& activation, const std::string& name = {}) {
    koto::LayerSpec layer;
    layer.type = "dense";
    layer.name = name;
    layer.parameters["units"] = units;
    layer.parameters["activation"] = activation;
    return layer;
}

inline koto::NetworkSpec networkSpec(std::vector<int64_t> input, koto::LossKind loss,
                                     std::vector<koto::LayerSpec> layers) {
    koto::NetworkSpec spec;
    spec.inputShape = std::move(input);
    spec.loss = loss;
    spec.layers = std::move(layers);
    koto::assignLayerNames(spec);
    return spec;
}

inline std::shared_ptr<const koto::Dataset> dataset(const std::string& spec) {
    return std::make_shared<const koto::Dataset>(koto::loadDataset(koto::DatasetSpec::parse(spec)));
}

template <typename T>
bool sameBits(const std::vector<T>& a, const std::vector<T>& b) {
    return a.size() == b.size() && (a.empty() || std::memcmp(a.data(), b.data(), a.size() * sizeof(T)) == 0);
}

// Whether two sets of weights are identical: names, shapes and every bit of every value
// (memcmp, so that -0 and +0 differ and NaN equals itself).
inline bool sameWeights(const std::vector<koto::SavedTensor>& a, const std::vector<koto::SavedTensor>& b) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i)
        if (a[i].name != b[i].name || a[i].rows != b[i].rows || a[i].cols != b[i].cols ||
            !sameBits(a[i].values, b[i].values))
            return false;
    return true;
}

// The first place where two sets of weights differ, for failure messages.
inline QString firstDifference(const std::vector<koto::SavedTensor>& a, const std::vector<koto::SavedTensor>& b) {
    if (a.size() != b.size()) return QStringLiteral("%1 tensors against %2").arg(a.size()).arg(b.size());
    for (size_t i = 0; i < a.size(); ++i) {
        if (a[i].name != b[i].name) return QStringLiteral("tensor %1 is %2 against %3").arg(i).arg(qs(a[i].name), qs(b[i].name));
        if (a[i].values.size() != b[i].values.size()) return qs(a[i].name) + QStringLiteral(": sizes differ");
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

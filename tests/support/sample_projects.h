#pragma once
// Networks and projects the tests build by hand, without Qt, so that the fuzz targets share them:
// a dense layer, a spec, and two small projects with weights (and curves) made without training.

#include <cstdint>
#include <string>
#include <vector>

#include "io/project_file.h"
#include "network/network_spec.h"
#include "training/metrics.h"

namespace kototest {

// One dense layer of a spec; the name is given by assignLayerNames unless set.
inline koto::LayerSpec dense(int64_t units, const std::string& activation,
                             const std::string& name = {}) {
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

// A saved tensor of rows x cols whose values rise from -0.5 in steps of 1/8.
inline koto::SavedTensor rampTensor(const std::string& name, int64_t rows, int64_t cols) {
    koto::SavedTensor t{name, rows, cols, std::vector<float>(static_cast<size_t>(rows * cols))};
    for (size_t i = 0; i < t.values.size(); ++i) t.values[i] = 0.125f * float(i) - 0.5f;
    return t;
}

// A classifier on 2 inputs, dense_1 (3, tanh) and dense_2 (2, softmax) on xor, trained for two
// epochs of 25 steps as far as its counters, weights and curves say.
inline koto::Project classifierProject() {
    koto::Project project;
    project.network =
        networkSpec({2}, koto::LossKind::CrossEntropy, {dense(3, "tanh"), dense(2, "softmax")});
    project.dataset = "xor";
    project.training.epochs = 2;
    project.epochsTrained = 2;
    project.stepsTrained = 50;
    project.weights = {rampTensor("dense_1.W", 2, 3), rampTensor("dense_1.b", 1, 3),
                       rampTensor("dense_2.W", 3, 2), rampTensor("dense_2.b", 1, 2)};
    koto::EpochMetrics first;
    first.epoch = 1;
    first.steps = 25;
    first.seconds = 0.01;
    first.train = {0.69, 0.5, 0.5, 0};
    first.test = {0.7, 0.48, 0.52, 0};
    koto::EpochMetrics second = first;
    second.epoch = 2;
    second.steps = 50;
    second.hasValidation = true;
    second.validation = {0.68, 0.4, 0.6, 0};
    project.curves = {first, second};
    return project;
}

// An RBM of 4 visible and 3 hidden units (CD-2, persistent) on bars.
inline koto::Project rbmProject() {
    koto::Project project;
    project.model = koto::ModelKind::Rbm;
    project.rbm = {4, 3, 2, true};
    project.dataset = "bars";
    project.weights = {{"rbm.W", 4, 3, std::vector<float>(12, 0.25f)},
                       {"rbm.b", 1, 4, std::vector<float>(4, 0.0f)},
                       {"rbm.c", 1, 3, std::vector<float>(3, -0.5f)}};
    return project;
}

}  // namespace kototest

// The CPU backend's optimizer updates (backend.h says what each computes): momentum and Nesterov,
// AdaGrad, RMSprop and Adam, each one fused loop per pass, shared among the backend's threads in
// parts of a fixed size (cpu_parallel.h).

#include <atomic>
#include <cmath>
#include <cstdint>
#include <limits>
#include <type_traits>

#include "backend/argument_checks.h"
#include "backend/cpu_backend.h"
#include "backend/cpu_parallel.h"
#include "backend/element_type_dispatch.h"
#include "backend/host_storage.h"

namespace koto {
namespace {

// One optimizer update, written once for both passes: step(i, commit) returns weight i's change,
// storing element i's new optimizer state when commit is std::true_type. One fused loop, so a
// parameter, its gradient and its state are each read once per pass (the loops vectorize).
template <typename T, typename Step>
bool updateWeights(ThreadPool& pool, UpdatePass pass, Tensor& weights, Step step) {
    T* w = dataOf<T>(weights);
    std::atomic<int> anyNotFinite{0};
    forEachValues(pool, weights.size(), [&](int64_t begin, int64_t end) {
        if (pass == UpdatePass::Check) {
            int notFinite = 0;
            for (int64_t i = begin; i < end; ++i)
                notFinite |=
                    !(std::abs(w[i] + step(i, std::false_type{})) <= std::numeric_limits<T>::max());
            if (notFinite) anyNotFinite.store(1, std::memory_order_relaxed);
        } else {
            for (int64_t i = begin; i < end; ++i) w[i] += step(i, std::true_type{});
        }
    });
    return anyNotFinite.load() == 0;
}

}  // namespace

bool CpuBackend::momentumUpdate(UpdatePass pass, double learningRate, double momentum,
                                bool nesterov, const Tensor& gradient, Tensor& velocity,
                                Tensor& weights) {
    requireSameSizes({&gradient, &velocity}, weights, "momentumUpdate");
    return dispatch(weights.dtype(), [&]<typename T>() {
        const T* g = dataOf<T>(gradient);
        T* v = dataOf<T>(velocity);
        const T lr = static_cast<T>(learningRate), mu = static_cast<T>(momentum);
        return updateWeights<T>(pool_, pass, weights, [=](int64_t i, auto commit) {
            const T newVelocity = mu * v[i] - lr * g[i];
            if constexpr (decltype(commit)::value) v[i] = newVelocity;
            return nesterov ? mu * newVelocity - lr * g[i] : newVelocity;
        });
    });
}

bool CpuBackend::adagradUpdate(UpdatePass pass, double learningRate, double epsilon,
                               const Tensor& gradient, Tensor& cache, Tensor& weights) {
    requireSameSizes({&gradient, &cache}, weights, "adagradUpdate");
    return dispatch(weights.dtype(), [&]<typename T>() {
        const T* g = dataOf<T>(gradient);
        T* c = dataOf<T>(cache);
        const T lr = static_cast<T>(learningRate), eps = static_cast<T>(epsilon);
        return updateWeights<T>(pool_, pass, weights, [=](int64_t i, auto commit) {
            const T newCache = c[i] + g[i] * g[i];
            if constexpr (decltype(commit)::value) c[i] = newCache;
            return -lr * g[i] / (std::sqrt(newCache) + eps);
        });
    });
}

bool CpuBackend::rmspropUpdate(UpdatePass pass, double learningRate, double decay, double momentum,
                               double epsilon, const Tensor& gradient, Tensor& cache,
                               Tensor& velocity, Tensor& weights) {
    requireSameSizes({&gradient, &cache, &velocity}, weights, "rmspropUpdate");
    return dispatch(weights.dtype(), [&]<typename T>() {
        const T* g = dataOf<T>(gradient);
        T* c = dataOf<T>(cache);
        T* v = dataOf<T>(velocity);
        const T lr = static_cast<T>(learningRate), rho = static_cast<T>(decay),
                mu = static_cast<T>(momentum), eps = static_cast<T>(epsilon);
        return updateWeights<T>(pool_, pass, weights, [=](int64_t i, auto commit) {
            const T newCache = rho * c[i] + (T(1) - rho) * g[i] * g[i];
            const T newVelocity = mu * v[i] - lr * g[i] / (std::sqrt(newCache) + eps);
            if constexpr (decltype(commit)::value) {
                c[i] = newCache;
                v[i] = newVelocity;
            }
            return newVelocity;
        });
    });
}

bool CpuBackend::adamUpdate(UpdatePass pass, double learningRate, double beta1, double beta2,
                            double epsilon, int64_t t, const Tensor& gradient, Tensor& firstMoment,
                            Tensor& secondMoment, Tensor& weights) {
    requireSameSizes({&gradient, &firstMoment, &secondMoment}, weights, "adamUpdate");
    return dispatch(weights.dtype(), [&]<typename T>() {
        const T* g = dataOf<T>(gradient);
        T* m = dataOf<T>(firstMoment);
        T* v = dataOf<T>(secondMoment);
        const T lr = static_cast<T>(learningRate), b1 = static_cast<T>(beta1),
                b2 = static_cast<T>(beta2), eps = static_cast<T>(epsilon);
        // The bias corrections, computed in double: b^t underflows gracefully there.
        const auto correction1 = static_cast<T>(1.0 - std::pow(beta1, static_cast<double>(t)));
        const auto correction2 = static_cast<T>(1.0 - std::pow(beta2, static_cast<double>(t)));
        return updateWeights<T>(pool_, pass, weights, [=](int64_t i, auto commit) {
            const T newFirst = b1 * m[i] + (T(1) - b1) * g[i];
            const T newSecond = b2 * v[i] + (T(1) - b2) * g[i] * g[i];
            if constexpr (decltype(commit)::value) {
                m[i] = newFirst;
                v[i] = newSecond;
            }
            return -lr * (newFirst / correction1) / (std::sqrt(newSecond / correction2) + eps);
        });
    });
}

}  // namespace koto

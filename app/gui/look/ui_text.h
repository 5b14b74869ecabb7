#pragma once
// Translated names for things core names in English (datasets, classes, activations, losses).

#include <QString>
#include <string>

#include "backend/activation.h"
#include "network/network_spec.h"

namespace koto::gui {

QString datasetTitle(const std::string& name);
// A class name as a dataset stores it (Fashion-MNIST's in English), in the user's language.
QString classTitle(const std::string& name);
QString activationTitle(Activation activation);
QString lossTitle(LossKind loss);

}  // namespace koto::gui

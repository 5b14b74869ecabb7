#pragma once
// What the palette offers: every layer type of core's registry, in groups, with default
// parameters, a translated title and one-line description, and an icon; plus a few presets
// (an output layer is a dense layer with the output's activation). Types that core adds later
// appear under their registry description until they get their own lines here.

#include <QCoreApplication>
#include <QIcon>
#include <QString>
#include <vector>

#include "network/network_spec.h"

namespace koto::gui {

enum class LayerGroup {
    InputsData,
    DenseActivations,
    Regularisation,
    ConvolutionPooling,
    Recurrent,
    LossesOutputs,
    Models
};

struct PaletteEntry {
    QString id;  // "dense", "softmax-output": what a drag carries
    LayerGroup group;
    LayerSpec layer;  // type and default parameters (no name, no position)
};

class LayerCatalog {
    Q_DECLARE_TR_FUNCTIONS(koto::gui::LayerCatalog)
public:
    static std::vector<PaletteEntry> entries();
    static const PaletteEntry* find(const QString& id);
    static QString groupTitle(LayerGroup group);
    static QString title(const PaletteEntry& entry);
    static QString description(const PaletteEntry& entry);
    // A layer's title by its type ("Dense", "Convolution").
    static QString typeTitle(const std::string& type);
    static LayerGroup groupOf(const std::string& type);
    static QColor colour(LayerGroup group);
    static QIcon icon(const PaletteEntry& entry);
    // The parameters worth showing on a node: "16 units, tanh", "6 @ 5x5, relu".
    static QString keyParameters(const LayerSpec& layer);
    // Where the registry knows a parameter's meaning: "Number of units (neurons)".
    static QString parameterTitle(const std::string& key);
};

}  // namespace koto::gui

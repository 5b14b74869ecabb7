#include "editor/node_properties.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QVBoxLayout>
#include <algorithm>

#include "editor/layer_catalog.h"
#include "editor/network_document.h"
#include "look/ui_text.h"
#include "look/view_colours.h"

namespace koto::gui {
namespace {
const char* const kActivations[] = {"linear", "sigmoid", "tanh", "relu", "softmax"};
const char* const kRecurrentInits[] = {"uniform", "xavier", "orthogonal"};
const LossKind kLosses[] = {LossKind::CrossEntropy, LossKind::BinaryCrossEntropy,
                            LossKind::MeanSquaredError};

// The parameters in the order a learner reads a layer (size, window, then the nonlinearity);
// parameters not named here follow in alphabetical order.
std::vector<std::string> inReadingOrder(const LayerSpec& layer) {
    static const std::vector<std::string> order{"units",   "filters",    "kernel", "stride",
                                                "padding", "activation", "keep",   "sigma",
                                                "init",    "tied_to"};
    std::vector<std::string> keys;
    for (const std::string& key : order)
        if (layer.parameters.count(key)) keys.push_back(key);
    for (const auto& [key, value] : layer.parameters)
        if (std::find(order.begin(), order.end(), key) == order.end()) keys.push_back(key);
    return keys;
}
}  // namespace

NodeProperties::NodeProperties(NetworkDocument& document, QWidget* parent)
    : QWidget(parent), document_(document) {
    setObjectName(QStringLiteral("nodeProperties"));
    auto* layout = new QVBoxLayout(this);
    heading_ = new QLabel(this);
    QFont bold = heading_->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.15);
    heading_->setFont(bold);
    heading_->setWordWrap(true);
    shape_ = new QLabel(this);
    shape_->setObjectName(QStringLiteral("nodeShape"));
    form_ = new QFormLayout;
    error_ = new QLabel(this);
    error_->setObjectName(QStringLiteral("nodeError"));
    error_->setWordWrap(true);
    showAsNote(*error_, Note::Warning);
    layout->addWidget(heading_);
    layout->addWidget(shape_);
    layout->addLayout(form_);
    layout->addWidget(error_);
    layout->addStretch(1);
    connect(&document_, &NetworkDocument::changed, this, &NodeProperties::refresh);
    rebuild();
}

QWidget* NodeProperties::field(const std::string& key) const {
    const auto found = fields_.find(key);
    return found == fields_.end() ? nullptr : found->second;
}

void NodeProperties::showNode(const std::string& name) {
    node_ = name;
    rebuild();
}

void NodeProperties::rebuild() {
    while (form_->rowCount() > 0) form_->removeRow(0);
    fields_.clear();
    const NetworkDraft& draft = document_.draft();
    const LayerSpec* layer = draft.node(node_);
    shownType_ = layer ? layer->type : node_;
    if (node_ == kOutputNode) {
        auto* loss = new QComboBox;
        loss->setObjectName(QStringLiteral("lossChoice"));
        for (LossKind kind : kLosses) loss->addItem(lossTitle(kind), static_cast<int>(kind));
        connect(loss, &QComboBox::activated, this, [this, loss] {
            document_.setLoss(static_cast<LossKind>(loss->currentData().toInt()));
        });
        form_->addRow(tr("Loss J"), loss);
        fields_["loss"] = loss;
    }
    if (layer) {
        const std::string name = node_;
        for (const std::string& key : inReadingOrder(*layer)) {
            const LayerParameter& value = layer->parameters.at(key);
            QWidget* editor = nullptr;
            if (key == "activation" || key == "init") {
                auto* box = new QComboBox;
                if (key == "init")
                    for (const char* init : kRecurrentInits)
                        box->addItem(QString::fromLatin1(init), QString::fromLatin1(init));
                else
                    for (const char* activation : kActivations)
                        box->addItem(activationTitle(*activationFromName(activation)),
                                     QString::fromLatin1(activation));
                connect(box, &QComboBox::activated, this, [this, name, key, box] {
                    document_.setParameter(name, key, box->currentData().toString().toStdString());
                });
                editor = box;
            } else if (std::holds_alternative<int64_t>(value)) {
                auto* spin = new QSpinBox;
                spin->setRange(0, 100000);
                spin->setKeyboardTracking(false);
                connect(spin, &QSpinBox::valueChanged, this, [this, name, key](int v) {
                    document_.setParameter(name, key, int64_t{v});
                });
                editor = spin;
            } else if (std::holds_alternative<double>(value)) {
                auto* spin = new QDoubleSpinBox;
                spin->setRange(0, 1e6);
                spin->setDecimals(3);
                spin->setSingleStep(key == "keep" ? 0.05 : 0.1);
                spin->setKeyboardTracking(false);
                connect(spin, &QDoubleSpinBox::valueChanged, this,
                        [this, name, key](double v) { document_.setParameter(name, key, v); });
                editor = spin;
            } else {
                auto* line = new QLineEdit;
                connect(line, &QLineEdit::editingFinished, this, [this, name, key, line] {
                    document_.setParameter(name, key, line->text().toStdString());
                });
                editor = line;
            }
            editor->setObjectName(QString::fromStdString(key) + QStringLiteral("Field"));
            form_->addRow(LayerCatalog::parameterTitle(key), editor);
            fields_[key] = editor;
        }
    }
    refresh();
}

void NodeProperties::refresh() {
    const NetworkDraft& draft = document_.draft();
    const LayerSpec* layer = draft.node(node_);
    const std::string type = layer ? layer->type : node_;
    const bool exists = layer || node_ == kInputNode || node_ == kOutputNode;
    if (!exists && !node_.empty()) node_.clear();
    if (type != shownType_ || (layer && fields_.size() != layer->parameters.size()))
        return rebuild();

    if (node_.empty()) heading_->setText(tr("Select a node to see and change its parameters"));
    else if (node_ == kInputNode) heading_->setText(tr("Input X: the data, one sample a row"));
    else if (node_ == kOutputNode) heading_->setText(tr("Output Y and the loss J"));
    else
        heading_->setText(LayerCatalog::typeTitle(layer->type) + QStringLiteral(" · ") +
                          QString::fromStdString(node_));

    const DraftCheck& check = document_.check();
    const std::string shapeKey = node_ == kOutputNode ? draft.source(kOutputNode) : node_;
    const auto shape = check.shapes.find(shapeKey);
    shape_->setText(node_.empty() ? QString()
                    : shape == check.shapes.end()
                        ? tr("Output shape: not known yet")
                        : tr("Output shape: %1").arg(batchShapeText(shape->second)));
    const auto error = check.errors.find(node_);
    error_->setVisible(error != check.errors.end());
    if (error != check.errors.end()) error_->setText(error->second);

    if (auto* loss = qobject_cast<QComboBox*>(field("loss"))) {
        const QSignalBlocker block(loss);
        loss->setCurrentIndex(loss->findData(static_cast<int>(draft.loss)));
    }
    if (!layer) return;
    for (const auto& [key, value] : layer->parameters) {
        QWidget* editor = field(key);
        const QSignalBlocker block(editor);
        if (auto* box = qobject_cast<QComboBox*>(editor)) {
            if (const auto* text = std::get_if<std::string>(&value))
                box->setCurrentIndex(box->findData(QString::fromStdString(*text)));
        } else if (auto* spin = qobject_cast<QSpinBox*>(editor)) {
            if (const auto* v = std::get_if<int64_t>(&value)) spin->setValue(static_cast<int>(*v));
        } else if (auto* real = qobject_cast<QDoubleSpinBox*>(editor)) {
            if (const auto* v = std::get_if<double>(&value)) real->setValue(*v);
        } else if (auto* line = qobject_cast<QLineEdit*>(editor)) {
            if (const auto* text = std::get_if<std::string>(&value); text && !line->hasFocus())
                line->setText(QString::fromStdString(*text));
        }
    }
}

void NodeProperties::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) rebuild();
    QWidget::changeEvent(event);
}

}  // namespace koto::gui

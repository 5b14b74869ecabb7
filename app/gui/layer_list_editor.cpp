#include "layer_list_editor.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QStyle>

#include "ui_text.h"

namespace koto::gui {

struct LayerListEditor::Row {
    QWidget* widget;
    QLabel* title;
    QSpinBox* units;
    QComboBox* activation;
    QDoubleSpinBox* keep;
    QPushButton* remove;
};

namespace {
const Activation kHiddenActivations[] = {Activation::Tanh, Activation::Sigmoid, Activation::Relu, Activation::Linear};
}

LayerListEditor::LayerListEditor(QWidget* parent) : QGroupBox(parent) {
    auto* layout = new QVBoxLayout(this);
    rowsLayout_ = new QVBoxLayout;
    rowsLayout_->setSpacing(2);
    layout->addLayout(rowsLayout_);
    add_ = new QPushButton(this);
    add_->setObjectName(QStringLiteral("addLayerButton"));
    add_->setIcon(style()->standardIcon(QStyle::SP_FileDialogNewFolder));
    layout->addWidget(add_);
    output_ = new QLabel(this);
    output_->setWordWrap(true);
    layout->addWidget(output_);
    connect(add_, &QPushButton::clicked, this, [this] {
        addRow(8, QStringLiteral("tanh"), 1.0);
        emit layersChanged();
    });
    retranslate();
}

std::string LayerListEditor::tokens() const {
    std::string text;
    for (const Row* row : rows_) {
        if (!text.empty()) text += ",";
        text += "dense:" + std::to_string(row->units->value()) + ":" + row->activation->currentData().toString().toStdString();
        if (row->keep->value() < 1.0) text += ",dropout:" + QString::number(row->keep->value()).toStdString();
    }
    return text;
}

void LayerListEditor::setTokens(const std::string& tokens) {
    while (!rows_.empty()) removeRow(rows_.back()->widget);
    const QStringList items = QString::fromStdString(tokens).split(',', Qt::SkipEmptyParts);
    for (const QString& item : items) {
        const QStringList fields = item.split(':');
        if (fields.size() == 2 && fields[0] == QLatin1String("dropout") && !rows_.empty()) {
            rows_.back()->keep->setValue(fields[1].toDouble());  // dropout after the layer before it
            continue;
        }
        if (fields.size() < 2 || fields[0] != QLatin1String("dense") || layerCount() >= kMaxLayers) continue;
        addRow(fields[1].toInt(), fields.size() > 2 ? fields[2] : QStringLiteral("tanh"), 1.0);
    }
}

std::string LayerListEditor::unsupportedToken(const std::string& tokens) {
    int dense = 0;
    for (const QString& item : QString::fromStdString(tokens).split(',', Qt::SkipEmptyParts)) {
        const QStringList fields = item.split(':');
        const bool isDense = fields.size() >= 2 && fields[0] == QLatin1String("dense") && fields[1].toInt() >= 1 &&
                             fields[1].toInt() <= kMaxUnits && ++dense <= kMaxLayers;
        const bool isDropout = fields.size() == 2 && fields[0] == QLatin1String("dropout") && dense > 0;
        if (!isDense && !isDropout) return item.toStdString();
    }
    return {};
}

void LayerListEditor::setOutputDescription(const QString& text) { output_->setText(text); }

void LayerListEditor::addRow(int units, const QString& activation, double keep) {
    auto* row = new Row;
    row->widget = new QWidget(this);
    auto* layout = new QHBoxLayout(row->widget);
    layout->setContentsMargins(0, 0, 0, 0);
    row->title = new QLabel(row->widget);
    row->units = new QSpinBox(row->widget);
    row->units->setRange(1, kMaxUnits);
    row->units->setValue(units);
    row->units->setObjectName(QStringLiteral("unitsSpin"));
    row->activation = new QComboBox(row->widget);
    row->activation->setObjectName(QStringLiteral("activationChoice"));
    for (Activation a : kHiddenActivations) row->activation->addItem(activationTitle(a), QString::fromLatin1(activationName(a).data()));
    const int index = row->activation->findData(activation);
    row->activation->setCurrentIndex(index >= 0 ? index : 0);
    row->keep = new QDoubleSpinBox(row->widget);
    row->keep->setObjectName(QStringLiteral("keepSpin"));
    row->keep->setRange(0.1, 1.0);
    row->keep->setSingleStep(0.05);
    row->keep->setDecimals(2);
    row->keep->setValue(keep);
    row->remove = new QPushButton(row->widget);
    row->remove->setObjectName(QStringLiteral("removeLayerButton"));
    row->remove->setIcon(style()->standardIcon(QStyle::SP_DialogDiscardButton));
    layout->addWidget(row->title);
    layout->addWidget(row->units, 1);
    layout->addWidget(row->activation, 2);
    layout->addWidget(row->keep, 1);
    layout->addWidget(row->remove);
    rowsLayout_->addWidget(row->widget);
    rows_.push_back(row);

    connect(row->units, &QSpinBox::valueChanged, this, &LayerListEditor::layersChanged);
    connect(row->activation, &QComboBox::currentIndexChanged, this, &LayerListEditor::layersChanged);
    connect(row->keep, &QDoubleSpinBox::valueChanged, this, &LayerListEditor::layersChanged);
    QWidget* widget = row->widget;
    connect(row->remove, &QPushButton::clicked, this, [this, widget] {
        removeRow(widget);
        emit layersChanged();
    });
    retranslate();
}

void LayerListEditor::removeRow(QWidget* widget) {
    for (auto it = rows_.begin(); it != rows_.end(); ++it) {
        if ((*it)->widget != widget) continue;
        delete *it;
        rows_.erase(it);
        widget->deleteLater();
        widget->hide();
        break;
    }
    retranslate();
}

void LayerListEditor::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QGroupBox::changeEvent(event);
}

void LayerListEditor::retranslate() {
    setTitle(tr("Hidden layers"));
    add_->setText(tr("Add layer"));
    add_->setEnabled(layerCount() < kMaxLayers);
    for (size_t i = 0; i < rows_.size(); ++i) {
        Row* row = rows_[i];
        row->title->setText(tr("Layer %1").arg(i + 1));
        row->units->setSuffix(tr(" units"));
        row->units->setToolTip(tr("Number of units (neurons) in this layer"));
        row->activation->setToolTip(tr("The nonlinearity s in Z = s(XW + b)"));
        for (int k = 0; k < row->activation->count(); ++k)
            row->activation->setItemText(k, activationTitle(*activationFromName(row->activation->itemData(k).toString().toStdString())));
        row->remove->setToolTip(tr("Remove this layer"));
        row->keep->setPrefix(tr("p "));
        row->keep->setToolTip(tr("Dropout: while training, each unit of this layer is kept with probability p (0.5 "
                                 "is usual for hidden layers; 1 is no dropout)"));
    }
}

}  // namespace koto::gui

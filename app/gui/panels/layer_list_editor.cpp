#include "panels/layer_list_editor.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QStyle>
#include <optional>

#include "layers/weight_initialization.h"
#include "look/ui_text.h"

namespace koto::gui {

struct LayerListEditor::Row {
    QWidget* widget;
    QLabel* title;
    // A dense row's settings; null in a row shown as written.
    QSpinBox* units = nullptr;
    QComboBox* activation = nullptr;
    QDoubleSpinBox* keep = nullptr;
    QPushButton* remove;
    std::string writtenToken;  // a row shown as written: its token ("conv:6:5"); "" for dense
    // A SimpleRNN or LSTM row's weight initialisation, chosen here; its token is written without
    // it.
    QComboBox* init = nullptr;
};

namespace {
const Activation kHiddenActivations[] = {Activation::Tanh, Activation::Sigmoid, Activation::Relu,
                                         Activation::Linear};
const RecurrentInit kRecurrentInits[] = {RecurrentInit::Uniform, RecurrentInit::Xavier,
                                         RecurrentInit::Orthogonal};

// Layers the list shows as they are written, read-only (the network editor will edit them):
// convolution and pooling, flatten, and the recurrent layers.
bool shownAsWritten(const QString& type) {
    static const QStringList kTypes{QStringLiteral("conv"),    QStringLiteral("maxpool"),
                                    QStringLiteral("avgpool"), QStringLiteral("flatten"),
                                    QStringLiteral("rnn"),     QStringLiteral("lstm"),
                                    QStringLiteral("seq")};
    return kTypes.contains(type);
}
}  // namespace

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
    memory_ = new QLabel(this);
    memory_->setObjectName(QStringLiteral("memoryEstimate"));
    memory_->setWordWrap(true);
    layout->addWidget(memory_);
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
        if (!row->writtenToken.empty()) {
            text += row->writtenToken;
            // The default, uniform, left unwritten as the command line leaves it.
            const QString init = row->init ? row->init->currentData().toString() : QString();
            if (!init.isEmpty() &&
                init != QLatin1String(recurrentInitName(RecurrentInit::Uniform).data()))
                text += (QStringLiteral(":") + init).toStdString();
            continue;
        }
        text += "dense:" + std::to_string(row->units->value()) + ":" +
                row->activation->currentData().toString().toStdString();
        if (row->keep->value() < 1.0)
            text += ",dropout:" + QString::number(row->keep->value()).toStdString();
    }
    return text;
}

void LayerListEditor::setTokens(const std::string& tokens) {
    while (!rows_.empty()) removeRow(rows_.back()->widget);
    const QStringList items = QString::fromStdString(tokens).split(',', Qt::SkipEmptyParts);
    for (const QString& item : items) {
        const QStringList fields = item.split(':');
        if (fields.size() == 2 && fields[0] == QLatin1String("dropout") && !rows_.empty() &&
            rows_.back()->keep) {
            rows_.back()->keep->setValue(
                fields[1].toDouble());  // dropout after the layer before it
            continue;
        }
        if (layerCount() >= kMaxLayers) continue;
        if (shownAsWritten(fields[0])) {
            addWrittenRow(item.toStdString());
            continue;
        }
        if (fields.size() < 2 || fields[0] != QLatin1String("dense")) continue;
        addRow(fields[1].toInt(), fields.size() > 2 ? fields[2] : QStringLiteral("tanh"), 1.0);
    }
}

std::string LayerListEditor::unsupportedToken(const std::string& tokens) {
    int layers = 0;
    bool afterDense = false;  // dropout follows a dense row
    for (const QString& item : QString::fromStdString(tokens).split(',', Qt::SkipEmptyParts)) {
        const QStringList fields = item.split(':');
        const bool isDense = fields.size() >= 2 && fields[0] == QLatin1String("dense") &&
                             fields[1].toInt() >= 1 && fields[1].toInt() <= kMaxUnits &&
                             ++layers <= kMaxLayers;
        const bool isWritten = !isDense && shownAsWritten(fields[0]) && ++layers <= kMaxLayers;
        const bool isDropout =
            fields.size() == 2 && fields[0] == QLatin1String("dropout") && afterDense;
        if (!isDense && !isWritten && !isDropout) return item.toStdString();
        if (!isDropout) afterDense = isDense;
    }
    return {};
}

// The rows' widgets belong to this widget; the Row records that point at them are ours.
LayerListEditor::~LayerListEditor() {
    for (Row* row : rows_) delete row;
}

void LayerListEditor::setOutputDescription(const QString& text) { output_->setText(text); }

void LayerListEditor::setMemoryDescription(const QString& text) {
    memory_->setText(text);
    memory_->setVisible(!text.isEmpty());
}

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
    for (Activation a : kHiddenActivations)
        row->activation->addItem(activationTitle(a), QString::fromLatin1(activationName(a).data()));
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
    connect(row->activation, &QComboBox::currentIndexChanged, this,
            &LayerListEditor::layersChanged);
    connect(row->keep, &QDoubleSpinBox::valueChanged, this, &LayerListEditor::layersChanged);
    QWidget* widget = row->widget;
    connect(row->remove, &QPushButton::clicked, this, [this, widget] {
        removeRow(widget);
        emit layersChanged();
    });
    retranslate();
}

void LayerListEditor::addWrittenRow(const std::string& token) {
    auto* row = new Row;
    row->widget = new QWidget(this);
    // rnn:U[:ACT][:INIT] and lstm:U[:INIT]: the initialisation (uniform unless written) is
    // chosen in the row, the rest shown as written.
    QStringList fields = QString::fromStdString(token).split(':');
    std::optional<RecurrentInit> init;
    if (fields[0] == QLatin1String("rnn") || fields[0] == QLatin1String("lstm")) {
        init = RecurrentInit::Uniform;
        for (qsizetype i = 2; i < fields.size(); ++i)
            if (const auto named = recurrentInitFromName(fields[i].toStdString())) {
                init = named;
                fields.removeAt(i);
                break;
            }
    }
    row->writtenToken = fields.join(':').toStdString();
    auto* layout = new QHBoxLayout(row->widget);
    layout->setContentsMargins(0, 0, 0, 0);
    row->title = new QLabel(row->widget);
    auto* written = new QLabel(QString::fromStdString(row->writtenToken), row->widget);
    written->setObjectName(QStringLiteral("writtenLayer"));
    written->setTextInteractionFlags(Qt::TextSelectableByMouse);
    row->remove = new QPushButton(row->widget);
    row->remove->setObjectName(QStringLiteral("removeLayerButton"));
    row->remove->setIcon(style()->standardIcon(QStyle::SP_DialogDiscardButton));
    layout->addWidget(row->title);
    layout->addWidget(written, 1);
    if (init) {
        row->init = new QComboBox(row->widget);
        row->init->setObjectName(QStringLiteral("recurrentInitChoice"));
        for (RecurrentInit choice : kRecurrentInits)
            row->init->addItem(QString(), QString::fromLatin1(recurrentInitName(choice).data()));
        row->init->setCurrentIndex(
            row->init->findData(QString::fromLatin1(recurrentInitName(*init).data())));
        connect(row->init, &QComboBox::currentIndexChanged, this, &LayerListEditor::layersChanged);
        layout->addWidget(row->init, 1);
    }
    layout->addWidget(row->remove);
    rowsLayout_->addWidget(row->widget);
    rows_.push_back(row);
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

void LayerListEditor::retranslateInit(QComboBox& init) {
    init.setToolTip(
        tr("How the recurrent weights Wx and Wh start (U units). It decides how fast the gradient "
           "fades as it travels back through time: see the Gradient through time tab"));
    const QString titles[] = {tr("Uniform"), tr("Xavier"), tr("Orthogonal")};
    const QString tips[] = {
        tr("Every weight of Wx and Wh uniform within ±1/√U (PyTorch's default)"),
        tr("Each gate's block uniform within ±√(6 / (fan-in + U)), the fan-in D for Wx and U for "
           "Wh"),
        tr("Wx as Xavier; each U × U block of Wh a random orthogonal matrix: all its singular "
           "values are 1, so "
           "h(t−1) Wh, and the gradient going back through Whᵀ, neither shrinks nor grows by "
           "itself")};
    for (int k = 0; k < init.count(); ++k) {
        init.setItemText(k, titles[k]);
        init.setItemData(k, tips[k], Qt::ToolTipRole);
    }
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
        row->remove->setToolTip(tr("Remove this layer"));
        if (!row->units) {
            row->widget->setToolTip(
                tr("This layer is shown as written on the command line (kotohajime-cli train "
                   "--help explains it); it can be removed here, and edited in the network "
                   "editor"));
            if (row->init) retranslateInit(*row->init);
            continue;
        }
        row->units->setSuffix(tr(" units"));
        row->units->setToolTip(tr("Number of units (neurons) in this layer"));
        row->activation->setToolTip(tr("The nonlinearity s in Z = s(XW + b)"));
        for (int k = 0; k < row->activation->count(); ++k)
            row->activation->setItemText(
                k, activationTitle(
                       *activationFromName(row->activation->itemData(k).toString().toStdString())));
        row->keep->setPrefix(tr("p "));
        row->keep->setToolTip(
            tr("Dropout: while training, each unit of this layer is kept with probability p (0.5 "
               "is usual for hidden layers; 1 is no dropout)"));
    }
}

}  // namespace koto::gui

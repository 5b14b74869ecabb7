#include "window/model_export_menu.h"

#include <QAction>
#include <QButtonGroup>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMessageBox>
#include <QRadioButton>
#include <QVBoxLayout>

#include "export/exported_model.h"

namespace koto::gui {
namespace {

constexpr ModelFormat kFormats[] = {ModelFormat::Onnx, ModelFormat::Npz, ModelFormat::NumPy,
                                    ModelFormat::PyTorch};

QString formatTitle(ModelFormat format) {
    switch (format) {
    case ModelFormat::Onnx: return ModelExportMenu::tr("ONNX model (.onnx)");
    case ModelFormat::Npz: return ModelExportMenu::tr("NumPy arrays (.npz)");
    case ModelFormat::NumPy: return ModelExportMenu::tr("NumPy script (.py)");
    case ModelFormat::PyTorch: return ModelExportMenu::tr("PyTorch script (.py)");
    }
    return QString();
}

QString formatExplanation(ModelFormat format) {
    switch (format) {
    case ModelFormat::Onnx:
        return ModelExportMenu::tr("Runs in ONNX Runtime, OpenCV and other tools, and opens "
                                   "again in Kotohajime.");
    case ModelFormat::Npz:
        return ModelExportMenu::tr("Every weight under the curriculum's name (W, b, V, c …), "
                                   "for numpy.load.");
    case ModelFormat::NumPy:
        return ModelExportMenu::tr("forward(X) written with the curriculum's formulas, to read "
                                   "and run; the weights go in an .npz beside it.");
    case ModelFormat::PyTorch:
        return ModelExportMenu::tr("The network as a torch.nn.Module with these weights, to go "
                                   "on training in PyTorch; the weights go in an .npz beside it.");
    }
    return QString();
}

QString fileFilter(ModelFormat format) {
    switch (format) {
    case ModelFormat::Onnx: return ModelExportMenu::tr("ONNX model (*.onnx)");
    case ModelFormat::Npz: return ModelExportMenu::tr("NumPy arrays (*.npz)");
    case ModelFormat::NumPy:
    case ModelFormat::PyTorch: return ModelExportMenu::tr("Python script (*.py)");
    }
    return QString();
}

}  // namespace

ModelExportMenu::ModelExportMenu(QWidget& dialogParent, Source source)
    : QObject(&dialogParent), dialogParent_(dialogParent), source_(std::move(source)) {
    action_ = new QAction(this);
    connect(action_, &QAction::triggered, this, [this] { exportModel(); });
    action_->setObjectName(QStringLiteral("exportModelAction"));
    dialogs_.chooseFormat = [this] { return chooseFormatWithDialog(); };
    dialogs_.chooseFile = [this](const QString& title, const QString& suggested,
                                 const QString& filter) {
        const QString start =
            QDir(folder_.isEmpty() ? QDir::currentPath() : folder_).filePath(suggested);
        return QFileDialog::getSaveFileName(&dialogParent_, title, start, filter);
    };
    dialogs_.showMessage = [this](const QString& title, const QString& message) {
        QMessageBox::warning(&dialogParent_, title, message);
    };
    retranslate();
}

void ModelExportMenu::setDialogs(Dialogs dialogs) { dialogs_ = std::move(dialogs); }

void ModelExportMenu::retranslate() {
    action_->setText(tr("Export &Model…"));
    action_->setToolTip(tr("Save the trained model to use elsewhere: ONNX, NumPy arrays, or a "
                           "NumPy or PyTorch script"));
}

bool ModelExportMenu::exportModel() {
    const QString failed = tr("The model was not exported");
    const std::optional<Project> project = source_.project();
    if (!project) {
        dialogs_.showMessage(failed, tr("Training did not hand over its weights in time. Pause "
                                        "training and export again."));
        return false;
    }
    if (project->weights.empty()) {
        dialogs_.showMessage(failed, tr("There are no trained weights yet: train the network "
                                        "(or take one step), then export it."));
        return false;
    }
    const std::optional<ModelFormat> format = dialogs_.chooseFormat();
    if (!format) return false;
    const QString suggested = QStringLiteral("model") +
                              QString::fromLatin1(modelFormatSuffix(*format).data(),
                                                  static_cast<qsizetype>(modelFormatSuffix(*format).size()));
    QString path = dialogs_.chooseFile(tr("Export Model"), suggested, fileFilter(*format));
    if (path.isEmpty()) return false;
    const QString suffix = QFileInfo(suggested).suffix();
    if (QFileInfo(path).suffix().isEmpty()) path += QLatin1Char('.') + suffix;
    folder_ = QFileInfo(path).absolutePath();
    try {
        writeModelFiles(describeForExport(*project, source_.classNames()), *format,
                        path.toStdString());
    } catch (const std::exception& error) {
        dialogs_.showMessage(failed, tr("%1 could not be written.\n\n%2")
                                         .arg(QFileInfo(path).fileName(),
                                              QString::fromStdString(error.what())));
        return false;
    }
    return true;
}

// The four formats as radio buttons, each with a line on what it is for.
std::optional<ModelFormat> ModelExportMenu::chooseFormatWithDialog() {
    QDialog dialog(&dialogParent_);
    dialog.setWindowTitle(tr("Export Model"));
    auto* layout = new QVBoxLayout(&dialog);
    layout->addWidget(new QLabel(tr("Save the trained model as:"), &dialog));
    QButtonGroup group(&dialog);
    for (const ModelFormat format : kFormats) {
        auto* button = new QRadioButton(formatTitle(format), &dialog);
        group.addButton(button, static_cast<int>(format));
        button->setChecked(format == ModelFormat::Onnx);
        auto* explanation = new QLabel(formatExplanation(format), &dialog);
        explanation->setWordWrap(true);
        explanation->setIndent(24);
        explanation->setForegroundRole(QPalette::PlaceholderText);
        layout->addWidget(button);
        layout->addWidget(explanation);
    }
    auto* note = new QLabel(tr("The learning curves and the confusion matrix are saved as CSV "
                               "with File > Export View…"),
                            &dialog);
    note->setWordWrap(true);
    layout->addSpacing(8);
    layout->addWidget(note);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    layout->addWidget(buttons);
    dialog.setMinimumWidth(460);
    if (dialog.exec() != QDialog::Accepted) return std::nullopt;
    return static_cast<ModelFormat>(group.checkedId());
}

}  // namespace koto::gui

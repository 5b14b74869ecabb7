#include "project/project_session.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QUndoStack>
#include <QWidget>

#include "export/onnx_import.h"
#include "network/layer_registry.h"
#include "util/errors.h"

namespace koto::gui {
namespace {
const QString kRecentFilesKey = QStringLiteral("recentFiles");
const QString kSuffix = QStringLiteral(".koto");

// An ONNX model as a project on the built-in dataset its input fits (export/onnx_import.h).
Project projectFromOnnxFile(const std::string& path) {
    Project project = loadOnnxProject(path);
    project.dataset = datasetFitting(project.network);
    if (project.dataset.empty())
        throw InputError("no built-in dataset has inputs of the model's shape " +
                         shapeText(project.network.inputShape) +
                         "; kotohajime-cli import --dataset SPEC opens it on other data");
    return project;
}

bool contains(const std::string& text, const char* part) {
    return text.find(part) != std::string::npos;
}
}  // namespace

ProjectSession::ProjectSession(Host& host, QWidget* dialogParent, QObject* parent)
    : QObject(parent), host_(host), dialogParent_(dialogParent) {
    dialogs_.chooseFile = [this](bool saving, const QString& suggested) {
        const QString filter = tr("Kotohajime projects (*.koto)");
        if (!saving)
            return QFileDialog::getOpenFileName(
                dialogParent_, tr("Open Project"), suggested,
                tr("Kotohajime projects and ONNX models (*.koto *.onnx)") + QStringLiteral(";;") +
                    filter + QStringLiteral(";;") + tr("ONNX models (*.onnx)"));
        QString path =
            QFileDialog::getSaveFileName(dialogParent_, tr("Save Project"), suggested, filter);
        if (!path.isEmpty() && !path.endsWith(kSuffix)) path += kSuffix;
        return path;
    };
    dialogs_.askUnsaved = [this](const QString& name) {
        const auto answer = QMessageBox::question(
            dialogParent_, tr("Unsaved changes"),
            tr("%1 has changes that are not saved. Save them first?").arg(name),
            QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
        return answer == QMessageBox::Save      ? UnsavedChoice::Save
               : answer == QMessageBox::Discard ? UnsavedChoice::Discard
                                                : UnsavedChoice::Cancel;
    };
    dialogs_.askRestore = [this](const QString& name, const QDateTime& written) {
        QMessageBox box(QMessageBox::Question, tr("Restore unsaved work?"),
                        tr("Kotohajime did not close properly last time. An autosave of %1 from %2 "
                           "holds changes "
                           "that were not saved. Restore them?")
                            .arg(name, QLocale().toString(written, QLocale::ShortFormat)),
                        QMessageBox::NoButton, dialogParent_);
        QPushButton* restore = box.addButton(tr("Restore"), QMessageBox::AcceptRole);
        box.addButton(tr("Discard"), QMessageBox::DestructiveRole);
        box.setDefaultButton(restore);
        box.exec();
        return box.clickedButton() == restore;
    };
    dialogs_.showError = [this](const QString& title, const QString& message) {
        QMessageBox::warning(dialogParent_, title, message);
    };
    connect(&autosave_, &Autosave::due, this, &ProjectSession::writeAutosave);
}

QString ProjectSession::documentName() const {
    return filePath_.isEmpty() ? tr("Untitled") : QFileInfo(filePath_).fileName();
}

bool ProjectSession::isModified() const { return changed_ || (history_ && !history_->isClean()); }

void ProjectSession::setHistory(QUndoStack* history) {
    history_ = history;
    connect(history_, &QUndoStack::cleanChanged, this, &ProjectSession::documentChanged);
    // Any step, also one back towards the clean state, is a change the autosave has not seen.
    connect(history_, &QUndoStack::indexChanged, this, [this] {
        if (isModified()) autosave_.changed();
    });
}

void ProjectSession::markModified() {
    autosave_.changed();
    if (changed_) return;
    const bool was = isModified();
    changed_ = true;
    if (!was) emit documentChanged();
}

bool ProjectSession::newProject() {
    if (!maybeSave()) return false;
    host_.showNewProject();
    autosave_.remove(filePath_);  // its changes were saved or discarded
    setDocument({}, false);
    return true;
}

bool ProjectSession::open() {
    const QString path =
        dialogs_.chooseFile(false, filePath_.isEmpty() ? QString() : QFileInfo(filePath_).path());
    return !path.isEmpty() && openFile(path);
}

bool ProjectSession::openFile(const QString& path) {
    const QString title = tr("The project cannot be opened");
    auto explain = [&](const std::exception& error, bool showing) {
        return tr("%1 could not be opened.\n\n%2\n\nThe work you had open stays as it was.")
            .arg(QFileInfo(path).fileName(), explainOpenProblem(error.what(), showing));
    };
    // Read and checked before anything changes, so a bad file leaves the work open untouched.
    // An ONNX model becomes a new, untitled project on a built-in dataset that fits it.
    const bool onnxModel = path.endsWith(QStringLiteral(".onnx"), Qt::CaseInsensitive);
    Project project;
    try {
        project = onnxModel ? projectFromOnnxFile(path.toStdString()) : loadProject(path.toStdString());
    } catch (const std::exception& error) {
        showError(title, explain(error, false));
        return false;
    }
    // Autoencoders and RBMs open in their own window; the work open here stays as it is.
    if (project.model != ModelKind::Network) {
        try {
            host_.showModelProject(project, path);
        } catch (const std::exception& error) {
            showError(title,
                      tr("%1 could not be opened.\n\n%2\n\nThe work you had open stays as it was.")
                          .arg(QFileInfo(path).fileName(),
                               tr("It holds an autoencoder or an RBM, which opens in the "
                                  "Autoencoder and RBM "
                                  "window, but not this one: %1")
                                   .arg(QString::fromStdString(error.what()))));
            return false;
        }
        addRecent(path);
        return true;
    }
    if (!maybeSave()) return false;
    try {
        host_.showProject(project);
    } catch (const std::exception& error) {
        showError(title, explain(error, true));
        return false;
    }
    autosave_.remove(filePath_);  // the changes of the work before were saved or discarded
    if (onnxModel) {  // saved as a .koto of its own, never over the .onnx
        setDocument(QString(), true);
        return true;
    }
    setDocument(path, false);
    addRecent(path);
    return true;
}

bool ProjectSession::openAsNew(const Project& project) {
    if (!maybeSave()) return false;
    try {
        host_.showProject(project);
    } catch (const std::exception& error) {
        showError(tr("The lesson cannot be opened"),
                  tr("Its project could not be set up.\n\n%1\n\nThe work you had open stays as it "
                     "was.")
                      .arg(explainOpenProblem(error.what(), true)));
        return false;
    }
    autosave_.remove(filePath_);
    setDocument({}, false);
    return true;
}

bool ProjectSession::save() { return filePath_.isEmpty() ? saveAs() : saveTo(filePath_); }

bool ProjectSession::saveAs() {
    const QString suggested = filePath_.isEmpty() ? tr("Untitled") + kSuffix : filePath_;
    const QString path = dialogs_.chooseFile(true, suggested);
    return !path.isEmpty() && saveTo(path);
}

bool ProjectSession::saveTo(const QString& path) {
    const QString title = tr("The project was not saved");
    const std::optional<Project> project = host_.captureProject();
    if (!project) {
        showError(
            title,
            tr("Training did not hand over its weights in time. Pause training and save again."));
        return false;
    }
    try {
        saveProject(*project, path.toStdString());
    } catch (const std::exception& error) {
        // The file before is intact (the write is atomic) and the work stays open and unsaved.
        showError(title, tr("%1 could not be written.\n\n%2\n\nYour work is still open: save it "
                            "somewhere else, or mend what is said above and save again.")
                             .arg(path, QString::fromStdString(error.what())));
        return false;
    }
    autosave_.remove(filePath_);
    if (path != filePath_) autosave_.remove(path);
    setDocument(path, false);
    addRecent(path);
    return true;
}

bool ProjectSession::close() {
    if (!maybeSave()) return false;
    autosave_.remove(filePath_);
    return true;
}

bool ProjectSession::maybeSave() {
    if (!isModified()) return true;
    switch (dialogs_.askUnsaved(documentName())) {
    case UnsavedChoice::Save: return save();
    case UnsavedChoice::Discard: return true;
    case UnsavedChoice::Cancel: return false;
    }
    return false;
}

bool ProjectSession::offerRecovery() {
    const std::optional<Autosave::Found> found = autosave_.findRecoverable();
    if (!found) return false;
    const QString name =
        found->documentPath.isEmpty() ? tr("Untitled") : QFileInfo(found->documentPath).fileName();
    if (!dialogs_.askRestore(name, found->written)) {
        autosave_.discard(*found);
        return false;
    }
    try {
        host_.showProject(loadProject(found->autosavePath.toStdString()));
    } catch (const std::exception& error) {
        showError(tr("The autosave cannot be restored"),
                  tr("The autosave of %1 could not be opened.\n\n%2")
                      .arg(name, explainOpenProblem(error.what(), false)));
        autosave_.discard(*found);
        return false;
    }
    autosave_.adopt(*found);
    // The restored changes are in no file yet: the autosave stays until they are saved or
    // discarded.
    setDocument(found->documentPath, true);
    return true;
}

QStringList ProjectSession::recentFiles() {
    return QSettings().value(kRecentFilesKey).toStringList();
}

void ProjectSession::writeAutosave() {
    if (!isModified()) return;
    if (const std::optional<Project> project = host_.captureProject()) {
        try {
            autosave_.write(*project, filePath_);
        } catch (const std::exception& error) {
            // Nothing to ask the learner: the work is still open, and the next change tries again.
            qWarning("kotohajime: the autosave could not be written: %s", error.what());
        }
    }
}

void ProjectSession::setDocument(const QString& path, bool modified) {
    filePath_ = path;
    changed_ = modified;
    if (history_ && !modified) history_->setClean();
    if (modified) autosave_.changed();
    else autosave_.settled();
    emit documentChanged();
}

void ProjectSession::addRecent(const QString& path) {
    if (!remembersRecent_) return;
    const QString absolute = QFileInfo(path).absoluteFilePath();
    QStringList files = recentFiles();
    files.removeAll(absolute);
    files.prepend(absolute);
    while (files.size() > kMaxRecentFiles) files.removeLast();
    QSettings().setValue(kRecentFilesKey, files);
    emit recentFilesChanged();
}

void ProjectSession::showError(const QString& title, const QString& message) {
    dialogs_.showError(title, message);
}

QString ProjectSession::explainOpenProblem(const std::string& detail, bool showing) {
    QString lead;
    if (showing) lead = tr("Its data cannot be loaded, or its network does not fit the data.");
    else if (contains(detail, "newer Kotohajime"))
        lead = tr("It was made by a newer version of Kotohajime. Update Kotohajime to open it.");
    else if (contains(detail, "not an ONNX model") || contains(detail, "Kotohajime opens") ||
             contains(detail, "is supported") || contains(detail, "is not supported"))
        lead = tr("Kotohajime opens ONNX models that are one chain of the layers it trains. This "
                  "one is damaged or uses something else; the details name it.");
    else if (contains(detail, "no built-in dataset"))
        lead = tr("No built-in dataset has inputs of this model's shape.");
    else if (contains(detail, "cannot be built") || contains(detail, "do not fit") ||
             contains(detail, "saved weights"))
        lead = tr("The network it describes cannot be built: a layer of an unknown type, a "
                  "connection to a layer "
                  "that is not there, or weights that do not fit the network.");
    else if (contains(detail, " must be ") || contains(detail, "holds a NaN") ||
             contains(detail, "holds an infinity"))
        lead = tr("A value in it is out of range: a setting, a count, or a weight that is not a "
                  "finite number. The details name the field.");
    else if (contains(detail, "cannot open") || contains(detail, "No such file") ||
             contains(detail, "cannot read"))
        lead = tr("The file cannot be read.");
    else lead = tr("The file is damaged or is not a Kotohajime project.");
    return lead + QStringLiteral("\n\n") + tr("Details: %1").arg(QString::fromStdString(detail));
}

}  // namespace koto::gui

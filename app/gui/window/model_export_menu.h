#pragma once
// Export Model…: the trained model in a format to take away (export/model_files.h): ONNX, NumPy
// arrays, a NumPy script or a PyTorch script. A small dialog offers the four with a line on what
// each is for, then a save dialog asks where. A message box says why nothing was written
// (nothing trained yet, a path that cannot be written). The main window puts its action in the
// File menu, the autoencoder and RBM window behind a button.

#include <QObject>
#include <QString>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "export/model_files.h"
#include "io/project_file.h"

class QAction;
class QWidget;

namespace koto::gui {

class ModelExportMenu : public QObject {
    Q_OBJECT
public:
    // How it asks and what it says: dialogs by default; tests put in their own.
    struct Dialogs {
        std::function<std::optional<ModelFormat>()> chooseFormat;  // nothing: cancelled
        // The path chosen ("" when cancelled), offering one kind of file (a QFileDialog filter).
        std::function<QString(const QString& title, const QString& suggested,
                              const QString& filter)>
            chooseFile;
        std::function<void(const QString& title, const QString& message)> showMessage;
    };
    // Where the model comes from: the app's state as a project (nothing if training did not hand
    // over its weights in time), and the class names of its data.
    struct Source {
        std::function<std::optional<Project>()> project;
        std::function<std::vector<std::string>()> classNames;
    };

    // The dialogs open over `dialogParent`; the caller places action() (a menu, a button).
    ModelExportMenu(QWidget& dialogParent, Source source);
    void setDialogs(Dialogs dialogs);
    void retranslate();

    // Asks for a format and a file and writes the model there; false if cancelled or not written.
    bool exportModel();
    QAction& action() const { return *action_; }

private:
    std::optional<ModelFormat> chooseFormatWithDialog();

    QWidget& dialogParent_;
    Source source_;
    Dialogs dialogs_;
    QAction* action_;
    QString folder_;  // where the last export went
};

}  // namespace koto::gui

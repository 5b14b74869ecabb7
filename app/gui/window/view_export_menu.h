#pragma once
// Saving the views to files from the main window (views/view_export.h writes them): File >
// Export view… saves the chart whose tab is shown, File > Export picture… the picture on the
// left (the decision boundary or the image gallery); a right click on any view offers to save
// that view as a picture or its data as CSV. A message box says why a file could not be written.

#include <QObject>
#include <QString>
#include <QStringList>
#include <functional>
#include <utility>
#include <vector>

class QAction;
class QMenu;
class QWidget;

namespace koto::gui {

class ExportableView;
class RunViews;

class ViewExportMenu : public QObject {
    Q_OBJECT
public:
    // How it asks for a file and says what went wrong: dialogs by default; tests put in their own.
    struct Dialogs {
        // The path chosen (empty: cancelled), offering these kinds of file (QFileDialog's name
        // filters, "PNG image (*.png)"); `suggested` is a file name without a folder.
        std::function<QString(const QString& title, const QString& suggested,
                              const QStringList& filters)>
            chooseFile;
        std::function<void(const QString& title, const QString& message)> showError;
    };

    // Adds its actions at the end of `fileMenu`, and a context menu to each of the views; the
    // dialogs open over `dialogParent`.
    ViewExportMenu(RunViews& views, QMenu& fileMenu, QWidget& dialogParent);
    void setDialogs(Dialogs dialogs);
    void retranslate();

    // What formats a save offers: pictures (PNG, SVG), the data (CSV), or all three.
    enum class Offer { Picture, Data, Everything };
    // Asks where to save the view and saves it there; false if cancelled or not written.
    bool exportWithDialog(ExportableView& view, Offer offer);
    // The menu a right click on the view opens, made anew each time (the caller owns it; tests
    // trigger its actions).
    QMenu* contextMenu(ExportableView& view, QWidget* parent);

    QAction& exportChartAction() const { return *exportChart_; }
    QAction& exportPictureAction() const { return *exportPicture_; }

protected:
    // QCustomPlot keeps mouse events to itself (Qt::WA_NoMousePropagation), so a right click on a
    // plot never reaches the view around it: caught here, on its way to any plot.
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void showContextMenu(QWidget& widget, ExportableView& view, const QPoint& globalAt);
    QString chooseWithDialog(const QString& title, const QString& suggested,
                             const QStringList& filters);

    RunViews& views_;
    std::vector<std::pair<QWidget*, ExportableView*>> exportable_;  // each view and its widget
    QWidget& dialogParent_;
    Dialogs dialogs_;
    QString folder_;  // where the last file was saved, offered again
    QAction* exportChart_;
    QAction* exportPicture_;
};

}  // namespace koto::gui

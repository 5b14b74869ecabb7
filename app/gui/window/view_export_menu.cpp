#include "window/view_export_menu.h"

#include <qcustomplot.h>

#include <QAction>
#include <QApplication>
#include <QContextMenuEvent>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QMessageBox>
#include <QRegularExpression>

#include "views/exportable_view.h"
#include "views/run_views.h"
#include "views/view_export.h"

namespace koto::gui {

ViewExportMenu::ViewExportMenu(RunViews& views, QMenu& fileMenu, QWidget& dialogParent)
    : QObject(&dialogParent), views_(views), dialogParent_(dialogParent) {
    exportChart_ = fileMenu.addAction(QString(), this, [this] {
        if (ExportableView* chart = views_.shownChart())
            exportWithDialog(*chart, Offer::Everything);
    });
    exportChart_->setObjectName(QStringLiteral("exportViewAction"));
    exportPicture_ = fileMenu.addAction(QString(), this, [this] {
        if (ExportableView* picture = views_.shownPicture())
            exportWithDialog(*picture, Offer::Everything);
    });
    exportPicture_->setObjectName(QStringLiteral("exportPictureAction"));
    // Sequences and tables have no picture on the left.
    connect(&fileMenu, &QMenu::aboutToShow, this,
            [this] { exportPicture_->setEnabled(views_.shownPicture() != nullptr); });
    exportable_ = views_.exportableViews();
    for (const auto& [widget, view] : exportable_) {
        widget->setContextMenuPolicy(Qt::CustomContextMenu);
        connect(widget, &QWidget::customContextMenuRequested, this,
                [this, widget = widget, view = view](const QPoint& at) {
                    showContextMenu(*widget, *view, widget->mapToGlobal(at));
                });
    }
    qApp->installEventFilter(this);
    dialogs_.chooseFile = [this](const QString& title, const QString& suggested,
                                 const QStringList& filters) {
        return chooseWithDialog(title, suggested, filters);
    };
    dialogs_.showError = [this](const QString& title, const QString& message) {
        QMessageBox::warning(&dialogParent_, title, message);
    };
    retranslate();
}

void ViewExportMenu::setDialogs(Dialogs dialogs) { dialogs_ = std::move(dialogs); }

void ViewExportMenu::retranslate() {
    exportChart_->setText(tr("E&xport View…"));
    exportChart_->setToolTip(
        tr("Save the chart shown as a picture (PNG or SVG) or its data as CSV"));
    exportPicture_->setText(tr("Export &Picture…"));
    exportPicture_->setToolTip(tr("Save the decision boundary or the image gallery as a picture "
                                  "(PNG or SVG) or its data as CSV"));
}

void ViewExportMenu::showContextMenu(QWidget& widget, ExportableView& view,
                                     const QPoint& globalAt) {
    QMenu* menu = contextMenu(view, &widget);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->popup(globalAt);
}

bool ViewExportMenu::eventFilter(QObject* watched, QEvent* event) {
    auto* plot =
        event->type() == QEvent::ContextMenu ? qobject_cast<QCustomPlot*>(watched) : nullptr;
    for (QWidget* inside = plot; inside; inside = inside->parentWidget())
        for (const auto& [widget, view] : exportable_)
            if (widget == inside) {
                showContextMenu(*widget, *view,
                                static_cast<QContextMenuEvent*>(event)->globalPos());
                return true;
            }
    return QObject::eventFilter(watched, event);
}

QMenu* ViewExportMenu::contextMenu(ExportableView& view, QWidget* parent) {
    auto* menu = new QMenu(parent);
    menu->addAction(tr("Save as Picture…"), this,
                    [this, &view] { exportWithDialog(view, Offer::Picture); });
    QAction* data = menu->addAction(tr("Save Data as CSV…"), this,
                                    [this, &view] { exportWithDialog(view, Offer::Data); });
    data->setEnabled(!view.csv().isEmpty());  // nothing drawn yet
    return menu;
}

bool ViewExportMenu::exportWithDialog(ExportableView& view, Offer offer) {
    QStringList filters;
    if (offer != Offer::Data)
        filters << tr("PNG image (*.png)") << tr("SVG drawing, sharp at any size (*.svg)");
    if (offer != Offer::Picture) filters << tr("CSV data (*.csv)");
    const QString title = offer == Offer::Data ? tr("Save Data as CSV") : tr("Export View");
    // The view's own name ("lossCurve", "weights") for the file.
    const auto* widget = dynamic_cast<const QWidget*>(&view);
    const QString base =
        widget && !widget->objectName().isEmpty() ? widget->objectName() : QStringLiteral("view");
    const QString suggested =
        base + (offer == Offer::Data ? QStringLiteral(".csv") : QStringLiteral(".png"));
    const QString path = dialogs_.chooseFile(title, suggested, filters);
    if (path.isEmpty()) return false;
    folder_ = QFileInfo(path).absolutePath();
    const QString problem = exportView(view, path);
    if (!problem.isEmpty()) dialogs_.showError(tr("The view was not saved"), problem);
    return problem.isEmpty();
}

// A save dialog whose name gets the suffix of the kind of file chosen, when it has none.
QString ViewExportMenu::chooseWithDialog(const QString& title, const QString& suggested,
                                         const QStringList& filters) {
    QFileDialog dialog(&dialogParent_, title,
                       QDir(folder_.isEmpty() ? QDir::currentPath() : folder_).filePath(suggested));
    dialog.setAcceptMode(QFileDialog::AcceptSave);
    dialog.setNameFilters(filters);
    auto suffixOf = [](const QString& filter) {
        return QRegularExpression(QStringLiteral("\\*\\.(\\w+)")).match(filter).captured(1);
    };
    dialog.setDefaultSuffix(suffixOf(filters.value(0)));
    connect(
        &dialog, &QFileDialog::filterSelected, &dialog,
        [&dialog, suffixOf](const QString& filter) { dialog.setDefaultSuffix(suffixOf(filter)); });
    if (dialog.exec() != QDialog::Accepted || dialog.selectedFiles().isEmpty()) return QString();
    return dialog.selectedFiles().constFirst();
}

}  // namespace koto::gui

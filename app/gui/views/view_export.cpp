#include "views/view_export.h"

#include <qcustomplot.h>

#include <QBuffer>
#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QPixmap>
#include <QWidget>
#include <exception>

#include "io/atomic_file.h"
#include "views/exportable_view.h"
#include "views/svg_picture.h"

namespace koto::gui {
namespace {

QByteArray pngPicture(QWidget& widget) {
    QByteArray png;
    QBuffer buffer(&png);
    if (!buffer.open(QIODevice::WriteOnly) || !widget.grab().save(&buffer, "PNG")) return {};
    return png;
}

}  // namespace

void replotPlots(QWidget& widget) {
    for (QCustomPlot* plot : widget.findChildren<QCustomPlot*>()) plot->replot();
    if (auto* plot = qobject_cast<QCustomPlot*>(&widget)) plot->replot();
}

std::optional<ExportFormat> exportFormatOf(const QString& path) {
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("png")) return ExportFormat::Png;
    if (suffix == QLatin1String("svg")) return ExportFormat::Svg;
    if (suffix == QLatin1String("csv")) return ExportFormat::Csv;
    return std::nullopt;
}

QString exportView(ExportableView& view, const QString& path) {
    const std::optional<ExportFormat> format = exportFormatOf(path);
    if (!format)
        return QCoreApplication::translate(
                   "ViewExport", "%1: a view is saved as a picture (.png or .svg) or as its data "
                                 "(.csv); the name must end in one of these.")
            .arg(path);
    QByteArray contents;
    if (*format == ExportFormat::Csv) {
        contents = view.csv().toUtf8();
        if (contents.isEmpty())
            return QCoreApplication::translate(
                "ViewExport", "The view shows no data yet, so there is nothing to save as CSV. "
                              "Press Step or Play first.");
    } else {
        QWidget& widget = view.pictureWidget();
        replotPlots(widget);
        contents = *format == ExportFormat::Png ? pngPicture(widget) : svgPicture(widget);
        if (contents.isEmpty())
            return QCoreApplication::translate("ViewExport",
                                               "The picture of %1 could not be drawn.")
                .arg(path);
    }
    try {
        writeFileAtomically(QFile::encodeName(path).toStdString(), contents.toStdString());
    } catch (const std::exception& error) {
        return QCoreApplication::translate("ViewExport", "%1 could not be written.\n\n%2")
            .arg(path, QString::fromUtf8(error.what()));
    }
    return {};
}

}  // namespace koto::gui

#pragma once
// Saving a view to a file, in the format its name ends with: .png, the picture as the screen
// shows it; .svg, the picture drawn again as vectors (views/svg_picture.h); .csv, the data behind
// it (ExportableView::csv). Every file is written through core's writeFileAtomically
// (io/atomic_file.h): whole or not at all, and never over a device, a FIFO or a folder. For the
// menus, the context menus and the --export-view command-line option alike.

#include <QString>
#include <optional>

class QWidget;

namespace koto::gui {

class ExportableView;

// Replots every plot in the widget now. Plots replot on a queued timer: a picture taken before it
// runs would show their data before.
void replotPlots(QWidget& widget);

enum class ExportFormat { Png, Svg, Csv };

// The format a path names by its suffix (in any case), nullopt for any other.
std::optional<ExportFormat> exportFormatOf(const QString& path);

// Writes the view to `path`. Returns "" when the file is written, else why it is not, in the
// user's language: another suffix, a view with no data yet for a CSV, or what core refused
// (a folder, a FIFO, a device, a folder that does not exist, no permission).
QString exportView(ExportableView& view, const QString& path);

}  // namespace koto::gui

#pragma once
// A view that can be saved to a file (File > Export view…, its context menu, --export-view): as a
// picture of what it shows now (PNG, or SVG drawn again as vectors), or as the data behind the
// picture (CSV), so that a teacher can put it on a slide and a student can plot it elsewhere.
// views/view_export.h writes the files; a view only says what to write.
//
// The CSV is UTF-8 with a header row first, its column names plain ASCII identifiers and class
// names as the dataset stores them, whatever the interface's language: data to be read by other
// programs. Counts (samples, units, time steps, tiles) start at 1, as the views show them.
// Numbers are written so that they read back exactly (views/csv_text.h).

#include <QString>

class QWidget;

namespace koto::gui {

class ExportableView {
public:
    virtual ~ExportableView() = default;
    // The data behind what the view shows now, as CSV (UTF-8, header row first); empty when it
    // shows nothing yet.
    virtual QString csv() const = 0;
    // The widget whose picture is exported: the view itself or the part of it that shows the data.
    virtual QWidget& pictureWidget() = 0;
};

}  // namespace koto::gui

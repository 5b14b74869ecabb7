#pragma once
// The frames of a run's animation (kotohajime --animate, kotohajime-cli animate): a view as it was
// at one checkpoint, drawn at a fixed size whatever the window's layout, so that every frame (and
// the --view-epoch screenshot of the same checkpoint) is the same picture; under it a strip saying
// the epoch and how the network did on the test data then.

#include <QImage>
#include <QSize>
#include <QString>

#include "training/metrics.h"

namespace koto::gui {

class ExportableView;

// Whether a view, by its name in RunViews::showChart, can be animated: the data's picture,
// "boundary" (2-D data) or "gallery" (images), the "weights", or the learning "curve" (whose
// line marks the epoch shown).
bool isAnimatedView(const QString& name);
// The size a view is drawn at: the boundary square, as the view keeps it; the gallery's rows of
// images; the weights' column whole, without scrolling; the curve 4:3.
QSize frameViewSize(const QString& name);
// The view's picture (ExportableView::pictureWidget) drawn at `size`, its plots replotted first.
QImage drawViewAt(ExportableView& view, QSize size);
// "Epoch 12 · test loss 0.4321 · test accuracy 87.5 %" (for regression the test RMSE), in the
// user's language.
QString frameCaption(const EpochMetrics& metrics);
// The picture above a strip of its width with the caption, in a font made smaller if the caption
// would not fit.
QImage captionedFrame(const QImage& picture, const QString& caption);

}  // namespace koto::gui

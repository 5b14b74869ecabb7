#pragma once
// Data augmentation for image datasets (part 11 of the curriculum): how far each training image
// may be moved, turned, mirrored, brightened or given more contrast each time it is used. Only
// image datasets offer it, and mirroring only those whose classes survive a mirror.

#include <QGroupBox>
#include <string>

#include "data/dataset.h"

class QCheckBox;
class QDoubleSpinBox;
class QLabel;
class QSpinBox;

namespace koto::gui {

class AugmentationPanel : public QGroupBox {
    Q_OBJECT
public:
    explicit AugmentationPanel(QWidget* parent = nullptr);

    // As data/augmentation.h writes it: "translate=2,rotate=10,flip"; "" for none (and for data
    // that is not images).
    std::string text() const;
    // Shows saved augmentation (an opened project's) without signals; call setDataset first.
    // Throws InputError if the text is not augmentation.
    void setText(const std::string& text);
    // Offers what this dataset allows.
    void setDataset(const Dataset& dataset);

signals:
    void augmentationChanged();

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();

    QSpinBox* translate_;
    QSpinBox* rotate_;
    QCheckBox* flip_;
    QDoubleSpinBox* brightness_;
    QDoubleSpinBox* contrast_;
    QLabel* translateLabel_;
    QLabel* rotateLabel_;
    QLabel* brightnessLabel_;
    QLabel* contrastLabel_;
    QLabel* unavailable_;
    bool images_ = false;
    bool mirrorKeepsClass_ = false;
};

}  // namespace koto::gui

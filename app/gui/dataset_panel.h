#pragma once
// Choosing the data: which 2-D set, how many points, how much noise, how much of it is held out
// for testing, and Regenerate for a new random draw.

#include <QGroupBox>

#include "data/dataset_spec.h"

class QComboBox;
class QLabel;
class QPushButton;
class QSlider;
class QSpinBox;

namespace koto::gui {

class DatasetPanel : public QGroupBox {
    Q_OBJECT
public:
    explicit DatasetPanel(QWidget* parent = nullptr);

    DatasetSpec spec() const;
    // Shows a spec's settings (unknown options are ignored; the defaults fill the rest).
    void setSpec(const DatasetSpec& spec);

signals:
    void datasetChanged();

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void updateValueLabels();

    QComboBox* choice_;
    QSpinBox* points_;
    QSlider* noise_;
    QSlider* testShare_;
    QLabel* pointsLabel_;
    QLabel* noiseLabel_;
    QLabel* testShareLabel_;
    QPushButton* regenerate_;
    int seed_ = 1;
};

}  // namespace koto::gui

#pragma once
// Choosing the data: which 2-D set, how many points, how much noise, how much of it is held out
// for testing, and Regenerate for a new random draw; or Fashion-MNIST, a folder of IDX images
// (a user's own MNIST) or a CSV table, with how many training images to use; or a sequence set
// (sine wave, first bit, parity, image rows) with its number of time steps, and for the first
// three whether they ask their question at every step (many-to-many) or after the last.

#include <QGroupBox>
#include <functional>

#include "data/dataset_spec.h"

class QCheckBox;
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

    // Asks the user for a folder (IDX) or a file (CSV); "" when they cancel. A file dialog by
    // default; tests put their own.
    using PathChooser = std::function<QString(bool folder)>;
    void setPathChooser(PathChooser chooser) { choosePath_ = std::move(chooser); }

signals:
    void datasetChanged();

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void updateValueLabels();
    // Shows the settings the chosen kind of data has.
    void updateVisibility();
    // For idx and csv: asks for the path; false if the user cancelled.
    bool askForPath();
    std::string kind() const;

    QComboBox* choice_;
    QSpinBox* points_;
    QSlider* noise_;
    QSlider* testShare_;
    QLabel* pointsLabel_;
    QLabel* noiseLabel_;
    QLabel* testShareLabel_;
    QPushButton* regenerate_;
    QSpinBox* images_;
    QLabel* imagesLabel_;
    QSpinBox* steps_;  // sequences: the bits of firstbit and parity, the sine's window
    QLabel* stepsLabel_;
    QCheckBox* everyStep_;  // sine, firstbit, parity: targets=every (a target at every time step)
    QLabel* path_;
    QPushButton* pathButton_;
    int seed_ = 1;
    QString folder_, file_;  // the IDX folder and the CSV file chosen
    // The images seqimg reads row by row: fashion-mnist, or idx (the folder_) as a spec gave it.
    std::string rowSource_ = "fashion-mnist";
    int previous_ = 0;  // the choice before this one, to go back to when a choice is cancelled
    std::string announced_;  // the data last announced (datasetChanged) or set
    PathChooser choosePath_;
};

}  // namespace koto::gui

#pragma once
// How to train: the learning rate (changeable while training runs), the mini-batch size and how
// fast to go (slow enough to watch, or as fast as the machine can).

#include <QGroupBox>

class QComboBox;
class QLabel;
class QSpinBox;

namespace koto::gui {

class TrainingPanel : public QGroupBox {
    Q_OBJECT
public:
    explicit TrainingPanel(QWidget* parent = nullptr);

    double learningRate() const;
    void setLearningRate(double rate);
    int batchSize() const;
    void setBatchSize(int size);
    double epochsPerSecond() const;  // 0: full speed

signals:
    void learningRateChanged(double rate);
    void batchSizeChanged(int size);
    void speedChanged(double epochsPerSecond);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();

    QComboBox* learningRate_;
    QSpinBox* batchSize_;
    QComboBox* speed_;
    QLabel* learningRateLabel_;
    QLabel* batchSizeLabel_;
    QLabel* speedLabel_;
};

}  // namespace koto::gui

#pragma once
// Image datasets shown as images: the first test images with their labels and, once training
// has begun, the network's answer under each (green when right, red when wrong); or a few
// training images beside copies augmented as training would augment them.

#include <QWidget>
#include <memory>
#include <vector>

#include "data/augmentation.h"
#include "data/dataset.h"
#include "training/training_snapshot.h"
#include "views/exportable_view.h"

class QComboBox;
class QLabel;

namespace koto::gui {

class ImageGalleryView : public QWidget, public ExportableView {
    Q_OBJECT
public:
    explicit ImageGalleryView(QWidget* parent = nullptr);

    void setDataset(std::shared_ptr<const Dataset> dataset);
    void setAugmentation(const Augmentation& augmentation);
    // The network's class and its probability for each of the first test images (empty: none yet).
    void setPredictions(std::vector<int32_t> classes, std::vector<float> probabilities);

    // Frames the test image `sample` (counted from 0) as the one chosen for the output view (-1:
    // none).
    void setChosenSample(int64_t sample);
    // Where test image `sample`'s picture is drawn, in this widget (for tests).
    QPoint imageCentre(int64_t sample) const;

    enum class Mode { TestImages, AugmentedImages };
    void setMode(Mode mode);
    Mode mode() const;
    // What is drawn, for tests: how many images, and how many of the answers shown are right.
    int imagesShown() const;
    int correctAnswersShown() const;

    // A row for each image shown, its pixels x1, x2, ... (row by row, 0 to 1) last: the test
    // images (sample,true_class,answer,probability; no answer before training), or the training
    // images and their augmented copies (training_image,copy,class; copy 0 the image itself).
    QString csv() const override;
    // The images, without the mode's chooser and the note above them.
    QWidget& pictureWidget() override;

signals:
    // A test image clicked, counted from 0 (the first kGallerySamples of the test data).
    void testImageClicked(int64_t sample);

protected:
    void changeEvent(QEvent* event) override;

private:
    class Canvas;
    void retranslate();
    void makeAugmentedCopies();

    std::shared_ptr<const Dataset> dataset_;
    Augmentation augmentation_;
    std::vector<float> copies_;  // kAugmentedRows x kCopies images
    std::vector<int32_t> predicted_;
    std::vector<float> probabilities_;
    int64_t chosen_ = -1;  // the test image chosen for the output view
    QComboBox* mode_;
    QLabel* note_;
    Canvas* canvas_;
};

}  // namespace koto::gui

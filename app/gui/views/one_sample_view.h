#pragma once
// What the views of one test sample's way through the network share (the feature maps of part
// 12, the states over time of part 13): a row to choose the sample, counted from 1 as a learner
// counts, with a label beside it for what the sample is; under it, in a scrolling column, a note
// and one picture after another, made as they are first needed and hidden when not drawn.
// The texts stay with each view (their own tr() context): it sets them in retranslate().

#include <QVBoxLayout>
#include <QWidget>
#include <cstdint>
#include <vector>

#include "data/dataset.h"

class QLabel;
class QSpinBox;

namespace koto::gui {

class OneSampleView : public QWidget {
    Q_OBJECT
public:
    // The chosen test sample, counted from 0 as the data counts.
    int64_t chosenSample() const;

signals:
    void sampleChosen(int64_t sample);

protected:
    // `chooserName` is the spin box's object name, by which tests find it. The derived view's
    // constructor calls retranslate(): from here the virtual call would not reach it.
    OneSampleView(const QString& chooserName, QWidget* parent);

    // Draws the pictures again for the chosen sample (after a choice, new data, a new language).
    virtual void redraw() = 0;
    // Sets the view's texts in the current language, then redraws.
    virtual void retranslate() = 0;
    void changeEvent(QEvent* event) override;

    // The samples to choose from: the test samples of `dataset` (one where there is none). Sends
    // no sampleChosen: the choice is kept where it still exists.
    void setSampleRange(const Dataset* dataset);

    // Picture `index` of the column, made on first use (above the stretch) and shown.
    template <typename Picture>
    Picture* picture(std::vector<Picture*>& pictures, size_t index) {
        while (pictures.size() <= index) {
            auto* view = new Picture;
            column_->insertWidget(column_->count() - 1, view);
            pictures.push_back(view);
        }
        pictures[index]->show();
        return pictures[index];
    }
    template <typename Picture>
    static void hideAll(const std::vector<Picture*>& pictures) {
        for (Picture* view : pictures) view->hide();
    }
    template <typename Picture>
    static std::vector<const Picture*> shown(const std::vector<Picture*>& pictures) {
        std::vector<const Picture*> visible;
        for (const Picture* view : pictures)
            if (!view->isHidden()) visible.push_back(view);
        return visible;
    }

    QLabel* sampleLabel_;  // names what is chosen ("Test image")
    QSpinBox* sample_;
    QLabel* about_;  // what the chosen sample is: its class or target
    QLabel* note_;   // first in the column: it scrolls with the pictures it explains
    QVBoxLayout* column_;
};

}  // namespace koto::gui

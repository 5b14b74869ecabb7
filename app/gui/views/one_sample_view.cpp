#include "views/one_sample_view.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QScrollArea>
#include <QSpinBox>
#include <algorithm>

#include "look/column_scroll.h"

namespace koto::gui {

OneSampleView::OneSampleView(const QString& chooserName, QWidget* parent) : QWidget(parent) {
    sampleLabel_ = new QLabel(this);
    sample_ = new QSpinBox(this);
    sample_->setObjectName(chooserName);
    sample_->setRange(1, 1);
    about_ = new QLabel(this);
    note_ = new QLabel(this);
    note_->setWordWrap(true);
    auto* chooser = new QHBoxLayout;
    chooser->addWidget(sampleLabel_);
    chooser->addWidget(sample_);
    chooser->addWidget(about_, 1);

    auto* content = new QWidget;
    column_ = new QVBoxLayout(content);
    column_->addWidget(note_);
    column_->addStretch(1);
    QScrollArea* scroll = columnScroll(content, this);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(chooser);
    layout->addWidget(scroll, 1);

    // Shown from 1, as a learner counts; sent from 0, as the data counts.
    connect(sample_, &QSpinBox::valueChanged, this, [this](int value) {
        redraw();
        emit sampleChosen(value - 1);
    });
}

int64_t OneSampleView::chosenSample() const { return sample_->value() - 1; }

void OneSampleView::setSampleRange(const Dataset* dataset) {
    const QSignalBlocker block(sample_);
    sample_->setRange(1, static_cast<int>(std::max<int64_t>(1, dataset ? dataset->test.count : 1)));
}

void OneSampleView::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(event);
}

}  // namespace koto::gui

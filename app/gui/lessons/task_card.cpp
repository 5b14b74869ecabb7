#include "lessons/task_card.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

#include "look/presentation.h"

#include "look/view_colours.h"

namespace koto::gui {

TaskCard::TaskCard(int number, const LessonTask& task, QWidget* parent)
    : QFrame(parent), number_(number), task_(task) {
    setObjectName(QStringLiteral("taskCard%1").arg(number));
    mark_ = new QLabel;
    mark_->setObjectName(QStringLiteral("taskMark"));
    mark_->setAlignment(Qt::AlignTop | Qt::AlignHCenter);
    setRelativeFont(*mark_, 1.3, true);
    mark_->setMinimumWidth(mark_->fontMetrics().horizontalAdvance(QStringLiteral("✔")) * 2);
    text_ = new QLabel;
    text_->setWordWrap(true);
    text_->setTextFormat(Qt::PlainText);
    hint_ = new QPushButton;
    hint_->setObjectName(QStringLiteral("hintButton"));
    connect(hint_, &QPushButton::clicked, this, &TaskCard::hintWanted);
    hints_ = new QVBoxLayout;
    hints_->setContentsMargins(0, 0, 0, 0);

    auto* body = new QVBoxLayout;
    body->addWidget(text_);
    body->addLayout(hints_);
    body->addWidget(hint_, 0, Qt::AlignLeft);
    auto* row = new QHBoxLayout(this);
    row->setContentsMargins(6, 6, 6, 6);
    row->addWidget(mark_);
    row->addLayout(body, 1);
    restyle();
}

void TaskCard::show(const std::string& language, int hintsShown) {
    text_->setText(tr("Task %1: %2").arg(number_).arg(QString::fromStdString(task_.text.in(language))));
    while (QLayoutItem* item = hints_->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    const int shown = std::min(hintsShown, static_cast<int>(task_.hints.size()));
    for (int i = 0; i < shown; ++i) {
        auto* hint = new QLabel(tr("Hint %1: %2").arg(i + 1).arg(
            QString::fromStdString(task_.hints[static_cast<size_t>(i)].in(language))));
        hint->setObjectName(QStringLiteral("hintText"));
        hint->setWordWrap(true);
        hint->setTextFormat(Qt::PlainText);
        hint->setStyleSheet(QStringLiteral("QLabel { color: palette(text); font-style: italic; }"));
        hints_->addWidget(hint);
    }
    const int left = static_cast<int>(task_.hints.size()) - shown;
    hint_->setVisible(left > 0);
    hint_->setText(shown == 0 ? tr("Show a hint") : tr("Another hint (%1 left)").arg(left));
}

void TaskCard::setDone(bool done) {
    done_ = done;
    restyle();
}

void TaskCard::setFocused(bool focused) {
    focused_ = focused;
    restyle();
}

void TaskCard::restyle() {
    mark_->setText(done_ ? QStringLiteral("✔") : QStringLiteral("○"));
    mark_->setToolTip(done_ ? tr("Done: the check passed on your run") : tr("Not done yet"));
    // Done tasks in green; the task in focus outlined, so a class can follow it on a projector.
    const QString border = focused_ ? QStringLiteral("2px solid palette(highlight)")
                                    : QStringLiteral("1px solid palette(mid)");
    setStyleSheet(QStringLiteral("koto--gui--TaskCard { border: %1; border-radius: 6px; }"
                                 "QLabel#taskMark { color: %2; }")
                      .arg(border, done_ ? rightColour().name() : QStringLiteral("palette(mid)")));
}

}  // namespace koto::gui

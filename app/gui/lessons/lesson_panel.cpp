#include "lessons/lesson_panel.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSplitter>
#include <QStackedWidget>
#include <QVBoxLayout>

#include "lessons/lesson_progress.h"
#include "lessons/lesson_text_view.h"
#include "lessons/task_card.h"
#include "look/presentation.h"
#include "look/view_colours.h"

namespace koto::gui {
namespace {

// The interface's language, which the app sets as the default locale ("ja" or "en").
std::string language() {
    return QLocale().language() == QLocale::Japanese ? "ja" : "en";
}

QString text(const LessonText& text) { return QString::fromStdString(text.in(language())); }

QLabel* wrappingLabel(const char* name) {
    auto* label = new QLabel;
    label->setObjectName(QLatin1String(name));
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    return label;
}

}  // namespace

LessonPanel::LessonPanel(LessonProgress& progress, QWidget* parent)
    : QWidget(parent), progress_(progress) {
    setObjectName(QStringLiteral("lessonPanel"));
    pages_ = new QStackedWidget;
    pages_->addWidget(buildListPage());
    pages_->addWidget(buildLessonPage());
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(pages_);
    retranslate();
}

QWidget* LessonPanel::buildListPage() {
    auto* page = new QWidget;
    listTitle_ = wrappingLabel("lessonListTitle");
    setRelativeFont(*listTitle_, 1.25, true);
    list_ = new QListWidget;
    list_->setObjectName(QStringLiteral("lessonList"));
    list_->setWordWrap(true);
    list_->setSpacing(2);
    connect(list_, &QListWidget::itemActivated, this, [this](QListWidgetItem* item) {
        emit lessonChosen(item->data(Qt::UserRole).toString());
    });
    refused_ = wrappingLabel("refusedLessons");
    showAsNote(*refused_, Note::Warning);
    open_ = new QPushButton;
    open_->setObjectName(QStringLiteral("openLessonButton"));
    open_->setDefault(true);
    connect(open_, &QPushButton::clicked, this, [this] {
        if (QListWidgetItem* item = list_->currentItem())
            emit lessonChosen(item->data(Qt::UserRole).toString());
    });
    auto* layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(listTitle_);
    layout->addWidget(list_, 1);
    layout->addWidget(refused_);
    layout->addWidget(open_);
    return page;
}

QWidget* LessonPanel::buildLessonPage() {
    auto* page = new QWidget;
    back_ = new QPushButton;
    back_->setObjectName(QStringLiteral("allLessonsButton"));
    connect(back_, &QPushButton::clicked, this, [this] {
        showList(lesson_ ? QString::fromStdString(lesson_->id) : QString());
    });
    reset_ = new QPushButton;
    reset_->setObjectName(QStringLiteral("resetLessonButton"));
    connect(reset_, &QPushButton::clicked, this, &LessonPanel::resetRequested);
    title_ = wrappingLabel("lessonTitle");
    setRelativeFont(*title_, 1.25, true);
    goal_ = wrappingLabel("lessonGoal");
    text_ = new LessonTextView;
    text_->setObjectName(QStringLiteral("lessonText"));

    tasksTitle_ = wrappingLabel("tasksTitle");
    setRelativeFont(*tasksTitle_, 1.0, true);
    auto* tasks = new QWidget;
    tasksLayout_ = new QVBoxLayout(tasks);
    tasksLayout_->setContentsMargins(0, 0, 0, 0);
    summary_ = wrappingLabel("lessonSummary");
    showAsNote(*summary_, Note::Done);
    auto* tasksColumn = new QWidget;
    auto* column = new QVBoxLayout(tasksColumn);
    column->setContentsMargins(0, 0, 4, 0);
    column->addWidget(tasksTitle_);
    column->addWidget(tasks);
    column->addWidget(summary_);
    column->addStretch(1);
    auto* tasksScroll = new QScrollArea;
    tasksScroll->setObjectName(QStringLiteral("tasksScroll"));
    tasksScroll->setWidget(tasksColumn);
    tasksScroll->setWidgetResizable(true);
    tasksScroll->setFrameShape(QFrame::NoFrame);
    tasksScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);

    // The text over the tasks, the learner choosing how much of each.
    auto* split = new QSplitter(Qt::Vertical);
    split->addWidget(text_);
    split->addWidget(tasksScroll);
    split->setSizes({3, 2});
    split->setChildrenCollapsible(false);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(back_);
    buttons->addStretch(1);
    buttons->addWidget(reset_);
    auto* layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(buttons);
    layout->addWidget(title_);
    layout->addWidget(goal_);
    layout->addWidget(split, 1);
    return page;
}

void LessonPanel::setLibrary(LessonLibrary library) {
    const QString open = lesson_ ? QString::fromStdString(lesson_->id) : QString();
    library_ = std::move(library);
    lesson_ = open.isEmpty() ? nullptr : library_.find(open.toStdString());
    fillList();
    if (lesson_) fillLesson();
    else if (!showsList()) showList();
}

void LessonPanel::showList(const QString& chosen) {
    pages_->setCurrentIndex(0);
    const bool closing = lesson_ != nullptr;
    lesson_ = nullptr;
    cards_.clear();  // the lesson page's cards stay until the next lesson replaces them
    fillList();
    QString id = chosen;
    if (id.isEmpty()) {  // the first lesson not finished
        for (const Lesson& lesson : library_.lessons) {
            const QString candidate = QString::fromStdString(lesson.id);
            if (progress_.doneCount(candidate) < static_cast<int>(lesson.tasks.size())) {
                id = candidate;
                break;
            }
        }
    }
    for (int row = 0; row < list_->count(); ++row)
        if (list_->item(row)->data(Qt::UserRole).toString() == id) list_->setCurrentRow(row);
    if (!list_->currentItem() && list_->count() > 0) list_->setCurrentRow(0);
    if (closing) emit lessonClosed();
}

bool LessonPanel::showsList() const { return pages_->currentIndex() == 0; }

void LessonPanel::showLesson(const QString& id) {
    lesson_ = library_.find(id.toStdString());
    if (!lesson_) return;
    focused_ = -1;
    fillLesson();
    pages_->setCurrentIndex(1);
    text_->verticalScrollBar()->setValue(0);
}

void LessonPanel::fillList() {
    list_->clear();
    for (const Lesson& lesson : library_.lessons) {
        const QString id = QString::fromStdString(lesson.id);
        const int done = progress_.doneCount(id);
        const int tasks = static_cast<int>(lesson.tasks.size());
        auto* item = new QListWidgetItem(
            tr("Part %1 · %2\n%3 of %4 tasks done")
                .arg(lesson.part)
                .arg(text(lesson.title))
                .arg(done)
                .arg(tasks));
        item->setData(Qt::UserRole, id);
        item->setToolTip(text(lesson.goal));
        if (done == tasks) item->setForeground(rightColour());
        list_->addItem(item);
    }
    const auto& problems = library_.problems;
    refused_->setVisible(!problems.empty());
    if (!problems.empty()) {
        QString details;
        for (const std::string& problem : problems)
            details += QString::fromStdString(problem) + u'\n';
        // A path has no spaces to wrap at: a zero-width space after each slash gives it some, so
        // that a long one does not widen the panel.
        QString first = QString::fromStdString(problems.front());
        first.replace(u'/', QStringLiteral("/\u200B"));
        refused_->setText(tr("Left out, as they could not be read: %n lesson(s). The first: %1", "",
                             static_cast<int>(problems.size()))
                              .arg(first));
        refused_->setToolTip(details.trimmed());
    }
    open_->setEnabled(!library_.lessons.empty());
}

void LessonPanel::fillLesson() {
    const Lesson& lesson = *lesson_;
    const QString id = QString::fromStdString(lesson.id);
    const std::string language = koto::gui::language();
    title_->setText(tr("Part %1 · %2").arg(lesson.part).arg(text(lesson.title)));
    goal_->setText(text(lesson.goal));
    text_->setLesson(QString::fromStdString(lesson.body.in(language)));
    while (QLayoutItem* item = tasksLayout_->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    cards_.clear();
    for (size_t i = 0; i < lesson.tasks.size(); ++i) {
        const int index = static_cast<int>(i);
        auto* card = new TaskCard(index + 1, lesson.tasks[i]);
        card->show(language, progress_.hintsShown(id, index));
        card->setDone(progress_.isDone(id, index));
        card->setFocused(index == focused_);
        connect(card, &TaskCard::hintWanted, this, [this, card, index] {
            const QString lessonId = QString::fromStdString(lesson_->id);
            progress_.showHint(lessonId, index);
            card->show(koto::gui::language(), progress_.hintsShown(lessonId, index));
        });
        tasksLayout_->addWidget(card);
        cards_.push_back(card);
    }
    updateSummary();
}

void LessonPanel::updateSummary() {
    bool all = !cards_.empty();
    for (const TaskCard* card : cards_) all = all && card->isDone();
    summary_->setVisible(all);
    if (all && lesson_)
        summary_->setText(tr("Every task is done. In short: %1").arg(text(lesson_->summary)));
}

void LessonPanel::checkTasks(const RunFacts& facts) {
    if (!lesson_) return;
    const QString id = QString::fromStdString(lesson_->id);
    for (size_t i = 0; i < cards_.size(); ++i) {
        if (cards_[i]->isDone() || !lesson_->tasks[i].check.holds(facts)) continue;
        progress_.markDone(id, static_cast<int>(i));
        cards_[i]->setDone(true);
        emit taskMet(static_cast<int>(i));
    }
    updateSummary();
}

void LessonPanel::focusTask(int index) {
    if (cards_.empty()) return;
    focused_ = std::clamp(index, 0, static_cast<int>(cards_.size()) - 1);
    for (size_t i = 0; i < cards_.size(); ++i)
        cards_[i]->setFocused(static_cast<int>(i) == focused_);
    if (auto* scroll = findChild<QScrollArea*>(QStringLiteral("tasksScroll")))
        scroll->ensureWidgetVisible(cards_[static_cast<size_t>(focused_)]);
}

void LessonPanel::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(event);
}

void LessonPanel::retranslate() {
    listTitle_->setText(tr("Lessons"));
    open_->setText(tr("Open lesson"));
    back_->setText(tr("All lessons"));
    reset_->setText(tr("Reset this lesson's preset"));
    reset_->setToolTip(tr("Open the lesson's data, network and settings again, untrained"));
    tasksTitle_->setText(tr("Tasks"));
    fillList();
    if (lesson_) fillLesson();
}

}  // namespace koto::gui

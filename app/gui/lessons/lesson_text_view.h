#pragma once
// A lesson's text as the lesson panel shows it: Markdown with its maths drawn as maths
// (lessons/lesson_markdown.h, lessons/math_picture.h), in the view's font and colours, drawn
// again when they change (projector mode, a theme) so that the maths always matches the text.

#include <QTextBrowser>

namespace koto::gui {

class LessonTextView : public QTextBrowser {
    Q_OBJECT
public:
    explicit LessonTextView(QWidget* parent = nullptr);

    void setLesson(const QString& markdown);
    // The formulas the text holds that could not be read (for the lesson's author), with why.
    const QStringList& mathProblems() const { return problems_; }

protected:
    void changeEvent(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void render();

    QString markdown_;
    QStringList problems_;
    int renderedWidth_ = 0;  // the view's width the formulas were fitted to
    bool refitting_ = false;  // a render to fit a new width is on its way
};

}  // namespace koto::gui

#pragma once
// The Classroom menu: how the app looks in front of a class. Projector mode (Ctrl+Shift+P: large
// text, thick lines, high contrast, full screen), full screen alone (F11), colour-blind-safe
// colours, and the theme: light, dark or the system's. The actions change the one presentation
// (look/presentation.h) and show its state, also where something else changed it (--projector).
// The theme and the colours are remembered; projector mode and full screen last one session.

#include <QMenu>

#include "look/presentation.h"

class QActionGroup;
class QMainWindow;

namespace koto::gui {

class ClassroomMenu : public QMenu {
    Q_OBJECT
public:
    // The menu of `window`, which it puts into full screen and back.
    explicit ClassroomMenu(QMainWindow& window);

    QAction* projectorAction() const { return projector_; }
    QAction* fullScreenAction() const { return fullScreen_; }
    QAction* colourBlindAction() const { return colourBlind_; }
    QAction* themeAction(Theme theme) const;

protected:
    void changeEvent(QEvent* event) override;
    // The window left or entered full screen (also by the window manager): the check follows.
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void retranslate();
    // The checks as the presentation and the window are now.
    void showState();
    void setFullScreen(bool on);

    QMainWindow& window_;
    QAction* projector_;
    QAction* fullScreen_;
    QAction* colourBlind_;
    QMenu* themeMenu_;
    QAction* light_;
    QAction* dark_;
    QAction* system_;
    // Projector mode went full screen itself, and so leaves it when it ends.
    bool projectorMadeFullScreen_ = false;
};

}  // namespace koto::gui

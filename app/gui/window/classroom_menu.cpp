#include "window/classroom_menu.h"

#include <QActionGroup>
#include <QEvent>
#include <QMainWindow>

namespace koto::gui {

ClassroomMenu::ClassroomMenu(QMainWindow& window) : QMenu(&window), window_(window) {
    setObjectName(QStringLiteral("classroomMenu"));
    projector_ = addAction(QString());
    projector_->setObjectName(QStringLiteral("projectorAction"));
    projector_->setCheckable(true);
    projector_->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
    fullScreen_ = addAction(QString());
    fullScreen_->setObjectName(QStringLiteral("fullScreenAction"));
    fullScreen_->setCheckable(true);
    fullScreen_->setShortcut(QKeySequence(Qt::Key_F11));
    addSeparator();
    colourBlind_ = addAction(QString());
    colourBlind_->setObjectName(QStringLiteral("colourBlindAction"));
    colourBlind_->setCheckable(true);
    themeMenu_ = addMenu(QString());
    auto* themes = new QActionGroup(this);
    light_ = themeMenu_->addAction(QString());
    dark_ = themeMenu_->addAction(QString());
    system_ = themeMenu_->addAction(QString());
    for (auto [action, theme] : {std::pair{light_, Theme::Light}, std::pair{dark_, Theme::Dark},
                                 std::pair{system_, Theme::System}}) {
        action->setObjectName(Presentation::nameOf(theme) + QStringLiteral("ThemeAction"));
        action->setCheckable(true);
        themes->addAction(action);
        connect(action, &QAction::triggered, this, [theme] {
            Presentation::instance().setTheme(theme);
            Presentation::instance().remember();
        });
    }
    setToolTipsVisible(true);

    connect(projector_, &QAction::toggled, this, [this](bool on) {
        Presentation::instance().setProjector(on);
        const bool full = window_.isFullScreen();
        if (on && !full) {
            projectorMadeFullScreen_ = true;
            setFullScreen(true);
        } else if (!on && projectorMadeFullScreen_) {
            setFullScreen(false);
        }
        if (!on) projectorMadeFullScreen_ = false;
    });
    connect(fullScreen_, &QAction::toggled, this, [this](bool on) {
        if (!on) projectorMadeFullScreen_ = false;  // the teacher chose: leave it so
        setFullScreen(on);
    });
    connect(colourBlind_, &QAction::toggled, this, [](bool on) {
        Presentation::instance().setColourBlindSafe(on);
        Presentation::instance().remember();
    });
    connect(&Presentation::instance(), &Presentation::changed, this, &ClassroomMenu::showState);
    window_.installEventFilter(this);
    showState();
    retranslate();
}

QAction* ClassroomMenu::themeAction(Theme theme) const {
    switch (theme) {
    case Theme::Light: return light_;
    case Theme::Dark: return dark_;
    case Theme::System: break;
    }
    return system_;
}

void ClassroomMenu::setFullScreen(bool on) {
    if (on == window_.isFullScreen()) return;
    // Only the full-screen flag changes: a maximised window comes back maximised.
    window_.setWindowState(on ? window_.windowState() | Qt::WindowFullScreen
                              : window_.windowState() & ~Qt::WindowFullScreen);
}

void ClassroomMenu::showState() {
    const Presentation& presentation = Presentation::instance();
    // Setting a check here must not act again: the state already is so.
    for (QAction* action : {projector_, fullScreen_, colourBlind_}) action->blockSignals(true);
    projector_->setChecked(presentation.projector());
    fullScreen_->setChecked(window_.isFullScreen());
    colourBlind_->setChecked(presentation.colourBlindSafe());
    for (QAction* action : {projector_, fullScreen_, colourBlind_}) action->blockSignals(false);
    themeAction(presentation.theme())->setChecked(true);
}

bool ClassroomMenu::eventFilter(QObject* watched, QEvent* event) {
    if (watched == &window_ && event->type() == QEvent::WindowStateChange) showState();
    return QMenu::eventFilter(watched, event);
}

void ClassroomMenu::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QMenu::changeEvent(event);
}

void ClassroomMenu::retranslate() {
    setTitle(tr("&Classroom"));
    projector_->setText(tr("&Projector mode"));
    projector_->setToolTip(tr("Large text, thick lines and high contrast, full screen: for a "
                              "class watching on a projector"));
    fullScreen_->setText(tr("&Full screen"));
    colourBlind_->setText(tr("Colour-&blind-safe colours"));
    colourBlind_->setToolTip(tr("Colours that stay apart for people who see red and green alike; "
                                "compared curves also differ by their dashes"));
    themeMenu_->setTitle(tr("&Theme"));
    light_->setText(tr("&Light"));
    dark_->setText(tr("&Dark"));
    system_->setText(tr("As the &system has it"));
}

}  // namespace koto::gui

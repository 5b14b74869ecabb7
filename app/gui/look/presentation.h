#pragma once
// How the whole app is presented, kept in one place: projector mode (bigger fonts, thicker lines,
// more contrast), colour-blind-safe colours, and the light or dark theme. The application's font,
// style and palette follow it, so every widget does; the views read it when they draw (through
// linePen, markerSize and look/view_colours.h) and redraw when it says it changed.
//
// Projector mode is for this session only; the theme and the colour-blind palette are remembered.

#include <QFont>
#include <QObject>
#include <QPalette>
#include <QPen>
#include <QString>
#include <optional>

class QWidget;

namespace koto::gui {

enum class Theme { System, Light, Dark };

class Presentation : public QObject {
    Q_OBJECT
public:
    // The one of this process, made on first use (after the QApplication).
    static Presentation& instance();

    bool projector() const { return projector_; }
    // How much thicker lines and markers are drawn, and how much bigger text is: 1 ordinarily,
    // 2 and 1.5 on a projector.
    double lineScale() const { return projector_ ? 2.0 : 1.0; }
    double fontScale() const { return projector_ ? 1.5 : 1.0; }
    bool colourBlindSafe() const { return colourBlindSafe_; }
    Theme theme() const { return theme_; }
    // Whether what is shown is dark: the dark theme, or a dark palette of the system's.
    bool dark() const;

    void setProjector(bool on);
    void setColourBlindSafe(bool on);
    void setTheme(Theme theme);

    // The theme and the palette as the user last chose them, and keeping the current ones.
    void restoreRemembered();
    void remember() const;

    // "light", "dark" or "system" (the --theme option and the saved setting).
    static std::optional<Theme> themeNamed(const QString& name);
    static QString nameOf(Theme theme);

signals:
    // After any change, once the application's font and palette follow it.
    void changed();

private:
    Presentation();
    // Puts the font, style and palette on the application, tells everyone, and repaints.
    void apply();

    bool projector_ = false;
    bool colourBlindSafe_ = false;
    Theme theme_ = Theme::System;
    // As the application had them before anything here changed them, to go back to.
    QFont systemFont_;
    QString systemStyle_;
    QPalette systemPalette_;
};

// A pen `width` pixels wide at ordinary size: twice as wide on a projector.
QPen linePen(const QColor& colour, double width, Qt::PenStyle style = Qt::SolidLine);
// A marker's (a point's, a ring's) size in pixels, likewise.
double markerSize(double size);
// `font` scaled as text is (for fonts given in points of their own rather than the widget's).
QFont scaledFont(QFont font);
// Gives `widget` the application's font times `factor` (a heading, a counter), and keeps it so
// when the application's font changes: a font set once would keep its size.
void setRelativeFont(QWidget& widget, double factor, bool bold = false);

}  // namespace koto::gui

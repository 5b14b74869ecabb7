#include "look/presentation.h"

#include <QApplication>
#include <QComboBox>
#include <QSettings>
#include <QStyle>
#include <QStyleFactory>
#include <QTimer>
#include <QWidget>

#include "look/theme_palette.h"

namespace koto::gui {
namespace {

const QString kThemeKey = QStringLiteral("look/theme");
const QString kColourBlindKey = QStringLiteral("look/colourBlindSafe");

// Sets the application's style by name, unless it has it already (a new style polishes every
// widget again).
void useStyle(const QString& name) {
    const QStyle* current = QApplication::style();
    if (current && current->name().compare(name, Qt::CaseInsensitive) == 0) return;
    if (QStyle* style = QStyleFactory::create(name)) QApplication::setStyle(style);
}

// A combo box keeps the smallest size it measured in the font before: it forgets it on a change
// of style but not of font. Told that the style changed, it measures again.
void remeasureComboBoxes() {
    for (QWidget* widget : QApplication::allWidgets())
        if (auto* combo = qobject_cast<QComboBox*>(widget)) {
            QEvent styleChange(QEvent::StyleChange);
            QCoreApplication::sendEvent(combo, &styleChange);
            combo->updateGeometry();
        }
}

}  // namespace

Presentation& Presentation::instance() {
    static Presentation* presentation = new Presentation;  // lives as long as the process
    return *presentation;
}

Presentation::Presentation() {
    if (!qobject_cast<QApplication*>(QCoreApplication::instance())) return;  // no widgets to dress
    systemFont_ = QApplication::font();
    systemStyle_ = QApplication::style()->name();
    systemPalette_ = QApplication::palette();
}

bool Presentation::dark() const {
    if (theme_ != Theme::System) return theme_ == Theme::Dark;
    return isDarkPalette(systemPalette_);
}

void Presentation::setProjector(bool on) {
    if (on == projector_) return;
    projector_ = on;
    apply();
}

void Presentation::setColourBlindSafe(bool on) {
    if (on == colourBlindSafe_) return;
    colourBlindSafe_ = on;
    apply();
}

void Presentation::setTheme(Theme theme) {
    if (theme == theme_) return;
    theme_ = theme;
    apply();
}

void Presentation::apply() {
    if (!qobject_cast<QApplication*>(QCoreApplication::instance())) {
        emit changed();
        return;
    }
    QApplication::setFont(scaledFont(systemFont_));
    // The system's own look unless a theme is chosen or the projector wants more contrast; then
    // Fusion, the style that draws with the palette it is given on every platform.
    if (theme_ == Theme::System && !projector_) {
        useStyle(systemStyle_);
        QApplication::setPalette(systemPalette_);
    } else {
        useStyle(QStringLiteral("Fusion"));
        QApplication::setPalette(themePalette(dark(), projector_));
    }
    emit changed();
    // Views that paint from this state when asked (the network diagram, the gallery) draw again.
    for (QWidget* widget : QApplication::allWidgets()) widget->update();
    // Once the font has reached the widgets (in events posted before this call).
    QTimer::singleShot(0, this, &remeasureComboBoxes);
}

void Presentation::restoreRemembered() {
    const QSettings settings;
    const bool colourBlind = settings.value(kColourBlindKey, false).toBool();
    const Theme theme = themeNamed(settings.value(kThemeKey).toString()).value_or(Theme::System);
    if (colourBlind == colourBlindSafe_ && theme == theme_) return;
    colourBlindSafe_ = colourBlind;
    theme_ = theme;
    apply();
}

void Presentation::remember() const {
    QSettings settings;
    settings.setValue(kThemeKey, nameOf(theme_));
    settings.setValue(kColourBlindKey, colourBlindSafe_);
}

std::optional<Theme> Presentation::themeNamed(const QString& name) {
    if (name == QLatin1String("light")) return Theme::Light;
    if (name == QLatin1String("dark")) return Theme::Dark;
    if (name == QLatin1String("system")) return Theme::System;
    return std::nullopt;
}

QString Presentation::nameOf(Theme theme) {
    switch (theme) {
    case Theme::Light: return QStringLiteral("light");
    case Theme::Dark: return QStringLiteral("dark");
    case Theme::System: break;
    }
    return QStringLiteral("system");
}

QPen linePen(const QColor& colour, double width, Qt::PenStyle style) {
    return QPen(colour, width * Presentation::instance().lineScale(), style);
}

double markerSize(double size) {
    // Markers grow as text does rather than as lines: twice as wide, points crowd each other.
    return size * Presentation::instance().fontScale();
}

QFont scaledFont(QFont font) {
    const double scale = Presentation::instance().fontScale();
    if (font.pointSizeF() > 0) font.setPointSizeF(font.pointSizeF() * scale);
    else if (font.pixelSize() > 0) font.setPixelSize(qRound(font.pixelSize() * scale));
    return font;
}

void setRelativeFont(QWidget& widget, double factor, bool bold) {
    auto apply = [&widget, factor, bold] {
        QFont font = QApplication::font();
        if (font.pointSizeF() > 0) font.setPointSizeF(font.pointSizeF() * factor);
        else font.setPixelSize(qRound(font.pixelSize() * factor));
        font.setBold(bold);
        widget.setFont(font);
    };
    apply();
    QObject::connect(&Presentation::instance(), &Presentation::changed, &widget, apply);
}

}  // namespace koto::gui

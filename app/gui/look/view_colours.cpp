#include "look/view_colours.h"

#include <QApplication>
#include <QLabel>
#include <array>

#include "look/presentation.h"

namespace koto::gui {
namespace {

bool safe() { return Presentation::instance().colourBlindSafe(); }
bool dark() { return Presentation::instance().dark(); }

// Okabe and Ito's colours (their black left out: it is the text's colour on a light theme).
const QColor kOiOrange(0xe6, 0x9f, 0x00);
const QColor kOiSkyBlue(0x56, 0xb4, 0xe9);
const QColor kOiBluishGreen(0x00, 0x9e, 0x73);
const QColor kOiYellow(0xf0, 0xe4, 0x42);
const QColor kOiBlue(0x00, 0x72, 0xb2);
const QColor kOiVermillion(0xd5, 0x5e, 0x00);
const QColor kOiReddishPurple(0xcc, 0x79, 0xa7);
const QColor kOiGrey(0x99, 0x99, 0x99);

// A line's colour lifted on a dark plot, where a dark blue would sink into the background (by
// its luma, how bright it looks: orange is bright enough as it is).
QColor onPlot(const QColor& colour) {
    const double luma = 0.299 * colour.red() + 0.587 * colour.green() + 0.114 * colour.blue();
    return dark() && luma < 120 ? colour.lighter(160) : colour;
}

}  // namespace

QColor classColour(int k) {
    if (safe()) return k == 0 ? kOiVermillion : kOiBlue;
    return k == 0 ? QColor(0xf5, 0x93, 0x22) : QColor(0x08, 0x77, 0xbd);
}

QColor unsureColour() { return safe() ? QColor(0xf2, 0xf2, 0xf2) : QColor(0xe8, 0xea, 0xeb); }

QColor curveColour(Curve curve) {
    switch (curve) {
    case Curve::Training: return onPlot(safe() ? kOiBlue : QColor(0x08, 0x77, 0xbd));
    case Curve::Test: return onPlot(safe() ? kOiOrange : QColor(0xf5, 0x93, 0x22));
    case Curve::Validation: return onPlot(safe() ? kOiBluishGreen : QColor(0x2e, 0x8b, 0x57));
    }
    return {};
}

Qt::PenStyle curveStyle(Curve curve) {
    switch (curve) {
    case Curve::Training: return Qt::SolidLine;
    case Curve::Test: return safe() ? Qt::DashLine : Qt::SolidLine;
    case Curve::Validation: return safe() ? Qt::DashDotLine : Qt::DashLine;
    }
    return Qt::SolidLine;
}

QColor seriesColour(size_t i, std::span<const QColor> usual) {
    static const std::array<QColor, 8> safeColours{kOiBlue,          kOiVermillion, kOiBluishGreen,
                                                   kOiReddishPurple, kOiOrange,     kOiSkyBlue,
                                                   kOiGrey,          kOiYellow};
    if (safe() || usual.empty()) return onPlot(safeColours[i % safeColours.size()]);
    return onPlot(usual[i % usual.size()]);
}

QColor rightColour() {
    if (safe()) return dark() ? QColor(0x33, 0xc2, 0x97) : kOiBluishGreen;
    return dark() ? QColor(0x5c, 0xc8, 0x7e) : QColor(0x1b, 0x7f, 0x3b);
}

QColor wrongColour() {
    if (safe()) return dark() ? kOiOrange : kOiVermillion;
    return dark() ? QColor(0xff, 0x7a, 0x70) : QColor(0xc6, 0x28, 0x28);
}

PlotColours plotColours() {
    const QPalette palette = QApplication::palette();
    const QColor area = palette.color(QPalette::Base);
    const QColor text = palette.color(QPalette::Text);
    auto between = [&](double t) {  // t of the way from the area's colour to the text's
        return QColor::fromRgbF(area.redF() + (text.redF() - area.redF()) * t,
                                area.greenF() + (text.greenF() - area.greenF()) * t,
                                area.blueF() + (text.blueF() - area.blueF()) * t);
    };
    return {palette.color(QPalette::Window), area, text, between(0.22), between(0.1)};
}

QColor inkColour() { return QApplication::palette().color(QPalette::Text); }

QString noteStyle(Note note) {
    struct Look {
        const char *background, *text, *border;
    };
    // Light text on dark tints for the dark theme, dark text on pale tints for the light one.
    static const Look light[] = {{"#fdecea", "#611a15", "#f5c2c0"},
                                 {"#e8f1fa", "#0b3a5e", "#b9d4ec"},
                                 {"#e6f4ea", "#0d3b1e", "#a8d5b5"},
                                 {"#f6f8fc", "#1a1a1a", "#d8deea"},
                                 {"#fffbea", "#1a1a1a", "#eadca0"}};
    static const Look darkLooks[] = {{"#4a1f1c", "#ffd9d4", "#8c3b35"},
                                     {"#16314a", "#d6e9fb", "#2e5a80"},
                                     {"#173d24", "#d4f2dc", "#2e6b41"},
                                     {"#222a36", "#eeeeee", "#3c4a5e"},
                                     {"#36311b", "#eeeeee", "#6b5f2e"}};
    const Look& look = (dark() ? darkLooks : light)[static_cast<int>(note)];
    return QStringLiteral("QLabel { background: %1; color: %2; border: 1px solid %3; "
                          "border-radius: 4px; padding: 6px; }")
        .arg(QLatin1String(look.background), QLatin1String(look.text), QLatin1String(look.border));
}

void showAsNote(QLabel& label, Note note) {
    label.setStyleSheet(noteStyle(note));
    // One connection a label, kept while it lives; a later call changes only the note it shows.
    const bool following = label.property("kotoNote").isValid();
    label.setProperty("kotoNote", static_cast<int>(note));
    if (following) return;
    QObject::connect(&Presentation::instance(), &Presentation::changed, &label, [&label] {
        label.setStyleSheet(noteStyle(static_cast<Note>(label.property("kotoNote").toInt())));
    });
}

}  // namespace koto::gui

#include "look/theme_palette.h"

namespace koto::gui {
namespace {

struct Colours {
    QColor window, text, base, alternateBase, button, highlight, link, mid, dark, light, shadow,
        placeholder, disabledText, toolTip;
};

Colours lightColours(bool highContrast) {
    return {.window = highContrast ? QColor(Qt::white) : QColor(0xef, 0xef, 0xef),
            .text = highContrast ? QColor(Qt::black) : QColor(0x1a, 0x1a, 0x1a),
            .base = Qt::white,
            .alternateBase = QColor(0xf3, 0xf4, 0xf6),
            .button = QColor(0xe6, 0xe6, 0xe6),
            .highlight = QColor(0x1f, 0x6f, 0xc5),
            .link = QColor(0x0b, 0x57, 0xa8),
            .mid = QColor(0xa0, 0xa0, 0xa0),
            .dark = QColor(0x80, 0x80, 0x80),
            .light = Qt::white,
            .shadow = QColor(0x40, 0x40, 0x40),
            .placeholder = QColor(0x70, 0x70, 0x70),
            .disabledText = QColor(0x8c, 0x8c, 0x8c),
            .toolTip = QColor(0xff, 0xff, 0xdc)};
}

Colours darkColours(bool highContrast) {
    return {.window = highContrast ? QColor(0x12, 0x12, 0x12) : QColor(0x2b, 0x2b, 0x2b),
            .text = highContrast ? QColor(Qt::white) : QColor(0xe8, 0xe8, 0xe8),
            .base = highContrast ? QColor(Qt::black) : QColor(0x1e, 0x1e, 0x1e),
            .alternateBase = QColor(0x2f, 0x2f, 0x2f),
            .button = QColor(0x3a, 0x3a, 0x3a),
            .highlight = QColor(0x3d, 0x8e, 0xe0),
            .link = QColor(0x7c, 0xbc, 0xff),
            .mid = QColor(0x6a, 0x6a, 0x6a),
            .dark = QColor(0x18, 0x18, 0x18),
            .light = QColor(0x55, 0x55, 0x55),
            .shadow = Qt::black,
            .placeholder = QColor(0xa0, 0xa0, 0xa0),
            .disabledText = QColor(0x80, 0x80, 0x80),
            .toolTip = QColor(0x3a, 0x3a, 0x3a)};
}

}  // namespace

QPalette themePalette(bool dark, bool highContrast) {
    const Colours c = dark ? darkColours(highContrast) : lightColours(highContrast);
    QPalette palette;
    palette.setColor(QPalette::Window, c.window);
    palette.setColor(QPalette::WindowText, c.text);
    palette.setColor(QPalette::Base, c.base);
    palette.setColor(QPalette::AlternateBase, c.alternateBase);
    palette.setColor(QPalette::ToolTipBase, c.toolTip);
    palette.setColor(QPalette::ToolTipText, c.text);
    palette.setColor(QPalette::PlaceholderText, c.placeholder);
    palette.setColor(QPalette::Text, c.text);
    palette.setColor(QPalette::Button, c.button);
    palette.setColor(QPalette::ButtonText, c.text);
    palette.setColor(QPalette::BrightText, dark ? QColor(0xff, 0x80, 0x80) : QColor(Qt::red));
    palette.setColor(QPalette::Light, c.light);
    palette.setColor(QPalette::Midlight, c.light.darker(dark ? 120 : 105));
    palette.setColor(QPalette::Mid, c.mid);
    palette.setColor(QPalette::Dark, c.dark);
    palette.setColor(QPalette::Shadow, c.shadow);
    palette.setColor(QPalette::Highlight, c.highlight);
    palette.setColor(QPalette::HighlightedText, Qt::white);
    palette.setColor(QPalette::Link, c.link);
    palette.setColor(QPalette::LinkVisited, c.link.darker(dark ? 80 : 120));
    for (QPalette::ColorRole role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        palette.setColor(QPalette::Disabled, role, c.disabledText);
    palette.setColor(QPalette::Disabled, QPalette::Highlight, c.mid);
    return palette;
}

bool isDarkPalette(const QPalette& palette) {
    return palette.color(QPalette::Window).lightness() <
           palette.color(QPalette::WindowText).lightness();
}

}  // namespace koto::gui

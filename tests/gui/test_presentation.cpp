// The Classroom menu's presentation (issue 15), offscreen in the main window: projector mode makes
// the application's text bigger and every view's lines thicker and markers bigger (measured on
// the views, and on a curve as it is drawn), goes full screen, and gives everything back when it
// ends; the dark theme darkens the plots and lightens their text; colour-blind-safe mode puts
// Okabe and Ito's colours on the classes, the curves and the heatmaps, colours that stay apart
// under simulated deuteranopia and protanopia; the theme and the palette are remembered, projector
// mode is not.

#include <qcustomplot.h>

#include <QAction>
#include <QApplication>
#include <QFontInfo>
#include <QLabel>
#include <QMenuBar>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>
#include <array>
#include <cmath>

#include "look/heatmap_colours.h"
#include "look/presentation.h"
#include "look/view_colours.h"
#include "main_window_fixture.h"
#include "views/decision_boundary_view.h"
#include "views/diagram_canvas.h"
#include "views/loss_curve_view.h"
#include "views/network_playground_view.h"
#include "window/classroom_menu.h"
#include "window/main_window.h"

using namespace koto;
using namespace koto::gui;

namespace {

Presentation& look() { return Presentation::instance(); }

// A colour as someone with deuteranopia or protanopia sees it (Machado, Oliveira and Fernandes
// 2009, severity 1, on linear RGB), in CIELAB; and how far apart two colours are seen (CIE76 ΔE).
enum class Vision { Ordinary, Deuteranopia, Protanopia };

std::array<double, 3> seenLab(const QColor& colour, Vision vision) {
    auto linear = [](double c) {
        return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
    };
    std::array<double, 3> rgb{linear(colour.redF()), linear(colour.greenF()),
                              linear(colour.blueF())};
    static const double deuteranopia[3][3] = {{0.367322, 0.860646, -0.227968},
                                              {0.280085, 0.672501, 0.047413},
                                              {-0.011820, 0.042940, 0.968881}};
    static const double protanopia[3][3] = {{0.152286, 1.052583, -0.204868},
                                            {0.114503, 0.786281, 0.099216},
                                            {-0.003882, -0.048116, 1.051998}};
    if (vision != Vision::Ordinary) {
        const auto& m = vision == Vision::Deuteranopia ? deuteranopia : protanopia;
        std::array<double, 3> seen{};
        for (int i = 0; i < 3; ++i)
            seen[i] = std::clamp(m[i][0] * rgb[0] + m[i][1] * rgb[1] + m[i][2] * rgb[2], 0.0, 1.0);
        rgb = seen;
    }
    const double x = 0.4124 * rgb[0] + 0.3576 * rgb[1] + 0.1805 * rgb[2];
    const double y = 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2];
    const double z = 0.0193 * rgb[0] + 0.1192 * rgb[1] + 0.9505 * rgb[2];
    auto f = [](double t) { return t > 0.008856 ? std::cbrt(t) : 7.787 * t + 16.0 / 116; };
    const double fx = f(x / 0.9505), fy = f(y), fz = f(z / 1.089);
    return {116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)};
}

double seenApart(const QColor& a, const QColor& b, Vision vision) {
    const auto p = seenLab(a, vision), q = seenLab(b, vision);
    return std::hypot(p[0] - q[0], p[1] - q[1], p[2] - q[2]);
}

// Two colours told apart by everyone: at least this far apart (ΔE) under each vision.
constexpr double kApart = 30;

bool apartForEveryone(const QColor& a, const QColor& b) {
    for (Vision vision : {Vision::Ordinary, Vision::Deuteranopia, Vision::Protanopia})
        if (seenApart(a, b, vision) < kApart) {
            qWarning("%s and %s: only %.1f apart under vision %d", qPrintable(a.name()),
                     qPrintable(b.name()), seenApart(a, b, vision), static_cast<int>(vision));
            return false;
        }
    return true;
}

// The thickest run of pixels down column x of `image` that are nearer `colour` than the
// background: how thick a horizontal line of that colour is drawn.
int lineThickness(const QImage& image, int x, const QColor& colour) {
    const QColor background(image.pixel(x, 2));
    auto distance = [](const QColor& a, const QColor& b) {
        return std::abs(a.red() - b.red()) + std::abs(a.green() - b.green()) +
               std::abs(a.blue() - b.blue());
    };
    int thickest = 0, run = 0;
    for (int y = 0; y < image.height(); ++y) {
        const QColor pixel(image.pixel(x, y));
        run = distance(pixel, colour) < distance(pixel, background) ? run + 1 : 0;
        thickest = std::max(thickest, run);
    }
    return thickest;
}

// A learning curve alone with a flat training loss, drawn at 400 x 300.
QImage flatCurve(LossCurveView& view) {
    view.clear();
    std::vector<EpochMetrics> epochs;
    for (int64_t e = 0; e <= 10; ++e) {
        EpochMetrics m;
        m.epoch = e;
        m.train.loss = 0.5;
        m.test.loss = 1.0;
        epochs.push_back(m);
    }
    view.addEpochs(epochs);
    view.plot()->replot();
    return view.plot()->toPixmap(400, 300).toImage();
}

int fontPixels(const QFont& font) { return QFontInfo(font).pixelSize(); }

}  // namespace

class TestPresentation : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void projectorScalesEveryViewAndGivesItBack();
    void projectorGoesFullScreen();
    void darkThemeDarkensPlotsAndLightensText();
    void colourBlindSafePalette();
    void themeAndPaletteAreRemembered();

private:
    MainWindow& window() { return *fixture_.window; }

    QTemporaryDir settings_;
    kototest::MainWindowFixture fixture_;
};

void TestPresentation::initTestCase() {
    // Settings of their own, so that the tests neither read nor change a learner's.
    QVERIFY(settings_.isValid());
    qputenv("XDG_CONFIG_HOME", settings_.path().toLocal8Bit());
    QCoreApplication::setOrganizationName(QStringLiteral("KotohajimeTests"));
    QCoreApplication::setApplicationName(QStringLiteral("test_presentation"));
}

void TestPresentation::init() {
    QSettings().clear();
    // The spiral with two tanh layers: the plane, the curve and the network diagram.
    QVERIFY(fixture_.open());
    QVERIFY(kototest::trainTo(window(), 20));
}

void TestPresentation::cleanup() {
    look().setProjector(false);
    look().setColourBlindSafe(false);
    look().setTheme(Theme::System);
    fixture_.close();
}

void TestPresentation::projectorScalesEveryViewAndGivesItBack() {
    QVERIFY(window().showChart(QStringLiteral("network")));
    QVERIFY(kototest::waitForSnapshot(
        window(), [](const TrainingSnapshot& s) { return s.weights && s.neuronMaps; }));
    QTest::qWait(50);
    const QFont applicationFont = QApplication::font();
    LossCurveView& curve = window().lossCurve();
    QCustomPlot& boundary = *window().boundaryView().plot();
    const DiagramCanvas& diagram = window().views().networkView().canvas();
    QVERIFY(!diagram.layout().links.empty());
    const DiagramLink link = diagram.layout().links.front();
    auto* figures = window().findChild<QLabel*>(QStringLiteral("lossFigures"));
    auto* epochs = window().findChild<QLabel*>(QStringLiteral("epochLabel"));
    QVERIFY(figures && epochs);
    LossCurveView alone;
    alone.resize(400, 340);
    const QColor training = curveColour(Curve::Training);

    struct Sizes {
        double curvePen, pointSize, ringSize, decisionLine, linkWidth;
        int labelPixels, counterPixels, tickPixels, drawnLine;
    };
    auto measure = [&] {
        return Sizes{curve.plot()->graph(0)->pen().widthF(),
                     boundary.graph(0)->scatterStyle().size(),
                     boundary.graph(boundary.graphCount() - 1)->scatterStyle().size(),
                     static_cast<QCPCurve*>(boundary.plottable(boundary.plottableCount() - 2))
                         ->pen()
                         .widthF(),
                     diagram.linkWidth(link),
                     fontPixels(figures->font()),
                     fontPixels(epochs->font()),
                     fontPixels(curve.plot()->xAxis->tickLabelFont()),
                     lineThickness(flatCurve(alone), 200, training)};
    };
    const Sizes before = measure();
    QCOMPARE(before.curvePen, 2.0);
    QCOMPARE(before.pointSize, 8.0);
    QVERIFY(before.drawnLine >= 2 && before.drawnLine <= 3);

    window().classroomMenu().projectorAction()->trigger();
    QVERIFY(look().projector());
    QTest::qWait(20);  // the application's font reaches the widgets in posted events
    const Sizes projected = measure();
    QCOMPARE(projected.curvePen, 2 * before.curvePen);
    QCOMPARE(projected.decisionLine, 2 * before.decisionLine);
    QCOMPARE(projected.linkWidth, 2 * before.linkWidth);
    QCOMPARE(projected.pointSize, 1.5 * before.pointSize);
    QCOMPARE(projected.ringSize, 1.5 * before.ringSize);
    // Text about half as big again, wherever it is: a label, the counter, a plot's ticks.
    for (auto [what, after, was] :
         {std::tuple{"label", projected.labelPixels, before.labelPixels},
          std::tuple{"counter", projected.counterPixels, before.counterPixels},
          std::tuple{"ticks", projected.tickPixels, before.tickPixels}}) {
        QVERIFY2(after >= 1.35 * was && after <= 1.65 * was,
                 qPrintable(QStringLiteral("%1: %2 pixels, was %3").arg(what).arg(after).arg(was)));
    }
    QVERIFY(projected.counterPixels > projected.labelPixels);  // the counter stays the larger
    // As drawn: the line twice as thick.
    QVERIFY2(
        projected.drawnLine >= 2 * before.drawnLine - 1,
        qPrintable(
            QStringLiteral("%1 pixels, was %2").arg(projected.drawnLine).arg(before.drawnLine)));

    window().classroomMenu().projectorAction()->trigger();
    QVERIFY(!look().projector());
    QTest::qWait(20);
    QCOMPARE(QApplication::font(), applicationFont);
    const Sizes after = measure();
    QCOMPARE(after.curvePen, before.curvePen);
    QCOMPARE(after.pointSize, before.pointSize);
    QCOMPARE(after.linkWidth, before.linkWidth);
    QCOMPARE(after.labelPixels, before.labelPixels);
    QCOMPARE(after.counterPixels, before.counterPixels);
    QCOMPARE(after.tickPixels, before.tickPixels);
    QCOMPARE(after.drawnLine, before.drawnLine);
}

void TestPresentation::projectorGoesFullScreen() {
    ClassroomMenu& menu = window().classroomMenu();
    QCOMPARE(menu.projectorAction()->shortcut(), QKeySequence(QStringLiteral("Ctrl+Shift+P")));
    QCOMPARE(menu.fullScreenAction()->shortcut(), QKeySequence(Qt::Key_F11));
    QVERIFY(!window().isFullScreen());
    menu.projectorAction()->trigger();
    QVERIFY(window().isFullScreen());
    QVERIFY(menu.fullScreenAction()->isChecked());
    menu.projectorAction()->trigger();
    QVERIFY(!window().isFullScreen());
    QVERIFY(!menu.fullScreenAction()->isChecked());
    // Full screen alone leaves the sizes as they are.
    menu.fullScreenAction()->trigger();
    QVERIFY(window().isFullScreen());
    QVERIFY(!look().projector());
    menu.fullScreenAction()->trigger();
    QVERIFY(!window().isFullScreen());
    // The menu sits before Help.
    const QList<QAction*> menus = window().menuBar()->actions();
    const auto at = std::find(menus.begin(), menus.end(), menu.menuAction());
    QVERIFY(at != menus.end() && at + 1 != menus.end());
    QCOMPARE((*(at + 1))->text(), QStringLiteral("&Help"));
}

void TestPresentation::darkThemeDarkensPlotsAndLightensText() {
    QCustomPlot& plot = *window().lossCurve().plot();
    auto inside = [&plot] {  // a pixel of the plot's area, away from the curves
        const QImage image = plot.toPixmap(plot.width(), plot.height()).toImage();
        const QRect area = plot.axisRect()->rect();
        return QColor(image.pixel(area.left() + 3, area.top() + 3));
    };
    QVERIFY(inside().lightness() > 200);  // the default: a light plot

    window().classroomMenu().themeAction(Theme::Dark)->trigger();
    QVERIFY(look().dark());
    QVERIFY(QApplication::palette().color(QPalette::Window).lightness() < 80);
    QVERIFY(plot.axisRect()->backgroundBrush().color().lightness() < 60);
    QVERIFY(inside().lightness() < 60);
    QVERIFY(plot.xAxis->tickLabelColor().lightness() > 200);
    QVERIFY(plot.yAxis->labelColor().lightness() > 200);
    QVERIFY(plot.legend->item(0)->textColor().lightness() > 200);
    // The boundary and the weights follow too, and the banners' text stays readable.
    QVERIFY(window().boundaryView().plot()->xAxis->tickLabelColor().lightness() > 200);
    QVERIFY(noteStyle(Note::Warning).contains(QStringLiteral("color: #ffd9d4")));
    const QColor text = QApplication::palette().color(QPalette::WindowText);
    QVERIFY(text.lightness() > 200);

    window().classroomMenu().themeAction(Theme::Light)->trigger();
    QVERIFY(!look().dark());
    QVERIFY(inside().lightness() > 200);
    QVERIFY(plot.xAxis->tickLabelColor().lightness() < 60);
    QVERIFY(noteStyle(Note::Warning).contains(QStringLiteral("color: #611a15")));
}

void TestPresentation::colourBlindSafePalette() {
    // Ordinarily TensorFlow Playground's orange and blue, and green and red for right and wrong,
    // the pair that deuteranopes cannot tell apart and this mode is for.
    QCOMPARE(classColour(0), QColor(0xf5, 0x93, 0x22));
    QVERIFY(seenApart(rightColour(), wrongColour(), Vision::Deuteranopia) < kApart);

    window().classroomMenu().colourBlindAction()->trigger();
    QVERIFY(look().colourBlindSafe());
    // Okabe and Ito's vermillion and blue for the classes, on the plane and its points.
    QCOMPARE(classColour(0), QColor(QStringLiteral("#d55e00")));
    QCOMPARE(classColour(1), QColor(QStringLiteral("#0072b2")));
    QCustomPlot& boundary = *window().boundaryView().plot();
    auto* map = static_cast<QCPColorMap*>(boundary.plottable(0));
    QCOMPARE(map->gradient().color(0, QCPRange(0, 1)), QColor(QStringLiteral("#d55e00")).rgb());
    QCOMPARE(map->gradient().color(1, QCPRange(0, 1)), QColor(QStringLiteral("#0072b2")).rgb());
    QCOMPARE(boundary.graph(0)->scatterStyle().brush().color(), QColor(QStringLiteral("#d55e00")));
    // The learning curve: blue and orange, and the test loss dashed besides.
    QCustomPlot& curve = *window().lossCurve().plot();
    QCOMPARE(curve.graph(0)->pen().color(), QColor(QStringLiteral("#0072b2")));
    QCOMPARE(curve.graph(1)->pen().color(), QColor(QStringLiteral("#e69f00")));
    QCOMPARE(curve.graph(0)->pen().style(), Qt::SolidLine);
    QCOMPARE(curve.graph(1)->pen().style(), Qt::DashLine);
    // Heatmaps: negative blue, positive orange.
    const ColourScale signs{-1, 1, true};
    const QColor negative(signs.colour(-1)), positive(signs.colour(1));
    QVERIFY(negative.blue() > negative.red());
    QVERIFY(positive.red() > positive.blue() && positive.green() > positive.blue());

    // Every pair that tells classes, signs or curves apart stays apart for everyone, on either
    // theme.
    for (Theme theme : {Theme::Light, Theme::Dark}) {
        look().setTheme(theme);
        QVERIFY(apartForEveryone(classColour(0), classColour(1)));
        QVERIFY(apartForEveryone(rightColour(), wrongColour()));
        QVERIFY(apartForEveryone(curveColour(Curve::Training), curveColour(Curve::Test)));
        QVERIFY(apartForEveryone(curveColour(Curve::Training), curveColour(Curve::Validation)));
        QVERIFY(apartForEveryone(curveColour(Curve::Test), curveColour(Curve::Validation)));
        QVERIFY(apartForEveryone(QColor(signs.colour(-1)), QColor(signs.colour(1))));
        QVERIFY(apartForEveryone(QColor(signs.colour(-0.5)), QColor(signs.colour(0.5))));
    }

    window().classroomMenu().colourBlindAction()->trigger();
    QCOMPARE(classColour(0), QColor(0xf5, 0x93, 0x22));
    QCOMPARE(curve.graph(1)->pen().style(), Qt::SolidLine);
}

void TestPresentation::themeAndPaletteAreRemembered() {
    ClassroomMenu& menu = window().classroomMenu();
    menu.themeAction(Theme::Dark)->trigger();
    menu.colourBlindAction()->trigger();
    menu.projectorAction()->trigger();
    const QSettings settings;
    QCOMPARE(settings.value(QStringLiteral("look/theme")).toString(), QStringLiteral("dark"));
    QCOMPARE(settings.value(QStringLiteral("look/colourBlindSafe")).toBool(), true);
    QVERIFY(!settings.allKeys().join(QLatin1Char(' ')).contains(QStringLiteral("projector")));

    // As a new session finds them: the theme and the palette, not projector mode.
    look().setProjector(false);
    look().setColourBlindSafe(false);
    look().setTheme(Theme::System);
    look().restoreRemembered();
    QCOMPARE(look().theme(), Theme::Dark);
    QVERIFY(look().colourBlindSafe());
    QVERIFY(!look().projector());
    // And the menu shows them.
    QVERIFY(menu.themeAction(Theme::Dark)->isChecked());
    QVERIFY(menu.colourBlindAction()->isChecked());
    QVERIFY(!menu.projectorAction()->isChecked());

    QCOMPARE(Presentation::themeNamed(QStringLiteral("light")), std::optional{Theme::Light});
    QCOMPARE(Presentation::themeNamed(QStringLiteral("purple")), std::optional<Theme>());
}

QTEST_MAIN(TestPresentation)
#include "test_presentation.moc"

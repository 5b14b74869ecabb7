// A lesson's maths drawn as typeset maths: the pictures are measured by their ink. A fraction is
// two rows with a rule between; a superscript's ink lies above the baseline and a subscript's
// below it; display \sum is taller than one in a line; \left( grows around a fraction; binary
// operators get space unless TeX would give them none; a formula that cannot be read is shown
// as its red source with an error; no input, however broken, crashes the reader.

#include <QFont>
#include <QTest>
#include <cmath>
#include <random>

#include "lessons/math_picture.h"

using namespace koto::gui;

namespace {

MathPicture picture(const QString& tex, bool display = false, qreal devicePixelRatio = 1) {
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setPixelSize(14);
    return MathPicture::render(tex, font, Qt::black, devicePixelRatio, display);
}

bool isInk(const QImage& image, int x, int y) { return qAlpha(image.pixel(x, y)) > 128; }

// The rows [first, last] that hold ink in the columns [left, right); first > last if none.
struct InkRows {
    int first = 0, last = -1;
};
InkRows inkRows(const QImage& image, int left = 0, int right = -1) {
    if (right < 0) right = image.width();
    InkRows rows{image.height(), -1};
    for (int y = 0; y < image.height(); ++y)
        for (int x = left; x < right; ++x)
            if (isInk(image, x, y)) {
                rows.first = std::min(rows.first, y);
                rows.last = std::max(rows.last, y);
            }
    return rows;
}

// The middle of the ink in the rows [top, bottom].
double inkMiddle(const QImage& image, int top, int bottom) {
    int first = image.width(), last = -1;
    for (int y = top; y <= bottom; ++y)
        for (int x = 0; x < image.width(); ++x)
            if (isInk(image, x, y)) {
                first = std::min(first, x);
                last = std::max(last, x);
            }
    return (first + last) / 2.0;
}

int inkWidth(const QImage& image) {
    int first = image.width(), last = -1;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            if (isInk(image, x, y)) {
                first = std::min(first, x);
                last = std::max(last, x);
            }
    return last - first + 1;
}

// A row whose ink runs unbroken across at least `share` of the picture's ink width: a rule.
int ruleRow(const QImage& image, double share) {
    const int wanted = static_cast<int>(share * inkWidth(image));
    for (int y = 0; y < image.height(); ++y) {
        int run = 0;
        for (int x = 0; x < image.width(); ++x) {
            run = isInk(image, x, y) ? run + 1 : 0;
            if (run >= wanted) return y;
        }
    }
    return -1;
}

int inkCount(const QImage& image) {
    int count = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x) count += isInk(image, x, y);
    return count;
}

}  // namespace

class TestMathPicture : public QObject {
    Q_OBJECT
private slots:
    void letterSitsOnTheBaseline();
    void fractionHasARuleBetweenItsParts();
    void superscriptRisesAndSubscriptSinks();
    void displaySumIsTallerWithLimitsUnderneath();
    void radicalHasABarOverItsRadicand();
    void delimitersGrowWithWhatTheyEnclose();
    void binaryOperatorsAreSpacedAsInTeX();
    void fontsOfLettersAndWords();
    void devicePixelRatioDoublesThePixels();
    void badFormulasAreShownAndReported_data();
    void badFormulasAreShownAndReported();
    void overlongFormulaIsReported();
    void randomInputNeverCrashes();
};

void TestMathPicture::letterSitsOnTheBaseline() {
    const MathPicture x = picture("x");
    QVERIFY(x.error.isEmpty());
    QVERIFY(!x.image.isNull());
    // The image is tight: a letter of a 14 px font in a picture of a few more pixels.
    QVERIFY(x.image.width() <= 14 && x.image.height() <= 14);
    const InkRows rows = inkRows(x.image);
    QVERIFY(rows.last <= x.baseline && rows.last >= x.baseline - 2);
    QVERIFY(rows.first < x.baseline - 4);  // an x-height above it
}

void TestMathPicture::fractionHasARuleBetweenItsParts() {
    const MathPicture numerator = picture("a");
    for (bool display : {false, true}) {
        const MathPicture fraction = picture("\\frac{a}{b}", display);
        QVERIFY(fraction.error.isEmpty());
        QVERIFY(fraction.image.height() > numerator.image.height());
        const int rule = ruleRow(fraction.image, 0.9);
        QVERIFY2(rule >= 0, "no rule across the fraction");
        // Ink above the rule (a) and below it (b), and the rule is above the baseline, on the
        // maths axis.
        QVERIFY(inkRows(fraction.image).first < rule - 2);
        QVERIFY(inkRows(fraction.image).last > rule + 2);
        QVERIFY(rule < fraction.baseline);
    }
    // In a line its parts are smaller than in display maths.
    QVERIFY(picture("\\frac{a}{b}", false).image.height() <
            picture("\\frac{a}{b}", true).image.height());
}

void TestMathPicture::superscriptRisesAndSubscriptSinks() {
    const MathPicture x = picture("x");
    const MathPicture squared = picture("x^2");
    const MathPicture indexed = picture("x_2");
    QVERIFY(squared.error.isEmpty() && indexed.error.isEmpty());
    QVERIFY(squared.image.width() > x.image.width());
    // The script's ink is right of where the x's picture ends.
    const int script = x.image.width() - 1;
    const InkRows two_up = inkRows(squared.image, script);
    QVERIFY(two_up.last >= 0);
    QVERIFY2(two_up.last < squared.baseline - 3, "the superscript's ink is not above the baseline");
    const InkRows two_down = inkRows(indexed.image, script);
    QVERIFY2(two_down.last > indexed.baseline + 1, "the subscript's ink does not go below it");
    QVERIFY(two_down.first - indexed.baseline > two_up.first - squared.baseline + 3);
    // Both together: the superscript still above, the subscript still below.
    const MathPicture both = picture("x_i^2");
    QVERIFY(inkRows(both.image, script).first < both.baseline - 5);
    QVERIFY(inkRows(both.image, script).last > both.baseline + 1);
    // A script's script rises again.
    const MathPicture nested = picture("e^{x^2}");
    const MathPicture single = picture("e^{x}");
    QVERIFY(inkRows(nested.image).first - nested.baseline <
            inkRows(single.image).first - single.baseline - 2);
}

void TestMathPicture::displaySumIsTallerWithLimitsUnderneath() {
    const MathPicture inline_sum = picture("\\sum_{n=1}");
    const MathPicture display_sum = picture("\\sum_{n=1}", true);
    QVERIFY(inline_sum.error.isEmpty() && display_sum.error.isEmpty());
    QVERIFY(display_sum.image.height() > inline_sum.image.height());
    // Underneath in display maths: its ink reaches further below the baseline, in the middle
    // of the picture, and the picture is narrower than the ∑ and n=1 side by side in a line
    // though its ∑ is bigger.
    QVERIFY(display_sum.image.height() - display_sum.baseline >
            inline_sum.image.height() - inline_sum.baseline + 3);
    const int bottom = inkRows(display_sum.image).last;
    QVERIFY(std::abs(inkMiddle(display_sum.image, bottom - 1, bottom) -
                     display_sum.image.width() / 2.0) < 2);
    QVERIFY(inkWidth(display_sum.image) < inkWidth(inline_sum.image));
}

void TestMathPicture::radicalHasABarOverItsRadicand() {
    const MathPicture x = picture("x");
    const MathPicture root = picture("\\sqrt{x}");
    QVERIFY(root.error.isEmpty());
    QVERIFY(root.image.width() > x.image.width() + 5);
    const int bar = ruleRow(root.image, 0.4);
    QVERIFY(bar >= 0);
    // The bar is above the x's top (an x-height over the baseline).
    QVERIFY(bar < root.baseline - (x.baseline - inkRows(x.image).first));
}

void TestMathPicture::delimitersGrowWithWhatTheyEnclose() {
    const MathPicture around_letter = picture("\\left( x \\right)", true);
    const MathPicture around_fraction = picture("\\left( \\frac{a}{b} \\right)", true);
    QVERIFY(around_letter.error.isEmpty() && around_fraction.error.isEmpty());
    // The opening parenthesis: the ink of the picture's first few columns.
    const auto paren = [](const MathPicture& p) {
        const InkRows rows = inkRows(p.image, 0, 5);
        return rows.last - rows.first + 1;
    };
    const InkRows fraction_rows = inkRows(around_fraction.image);
    QVERIFY(paren(around_fraction) > paren(around_letter) + 5);
    // TeX lets a delimiter fall short of what it encloses by 10% or half an em.
    QVERIFY(paren(around_fraction) >= 0.7 * (fraction_rows.last - fraction_rows.first + 1));
    // Brackets and bars grow too.
    QVERIFY(picture("\\left[ \\frac{a}{b} \\right]", true).image.height() >
            picture("\\left[ x \\right]", true).image.height());
    QVERIFY(picture("\\left| \\frac{a}{b} \\right|", true).error.isEmpty());
}

void TestMathPicture::binaryOperatorsAreSpacedAsInTeX() {
    // {+} is an ordinary symbol, so a+b is a{+}b with two medium spaces more.
    QVERIFY(picture("a+b").image.width() > picture("a{+}b").image.width() + 3);
    QVERIFY(picture("a=b").image.width() > picture("a{=}b").image.width() + 4);
    // A leading minus has nothing to combine on its left: no space.
    QCOMPARE(picture("-b").image.width(), picture("{-}b").image.width());
    // Scripts are set tight.
    QCOMPARE(picture("x_{a+b}").image.width(), picture("x_{a{+}b}").image.width());
    // Spaces typed in the formula are not TeX's spaces; \quad is.
    QCOMPARE(picture("a  b").image.width(), picture("ab").image.width());
    QVERIFY(picture("a \\quad b").image.width() >= picture("ab").image.width() + 13);
}

void TestMathPicture::fontsOfLettersAndWords() {
    // \mathbf is bold: more ink than the italic letter.
    QVERIFY(inkCount(picture("\\mathbf{W}").image) > inkCount(picture("W").image) * 1.15);
    // \text keeps its spaces and shows Japanese (in the lesson font's fallbacks).
    QVERIFY(picture("\\text{a b}").image.width() > picture("\\text{ab}").image.width() + 2);
    const MathPicture japanese = picture("\\text{誤差} J");
    QVERIFY(japanese.error.isEmpty());
    QVERIFY(inkWidth(japanese.image) > 2 * 12);
    // Greek, operators, relations, function names, accents, spacing: all read.
    const MathPicture everything = picture(
        "\\alpha\\beta\\gamma\\delta\\epsilon\\varepsilon\\eta\\theta\\lambda\\mu\\nu\\pi\\rho"
        "\\sigma\\tau\\phi\\omega\\Delta\\Sigma\\Omega\\Theta\\Phi \\partial \\cdot \\times "
        "\\leftarrow \\rightarrow \\to \\le \\leq \\ge \\geq \\ne \\neq \\approx \\infty \\pm "
        "\\in \\odot \\ldots \\cdots \\log \\exp \\max \\min \\hat{y} \\tilde{Z} \\bar{x} "
        "\\mathrm{softmax} \\, \\; \\quad \\left[ x \\right]");
    QVERIFY2(everything.error.isEmpty(), qPrintable(everything.error));
    QVERIFY(picture("\\hat{y}").image.height() > picture("y").image.height() + 2);
}

void TestMathPicture::devicePixelRatioDoublesThePixels() {
    const QString tex = "\\frac{\\partial J}{\\partial w_{ij}} = \\sum_n \\delta_n x_n";
    const MathPicture single = picture(tex, true, 1);
    const MathPicture doubled = picture(tex, true, 2);
    QCOMPARE(doubled.image.size(), single.image.size() * 2);
    QCOMPARE(doubled.image.devicePixelRatio(), 2.0);
    QCOMPARE(doubled.baseline, single.baseline);  // in device-independent pixels
    // The same drawing, finer: about four times the ink pixels.
    const double ratio = double(inkCount(doubled.image)) / inkCount(single.image);
    QVERIFY2(ratio > 3 && ratio < 5.5, qPrintable(QString::number(ratio)));
}

void TestMathPicture::badFormulasAreShownAndReported_data() {
    QTest::addColumn<QString>("tex");
    QTest::addColumn<QString>("error");
    QTest::newRow("unknown command") << "x + \\foo{y}" << "unknown command \\foo";
    QTest::newRow("open brace") << "\\frac{a}{b" << "missing }";
    QTest::newRow("close brace") << "a}" << "unexpected }";
    QTest::newRow("no argument") << "\\frac{a}" << "missing argument";
    QTest::newRow("no script") << "x^" << "missing argument";
    QTest::newRow("double superscript") << "x^2^3" << "double superscript";
    QTest::newRow("left alone") << "\\left( x" << "\\left without \\right";
    QTest::newRow("right alone") << "x \\right)" << "\\right without \\left";
    QTest::newRow("bad delimiter") << "\\left< x \\right>" << "no delimiter after \\left or \\right";
    QTest::newRow("root index") << "\\sqrt[3]{x}" << "\\sqrt[n] is not supported";
    QTest::newRow("backslash at the end") << "x \\" << "\\ at the end";
    QTest::newRow("line break") << "a \\\\ b" << "line breaks (\\\\) are not supported";
    QTest::newRow("deep") << QString("{").repeated(100) << "groups nested too deeply";
}

void TestMathPicture::badFormulasAreShownAndReported() {
    QFETCH(QString, tex);
    QFETCH(QString, error);
    const MathPicture shown = picture(tex);
    QCOMPARE(shown.error, error);
    // The source, in red, one monospace character after another.
    QVERIFY(!shown.image.isNull());
    QVERIFY(shown.image.width() >= tex.size() * 6);
    int red = 0;
    for (int y = 0; y < shown.image.height(); ++y)
        for (int x = 0; x < shown.image.width(); ++x) {
            const QRgb pixel = shown.image.pixel(x, y);
            red += qAlpha(pixel) > 128 && qRed(pixel) > 2 * qGreen(pixel);
        }
    QVERIFY(red > 10);
}

void TestMathPicture::overlongFormulaIsReported() {
    // Wider than QPainter can draw into: no picture, and the error says why.
    const MathPicture overlong = picture(QString("x+").repeated(5000));
    QCOMPARE(overlong.error, QString("too large to draw"));
    QVERIFY(overlong.image.isNull());
}

void TestMathPicture::randomInputNeverCrashes() {
    // Formulas made of the pieces TeX readers trip over, read in both styles: every one gives
    // a picture, and an error exactly when it is not a formula of the subset.
    const QStringList pieces = {"{",  "}",      "^",        "_",        "\\frac",    "\\sqrt",
                                "x",  "2",      "\\",       " ",        "\\left(",   "\\right)",
                                "\\sum", "\\text{", "\\hat", "\\mathbf", "\\left.", "-"};
    std::mt19937 random(20240611);
    std::uniform_int_distribution<int> length(0, 24);
    std::uniform_int_distribution<int> piece(0, static_cast<int>(pieces.size()) - 1);
    int read = 0;
    for (int i = 0; i < 3000; ++i) {
        QString tex;
        for (int n = length(random); n > 0; --n) tex += pieces[piece(random)];
        const MathPicture shown = picture(tex, i % 2 == 0);
        QVERIFY2(!shown.image.isNull(), qPrintable(tex));
        QVERIFY2(shown.baseline >= 0 && shown.baseline <= shown.image.height(), qPrintable(tex));
        read += shown.error.isEmpty();
    }
    // Some of them are formulas (the empty one, "x2", "{}^x", ...), most are not.
    QVERIFY(read > 30 && read < 2500);
}

QTEST_MAIN(TestMathPicture)
#include "test_math_picture.moc"

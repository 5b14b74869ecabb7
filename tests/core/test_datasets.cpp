// The 2-D datasets: the right number of points, inside the Playground's square, labels that follow
// each dataset's rule, balanced classes, bounded regression targets; and dataset specs that
// cannot be built are refused with an InputError.

#include <QtTest>

#include <cmath>

#include "data/dataset_spec.h"
#include "data/playground_datasets.h"
#include "koto_test_support.h"
#include "util/errors.h"

using namespace koto;
using kototest::qs;

namespace {

const DataSplit* splits(const Dataset& d, int i) { return i == 0 ? &d.train : &d.test; }

}  // namespace

class TestDatasets : public QObject {
    Q_OBJECT

private slots:
    void catalogNamesEveryDataset();
    void pointsCountsAndRanges_data();
    void pointsCountsAndRanges();
    void labelsFollowTheRule_data();
    void labelsFollowTheRule();
    void sizeAndSplitOptions_data();
    void sizeAndSplitOptions();
    void specText();
    void badSpecsAreRefused_data();
    void badSpecsAreRefused();
};

void TestDatasets::catalogNamesEveryDataset() {
    QStringList names;
    for (const DatasetInfo& info : datasetCatalog()) {
        names << qs(info.name);
        QVERIFY(!info.description.empty());
        if (!isPlaygroundDataset(info.name)) continue;  // image sets: test_image_datasets
        const Dataset d = loadDataset(DatasetSpec::parse(info.name));
        QCOMPARE(qs(d.name), qs(info.name));
        QCOMPARE(d.task, info.task);
    }
    QCOMPARE(names,
             (QStringList{"circle", "xor", "gauss", "spiral", "moons", "plane", "multigauss",
                          "fashion-mnist", "idx", "csv", "sine", "firstbit", "parity", "seqimg"}));
}

void TestDatasets::pointsCountsAndRanges_data() {
    QTest::addColumn<QString>("spec");
    for (const DatasetInfo& info : datasetCatalog()) {
        if (!isPlaygroundDataset(info.name)) continue;
        QTest::addRow("%s", info.name.c_str()) << qs(info.name);
        QTest::addRow("%s, other seed", info.name.c_str()) << qs(info.name + ":seed=9");
    }
    // Noise moves the labels (circle, xor, plane, multigauss) or the points by at most 0.5
    // (spiral): everything stays inside the square. Gauss and moons spread further.
    for (const char* name : {"circle", "xor", "spiral", "plane", "multigauss"})
        QTest::addRow("%s, noise 0.5", name) << QString(name) + ":noise=0.5";
}

void TestDatasets::pointsCountsAndRanges() {
    QFETCH(QString, spec);
    const Dataset d = loadDataset(DatasetSpec::parse(spec.toStdString()));
    QCOMPARE(d.inputSize, int64_t{2});
    QCOMPARE(d.train.count, int64_t{250});
    QCOMPARE(d.test.count, int64_t{250});
    int64_t positives = 0;
    for (int s = 0; s < 2; ++s) {
        const DataSplit& split = *splits(d, s);
        QCOMPARE(split.inputs.size(), size_t(split.count * 2));
        for (float x : split.inputs) {
            QVERIFY(std::isfinite(x));
            QVERIFY2(std::abs(x) <= 6.5f, qPrintable(QString::number(x)));
        }
        if (d.task == Task::Classification) {
            QCOMPARE(split.labels.size(), size_t(split.count));
            QVERIFY(split.targets.empty());
            for (int32_t label : split.labels) {
                QVERIFY(label == 0 || label == 1);
                positives += label;
            }
        } else {
            QCOMPARE(split.targets.size(), size_t(split.count));
            QVERIFY(split.labels.empty());
            // multigauss's cones reach +-1. Plane is TF Playground's (x + y) / 10 on the square
            // [-6, 6]^2 with noise added to x and y (up to 6 * noise each), unclamped as in the
            // Playground: its values reach +-1.2 * (1 + noise).
            const double noise = spec.contains("noise=0.5") ? 0.5 : 0.0;
            const float bound = d.name == "plane" ? static_cast<float>(1.2 * (1 + noise)) : 1.0f;
            for (float t : split.targets)
                QVERIFY2(std::abs(t) <= bound, qPrintable(QString::number(t)));
        }
    }
    if (d.task == Task::Classification) {
        QCOMPARE(d.classCount, int64_t{2});
        QCOMPARE(d.classNames.size(), size_t{2});
        // Balanced-ish: between 35 % and 65 % of the 500 points in class 1.
        QVERIFY2(positives >= 175 && positives <= 325, qPrintable(QString::number(positives)));
    } else {
        QCOMPARE(d.outputSize, int64_t{1});
    }
}

// Without noise every label follows its dataset's formula exactly.
void TestDatasets::labelsFollowTheRule_data() {
    QTest::addColumn<QString>("name");
    QTest::newRow("xor: class 1 where x*y >= 0") << "xor";
    QTest::newRow("circle: class 1 inside radius 2.5") << "circle";
    QTest::newRow("gauss: class 1 around (2, 2)") << "gauss";
    QTest::newRow("spiral: radius up to 5") << "spiral";
    QTest::newRow("plane: (x + y) / 10") << "plane";
}

void TestDatasets::labelsFollowTheRule() {
    QFETCH(QString, name);
    const Dataset d = loadDataset(DatasetSpec::parse(name.toStdString()));
    for (int s = 0; s < 2; ++s) {
        const DataSplit& split = *splits(d, s);
        for (int64_t n = 0; n < split.count; ++n) {
            const double x = split.inputs[size_t(2 * n)], y = split.inputs[size_t(2 * n + 1)];
            const QString where = QStringLiteral("point (%1, %2)").arg(x).arg(y);
            if (name == "xor") {
                QVERIFY2(split.labels[size_t(n)] == (x * y >= 0 ? 1 : 0), qPrintable(where));
                QVERIFY2(std::abs(x) >= 0.3 && std::abs(y) >= 0.3,
                         qPrintable(where));  // the padding
            } else if (name == "circle") {
                const double r = std::hypot(x, y);
                QVERIFY2(split.labels[size_t(n)] == (r < 2.5 ? 1 : 0), qPrintable(where));
                QVERIFY2(r < 2.5 + 1e-5 || (r > 3.5 - 1e-5 && r <= 5 + 1e-5),
                         qPrintable(where));  // the gap
            } else if (name == "gauss") {
                // Spread 0.5 around (2, 2) and (-2, -2): the sign of x + y tells them apart.
                QVERIFY2(split.labels[size_t(n)] == (x + y > 0 ? 1 : 0), qPrintable(where));
            } else if (name == "spiral") {
                QVERIFY2(std::hypot(x, y) <= 5 + 1e-5, qPrintable(where));
            } else if (name == "plane") {
                QVERIFY2(std::abs(split.targets[size_t(n)] - (x + y) / 10) < 1e-6,
                         qPrintable(where));
            }
        }
    }
}

void TestDatasets::sizeAndSplitOptions_data() {
    QTest::addColumn<QString>("spec");
    QTest::addColumn<int>("train");
    QTest::addColumn<int>("test");
    QTest::newRow("n=100,test=0.2") << "xor:n=100,test=0.2" << 80 << 20;
    QTest::newRow("n=4") << "circle:n=4" << 2 << 2;
    QTest::newRow("test=0.9") << "plane:n=1000,test=0.9" << 100 << 900;
    QTest::newRow("odd n for moons") << "moons:n=7" << 4 << 3;
}

void TestDatasets::sizeAndSplitOptions() {
    QFETCH(QString, spec);
    QFETCH(int, train);
    QFETCH(int, test);
    const Dataset d = loadDataset(DatasetSpec::parse(spec.toStdString()));
    QCOMPARE(d.train.count, int64_t{train});
    QCOMPARE(d.test.count, int64_t{test});
}

void TestDatasets::specText() {
    const DatasetSpec spec = DatasetSpec::parse("spiral:noise=0.2,n=300,seed=3");
    QCOMPARE(qs(spec.name), QStringLiteral("spiral"));
    QCOMPARE(spec.options.size(), size_t{3});
    QCOMPARE(qs(spec.options.at("noise")), QStringLiteral("0.2"));
    QCOMPARE(qs(DatasetSpec::parse(spec.text()).text()), qs(spec.text()));
    QCOMPARE(qs(DatasetSpec::parse("xor").text()), QStringLiteral("xor"));
}

void TestDatasets::badSpecsAreRefused_data() {
    QTest::addColumn<QString>("spec");
    QTest::addColumn<QString>("expected");
    QTest::newRow("noise=0.7") << "spiral:noise=0.7"
                               << "noise must be between 0 and 0.5";
    QTest::newRow("negative noise") << "circle:noise=-0.1"
                                    << "noise must be between 0 and 0.5";
    QTest::newRow("n=2") << "spiral:n=2"
                         << "number of points must be between 4 and 1000000";
    QTest::newRow("n=2000000") << "xor:n=2000000"
                               << "number of points must be between 4 and 1000000";
    QTest::newRow("n=1.5") << "xor:n=1.5"
                           << "n must be a whole number";
    QTest::newRow("test=1") << "spiral:test=1"
                            << "test fraction must be between 0 and 1";
    QTest::newRow("test=0") << "spiral:test=0"
                            << "test fraction must be between 0 and 1";
    QTest::newRow("test leaves no training point") << "xor:n=4,test=0.9"
                                                   << "leaves no training or no test points";
    QTest::newRow("unknown option") << "spiral:colour=red"
                                    << "unknown option \"colour\"";
    QTest::newRow("seed=-1") << "spiral:seed=-1"
                             << "seed cannot be negative";
    QTest::newRow("option without value") << "spiral:noise"
                                          << "not of the form key=value";
    QTest::newRow("empty option") << "spiral:"
                                  << "not of the form key=value";
    QTest::newRow("trailing comma") << "spiral:n=10,"
                                    << "not of the form key=value";
    QTest::newRow("noise=abc") << "spiral:noise=abc"
                               << "noise=abc is not a number";
    QTest::newRow("noise=nan") << "spiral:noise=nan"
                               << "is not a number";
    QTest::newRow("unknown dataset") << "mnist"
                                     << "unknown dataset \"mnist\"";
    QTest::newRow("no name") << ":n=10"
                             << "has no name";
    QTest::newRow("empty") << ""
                           << "has no name";
}

void TestDatasets::badSpecsAreRefused() {
    QFETCH(QString, spec);
    QFETCH(QString, expected);
    try {
        const Dataset d = loadDataset(DatasetSpec::parse(spec.toStdString()));
        QFAIL(qPrintable(QStringLiteral("accepted, %1 training points").arg(d.train.count)));
    } catch (const InputError& error) {
        QVERIFY2(QString::fromUtf8(error.what()).contains(expected), error.what());
    }
}

QTEST_APPLESS_MAIN(TestDatasets)
#include "test_datasets.moc"

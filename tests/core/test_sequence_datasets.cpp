// The sequence datasets: shapes (T steps of one value, or image rows as steps), labels that follow
// each rule (the first bit, the parity), the sine wave's target as the wave's next value with the
// noise asked for, the same data for the same seed, specs that write back as they were read, and
// bad specs refused with an InputError.

#include <QtTest>

#include <QTemporaryDir>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <numbers>

#include "data/dataset_spec.h"
#include "data/image_datasets.h"
#include "data/sequence_datasets.h"
#include "koto_test_support.h"
#include "util/errors.h"

using namespace koto;
using kototest::qs;

namespace {

Dataset load(const QString& spec) { return loadDataset(DatasetSpec::parse(spec.toStdString())); }

// An IDX file of unsigned bytes (MNIST's format, big-endian sizes).
void writeIdx(const QString& path, const std::vector<uint32_t>& dims,
              const std::vector<uint8_t>& data) {
    std::string bytes{'\0', '\0', '\x08', static_cast<char>(dims.size())};
    for (uint32_t d : dims)
        for (int shift = 24; shift >= 0; shift -= 8)
            bytes.push_back(static_cast<char>((d >> shift) & 0xff));
    bytes.append(data.begin(), data.end());
    std::ofstream(path.toStdString(), std::ios::binary) << bytes;
}

}  // namespace

class TestSequenceDatasets : public QObject {
    Q_OBJECT

private slots:
    void catalogSequencesLoadWithDefaults();
    void shapesAndSplit_data();
    void shapesAndSplit();
    void bitLabelsFollowTheRule_data();
    void bitLabelsFollowTheRule();
    void sineTargetIsTheWavesNextValue();
    void sineNoiseHasTheStandardDeviationAskedFor();
    void sameSeedSameData_data();
    void sameSeedSameData();
    void specTextRoundTrips_data();
    void specTextRoundTrips();
    void imageRowsBecomeTimeSteps();
    void fashionMnistRowsAreTwentyEightSteps();
    void badSpecsAreRefused_data();
    void badSpecsAreRefused();
};

void TestSequenceDatasets::catalogSequencesLoadWithDefaults() {
    for (const char* name : {"sine", "firstbit", "parity"}) {
        const auto info = std::find_if(datasetCatalog().begin(), datasetCatalog().end(),
                                       [&](const DatasetInfo& i) { return i.name == name; });
        QVERIFY2(info != datasetCatalog().end(), name);
        const Dataset d = load(name);
        QCOMPARE(d.task, info->task);
        QVERIFY(d.sequenceLength > 0);
    }
    QVERIFY(std::any_of(datasetCatalog().begin(), datasetCatalog().end(),
                        [](const DatasetInfo& i) { return i.name == "seqimg"; }));
}

void TestSequenceDatasets::shapesAndSplit_data() {
    QTest::addColumn<QString>("spec");
    QTest::addColumn<int64_t>("steps");
    QTest::addColumn<int64_t>("train");
    QTest::addColumn<int64_t>("test");
    QTest::addRow("sine defaults") << "sine" << int64_t{20} << int64_t{800} << int64_t{200};
    QTest::addRow("sine window 7")
        << "sine:window=7,n=50,test=0.5" << int64_t{7} << int64_t{25} << int64_t{25};
    QTest::addRow("firstbit 12") << "firstbit:12" << int64_t{12} << int64_t{800} << int64_t{200};
    QTest::addRow("firstbit default") << "firstbit:n=10" << int64_t{8} << int64_t{8} << int64_t{2};
    QTest::addRow("parity 5, comma")
        << "parity:5,n=100,test=0.3" << int64_t{5} << int64_t{70} << int64_t{30};
    QTest::addRow("parity length=")
        << "parity:length=3,n=40" << int64_t{3} << int64_t{32} << int64_t{8};
}

void TestSequenceDatasets::shapesAndSplit() {
    QFETCH(QString, spec);
    QFETCH(int64_t, steps);
    QFETCH(int64_t, train);
    QFETCH(int64_t, test);
    const Dataset d = load(spec);
    QCOMPARE(d.sequenceLength, steps);
    QCOMPARE(d.inputSize, steps);  // one value a step
    QCOMPARE(d.imageWidth, int64_t{0});
    QCOMPARE(d.train.count, train);
    QCOMPARE(d.test.count, test);
    for (const DataSplit* split : {&d.train, &d.test}) {
        QCOMPARE(split->inputs.size(), size_t(split->count * steps));
        QVERIFY(split->pixels.empty());
        if (d.task == Task::Regression) {
            QCOMPARE(d.outputSize, int64_t{1});
            QCOMPARE(split->targets.size(), size_t(split->count));
            QVERIFY(split->labels.empty());
        } else {
            QCOMPARE(d.classCount, int64_t{2});
            QCOMPARE(d.classNames.size(), size_t{2});
            QCOMPARE(split->labels.size(), size_t(split->count));
            QVERIFY(split->targets.empty());
        }
    }
}

void TestSequenceDatasets::bitLabelsFollowTheRule_data() {
    QTest::addColumn<QString>("spec");
    QTest::addColumn<bool>("parity");
    QTest::addRow("firstbit 1") << "firstbit:1" << false;
    QTest::addRow("firstbit 20") << "firstbit:20:seed=5" << false;
    QTest::addRow("parity 2") << "parity:2" << true;
    QTest::addRow("parity 9") << "parity:9:seed=7" << true;
}

void TestSequenceDatasets::bitLabelsFollowTheRule() {
    QFETCH(QString, spec);
    QFETCH(bool, parity);
    const Dataset d = load(spec);
    const auto steps = static_cast<size_t>(d.sequenceLength);
    int64_t ones = 0, samples = 0;
    for (const DataSplit* split : {&d.train, &d.test}) {
        for (size_t n = 0; n < static_cast<size_t>(split->count); ++n) {
            int32_t sum = 0;
            for (size_t t = 0; t < steps; ++t) {
                const float bit = split->inputs[n * steps + t];
                QVERIFY(bit == 0.0f || bit == 1.0f);
                sum += static_cast<int32_t>(bit);
            }
            const int32_t expected =
                parity ? sum % 2 : static_cast<int32_t>(split->inputs[n * steps]);
            QCOMPARE(split->labels[n], expected);
            ones += split->labels[n];
            ++samples;
        }
    }
    // Fair coins: both classes about half of the 1000 sequences (4 standard deviations is 63).
    QVERIFY2(std::abs(ones - samples / 2) < 63, qPrintable(QString::number(ones)));
}

// Without noise every window lies on one sine of period 25 steps, so each value follows from the
// two before it: s(t+1) = 2 cos(w) s(t) - s(t-1) with w = 2 pi / 25; the target is s(W+1).
void TestSequenceDatasets::sineTargetIsTheWavesNextValue() {
    const Dataset d = load("sine:noise=0,window=6,n=200");
    const double twoCos = 2 * std::cos(2 * std::numbers::pi / kSinePeriod);
    for (const DataSplit* split : {&d.train, &d.test}) {
        for (size_t n = 0; n < static_cast<size_t>(split->count); ++n) {
            std::vector<double> s(split->inputs.begin() + static_cast<ptrdiff_t>(n * 6),
                                  split->inputs.begin() + static_cast<ptrdiff_t>(n * 6 + 6));
            s.push_back(split->targets[n]);
            for (size_t t = 2; t < s.size(); ++t)
                QVERIFY(std::abs(s[t] - (twoCos * s[t - 1] - s[t - 2])) < 1e-5);
            for (double value : s) QVERIFY(std::abs(value) <= 1.0);
        }
    }
}

// With noise e(t) of standard deviation sigma on each input, r = x(t+1) - 2cos(w) x(t) + x(t-1)
// is e(t+1) - 2cos(w) e(t) + e(t-1): variance sigma^2 (2 + 4 cos^2 w).
void TestSequenceDatasets::sineNoiseHasTheStandardDeviationAskedFor() {
    const double sigma = 0.3;
    const Dataset d = load("sine:noise=0.3,window=3,n=20000");
    const double twoCos = 2 * std::cos(2 * std::numbers::pi / kSinePeriod);
    double sum = 0, squares = 0;
    for (size_t n = 0; n < static_cast<size_t>(d.train.count); ++n) {
        const float* x = d.train.inputs.data() + n * 3;
        const double r = x[2] - twoCos * x[1] + x[0];
        sum += r;
        squares += r * r;
    }
    const auto count = static_cast<double>(d.train.count);
    const double measured = std::sqrt(squares / count - (sum / count) * (sum / count));
    const double expected = sigma * std::sqrt(2 + twoCos * twoCos);
    QVERIFY2(std::abs(measured / expected - 1) < 0.03,
             qPrintable(QString("%1 vs %2").arg(measured).arg(expected)));
    for (float target : d.test.targets)
        QVERIFY(std::abs(target) <= 1.0f);  // the targets carry no noise
}

void TestSequenceDatasets::sameSeedSameData_data() {
    QTest::addColumn<QString>("base");
    QTest::addRow("sine") << "sine:n=100,";
    QTest::addRow("firstbit") << "firstbit:10:n=100,";
    QTest::addRow("parity") << "parity:10:n=100,";
}

void TestSequenceDatasets::sameSeedSameData() {
    QFETCH(QString, base);
    const Dataset first = load(base + "seed=3");
    const Dataset again = load(base + "seed=3");
    const Dataset other = load(base + "seed=4");
    QVERIFY(first.train.inputs == again.train.inputs);
    QVERIFY(first.test.inputs == again.test.inputs);
    QVERIFY(first.train.labels == again.train.labels);
    QVERIFY(first.train.targets == again.train.targets);
    QVERIFY(first.train.inputs != other.train.inputs);
}

void TestSequenceDatasets::specTextRoundTrips_data() {
    QTest::addColumn<QString>("spec");
    QTest::addColumn<QString>("text");
    QTest::addRow("sine") << "sine:window=30,noise=0.2"
                          << "sine:noise=0.2,window=30";
    QTest::addRow("firstbit") << "firstbit:12"
                              << "firstbit:12";
    QTest::addRow("firstbit, options") << "firstbit:12:n=100,seed=3"
                                       << "firstbit:12:n=100,seed=3";
    QTest::addRow("parity, comma") << "parity:8,n=50"
                                   << "parity:8:n=50";
    QTest::addRow("parity, no length") << "parity:n=50"
                                       << "parity:n=50";
    QTest::addRow("seqimg") << "seqimg:fashion-mnist:n=100"
                            << "seqimg:fashion-mnist:n=100";
    QTest::addRow("seqimg idx") << "seqimg:idx:/data/mnist:n=5"
                                << "seqimg:idx:/data/mnist:n=5";
}

void TestSequenceDatasets::specTextRoundTrips() {
    QFETCH(QString, spec);
    QFETCH(QString, text);
    const DatasetSpec parsed = DatasetSpec::parse(spec.toStdString());
    QCOMPARE(qs(parsed.text()), text);
    QCOMPARE(qs(DatasetSpec::parse(parsed.text()).text()), text);
}

// Three 4 x 5 images: 4 steps of 5 pixels each, the bytes and labels as they were.
void TestSequenceDatasets::imageRowsBecomeTimeSteps() {
    QTemporaryDir dir;
    std::vector<uint8_t> pixels(3 * 4 * 5);
    for (size_t i = 0; i < pixels.size(); ++i) pixels[i] = static_cast<uint8_t>(i * 4);
    for (const char* prefix : {"train", "t10k"}) {
        writeIdx(dir.filePath(QString(prefix) + "-images-idx3-ubyte"), {3, 4, 5}, pixels);
        writeIdx(dir.filePath(QString(prefix) + "-labels-idx1-ubyte"), {3}, {2, 0, 1});
    }
    const Dataset d = load("seqimg:idx:" + dir.path() + ":n=2");
    QCOMPARE(qs(d.name), QString("seqimg"));
    QCOMPARE(d.sequenceLength, int64_t{4});
    QCOMPARE(d.inputSize, int64_t{20});
    QCOMPARE(d.imageHeight, int64_t{4});
    QCOMPARE(d.imageWidth, int64_t{5});
    QCOMPARE(d.train.count, int64_t{2});
    QCOMPARE(d.test.count, int64_t{3});
    QVERIFY(d.train.pixels == std::vector<uint8_t>(pixels.begin(), pixels.begin() + 40));
    QCOMPARE(d.test.labels, (std::vector<int32_t>{2, 0, 1}));
    QCOMPARE(d.classCount, int64_t{3});
}

void TestSequenceDatasets::fashionMnistRowsAreTwentyEightSteps() {
    if (!std::filesystem::exists(kFashionMnistFolder))
        QSKIP("Debian's dataset-fashion-mnist is not installed");
    const Dataset d = load("seqimg:fashion-mnist:n=10,ntest=5");
    QCOMPARE(d.sequenceLength, int64_t{28});
    QCOMPARE(d.inputSize, int64_t{28 * 28});
    QCOMPARE(d.classCount, int64_t{10});
    QCOMPARE(d.train.count, int64_t{10});
    QCOMPARE(d.test.count, int64_t{5});
    QVERIFY(d.mirrorKeepsClass);
}

void TestSequenceDatasets::badSpecsAreRefused_data() {
    QTest::addColumn<QString>("spec");
    QTest::addColumn<QString>("says");  // a part of the message that names what is wrong
    QTest::addRow("no length") << "firstbit:0"
                               << "length";
    QTest::addRow("too long") << "parity:1001"
                              << "length";
    QTest::addRow("length not a number") << "parity:abc"
                                         << "not a number";
    QTest::addRow("length not whole") << "parity:2.5"
                                      << "whole number";
    QTest::addRow("window of one") << "sine:window=1"
                                   << "window";
    QTest::addRow("noise too large") << "sine:noise=2"
                                     << "noise";
    QTest::addRow("noise negative") << "sine:noise=-0.1"
                                    << "noise";
    QTest::addRow("sine has no length") << "sine:length=5"
                                        << "unknown option";
    QTest::addRow("bits have no window") << "firstbit:window=3"
                                         << "unknown option";
    QTest::addRow("bits have no noise") << "parity:4:noise=0.1"
                                        << "unknown option";
    QTest::addRow("too few") << "sine:n=3"
                             << "between 4";
    QTest::addRow("test of all") << "parity:4:test=1"
                                 << "test fraction";
    QTest::addRow("test of none") << "firstbit:4:test=0"
                                  << "test fraction";
    QTest::addRow("test leaves none") << "firstbit:4:n=4,test=0.01"
                                      << "no training or no test";
    QTest::addRow("negative seed") << "sine:seed=-1"
                                   << "seed";
    QTest::addRow("seqimg of nothing") << "seqimg"
                                       << "seqimg:fashion-mnist";
    QTest::addRow("seqimg of points") << "seqimg:spiral"
                                      << "seqimg:fashion-mnist";
    QTest::addRow("seqimg idx without folder") << "seqimg:idx"
                                               << "idx:DIR";
    QTest::addRow("seqimg idx, no files") << "seqimg:idx:/nonexistent-koto"
                                          << "not found";
    QTest::addRow("seqimg unknown option") << "seqimg:fashion-mnist:noise=0.1"
                                           << "unknown option";
}

void TestSequenceDatasets::badSpecsAreRefused() {
    QFETCH(QString, spec);
    QFETCH(QString, says);
    try {
        load(spec);
        QFAIL("no InputError");
    } catch (const InputError& error) {
        QVERIFY2(QString(error.what()).contains(says), error.what());
    }
}

QTEST_APPLESS_MAIN(TestSequenceDatasets)
#include "test_sequence_datasets.moc"

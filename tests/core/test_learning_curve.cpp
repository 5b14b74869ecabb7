// LearningCurve keeps a long run's curve within its capacity: every epoch while there is room,
// then every second, fourth, ... epoch, always with the first one, and the latest at hand.

#include <QtTest>

#include "training/learning_curve.h"

using koto::EpochMetrics;
using koto::LearningCurve;

namespace {
EpochMetrics epoch(int64_t number) {
    EpochMetrics m;
    m.epoch = number;
    m.train.loss = 1.0 / static_cast<double>(number);
    return m;
}
}  // namespace

class TestLearningCurve : public QObject {
    Q_OBJECT

private slots:
    void keepsEveryEpochWhileThereIsRoom() {
        LearningCurve curve(8);
        for (int64_t e = 1; e <= 7; ++e) curve.add(epoch(e));
        QCOMPARE(curve.points().size(), size_t{7});
        QCOMPARE(curve.stride(), int64_t{1});
        QCOMPARE(curve.latest().epoch, int64_t{7});
    }

    void thinsToEverySecondEpochWhenFull() {
        LearningCurve curve(8);
        for (int64_t e = 1; e <= 8; ++e) curve.add(epoch(e));
        QCOMPARE(curve.stride(), int64_t{2});
        std::vector<int64_t> kept;
        for (const EpochMetrics& m : curve.points()) kept.push_back(m.epoch);
        QCOMPARE(kept, (std::vector<int64_t>{1, 3, 5, 7}));
        curve.add(epoch(9));   // 9 - 7 = 2: kept
        curve.add(epoch(10));  // 1 after 9: only the latest
        QCOMPARE(curve.points().back().epoch, int64_t{9});
        QCOMPARE(curve.latest().epoch, int64_t{10});
    }

    void staysBoundedOverAMillionEpochs() {
        LearningCurve curve(64);
        for (int64_t e = 1; e <= 1'000'000; ++e) curve.add(epoch(e));
        QVERIFY(curve.points().size() < 64);
        QVERIFY(curve.points().size() >= 32);
        QCOMPARE(curve.points().front().epoch, int64_t{1});
        QCOMPARE(curve.latest().epoch, int64_t{1'000'000});
        for (size_t i = 1; i < curve.points().size(); ++i)
            QVERIFY(curve.points()[i].epoch > curve.points()[i - 1].epoch);
    }

    void sinceGivesLaterPointsAndTheLatest() {
        LearningCurve curve(8);
        for (int64_t e = 1; e <= 10; ++e) curve.add(epoch(e));
        std::vector<int64_t> later;
        for (const EpochMetrics& m : curve.since(5)) later.push_back(m.epoch);
        QCOMPARE(later, (std::vector<int64_t>{7, 9, 10}));
        QVERIFY(curve.since(10).empty());
        QCOMPARE(curve.since(0).front().epoch, int64_t{1});
    }
};

QTEST_APPLESS_MAIN(TestLearningCurve)
#include "test_learning_curve.moc"

// Data augmentation of images: each transform does what image_transform.h says, pixel for pixel;
// the random amounts are seeded, within their ranges and reproducible; labels are untouched and a
// network still learns through it; bad settings and unsuitable datasets are refused.

#include <QtTest>

#include <cmath>
#include <numbers>
#include <set>

#include "backend/cpu_backend.h"
#include "data/augmentation.h"
#include "io/layer_tokens.h"
#include "io/project_file.h"
#include "koto_test_support.h"
#include "training/training_run.h"
#include "util/errors.h"

using namespace koto;
using kototest::qs;

namespace {

constexpr int64_t kSide = 8;

// One 8 x 8 image, black but for the pixels given as (x, y).
std::vector<float> image(std::initializer_list<std::pair<int, int>> bright) {
    std::vector<float> pixels(kSide * kSide, 0.0f);
    for (auto [x, y] : bright) pixels[static_cast<size_t>(y * kSide + x)] = 1.0f;
    return pixels;
}

std::vector<float> transformed(const std::vector<float>& pixels, const ImageTransform& t) {
    CpuBackend backend;
    Tensor in = backend.allocate({1, kSide * kSide}, DType::Float32);
    Tensor out = backend.allocate({1, kSide * kSide}, DType::Float32);
    backend.upload(std::span<const float>(pixels), in);
    const std::vector<ImageTransform> transforms{t};
    backend.augmentImages(transforms, kSide, kSide, in, out);
    std::vector<float> result(pixels.size());
    backend.download(out, std::span<float>(result));
    return result;
}

// Images of 8 x 8 whose class is the side a bright 2 x 2 block sits on: 0 left, 1 right.
// Shifting by a pixel or two keeps the side; a mirror would swap it.
std::shared_ptr<const Dataset> leftOrRight(int64_t trainCount, int64_t testCount) {
    auto dataset = std::make_shared<Dataset>();
    dataset->name = "left-or-right";
    dataset->inputSize = kSide * kSide;
    dataset->classCount = 2;
    dataset->classNames = {"left", "right"};
    dataset->imageWidth = dataset->imageHeight = kSide;
    Random random(7);
    auto fill = [&](DataSplit& split, int64_t count) {
        split.count = count;
        for (int64_t i = 0; i < count; ++i) {
            const auto label = static_cast<int32_t>(i % 2);
            const auto x = static_cast<int>(label ? 5 + random.below(2) : random.below(2));
            const auto y = static_cast<int>(1 + random.below(5));
            std::vector<uint8_t> pixels(kSide * kSide, 0);
            for (int dy = 0; dy < 2; ++dy)
                for (int dx = 0; dx < 2; ++dx)
                    pixels[static_cast<size_t>((y + dy) * kSide + x + dx)] = 255;
            split.pixels.insert(split.pixels.end(), pixels.begin(), pixels.end());
            split.labels.push_back(label);
        }
    };
    fill(dataset->train, trainCount);
    fill(dataset->test, testCount);
    return dataset;
}

TrainingSettings settingsWith(const std::string& augment) {
    TrainingSettings settings;
    settings.learningRate = 0.1;
    settings.batchSize = 16;
    settings.seed = 5;
    settings.augment = augment;
    return settings;
}

}  // namespace

class TestAugmentation : public QObject {
    Q_OBJECT

private slots:
    void wholePixelShiftsMoveEveryPixelExactly() {
        ImageTransform t;
        t.shiftX = 2;
        t.shiftY = -1;
        const std::vector<float> out = transformed(image({{3, 4}, {7, 7}}), t);
        // (3, 4) lands on (5, 3); (7, 7) would land at (9, 6), outside: gone.
        QCOMPARE(out, image({{5, 3}}));
    }

    void aMirrorSwapsLeftAndRight() {
        ImageTransform t;
        t.mirror = true;
        QCOMPARE(transformed(image({{1, 2}, {6, 5}}), t), image({{6, 2}, {1, 5}}));
    }

    // A quarter turn counter-clockwise on screen (y grows downwards) takes the point right of the
    // centre (3.5, 3.5) to the point above it: (6, 3) to (3, 1) with this even size.
    void aQuarterTurnTurnsCounterClockwise() {
        ImageTransform t;
        t.radians = static_cast<float>(std::numbers::pi / 2);
        const std::vector<float> out = transformed(image({{6, 3}}), t);
        const std::vector<float> expected = image({{3, 1}});
        for (size_t i = 0; i < out.size(); ++i)
            QVERIFY2(std::abs(out[i] - expected[i]) < 1e-5f,
                     qPrintable(QStringLiteral("pixel %1: %2").arg(i).arg(out[i])));
    }

    // Between pixels the value is interpolated: half a pixel right splits a bright pixel in two.
    void halfPixelPositionsAreInterpolated() {
        ImageTransform t;
        t.shiftX = 0.5f;
        std::vector<float> expected = image({});
        expected[4 * kSide + 3] = expected[4 * kSide + 4] = 0.5f;
        QCOMPARE(transformed(image({{3, 4}}), t), expected);
    }

    void brightnessAndContrastFollowTheFormula() {
        std::vector<float> grey(kSide * kSide, 0.25f);
        grey[0] = 1.0f;
        ImageTransform t;
        t.brightness = 0.1f;
        t.contrast = 2.0f;
        const std::vector<float> out = transformed(grey, t);
        QCOMPARE(out[1], 2.0f * (0.25f - 0.5f) + 0.5f + 0.1f);  // 0.1
        QCOMPARE(out[0], 1.0f);                                 // 1.6, clamped
    }

    void drawsAreSeededAndWithinRange() {
        const Augmentation augmentation =
            Augmentation::parse("translate=2,rotate=10,flip,brightness=0.1,contrast=0.2");
        std::set<float> shifts;
        int mirrored = 0;
        for (int64_t sample = 0; sample < 400; ++sample) {
            const ImageTransform t = augmentation.draw({3, 17, kAugmentationStream}, sample);
            const ImageTransform again = augmentation.draw({3, 17, kAugmentationStream}, sample);
            QCOMPARE(t.shiftX, again.shiftX);
            QCOMPARE(t.radians, again.radians);
            QCOMPARE(t.contrast, again.contrast);
            QVERIFY(std::abs(t.shiftX) <= 2 && std::abs(t.shiftY) <= 2 &&
                    t.shiftX == std::floor(t.shiftX));
            QVERIFY(std::abs(t.radians) <= static_cast<float>(10 * std::numbers::pi / 180));
            QVERIFY(std::abs(t.brightness) <= 0.1f);
            QVERIFY(t.contrast >= 0.8f && t.contrast <= 1.2f);
            shifts.insert(t.shiftX);
            mirrored += t.mirror;
        }
        QCOMPARE(shifts, (std::set<float>{-2, -1, 0, 1, 2}));
        QVERIFY(mirrored > 150 && mirrored < 250);  // about half
        const ImageTransform other = augmentation.draw({3, 18, kAugmentationStream}, 0);
        const ImageTransform first = augmentation.draw({3, 17, kAugmentationStream}, 0);
        QVERIFY(other.radians != first.radians);  // another step, other amounts
        QVERIFY(!Augmentation::parse("translate=2").draw({3, 17, kAugmentationStream}, 0).mirror);
    }

    void textRoundTrips() {
        const Augmentation a =
            Augmentation::parse("rotate=10,flip,translate=2,contrast=0.2,brightness=0.1");
        QCOMPARE(qs(a.text()),
                 QStringLiteral("translate=2,rotate=10,flip,brightness=0.1,contrast=0.2"));
        QCOMPARE(qs(Augmentation::parse(a.text()).text()), qs(a.text()));
        QVERIFY(!Augmentation::parse("").active());
        QVERIFY(!Augmentation::parse("none").active());
    }

    void badSettingsAreRefused_data() {
        QTest::addColumn<QString>("text");
        QTest::newRow("unknown") << "shear=3";
        QTest::newRow("half pixel") << "translate=1.5";
        QTest::newRow("too far") << "translate=40";
        QTest::newRow("too much turn") << "rotate=400";
        QTest::newRow("negative") << "brightness=-0.1";
        QTest::newRow("flip with value") << "flip=1";
        QTest::newRow("no value") << "rotate";
        QTest::newRow("not a number") << "contrast=lots";
    }
    void badSettingsAreRefused() {
        QFETCH(QString, text);
        QVERIFY_THROWS_EXCEPTION(InputError, Augmentation::parse(text.toStdString()));
    }

    void onlyImagesAreAugmentedAndOnlyMirrorSafeOnesFlipped() {
        CpuBackend backend;
        const auto spiral = kototest::dataset("spiral:n=100");
        const NetworkSpec spiralNet = networkSpecFromTokens("dense:4:tanh", *spiral);
        QVERIFY_THROWS_EXCEPTION(
            InputError, TrainingRun(backend, spiralNet, spiral, settingsWith("translate=1")));
        const auto images = leftOrRight(32, 8);
        const NetworkSpec imageNet = networkSpecFromTokens("dense:8:relu", *images);
        QVERIFY_THROWS_EXCEPTION(InputError,
                                 TrainingRun(backend, imageNet, images, settingsWith("flip")));
        TrainingRun allowed(backend, imageNet, images, settingsWith("translate=1,rotate=5"));
        QVERIFY(allowed.trainer().step());
    }

    // Seeded: the same seed trains to the same bits, and augmenting changes what is learnt.
    void augmentedTrainingIsReproducible() {
        const auto images = leftOrRight(64, 16);
        const NetworkSpec spec = networkSpecFromTokens("dense:8:relu", *images);
        auto train = [&](const std::string& augment) {
            CpuBackend backend;
            TrainingRun run(backend, spec, images, settingsWith(augment));
            run.trainer().train(3);
            return captureWeights(run.network());
        };
        const auto first = train("translate=1,rotate=10,brightness=0.1");
        const auto second = train("translate=1,rotate=10,brightness=0.1");
        QVERIFY2(kototest::sameWeights(first, second),
                 qPrintable(kototest::firstDifference(first, second)));
        QVERIFY(!kototest::sameWeights(first, train("")));
    }

    // The labels stay with their images: a network trained on shifted copies still learns
    // which side the block is on, and is right on the unchanged test images.
    void labelsSurviveAndTheNetworkLearns() {
        const auto images = leftOrRight(400, 100);
        CpuBackend backend;
        TrainingRun run(backend, networkSpecFromTokens("dense:16:relu", *images), images,
                        settingsWith("translate=1,rotate=8,contrast=0.3"));
        run.trainer().train(30);
        QVERIFY2(run.trainer().curve().latest().test.accuracy >= 0.97,
                 qPrintable(QString::number(run.trainer().curve().latest().test.accuracy)));
    }

    void copiesForDisplayAreTheTransformsOfTraining() {
        const auto images = leftOrRight(4, 2);
        CpuBackend backend;
        const Augmentation augmentation = Augmentation::parse("translate=2");
        const std::vector<int64_t> rows{1, 3};
        const std::vector<float> copies =
            augmentedCopies(backend, *images, images->train, rows, augmentation, 3, 9);
        QCOMPARE(copies.size(), size_t{2 * 3 * kSide * kSide});
        // Copy 2 of row 3 is sample 1 (its place) of step 3's draw, applied to that image.
        const ImageTransform t = augmentation.draw({9, 3, kAugmentationStream}, 1);
        const std::vector<float> expected =
            transformed(images->train.floatInputs(3, 1, kSide * kSide), t);
        const std::vector<float> copy(copies.begin() + (1 * 3 + 2) * kSide * kSide,
                                      copies.begin() + (1 * 3 + 3) * kSide * kSide);
        QCOMPARE(copy, expected);
    }
};

QTEST_APPLESS_MAIN(TestAugmentation)
#include "test_augmentation.moc"

// Image data in the app, offscreen: choosing a folder of IDX files shows its images instead of the
// decision boundary; training puts the network's answers under them and fills the confusion
// matrix; data augmentation is offered for images only (and mirroring only where it keeps the
// class) and its copies are shown; a damaged folder is reported in a dialog and the data before
// stays. Set KOTO_TEST_SCREENSHOTS to a folder to keep pictures of the views.

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QMessageBox>
#include <QSpinBox>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolButton>
#include <memory>
#include <numeric>

#include "main_window_fixture.h"
#include "panels/augmentation_panel.h"
#include "panels/dataset_panel.h"
#include "util/random.h"
#include "views/confusion_matrix_view.h"
#include "views/decision_boundary_view.h"
#include "views/image_gallery_view.h"
#include "window/main_window.h"

using namespace koto::gui;
using kototest::waitForSnapshot;

namespace {

QByteArray idx(const std::vector<uint32_t>& dims, const std::vector<uint8_t>& data) {
    QByteArray bytes("\0\0\x08", 3);
    bytes.append(static_cast<char>(dims.size()));
    for (uint32_t d : dims)
        for (int shift = 24; shift >= 0; shift -= 8)
            bytes.append(static_cast<char>((d >> shift) & 0xff));
    bytes.append(reinterpret_cast<const char*>(data.data()), static_cast<qsizetype>(data.size()));
    return bytes;
}

void writeFile(const QString& path, const QByteArray& bytes) {
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        qFatal("cannot write %s", qPrintable(path));
}

// The four IDX files of 12 x 12 images whose class is the side a bright 3 x 3 block is on
// (0 left, 1 right), as MNIST's download names them.
void writeLeftOrRight(const QString& folder, int trainCount, int testCount) {
    koto::Random random(11);
    for (auto [prefix, count] : {std::pair{"train", trainCount}, std::pair{"t10k", testCount}}) {
        std::vector<uint8_t> images, labels;
        for (int i = 0; i < count; ++i) {
            const int label = i % 2;
            const auto x = static_cast<int>(label ? 7 + random.below(2) : 1 + random.below(2));
            const auto y = static_cast<int>(1 + random.below(8));
            std::vector<uint8_t> pixels(144, 0);
            for (int dy = 0; dy < 3; ++dy)
                for (int dx = 0; dx < 3; ++dx)
                    pixels[static_cast<size_t>((y + dy) * 12 + x + dx)] = 230;
            images.insert(images.end(), pixels.begin(), pixels.end());
            labels.push_back(static_cast<uint8_t>(label));
        }
        const auto n = static_cast<uint32_t>(count);
        writeFile(folder + "/" + prefix + "-images-idx3-ubyte", idx({n, 12, 12}, images));
        writeFile(folder + "/" + prefix + "-labels-idx1-ubyte", idx({n}, labels));
    }
}

void keepPicture(QWidget& widget, const QString& name) {
    const QString folder = qEnvironmentVariable("KOTO_TEST_SCREENSHOTS");
    if (folder.isEmpty()) return;
    QTest::qWait(50);  // let the layouts settle, as they would on screen
    widget.grab().save(QDir(folder).filePath(name));
}

}  // namespace

class TestImageData : public QObject {
    Q_OBJECT

private slots:
    void init() {
        QVERIFY(fixture_.open());
        window_ = fixture_.window.get();
        QVERIFY(folder_.isValid());
        writeLeftOrRight(folder_.path(), 300, 60);
        chosenFolder_ = folder_.path();
        window_->datasetPanel().setPathChooser(
            [this](bool folder) { return folder ? chosenFolder_ : QString(); });
    }

    void cleanup() { fixture_.close(); }

    void pointsOfferNoAugmentation() {
        QVERIFY(window_->augmentationPanel().text().empty());
        QVERIFY(!window_->findChild<QSpinBox*>(QStringLiteral("translateSpin"))->isEnabled());
        QVERIFY(window_->boundaryView().isVisible());
        QVERIFY(!window_->gallery().isVisible());
    }

    void anIdxFolderShowsItsImages() {
        chooseIdx();
        QVERIFY(window_->gallery().isVisible());
        QVERIFY(!window_->boundaryView().isVisible());
        QCOMPARE(window_->gallery().imagesShown(), 24);  // the first 24 of the 60 test images
        QCOMPARE(window_->gallery().correctAnswersShown(), 0);  // no answers before training
        QVERIFY(window_->findChild<QSpinBox*>(QStringLiteral("translateSpin"))->isEnabled());
        // A folder of the user's may hold digits, which a mirror changes: no mirroring offered.
        QVERIFY(!window_->findChild<QCheckBox*>(QStringLiteral("flipCheck"))->isEnabled());
    }

    void trainingAnswersUnderTheImagesAndFillsTheConfusionMatrix() {
        chooseIdx();
        window_->controller().stepEpoch();
        QVERIFY(waitForSnapshot(
            *window_, [](const TrainingSnapshot& s) { return s.epochs >= 1 && s.paused; }));
        QTest::qWait(100);
        const auto snapshot = window_->latestSnapshot();
        QCOMPARE(snapshot->samplePredictions.size(), size_t{24});
        QCOMPARE(snapshot->gridSize, 0);  // no plane to draw for images
        const std::vector<int64_t>& counts = window_->confusionMatrix().counts();
        QCOMPARE(counts, snapshot->confusion);
        QCOMPARE(counts.size(), size_t{4});
        QCOMPARE(std::accumulate(counts.begin(), counts.end(), int64_t{0}), int64_t{60});
        // An easy task: after an epoch most answers are right, and the right ones are on the
        // diagonal.
        const double accuracy = static_cast<double>(counts[0] + counts[3]) / 60.0;
        QCOMPARE(accuracy, snapshot->latest.test.accuracy);
        QVERIFY2(window_->gallery().correctAnswersShown() >= 12,
                 qPrintable(QString::number(window_->gallery().correctAnswersShown())));
        keepPicture(*window_, QStringLiteral("gallery_answers.png"));
        window_->findChild<QTabWidget*>(QStringLiteral("charts"))
            ->setCurrentWidget(&window_->confusionMatrix());
        keepPicture(*window_, QStringLiteral("confusion_matrix.png"));
    }

    void augmentedCopiesAreShownAndTrainingGoesOn() {
        chooseIdx();
        window_->findChild<QSpinBox*>(QStringLiteral("translateSpin"))->setValue(2);
        window_->findChild<QSpinBox*>(QStringLiteral("rotateSpin"))->setValue(15);
        QCOMPARE(QString::fromStdString(window_->augmentationPanel().text()),
                 QStringLiteral("translate=2,rotate=15"));
        window_->gallery().setMode(ImageGalleryView::Mode::AugmentedImages);
        QCOMPARE(window_->gallery().imagesShown(),
                 6 * 6);  // six training images, each with five copies
        keepPicture(*window_, QStringLiteral("gallery_augmented.png"));
        window_->controller().stepEpoch();
        QVERIFY(waitForSnapshot(
            *window_, [](const TrainingSnapshot& s) { return s.epochs >= 1 && s.paused; }));
        QVERIFY(window_->latestSnapshot()->failure.isEmpty());
    }

    void aDamagedFolderIsReportedAndTheDataBeforeStays() {
        QTemporaryDir damaged;
        QVERIFY(damaged.isValid());
        writeLeftOrRight(damaged.path(), 20, 10);
        QFile::resize(damaged.filePath(QStringLiteral("train-images-idx3-ubyte")),
                      100);  // cut short
        chosenFolder_ = damaged.path();
        QString said;
        QTimer::singleShot(0, this, [&] {
            // The dialog is modal: read it, then close it as a user would.
            QTRY_VERIFY(QApplication::activeModalWidget() != nullptr);
            auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
            if (box) {
                said = box->text();
                box->accept();
            }
        });
        chooseIdx();
        QVERIFY2(said.contains(QStringLiteral("train-images-idx3-ubyte")), qPrintable(said));
        QCOMPARE(QString::fromStdString(window_->datasetPanel().spec().name),
                 QStringLiteral("spiral"));
        QVERIFY(window_->boundaryView().isVisible());
        window_->controller().stepBatch();  // the run from before still trains
        QVERIFY(waitForSnapshot(*window_, [](const TrainingSnapshot& s) { return s.steps == 1; }));
    }

private:
    void chooseIdx() {
        auto* choice = window_->findChild<QComboBox*>(QStringLiteral("datasetChoice"));
        choice->setCurrentIndex(choice->findData(QStringLiteral("idx")));
    }

    kototest::MainWindowFixture fixture_;
    MainWindow* window_ = nullptr;
    QTemporaryDir folder_;
    QString chosenFolder_;
};

QTEST_MAIN(TestImageData)
#include "test_image_data.moc"

// Image data in IDX files (MNIST's format), raw and gzip-compressed: small files written here are
// read back exactly, every kind of damage gives an InputError naming the file, the pixels stay
// bytes and become [0, 1] in each batch, and a network learns from them.

#include <QtTest>

#include <zlib.h>

#include <QTemporaryDir>
#include <fstream>
#include <memory>

#include "backend/cpu_backend.h"
#include "data/dataset_spec.h"
#include "data/image_datasets.h"
#include "io/idx_file.h"
#include "io/layer_tokens.h"
#include "training/training_run.h"
#include "util/errors.h"

using namespace koto;

namespace {

std::string idx(const std::vector<uint32_t>& dims, const std::vector<uint8_t>& data,
                uint8_t type = 0x08) {
    std::string bytes{'\0', '\0', static_cast<char>(type), static_cast<char>(dims.size())};
    for (uint32_t d : dims)
        for (int shift = 24; shift >= 0; shift -= 8)
            bytes.push_back(static_cast<char>((d >> shift) & 0xff));
    bytes.append(data.begin(), data.end());
    return bytes;
}

std::string gzip(const std::string& raw) {
    z_stream stream{};
    deflateInit2(&stream, Z_BEST_SPEED, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
    std::string out(deflateBound(&stream, raw.size()) + 32, '\0');
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(raw.data()));
    stream.avail_in = static_cast<uInt>(raw.size());
    stream.next_out = reinterpret_cast<Bytef*>(out.data());
    stream.avail_out = static_cast<uInt>(out.size());
    deflate(&stream, Z_FINISH);
    out.resize(stream.total_out);
    deflateEnd(&stream);
    return out;
}

void write(const QString& path, const std::string& bytes) {
    std::ofstream(path.toStdString(), std::ios::binary) << bytes;
}

// n images of 2x3 pixels: class 1 bright (200 + n), class 0 dark (n), labels alternating.
struct Images {
    std::vector<uint8_t> pixels, labels;
    explicit Images(uint32_t n) {
        for (uint32_t i = 0; i < n; ++i) {
            labels.push_back(static_cast<uint8_t>(i % 2));
            for (int p = 0; p < 6; ++p)
                pixels.push_back(static_cast<uint8_t>((i % 2 ? 200 : 0) + (i + p) % 50));
        }
    }
};

void writeFolder(const QString& folder, uint32_t train, uint32_t test, bool compressed) {
    const Images a(train), b(test);
    const QString gz = compressed ? QStringLiteral(".gz") : QString();
    auto put = [&](const char* name, const std::string& raw) {
        write(folder + "/" + name + gz, compressed ? gzip(raw) : raw);
    };
    put("train-images-idx3-ubyte", idx({train, 2, 3}, a.pixels));
    put("train-labels-idx1-ubyte", idx({train}, a.labels));
    put("t10k-images-idx3-ubyte", idx({test, 2, 3}, b.pixels));
    put("t10k-labels-idx1-ubyte", idx({test}, b.labels));
}

}  // namespace

class TestImageDatasets : public QObject {
    Q_OBJECT

private slots:
    void readsRawAndCompressedFolders_data() {
        QTest::addColumn<bool>("compressed");
        QTest::newRow("raw") << false;
        QTest::newRow("gzip") << true;
    }

    void readsRawAndCompressedFolders() {
        QFETCH(bool, compressed);
        QTemporaryDir dir;
        writeFolder(dir.path(), 40, 10, compressed);
        const Dataset data = loadDataset(DatasetSpec::parse("idx:" + dir.path().toStdString()));
        QCOMPARE(data.inputSize, int64_t{6});
        QCOMPARE(data.classCount, int64_t{2});
        QCOMPARE(data.train.count, int64_t{40});
        QCOMPARE(data.test.count, int64_t{10});
        QVERIFY(data.train.inputs.empty());  // bytes, not floats
        QCOMPARE(data.train.pixels, Images(40).pixels);
        QCOMPARE(std::vector<uint8_t>(data.train.labels.begin(), data.train.labels.end()),
                 Images(40).labels);
        const Dataset few =
            loadDataset(DatasetSpec::parse("idx:" + dir.path().toStdString() + ":n=8,ntest=3"));
        QCOMPARE(few.train.count, int64_t{8});
        QCOMPARE(few.test.count, int64_t{3});
        QCOMPARE(few.train.pixels.size(), size_t{48});
    }

    void damagedFilesAreRefused_data() {
        QTest::addColumn<QByteArray>("images");
        QTest::addColumn<QString>("message");
        const Images a(4);
        auto row = [&](const char* name, const std::string& bytes, const char* message) {
            QTest::newRow(name) << QByteArray::fromStdString(bytes) << QString::fromLatin1(message);
        };
        row("empty", "", "not an IDX file");
        row("wrong magic", "\x01\x02\x08\x03", "not an IDX file");
        row("floats", idx({4, 2, 3}, a.pixels, 0x0D), "only unsigned bytes");
        row("no dimensions", idx({}, {}), "dimensions");
        row("truncated header", idx({4, 2, 3}, {}).substr(0, 9), "truncated in its header");
        row("truncated data",
            idx({4, 2, 3}, std::vector<uint8_t>(a.pixels.begin(), a.pixels.end() - 1)),
            "truncated");
        row("trailing bytes", idx({4, 2, 3}, a.pixels) + "xx", "more than the header says");
        row("sizes overflow", idx({0xffffffffu, 0xffffffffu, 0xffffffffu}, {}), "more than 1 GiB");
        row("two dimensions", idx({4, 6}, a.pixels), "3 dimensions");
        row("truncated gzip", gzip(idx({4, 2, 3}, a.pixels)).substr(0, 30), "truncated");
        std::string scrambled = gzip(idx({4, 2, 3}, a.pixels));
        for (size_t i = 12; i < scrambled.size(); i += 3)
            scrambled[i] = static_cast<char>(~scrambled[i]);
        row("damaged gzip", scrambled, "compressed data");
    }

    void damagedFilesAreRefused() {
        QFETCH(QByteArray, images);
        QFETCH(QString, message);
        QTemporaryDir dir;
        writeFolder(dir.path(), 4, 2, false);
        write(dir.filePath("train-images-idx3-ubyte"), images.toStdString());
        try {
            loadDataset(DatasetSpec::parse("idx:" + dir.path().toStdString()));
            QFAIL("no error");
        } catch (const InputError& error) {
            const QString text = QString::fromStdString(error.what());
            QVERIFY2(text.contains(message) && text.contains("train-images-idx3-ubyte"),
                     qPrintable(text));
        }
    }

    void countsAndLabelsMustAgree() {
        QTemporaryDir dir;
        writeFolder(dir.path(), 6, 2, false);
        write(dir.filePath("train-labels-idx1-ubyte"), idx({5}, {0, 1, 0, 1, 0}));
        QVERIFY_THROWS_EXCEPTION(
            InputError, loadDataset(DatasetSpec::parse("idx:" + dir.path().toStdString())));
        writeFolder(dir.path(), 6, 2, false);
        write(dir.filePath("train-labels-idx1-ubyte"), idx({6}, {0, 1, 2, 3, 4, 5}));
        try {  // more labels than the named classes
            loadIdxDataset("three", dir.path().toStdString(), -1, -1, {"a", "b", "c"});
            QFAIL("no error");
        } catch (const InputError& error) {
            QVERIFY(QString::fromStdString(error.what()).contains("label 5"));
        }
        QVERIFY_THROWS_EXCEPTION(InputError,
                                 loadDataset(DatasetSpec::parse("idx:/no/such/folder")));
        QVERIFY_THROWS_EXCEPTION(InputError, loadDataset(DatasetSpec::parse(
                                                 "idx:" + dir.path().toStdString() + ":n=0")));
    }

    void bytesBecomeUnitFloatsInEachBatch() {
        CpuBackend backend;
        Tensor bytes = backend.allocate({2, 3}, DType::UInt8);
        const std::vector<uint8_t> values{0, 255, 51, 102, 204, 1};
        backend.upload(std::span<const uint8_t>(values), bytes);
        Tensor batch = backend.allocate({2, 3}, DType::Float32);
        const std::vector<int32_t> rows{1, 0};
        backend.gatherRowsScaled(bytes, rows, 1.0 / 255.0, batch);
        std::vector<float> out(6);
        backend.download(batch, std::span<float>(out));
        const std::vector<float> expected{0.4f, 0.8f, 1.0f / 255, 0.0f, 1.0f, 0.2f};
        for (size_t i = 0; i < 6; ++i) QVERIFY(std::abs(out[i] - expected[i]) < 1e-6f);
    }

    void aNetworkLearnsFromImageBytes() {
        QTemporaryDir dir;
        writeFolder(dir.path(), 200, 50, true);
        CpuBackend backend;
        auto data = std::make_shared<const Dataset>(
            loadDataset(DatasetSpec::parse("idx:" + dir.path().toStdString())));
        TrainingSettings settings;
        settings.learningRate = 0.1;
        settings.validation = 0.2;  // the held-out share keeps its bytes
        TrainingRun run(backend, networkSpecFromTokens("dense:4:relu", *data), data, settings);
        QCOMPARE(run.dataset().validation.pixels.size(), size_t{40 * 6});
        run.trainer().train(20);
        const EpochMetrics m = run.trainer().evaluate();
        QCOMPARE(m.test.accuracy, 1.0);
        QCOMPARE(m.validation.accuracy, 1.0);
    }

    void fashionMnistWhenInstalled() {
        if (!QFile::exists(
                QStringLiteral("/usr/share/datasets/fashion-mnist/train-labels-idx1-ubyte.gz")))
            QSKIP("Debian's dataset-fashion-mnist is not installed");
        const Dataset data = loadDataset(DatasetSpec::parse("fashion-mnist:n=100,ntest=10"));
        QCOMPARE(data.inputSize, int64_t{784});
        QCOMPARE(data.classCount, int64_t{10});
        QCOMPARE(QString::fromStdString(data.classNames[9]), QStringLiteral("Ankle boot"));
        QCOMPARE(data.train.count, int64_t{100});
        QCOMPARE(data.test.count, int64_t{10});
    }
};

QTEST_APPLESS_MAIN(TestImageDatasets)
#include "test_image_datasets.moc"

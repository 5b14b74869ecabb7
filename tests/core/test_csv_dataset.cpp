// Labelled tables from CSV: Kaggle's digit-recognizer layout kept as image bytes, any other table
// as floats with a chosen label column, a seeded test share, and errors that name the file, the
// row and the column.

#include <QtTest>

#include <QTemporaryDir>
#include <fstream>
#include <memory>
#include <set>

#include "backend/cpu_backend.h"
#include "data/dataset_spec.h"
#include "io/layer_tokens.h"
#include "training/training_run.h"
#include "util/errors.h"

using namespace koto;

class TestCsvDataset : public QObject {
    Q_OBJECT

private:
    std::string write(const char* name, const std::string& text) {
        const std::string path = dir_.filePath(QLatin1String(name)).toStdString();
        std::ofstream(path, std::ios::binary) << text;
        return path;
    }
    QTemporaryDir dir_;

private slots:
    void kaggleDigitsStayBytes() {
        std::string text = "\xEF\xBB\xBFlabel,pixel0,pixel1,pixel2,pixel3\r\n";
        for (int i = 0; i < 20; ++i)
            text += std::to_string(i % 3) + "," + std::to_string(i) + ",255,0," +
                    std::to_string(10 * i) + "\r\n";
        const Dataset data =
            loadDataset(DatasetSpec::parse("csv:" + write("train.csv", text) + ":test=0.25"));
        QCOMPARE(data.inputSize, int64_t{4});
        QCOMPARE(data.classCount, int64_t{3});
        QCOMPARE(data.train.count, int64_t{15});
        QCOMPARE(data.test.count, int64_t{5});
        QVERIFY(data.train.inputs.empty());
        QCOMPARE(data.train.pixels.size(), size_t{60});
        // Every row is there once, label and pixels together.
        std::multiset<std::vector<int>> rows;
        for (const DataSplit* split : {&data.train, &data.test})
            for (int64_t n = 0; n < split->count; ++n) {
                std::vector<int> row{split->labels[static_cast<size_t>(n)]};
                for (int k = 0; k < 4; ++k)
                    row.push_back(split->pixels[static_cast<size_t>(n * 4 + k)]);
                rows.insert(row);
            }
        std::multiset<std::vector<int>> expected;
        for (int i = 0; i < 20; ++i) expected.insert({i % 3, i, 255, 0, 10 * i});
        QVERIFY(rows == expected);
    }

    void anyTableWithAChosenLabelColumn() {
        std::string text = "x,class,y\n";
        for (int i = 0; i < 50; ++i)
            text += std::to_string(i * 0.5) + "," + std::to_string(i < 25 ? 0 : 1) + ",-1.5\n";
        const std::string path = write("table.csv", text);
        const Dataset byName =
            loadDataset(DatasetSpec::parse("csv:" + path + ":label=class,seed=3"));
        QCOMPARE(byName.inputSize, int64_t{2});
        QCOMPARE(byName.train.inputs.size(), size_t{80});  // floats: x and y
        QVERIFY(byName.train.pixels.empty());
        const Dataset byNumber = loadDataset(DatasetSpec::parse("csv:" + path + ":label=2,seed=3"));
        QCOMPARE(byNumber.train.inputs, byName.train.inputs);
        QCOMPARE(byNumber.train.labels, byName.train.labels);
        // And a network learns it (x < 12.5 is class 0).
        CpuBackend backend;
        auto data = std::make_shared<const Dataset>(byName);
        TrainingSettings settings;
        settings.optimizer = "adam";
        settings.learningRate = 0.05;
        TrainingRun run(backend, networkSpecFromTokens("dense:4:tanh", *data), data, settings);
        run.trainer().train(200);
        QVERIFY(run.trainer().evaluate().train.accuracy >= 0.95);
    }

    void badFilesNameTheirPlace_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("options");
        QTest::addColumn<QString>("message");
        QTest::newRow("ragged") << "label,a\n1,2\n0\n1,3\n"
                                << ""
                                << "line 3";
        QTest::newRow("not a number") << "label,a\n1,2\n0,abc\n1,3\n"
                                      << ""
                                      << "line 3, column 2";
        QTest::newRow("nan") << "label,a\n1,2\n0,nan\n1,3\n"
                             << ""
                             << "not finite";
        QTest::newRow("fractional label") << "label,a\n1,2\n0.5,1\n1,3\n0,1\n"
                                          << ""
                                          << "data row 2, column 1";
        QTest::newRow("negative label") << "label,a\n1,2\n-1,1\n1,3\n0,1\n"
                                        << ""
                                        << "whole number";
        QTest::newRow("unknown column") << "label,a\n1,2\n0,1\n1,3\n0,1\n"
                                        << ":label=b"
                                        << "no column \"b\"";
        QTest::newRow("one column") << "label\n1\n0\n"
                                    << ""
                                    << "at least one input column";
        QTest::newRow("too few rows") << "label,a\n1,2\n"
                                      << ""
                                      << "too few";
        QTest::newRow("empty") << ""
                               << ""
                               << "no rows";
    }

    void badFilesNameTheirPlace() {
        QFETCH(QString, text);
        QFETCH(QString, options);
        QFETCH(QString, message);
        const std::string path = write("bad.csv", text.toStdString());
        try {
            loadDataset(DatasetSpec::parse("csv:" + path + options.toStdString()));
            QFAIL("no error");
        } catch (const InputError& error) {
            const QString said = QString::fromStdString(error.what());
            QVERIFY2(said.contains(message), qPrintable(said));
        }
    }

    void specProblems() {
        QVERIFY_THROWS_EXCEPTION(InputError, loadDataset(DatasetSpec::parse("csv")));
        QVERIFY_THROWS_EXCEPTION(InputError,
                                 loadDataset(DatasetSpec::parse("csv:/no/such/file.csv")));
        QVERIFY_THROWS_EXCEPTION(InputError,
                                 loadDataset(DatasetSpec::parse("csv:x.csv:colour=red")));
        const std::string path = write("ok.csv", "label,a\n0,1\n1,2\n0,3\n1,4\n");
        QVERIFY_THROWS_EXCEPTION(InputError,
                                 loadDataset(DatasetSpec::parse("csv:" + path + ":test=1")));
        QCOMPARE(QString::fromStdString(DatasetSpec::parse("csv:" + path + ":test=0.5").text()),
                 QString::fromStdString("csv:" + path + ":test=0.5"));
    }
};

QTEST_APPLESS_MAIN(TestCsvDataset)
#include "test_csv_dataset.moc"

#include "scripted/checkpoint_screenshot_run.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QFile>
#include <cstdio>
#include <exception>

#include "io/atomic_file.h"

namespace koto::gui {

CheckpointScreenshotRun::CheckpointScreenshotRun(MainWindow& window, const QString& viewName,
                                                 int64_t epoch, QString path)
    : walk_(window, viewName), epoch_(epoch), path_(std::move(path)) {
    connect(&walk_, &CheckpointWalk::drawn, this, &CheckpointScreenshotRun::save);
    connect(&walk_, &CheckpointWalk::failed, this,
            [](const QString& why, int exitCode) { finish(exitCode, why); });
}

void CheckpointScreenshotRun::start() { walk_.start(epoch_); }

void CheckpointScreenshotRun::save(const QImage& picture) {
    QByteArray png;
    QBuffer buffer(&png);
    if (!buffer.open(QIODevice::WriteOnly) || !picture.save(&buffer, "PNG")) {
        finish(1, QStringLiteral("cannot render %1").arg(path_));
        return;
    }
    try {
        writeFileAtomically(QFile::encodeName(path_).toStdString(), png.toStdString());
    } catch (const std::exception& error) {
        finish(1, QString::fromUtf8(error.what()));
        return;
    }
    finish(0);
}

void CheckpointScreenshotRun::finish(int exitCode, const QString& problem) {
    if (!problem.isEmpty()) std::fprintf(stderr, "kotohajime: %s\n", qPrintable(problem));
    QCoreApplication::exit(exitCode);
}

}  // namespace koto::gui

#include "scripted/animation_run.h"

#include <QCoreApplication>
#include <QFile>
#include <cstdio>
#include <exception>

#include "animation/animation_frame.h"
#include "animation/gif_animation.h"
#include "io/atomic_file.h"

namespace koto::gui {
namespace {

constexpr int kFrameMs = 250;
constexpr int kLastFrameMs = 2000;  // the run's end stays on the slide a while before it loops

}  // namespace

AnimationRun::AnimationRun(MainWindow& window, const QString& viewName, QString path,
                           QString program)
    : walk_(window, viewName), path_(std::move(path)), program_(std::move(program)) {
    connect(&walk_, &CheckpointWalk::drawn, this, &AnimationRun::addFrame);
    connect(&walk_, &CheckpointWalk::finished, this, &AnimationRun::write);
    connect(&walk_, &CheckpointWalk::failed, this,
            [this](const QString& why, int exitCode) { finish(exitCode, why); });
}

AnimationRun::~AnimationRun() = default;

void AnimationRun::start() { walk_.start(); }

void AnimationRun::addFrame(const QImage& picture, const EpochMetrics& metrics) {
    const QImage frame = captionedFrame(picture, frameCaption(metrics));
    try {
        if (!gif_) gif_ = std::make_unique<GifAnimation>(frame.size());
        if (!waiting_.isNull()) gif_->addFrame(waiting_, kFrameMs);
    } catch (const std::exception& error) {
        walk_.stop();
        finish(
            1,
            QStringLiteral("%1 could not be made: %2").arg(path_, QString::fromUtf8(error.what())));
        return;
    }
    waiting_ = frame;
}

void AnimationRun::write() {
    QByteArray bytes;
    try {
        gif_->addFrame(waiting_, kLastFrameMs);
        bytes = gif_->finish();
    } catch (const std::exception& error) {
        finish(
            1,
            QStringLiteral("%1 could not be made: %2").arg(path_, QString::fromUtf8(error.what())));
        return;
    }
    try {
        writeFileAtomically(QFile::encodeName(path_).toStdString(), bytes.toStdString());
    } catch (const std::exception& error) {  // core's message names the file
        finish(1, QString::fromUtf8(error.what()));
        return;
    }
    finish(0);
}

void AnimationRun::finish(int exitCode, const QString& problem) {
    if (!problem.isEmpty())
        std::fprintf(stderr, "%s: %s\n", qPrintable(program_), qPrintable(problem));
    QCoreApplication::exit(exitCode);
}

}  // namespace koto::gui

#pragma once
// The scripted render of the Autoencoder and RBM window: `kotohajime --template autoencoder|rbm
// [--train-steps N] --screenshot FILE.png` opens the window on the template's images, makes N
// mini-batch steps with Step (exactly N, as the main window's --train-steps), saves the window as
// a PNG and quits (0, or 1 if it could not be written or the steps took longer than the limit).
// A run that cannot train is rendered too: the window then says why.

#include <QObject>
#include <QString>
#include <QTimer>

namespace koto::gui {

class UnsupervisedWindow;

class UnsupervisedScreenshotRun : public QObject {
    Q_OBJECT
public:
    UnsupervisedScreenshotRun(UnsupervisedWindow& window, qint64 steps, QString path,
                              int timeLimitSeconds = 120);
    void start();

private:
    // After each snapshot drawn: one more step, or the picture once the steps are done.
    void check();
    void finish(int exitCode);

    UnsupervisedWindow& window_;
    qint64 steps_;
    QString path_;
    qint64 stepsAsked_ = 0;  // a Step is asked only once the one before it has been drawn
    QTimer timeLimit_;
    bool done_ = false;
};

}  // namespace koto::gui

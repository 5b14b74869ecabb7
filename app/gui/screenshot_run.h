#pragma once
// Scripted runs for documentation and checks: train a given number of steps at full speed, then
// render the main window to a PNG and quit (exit code 0, or 1 if it could not be written or
// training did not get there within the time limit).

#include <QObject>
#include <QString>
#include <QTimer>

namespace koto::gui {

class MainWindow;

class ScreenshotRun : public QObject {
    Q_OBJECT
public:
    ScreenshotRun(MainWindow& window, qint64 steps, QString path, int timeLimitSeconds = 120);
    void start();

private:
    void check();
    void finish(int exitCode);

    MainWindow& window_;
    qint64 steps_;
    QString path_;
    QTimer timeLimit_;
    bool done_ = false;
};

}  // namespace koto::gui

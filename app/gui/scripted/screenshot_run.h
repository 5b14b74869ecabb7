#pragma once
// Scripted runs for documentation and checks: train a given number of steps at full speed, then
// render a window to a PNG and quit (exit code 0, or 1 if it could not be written or training did
// not get there within the time limit; 3, as for a file that cannot be opened, if the run cannot
// train at all). This one renders the main window; a subclass may render something else once
// training has got there (the inspector's run does).

#include <QObject>
#include <QString>
#include <QTimer>

class QWidget;

namespace koto::gui {

class MainWindow;
struct TrainingSnapshot;

class ScreenshotRun : public QObject {
    Q_OBJECT
public:
    // lateMessage: what to say if the time limit passes first.
    ScreenshotRun(
        MainWindow& window, qint64 steps, QString path, int timeLimitSeconds = 120,
        QString lateMessage = QStringLiteral("training did not reach the steps asked for in time"));
    void start();
    // Renders the widget as a PNG written through core's writeFileAtomically (io/atomic_file.h):
    // never over a device, a FIFO or a folder. Says on standard error why not; false then.
    static bool writePng(QWidget& widget, const QString& path);

protected:
    // Training has got there (or stopped: diverged, or could not start): render what to render.
    virtual void trained(const TrainingSnapshot& snapshot);
    // Saves the widget as the PNG after `delayMs` (for layouts and replots to settle), then quits.
    void saveAndQuit(QWidget& widget, int delayMs);
    void finish(int exitCode);
    MainWindow& window() { return window_; }
    const QString& path() const { return path_; }

private:
    void check();

    MainWindow& window_;
    qint64 steps_;
    QString path_;
    QTimer timeLimit_;
    bool done_ = false;
};

}  // namespace koto::gui

// kotohajime-cli animate: a project's run history as an animated GIF, drawn by the app's own views
// (koto_gui) in a QApplication on Qt's offscreen platform, made for this command alone, so that
// the frames are exactly those of `kotohajime --project F --animate VIEW --out F.gif` and no
// window opens. Every other command runs without one.

#include <QApplication>
#include <QString>
#include <iostream>

#include "animation/animation_frame.h"
#include "animation/checkpoint_walk.h"
#include "arguments.h"
#include "commands.h"
#include "io/atomic_file.h"
#include "opencl_devices.h"
#include "project/default_work.h"
#include "scripted/animation_run.h"
#include "util/errors.h"
#include "util/text.h"
#include "window/language.h"
#include "window/main_window.h"

namespace koto::cli {
namespace {

// Qt's own notes on the offscreen platform ("does not support propagateSizeHints()", no runtime
// folder) say nothing to the user: only its errors reach standard error, as the command's own.
void onlyQtErrors(QtMsgType type, const QMessageLogContext&, const QString& message) {
    if (type == QtCriticalMsg || type == QtFatalMsg)
        std::cerr << "kotohajime-cli animate: " << message.toStdString() << '\n';
}

}  // namespace

int animateCommand(const Words& words) {
    const Arguments args(words, {"project", "view", "out", "lang"}, {});
    const std::string project = args.required("project");
    const std::string view = args.required("view");
    const std::string out = args.required("out");
    const std::string lang = args.text("lang", "en");
    if (lang != "en" && lang != "ja")
        throw UsageError("--lang must be en or ja, not " + inQuotes(lang));
    if (!gui::isAnimatedView(QString::fromStdString(view)))
        throw UsageError("--view must be boundary (2-D data), gallery (images), weights or curve, "
                         "not " +
                         inQuotes(view));
    if (!QString::fromStdString(out).endsWith(QLatin1String(".gif"), Qt::CaseInsensitive))
        throw UsageError("--out names the animation, a .gif file, not " + inQuotes(out));
    checkWritableTarget(out);  // a folder, a FIFO or a device is refused before anything is drawn
    const QString projectPath = QString::fromStdString(project);
    if (const QString problem = gui::CheckpointWalk::historyProblem(projectPath);
        !problem.isEmpty())
        throw InputError(problem.toStdString());

    // Offscreen whatever the session has: no display needed, no window shown.
    qputenv("QT_QPA_PLATFORM", "offscreen");
    qInstallMessageHandler(onlyQtErrors);
    int argc = 1;
    char name[] = "kotohajime-cli";
    char* argv[] = {name, nullptr};
    QApplication application(argc, argv);
    // Settings of their own (none are written): the app's remembered layout and device stay its.
    QCoreApplication::setOrganizationName(QStringLiteral("Kotohajime"));
    QCoreApplication::setApplicationName(QStringLiteral("kotohajime-cli"));
    gui::Language language;
    language.apply(QString::fromStdString(lang));
    OpenClDiscovery cpuOnly;
    cpuOnly.problem = "not looked for: animate draws on the CPU";
    gui::MainWindow window(language, gui::defaultWork(), cpuOnly);
    gui::ProjectSession::Dialogs dialogs = window.session().dialogs();
    dialogs.showError = [](const QString&, const QString& message) {
        std::cerr << "kotohajime-cli animate: " << message.simplified().toStdString() << '\n';
    };
    window.session().setDialogs(dialogs);
    window.session().setRemembersRecentFiles(false);
    window.show();
    if (!window.session().openFile(projectPath)) return 3;
    if (!window.showChart(QString::fromStdString(view)))
        throw UsageError("this project shows no " + view +
                         " view: boundary needs 2-D data, gallery images");
    gui::AnimationRun run(window, QString::fromStdString(view), QString::fromStdString(out),
                          QStringLiteral("kotohajime-cli animate"));
    run.start();
    const int code = QApplication::exec();
    return code == 1 ? 3 : code;  // the app's "could not be written" is the CLI's bad input
}

}  // namespace koto::cli

// kotohajime: the desktop app. Opens on the default lesson (or the dataset and layers given),
// optionally trains a number of steps and saves a screenshot (or one view as a file).

#include <QApplication>
#include <QCommandLineParser>
#include <QFile>
#include <QIcon>
#include <QTimer>
#include <algorithm>
#include <cstdio>
#include <cstring>
#include <memory>
#include <optional>

#include "animation/animation_frame.h"
#include "animation/checkpoint_walk.h"
#include "backend/cpu_backend.h"
#include "data/dataset_spec.h"
#include "io/atomic_file.h"
#include "io/layer_tokens.h"
#include "io/project_file.h"
#include "lessons/control_access_dialog.h"
#include "look/presentation.h"
#include "models/model_projects.h"
#include "opencl_devices.h"
#include "panels/layer_list_editor.h"
#include "project/default_work.h"
#include "scripted/animation_run.h"
#include "scripted/checkpoint_screenshot_run.h"
#include "scripted/export_run.h"
#include "scripted/inspector_screenshot_run.h"
#include "scripted/screenshot_run.h"
#include "scripted/unsupervised_screenshot_run.h"
#include "unsupervised/unsupervised_window.h"
#include "views/view_export.h"
#include "window/classroom_menu.h"
#include "window/compute_menu.h"
#include "window/language.h"
#include "window/lesson_start.h"
#include "window/main_window.h"

int main(int argc, char** argv) {
    // First, while this process has one thread: the check forks (see opencl_devices.h).
    const koto::OpenClDiscovery openCl = koto::discoverOpenClDevices();
    // --help and --version only print: they must work without a display, which QApplication
    // demands, so they get a plain QCoreApplication (the parser exits before anything graphical).
    const bool onlyText = std::any_of(argv + 1, argv + argc, [](const char* a) {
        return !std::strcmp(a, "-h") || !std::strcmp(a, "--help") ||
               !std::strcmp(a, "--help-all") || !std::strcmp(a, "-v") ||
               !std::strcmp(a, "--version");
    });
    const std::unique_ptr<QCoreApplication> application =
        onlyText ? std::make_unique<QCoreApplication>(argc, argv)
                 : std::make_unique<QApplication>(argc, argv);
    QCoreApplication& app = *application;
    QCoreApplication::setOrganizationName(QStringLiteral("Kotohajime"));
    QCoreApplication::setApplicationName(QStringLiteral("Kotohajime"));
    QCoreApplication::setApplicationVersion(QStringLiteral("0.1.0"));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Kotohajime: learn deep learning by watching it happen"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption dataset(QStringLiteral("dataset"),
                                     QStringLiteral("Dataset spec, e.g. spiral:noise=0.1"),
                                     QStringLiteral("SPEC"));
    const QCommandLineOption layers(QStringLiteral("layers"),
                                    QStringLiteral("Hidden layers, e.g. dense:8:tanh,dense:8:tanh"),
                                    QStringLiteral("SPEC"));
    const QCommandLineOption steps(QStringLiteral("train-steps"),
                                   QStringLiteral("Train this many steps at full speed"),
                                   QStringLiteral("N"));
    const QCommandLineOption screenshot(
        QStringLiteral("screenshot"),
        QStringLiteral("Save the window as a PNG after training, then quit"),
        QStringLiteral("FILE"));
    const QCommandLineOption language(QStringLiteral("lang"),
                                      QStringLiteral("Interface language: ja or en"),
                                      QStringLiteral("LANG"));
    const QCommandLineOption inspect(
        QStringLiteral("inspect"),
        QStringLiteral(
            "With --screenshot: render the step-through inspector at this stage of "
            "the next step: forward:L, backward:L (L counts layers from 1), loss or update"),
        QStringLiteral("STAGE"));
    const QCommandLineOption project(QStringLiteral("project"),
                                     QStringLiteral("Open this .koto project"),
                                     QStringLiteral("FILE"));
    const QCommandLineOption networkTemplate(
        QStringLiteral("template"),
        QStringLiteral("Open the network editor with this template (autoencoder "
                       "and rbm: the Autoencoder and RBM window): ") +
            QString::fromStdString(koto::templateNames()),
        QStringLiteral("NAME"));
    const QCommandLineOption view(
        QStringLiteral("view"),
        QStringLiteral(
            "Show this tab beside the plot: curve, confusion, feature-maps (conv "
            "networks), states or gradients (recurrent networks), network (dense networks on 2-D "
            "data), dropout (networks with dropout or noise), weights or probabilities (any "
            "network); or, for --export-view, the picture: boundary (2-D data) or gallery "
            "(images)"),
        QStringLiteral("TAB"));
    const QCommandLineOption exportView(
        QStringLiteral("export-view"),
        QStringLiteral("Save the --view after training (none: a project as saved) as a picture "
                       "(.png, .svg) or as its data (.csv), then quit"),
        QStringLiteral("FILE"));
    const QCommandLineOption animate(
        QStringLiteral("animate"),
        QStringLiteral("With --project and --out: save the project's run history as an animated "
                       "GIF, a frame for each checkpoint with its epoch and test loss, of this "
                       "view: boundary (2-D data), gallery (images), weights or curve; then quit"),
        QStringLiteral("VIEW"));
    const QCommandLineOption out(QStringLiteral("out"),
                                 QStringLiteral("The .gif file --animate writes"),
                                 QStringLiteral("FILE"));
    const QCommandLineOption viewEpoch(
        QStringLiteral("view-epoch"),
        QStringLiteral("With --project, --view and --screenshot: save that view alone as it was "
                       "at the checkpoint of this epoch, as --animate draws its frame (without "
                       "the caption)"),
        QStringLiteral("N"));
    const QCommandLineOption lessonOption(
        QStringLiteral("lesson"),
        QStringLiteral("Open this lesson (kotohajime-cli lessons lists them): its preset, its "
                       "text and its tasks"),
        QStringLiteral("ID"));
    const QCommandLineOption task(QStringLiteral("task"),
                                  QStringLiteral("With --lesson: the task in focus, from 1"),
                                  QStringLiteral("N"));
    const QCommandLineOption projector(
        QStringLiteral("projector"),
        QStringLiteral("Start in projector mode: large text, thick lines, high contrast, full "
                       "screen (a --screenshot keeps the window's size)"));
    const QCommandLineOption threads(
        QStringLiteral("threads"),
        QStringLiteral("The CPU's threads this time, 1 to 256 (the Compute menu's choice is "
                       "remembered; the results are the same with any number)"),
        QStringLiteral("N"));
    const QCommandLineOption theme(
        QStringLiteral("theme"),
        QStringLiteral("Colours: light, dark or system, this time (the Classroom menu's choice "
                       "is remembered)"),
        QStringLiteral("THEME"));
    parser.addOptions({dataset, layers, steps, screenshot, language, inspect, project,
                       networkTemplate, view, exportView, animate, out, viewEpoch, lessonOption,
                       task, projector, theme, threads});
    parser.process(app);
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/kotohajime.svg")));
    QGuiApplication::setDesktopFileName(QStringLiteral("kotohajime"));

    koto::gui::Language translations;
    const QString code =
        parser.isSet(language) ? parser.value(language) : koto::gui::Language::preferred();
    if (code != QLatin1String("ja") && code != QLatin1String("en")) {
        std::fprintf(stderr, "kotohajime: --lang must be ja or en\n");
        return 2;
    }
    translations.apply(code);

    // How the app looks: as the user last chose it, or as asked this time (not remembered).
    koto::gui::Presentation& look = koto::gui::Presentation::instance();
    look.restoreRemembered();
    if (parser.isSet(theme)) {
        const auto chosen = koto::gui::Presentation::themeNamed(parser.value(theme));
        if (!chosen) {
            std::fprintf(stderr, "kotohajime: --theme must be light, dark or system\n");
            return 2;
        }
        look.setTheme(*chosen);
    }

    if (parser.isSet(threads)) {
        bool numberOk = false;
        const int count = parser.value(threads).toInt(&numberOk);
        if (!numberOk || count < 1 || count > koto::CpuBackend::kMaxThreads) {
            std::fprintf(stderr, "kotohajime: --threads takes a whole number from 1 to %d\n",
                         koto::CpuBackend::kMaxThreads);
            return 2;
        }
        koto::gui::ComputeMenu::askThreadsThisSession(count);
    }

    koto::gui::StartingWork lesson = koto::gui::defaultWork();
    if (parser.isSet(dataset)) lesson.dataset = parser.value(dataset).toStdString();
    if (parser.isSet(layers)) lesson.layers = parser.value(layers).toStdString();
    bool stepsOk = true;
    const qint64 trainSteps = parser.isSet(steps) ? parser.value(steps).toLongLong(&stepsOk) : 0;
    if (!stepsOk || trainSteps < 0) {
        std::fprintf(stderr, "kotohajime: --train-steps needs a whole number\n");
        return 2;
    }

    std::optional<koto::gui::InspectStage> inspectStage;
    if (parser.isSet(inspect)) {
        inspectStage = koto::gui::InspectStage::parse(parser.value(inspect));
        if (!inspectStage || !parser.isSet(screenshot)) {
            std::fprintf(stderr, "kotohajime: --inspect needs forward:L, backward:L, loss or "
                                 "update, and --screenshot\n");
            return 2;
        }
    }

    if (parser.isSet(exportView)) {
        const QString path = parser.value(exportView);
        if (!parser.isSet(view) || parser.isSet(screenshot) || inspectStage) {
            std::fprintf(stderr, "kotohajime: --export-view needs --view, and goes with neither "
                                 "--screenshot nor --inspect\n");
            return 2;
        }
        if (!koto::gui::exportFormatOf(path)) {
            std::fprintf(stderr,
                         "kotohajime: --export-view writes a picture (.png, .svg) or data (.csv), "
                         "not \"%s\"\n",
                         qPrintable(path));
            return 2;
        }
        try {  // a folder, a FIFO or a device is refused before any training
            koto::checkWritableTarget(QFile::encodeName(path).toStdString());
        } catch (const std::exception& error) {
            std::fprintf(stderr, "kotohajime: %s\n", error.what());
            return 1;
        }
    }

    // --animate and --view-epoch draw a project's run history as it was saved: it must keep one.
    std::optional<qint64> epochShown;
    if (parser.isSet(animate) || parser.isSet(viewEpoch)) {
        const bool animating = parser.isSet(animate);
        const QString shown = animating ? parser.value(animate) : parser.value(view);
        const bool theirOptions =
            animating ? parser.isSet(out) && !parser.isSet(view) && !parser.isSet(screenshot) &&
                            !parser.isSet(viewEpoch)
                      : parser.isSet(view) && parser.isSet(screenshot) && !parser.isSet(out);
        const bool nothingElse = parser.isSet(project) && !parser.isSet(steps) &&
                                 !parser.isSet(exportView) && !inspectStage &&
                                 !parser.isSet(networkTemplate);
        if (!theirOptions || !nothingElse) {
            std::fprintf(stderr,
                         "kotohajime: --animate VIEW needs --project and --out FILE.gif, "
                         "--view-epoch N needs --project, --view and --screenshot; neither goes "
                         "with --train-steps, --export-view, --inspect or --template\n");
            return 2;
        }
        if (!animating) {
            bool epochOk = false;
            epochShown = parser.value(viewEpoch).toLongLong(&epochOk);
            if (!epochOk || *epochShown < 0) {
                std::fprintf(stderr, "kotohajime: --view-epoch needs an epoch: a whole number, "
                                     "0 or more\n");
                return 2;
            }
        }
        if (!koto::gui::isAnimatedView(shown)) {
            std::fprintf(stderr,
                         "kotohajime: a run history is drawn in the boundary (2-D data), "
                         "gallery (images), weights or curve view, not \"%s\"\n",
                         qPrintable(shown));
            return 2;
        }
        if (animating && !parser.value(out).endsWith(QLatin1String(".gif"), Qt::CaseInsensitive)) {
            std::fprintf(stderr, "kotohajime: --out names the animation, a .gif file, not \"%s\"\n",
                         qPrintable(parser.value(out)));
            return 2;
        }
        if (animating) {
            try {  // a folder, a FIFO or a device is refused before anything is drawn
                koto::checkWritableTarget(QFile::encodeName(parser.value(out)).toStdString());
            } catch (const std::exception& error) {
                std::fprintf(stderr, "kotohajime: %s\n", error.what());
                return 1;
            }
        }
        const QString problem = koto::gui::CheckpointWalk::historyProblem(parser.value(project));
        if (!problem.isEmpty()) {
            std::fprintf(stderr, "kotohajime: %s\n", qPrintable(problem));
            return 3;
        }
    }

    // The app's layer list shows dense layers and their dropout, and convolution, pooling and
    // recurrent layers as written; others train with kotohajime-cli until the network editor
    // shows them.
    if (const std::string token = koto::gui::LayerListEditor::unsupportedToken(lesson.layers);
        !token.empty()) {
        std::fprintf(stderr,
                     "kotohajime: the app's layer list shows up to %d layers: dense (of up to %d "
                     "units) with dropout "
                     "after them, conv, maxpool, avgpool, flatten, rnn, lstm and seq; not \"%s\"; "
                     "kotohajime-cli "
                     "train --layers takes every layer\n",
                     koto::gui::LayerListEditor::kMaxLayers, koto::gui::LayerListEditor::kMaxUnits,
                     token.c_str());
        return 2;
    }

    try {  // refuse a bad --dataset or --layers with a clear line rather than a broken window
        const koto::Dataset data = koto::loadDataset(koto::DatasetSpec::parse(lesson.dataset));
        koto::networkSpecFromTokens(lesson.layers, data);
    } catch (const std::exception& error) {
        std::fprintf(stderr, "kotohajime: %s\n", error.what());
        return 3;
    }

    const koto::Template* chosenTemplate = nullptr;
    if (parser.isSet(networkTemplate)) {
        chosenTemplate = koto::findTemplate(parser.value(networkTemplate).toStdString());
        if (!chosenTemplate) {
            std::fprintf(stderr, "kotohajime: there is no template \"%s\"; the templates are %s\n",
                         qPrintable(parser.value(networkTemplate)), koto::templateNames().c_str());
            return 2;
        }
        if (!chosenTemplate->model.empty() && (inspectStage || parser.isSet(view))) {
            std::fprintf(
                stderr,
                "kotohajime: the template %s opens in the Autoencoder and RBM window, which has no "
                "inspector and no tabs: --inspect and --view do not go with it\n",
                chosenTemplate->name.c_str());
            return 2;
        }
    }
    // An autoencoder or RBM template: --screenshot renders the Autoencoder and RBM window.
    const bool modelTemplate = chosenTemplate && !chosenTemplate->model.empty();

    if (parser.isSet(lessonOption)) {
        for (const QCommandLineOption* other : {&dataset, &layers, &project, &networkTemplate,
                                                &inspect, &exportView, &animate, &viewEpoch})
            if (parser.isSet(*other)) {
                std::fprintf(stderr,
                             "kotohajime: --lesson opens a lesson's own project: --%s "
                             "does not go with it\n",
                             qPrintable(other->names().front()));
                return 2;
            }
    } else if (parser.isSet(task)) {
        std::fprintf(stderr, "kotohajime: --task N goes with --lesson ID\n");
        return 2;
    }

    koto::gui::MainWindow window(translations, lesson, openCl);
    const bool scripted =
        parser.isSet(screenshot) || parser.isSet(exportView) || parser.isSet(animate);
    // Projector mode goes full screen, as the menu's does, except in a script: a picture keeps the
    // window's size.
    if (parser.isSet(projector) && scripted) look.setProjector(true);
    else if (parser.isSet(projector)) window.classroomMenu().projectorAction()->setChecked(true);
    window.show();
    // A scripted run starts from no progress and leaves the user's as it was.
    window.lessonProgress().setRemembers(!scripted);
    if (!scripted)  // a classroom computer starts with what its teacher locked or hid
        window.setTeacherControlAccess(koto::gui::ControlAccessDialog::remembered());
    if (parser.isSet(lessonOption)) {
        const int code = koto::gui::openLessonAsAsked(window, parser.value(lessonOption),
                                                      parser.value(task), scripted);
        if (code != 0) return code;
    } else if (!scripted && !parser.isSet(project) && !parser.isSet(networkTemplate) &&
               !parser.isSet(dataset) && !parser.isSet(layers)) {
        koto::gui::offerLessons(window);
    }
    if (modelTemplate && scripted) {
        try {  // no dialog in a script: its data that cannot be loaded is said on stderr
            window.showModelProject(koto::untrainedModelProject(*chosenTemplate), QString());
        } catch (const std::exception& error) {
            std::fprintf(stderr, "kotohajime: the template %s cannot be opened: %s\n",
                         chosenTemplate->name.c_str(), error.what());
            return 3;
        }
    } else if (chosenTemplate) {
        window.openTemplate(*chosenTemplate);
    }
    // Scripted runs leave no autosave behind, offer no recovery and add no recent file: the
    // user's settings stay as they were.
    if (!scripted)
        window.session().autosave().setDirectory(koto::gui::Autosave::defaultDirectory());
    window.session().setRemembersRecentFiles(!scripted);
    qint64 stepsBefore = 0;  // --train-steps counts on from a project's steps
    if (parser.isSet(project)) {
        const QString path = parser.value(project);
        if (scripted) {  // no dialog in a script: say it on stderr and fail
            koto::gui::ProjectSession::Dialogs dialogs = window.session().dialogs();
            dialogs.showError = [](const QString&, const QString& message) {
                std::fprintf(stderr, "kotohajime: %s\n", qPrintable(message));
            };
            window.session().setDialogs(dialogs);
        }
        if (!window.session().openFile(path) && scripted) return 3;
        if (trainSteps > 0) stepsBefore = koto::loadProject(path.toStdString()).stepsTrained;
    } else if (!scripted) {
        QTimer::singleShot(0, &window, [&window] { window.session().offerRecovery(); });
    }
    // The tab asked for, once the template or project has shown which tabs its network has.
    if (parser.isSet(view) && !window.showChart(parser.value(view))) {
        std::fprintf(
            stderr,
            "kotohajime: --view takes curve, confusion, feature-maps (with conv layers), states or "
            "gradients (with rnn or lstm layers), network (dense layers on 2-D data), dropout "
            "(with dropout or noise layers), weights, probabilities, boundary (with 2-D data) or "
            "gallery (with images), not \"%s\"\n",
            qPrintable(parser.value(view)));
        return 2;
    }
    if (parser.isSet(animate) && !window.showChart(parser.value(animate))) {
        std::fprintf(stderr, "kotohajime: this project shows no %s view\n",
                     qPrintable(parser.value(animate)));
        return 2;
    }
    if (modelTemplate && scripted) {
        auto* run = new koto::gui::UnsupervisedScreenshotRun(window.showUnsupervisedWindow(),
                                                             trainSteps, parser.value(screenshot));
        run->setParent(&window);
        run->start();
    } else if (inspectStage) {
        auto* run = new koto::gui::InspectorScreenshotRun(window, stepsBefore + trainSteps,
                                                          *inspectStage, parser.value(screenshot));
        run->setParent(&window);
        run->start();
    } else if (parser.isSet(animate)) {
        auto* run = new koto::gui::AnimationRun(window, parser.value(animate), parser.value(out));
        run->setParent(&window);
        run->start();
    } else if (epochShown) {
        auto* run = new koto::gui::CheckpointScreenshotRun(window, parser.value(view), *epochShown,
                                                           parser.value(screenshot));
        run->setParent(&window);
        run->start();
    } else if (parser.isSet(exportView)) {
        auto* run = new koto::gui::ExportRun(window, stepsBefore + trainSteps, parser.value(view),
                                             parser.value(exportView));
        run->setParent(&window);
        run->start();
    } else if (parser.isSet(screenshot)) {
        auto* run = new koto::gui::ScreenshotRun(window, stepsBefore + trainSteps,
                                                 parser.value(screenshot));
        run->setParent(&window);
        run->start();
    } else if (trainSteps > 0) {
        window.controller().setStepLimit(stepsBefore + trainSteps);
        window.controller().play();
    }
    return app.exec();
}

#pragma once
// What the GUI tests share: the main window on a lesson (the default one unless given), in
// English unless asked otherwise, without looking for OpenCL devices, paused at its initial
// weights, its project session asking no modal questions (unsaved changes are discarded on
// closing); waiting for a snapshot, and training a number of steps.

#include <QFile>
#include <QTest>
#include <memory>
#include <string>

#include "project/default_work.h"
#include "training/training_controller.h"
#include "window/language.h"
#include "window/main_window.h"

namespace kototest {

// The default lesson on other data and other hidden layers (the settings left as they are).
inline koto::gui::StartingWork lesson(const std::string& dataset, const std::string& layers) {
    koto::gui::StartingWork lesson = koto::gui::defaultWork();
    lesson.dataset = dataset;
    lesson.layers = layers;
    return lesson;
}

// Waits until the latest snapshot the window has drawn satisfies the condition.
template <typename Condition>
bool waitForSnapshot(koto::gui::MainWindow& window, Condition condition, int timeoutMs = 20000) {
    return QTest::qWaitFor(
        [&] { return window.latestSnapshot() && condition(*window.latestSnapshot()); }, timeoutMs);
}

// A file's bytes (empty if it cannot be read).
inline QByteArray contentsOf(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// Trains `steps` steps at full speed and waits until they are drawn, paused.
inline bool trainTo(koto::gui::MainWindow& window, int64_t steps) {
    window.controller().setStepLimit(steps);
    window.controller().play();
    return waitForSnapshot(window, [steps](const koto::gui::TrainingSnapshot& s) {
        return s.paused && s.steps == steps;
    });
}

struct MainWindowFixture {
    std::unique_ptr<koto::gui::Language> language;
    std::unique_ptr<koto::gui::MainWindow> window;

    // Opens the window; false if its first snapshot (paused, step 0) did not come. The wait is
    // long because loading a large dataset under ASan on a slow CI machine takes tens of seconds;
    // it ends as soon as the snapshot comes.
    // openCl: what device discovery found; by default, no device ("not looked for"). The
    // window is made in `languageName` ("en" or "ja").
    bool open(const koto::gui::StartingWork& lesson = koto::gui::defaultWork(),
              koto::OpenClDiscovery openCl = {}, const QString& languageName = "en") {
        language = std::make_unique<koto::gui::Language>();
        language->apply(languageName);
        if (openCl.devices.empty() && openCl.problem.empty())
            openCl.problem = "not looked for in this test";
        window = std::make_unique<koto::gui::MainWindow>(*language, lesson, openCl);
        koto::gui::ProjectSession::Dialogs quiet;
        quiet.chooseFile = [](bool, const QString&) { return QString(); };
        quiet.askUnsaved = [](const QString&) {
            return koto::gui::ProjectSession::UnsavedChoice::Discard;
        };
        quiet.askRestore = [](const QString&, const QDateTime&) { return false; };
        quiet.showError = [](const QString& title, const QString& message) {
            qWarning("%s: %s", qPrintable(title), qPrintable(message));
        };
        window->session().setDialogs(quiet);
        window->resize(1280, 800);
        window->show();
        return waitForSnapshot(
            *window, [](const koto::gui::TrainingSnapshot& s) { return s.paused && s.steps == 0; },
            120000);
    }
    void close() {
        window.reset();
        language.reset();
    }
};

}  // namespace kototest

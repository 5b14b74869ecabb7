#pragma once
// The window's work as a .koto project file: which file it is (or untitled), whether it holds
// changes not yet saved, and New / Open / Save / Save As / Open Recent with the questions they
// ask (save the changes first? which file?). Saves are atomic (core/io/atomic_file.h): a crash
// or a full disk mid-save leaves the old file as it was, and a save that fails is reported with
// the work still open and still marked unsaved. A file that cannot be opened (corrupt, made by a
// newer version, a network that cannot be built) is explained and the work open stays as it is.
// It also drives the autosave and offers recovery at start (autosave.h).
//
// The session knows the project only through its Host (the main window), which turns the app's
// state into a Project and back.

#include <QObject>
#include <QString>
#include <QStringList>
#include <functional>
#include <optional>

#include "io/project_file.h"
#include "project/autosave.h"

class QUndoStack;
class QWidget;

namespace koto::gui {

class ProjectSession : public QObject {
    Q_OBJECT
public:
    class Host {
    public:
        virtual ~Host() = default;
        // The app's state as a project; nothing if the training thread did not hand over its
        // weights in time.
        virtual std::optional<Project> captureProject() = 0;
        // Shows the project, training ready to carry on from its weights. Throws (InputError,
        // SpecError) if it cannot be shown, with the state left as it was.
        virtual void showProject(const Project& project) = 0;
        // Back to the default lesson, untrained.
        virtual void showNewProject() = 0;
        // Shows an autoencoder or RBM project (from `path`) in a window of its own, beside the
        // work open, which stays as it is. Throws (InputError) if it cannot be shown.
        virtual void showModelProject(const Project& project, const QString& path) = 0;
    };

    enum class UnsavedChoice { Save, Discard, Cancel };
    // The questions the session asks: dialogs by default; tests put their own.
    struct Dialogs {
        // A file to open (saving false) or to save to; "" when the user cancels.
        std::function<QString(bool saving, const QString& suggested)> chooseFile;
        // The named document has unsaved changes: save them, discard them, or cancel?
        std::function<UnsavedChoice(const QString& documentName)> askUnsaved;
        // An autosave of the named document from that time was found: restore it (true) or
        // discard it?
        std::function<bool(const QString& documentName, const QDateTime& written)> askRestore;
        // Something went wrong: a title and a sentence in the user's language.
        std::function<void(const QString& title, const QString& message)> showError;
    };

    static constexpr int kMaxRecentFiles = 8;

    ProjectSession(Host& host, QWidget* dialogParent, QObject* parent = nullptr);

    const Dialogs& dialogs() const { return dialogs_; }
    void setDialogs(Dialogs dialogs) { dialogs_ = std::move(dialogs); }
    Autosave& autosave() { return autosave_; }

    // The file's path ("" while untitled) and the name to show ("Untitled" while untitled).
    QString filePath() const { return filePath_; }
    QString documentName() const;
    // Changes not yet saved: in the undo history (it is not at its clean state) or outside it.
    bool isModified() const;

    // The network editor's undo history. Undoing back to the state last saved takes its part of
    // the modified mark away; saving, opening and New make the state then its clean state.
    void setHistory(QUndoStack* history);
    // A change outside the undo history: training moved on, a setting or the data changed.
    void markModified();

    // Each asks about unsaved changes first; false if the user cancelled or it failed (said in a
    // dialog).
    bool newProject();
    bool open();  // asks which file
    bool openFile(const QString& path);
    // A project that is not a file of the user's (a lesson's preset) as new, untitled work.
    bool openAsNew(const Project& project);
    bool save();  // Save As while untitled
    bool saveAs();
    bool saveTo(const QString& path);
    // Before the window closes: asks about unsaved changes; true if it may close (the autosave
    // then goes: the changes are saved or discarded).
    bool close();

    // At start: offers to restore an autosave newer than its document (or of untitled work);
    // true if one was restored.
    bool offerRecovery();

    // The recently opened or saved files, newest first (kept in QSettings).
    static QStringList recentFiles();
    // Whether opening and saving add to them; a scripted run (a screenshot) leaves the user's
    // settings as they are.
    void setRemembersRecentFiles(bool remembers) { remembersRecent_ = remembers; }

signals:
    // The file, its name or the modified mark changed (for the window title).
    void documentChanged();
    void recentFilesChanged();

private:
    // Asks about unsaved changes; true to go on.
    bool maybeSave();
    void writeAutosave();
    void setDocument(const QString& path, bool modified);
    void addRecent(const QString& path);
    void showError(const QString& title, const QString& message);
    // Why a file could not be opened: core's explanation, led by a sentence in the user's
    // language for the kinds of problem a learner meets. showing: the file was read, but its
    // data or network could not be set up.
    static QString explainOpenProblem(const std::string& detail, bool showing = false);

    Host& host_;
    QWidget* dialogParent_;
    Dialogs dialogs_;
    Autosave autosave_;
    QString filePath_;
    QUndoStack* history_ = nullptr;
    bool changed_ = false;  // changed outside the history since the last save
    bool remembersRecent_ = true;
};

}  // namespace koto::gui

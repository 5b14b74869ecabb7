#pragma once
// Autosave and crash recovery. A minute after the first change that has not been saved (the
// interval can be set), the project is written to an autosave folder, beside a small file naming
// the document it belongs to (none for untitled work). The autosave is removed only once the user
// saves or discards those changes, so after a crash the next start finds it and, if it is newer
// than its document (or the document is gone, or it was untitled), offers to restore it.
//
// The folder is empty (autosave off) until set: the app sets QStandardPaths' AppLocalDataLocation,
// tests a temporary folder.
//
// Several copies of the app may run at once. Each holds a lock (QLockFile, "NAME.lock") on every
// autosave it writes, and untitled work goes to an untitled autosave of its own ("untitled.koto",
// "untitled-2.koto", ...), so one copy never writes over, offers or removes another's live
// autosave. A copy that crashed leaves its lock behind; the lock names a process that is gone,
// so the next start takes it over and offers the autosave.

#include <QDateTime>
#include <QLockFile>
#include <QObject>
#include <QString>
#include <QTimer>
#include <map>
#include <memory>
#include <optional>

#include "io/project_file.h"

namespace koto::gui {

class Autosave : public QObject {
    Q_OBJECT
public:
    explicit Autosave(QObject* parent = nullptr);
    ~Autosave() override;

    // <AppLocalDataLocation>/autosave
    static QString defaultDirectory();
    void setDirectory(const QString& directory);
    QString directory() const { return directory_; }
    bool enabled() const { return !directory_.isEmpty(); }
    void setInterval(int milliseconds) { timer_.setInterval(milliseconds); }

    // There are changes not yet saved: due() follows after the interval (counted from the first
    // change since the last autosave).
    void changed();
    // Nothing to write any more (saved or discarded): stops the countdown.
    void settled() { timer_.stop(); }

    // Writes the autosave of a document ("" for untitled work), atomically. Throws InputError,
    // also when another running copy autosaves the same document.
    void write(const Project& project, const QString& documentPath);
    // Removes the autosave of a document, if there is one.
    void remove(const QString& documentPath);
    // The autosave file of a document (in the folder; it may not exist). Untitled work: this
    // copy's own, chosen on first use.
    QString pathFor(const QString& documentPath);

    struct Found {
        QString autosavePath;
        QString documentPath;  // "" for untitled work
        QDateTime written;
    };
    // The newest autosave worth restoring: newer than its document, or of a document that is
    // gone, or of untitled work; never one that another running copy holds. Autosaves older
    // than their document are stale (the document was saved after them) and removed.
    std::optional<Found> findRecoverable();
    // The found autosave was restored: it is this copy's now, written and removed as its own.
    void adopt(const Found& found);
    // The found autosave was discarded: removed.
    void discard(const Found& found);

signals:
    // Time to write the autosave.
    void due();

private:
    // Takes the lock of an autosave (kept until it is removed); false if a running copy holds it.
    bool lock(const QString& autosavePath);
    void removeFiles(const QString& autosavePath);

    QString directory_;
    QTimer timer_;
    QString untitled_;  // this copy's untitled autosave, once chosen
    std::map<QString, std::unique_ptr<QLockFile>> locks_;  // by autosave path
};

}  // namespace koto::gui

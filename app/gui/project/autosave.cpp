#include "project/autosave.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLockFile>
#include <QStandardPaths>

#include "io/atomic_file.h"
#include "util/errors.h"

namespace koto::gui {
namespace {
constexpr int kDefaultIntervalMs = 60 * 1000;
const QString kUntitled = QStringLiteral("untitled");
// Beside each autosave "NAME.koto", "NAME.source" holds the document's path ("" for untitled)
// and "NAME.lock" the lock of the running copy that writes it.
const QString kSourceSuffix = QStringLiteral(".source");
const QString kLockSuffix = QStringLiteral(".lock");

QString besideAutosave(const QString& autosavePath, const QString& suffix) {
    return autosavePath.left(autosavePath.size() - QStringLiteral(".koto").size()) + suffix;
}
QString sourceFileOf(const QString& autosavePath) {
    return besideAutosave(autosavePath, kSourceSuffix);
}
}  // namespace

Autosave::Autosave(QObject* parent) : QObject(parent) {
    timer_.setSingleShot(true);
    timer_.setInterval(kDefaultIntervalMs);
    connect(&timer_, &QTimer::timeout, this, &Autosave::due);
}

QString Autosave::defaultDirectory() {
    return QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) +
           QStringLiteral("/autosave");
}

Autosave::~Autosave() = default;  // the locks go with it: a copy that closes holds nothing

void Autosave::setDirectory(const QString& directory) {
    if (directory == directory_) return;
    locks_.clear();
    untitled_.clear();
    directory_ = directory;
}

bool Autosave::lock(const QString& autosavePath) {
    if (locks_.count(autosavePath)) return true;
    if (!QDir().mkpath(directory_)) return false;
    auto lockFile = std::make_unique<QLockFile>(besideAutosave(autosavePath, kLockSuffix));
    // Stale only when the process that holds it is gone, however long a copy has been running.
    lockFile->setStaleLockTime(0);
    if (!lockFile->tryLock(0)) return false;
    locks_[autosavePath] = std::move(lockFile);
    return true;
}

void Autosave::changed() {
    if (enabled() && !timer_.isActive()) timer_.start();
}

QString Autosave::pathFor(const QString& documentPath) {
    if (documentPath.isEmpty()) {
        // The first untitled autosave that no running copy holds and no crashed one left behind.
        for (int k = 1; untitled_.isEmpty() && enabled(); ++k) {
            const QString candidate = directory_ + QLatin1Char('/') + kUntitled +
                                      (k == 1 ? QString() : QStringLiteral("-%1").arg(k)) +
                                      QStringLiteral(".koto");
            if (!QFile::exists(candidate) && lock(candidate)) untitled_ = candidate;
            if (k > 1000)
                return candidate;  // a folder that cannot hold locks: share rather than loop
        }
        return untitled_;
    }
    // The document's name, for a person looking in the folder, and a hash of its whole path, so
    // that two documents of the same name have autosaves of their own.
    const QString absolute = QFileInfo(documentPath).absoluteFilePath();
    const QString hash = QString::fromLatin1(
        QCryptographicHash::hash(absolute.toUtf8(), QCryptographicHash::Sha1).toHex().left(12));
    return directory_ + QLatin1Char('/') + QFileInfo(documentPath).completeBaseName() +
           QLatin1Char('-') + hash + QStringLiteral(".koto");
}

void Autosave::write(const Project& project, const QString& documentPath) {
    if (!enabled()) return;
    if (!QDir().mkpath(directory_))
        throw InputError("cannot make the autosave folder " + directory_.toStdString());
    QString path = pathFor(documentPath);
    if (!lock(path) && documentPath.isEmpty()) {
        untitled_.clear();  // another copy took the name since this one last wrote: a new one
        path = pathFor(documentPath);
    }
    if (!lock(path))
        throw InputError("another running Kotohajime autosaves " + documentPath.toStdString() +
                         " already");
    const QString source =
        documentPath.isEmpty() ? QString() : QFileInfo(documentPath).absoluteFilePath();
    writeFileAtomically(sourceFileOf(path).toStdString(), source.toStdString());
    saveProject(project, path.toStdString());
}

void Autosave::remove(const QString& documentPath) {
    timer_.stop();
    if (!enabled()) return;
    const QString path = pathFor(documentPath);
    if (!lock(path)) return;  // another running copy's: not ours to remove
    removeFiles(path);
    locks_.erase(path);  // taken again when next written
}

void Autosave::removeFiles(const QString& autosavePath) {
    QFile::remove(autosavePath);
    QFile::remove(sourceFileOf(autosavePath));
}

void Autosave::adopt(const Found& found) {
    if (!lock(found.autosavePath) || !found.documentPath.isEmpty()) return;
    // The restored untitled work goes on in the autosave it came from; this copy's own untitled
    // autosave, if it had one, goes.
    if (!untitled_.isEmpty() && untitled_ != found.autosavePath && locks_.count(untitled_)) {
        removeFiles(untitled_);
        locks_.erase(untitled_);
    }
    untitled_ = found.autosavePath;
}

void Autosave::discard(const Found& found) {
    if (!lock(found.autosavePath)) return;
    removeFiles(found.autosavePath);
    locks_.erase(found.autosavePath);
}

std::optional<Autosave::Found> Autosave::findRecoverable() {
    if (!enabled()) return std::nullopt;
    std::optional<Found> newest;
    const QFileInfoList autosaves =
        QDir(directory_)
            .entryInfoList({QStringLiteral("*.koto")}, QDir::Files, QDir::Time);  // newest first
    for (const QFileInfo& autosave : autosaves) {
        // Another running copy's work (or this copy's own): not to offer, nor to remove.
        if (locks_.count(autosave.filePath())) continue;
        QLockFile probe(besideAutosave(autosave.filePath(), kLockSuffix));
        probe.setStaleLockTime(0);
        if (!probe.tryLock(0)) continue;
        probe.unlock();
        const QString sourceFile = sourceFileOf(autosave.filePath());
        QString document;
        try {  // through core's reader: a FIFO or a device put there must not hang the start
            document = QString::fromStdString(readWholeFile(sourceFile.toStdString(), 64 * 1024))
                           .trimmed();
        } catch (const InputError&) {
        }
        const QFileInfo documentInfo(document);
        const bool worthRestoring = document.isEmpty() || !documentInfo.exists() ||
                                    autosave.lastModified() > documentInfo.lastModified();
        if (!worthRestoring) {
            QFile::remove(autosave.filePath());
            QFile::remove(sourceFile);
        } else if (!newest) {
            newest = Found{autosave.filePath(), document, autosave.lastModified()};
        }
    }
    return newest;
}

}  // namespace koto::gui

// Files that are not files, and input that would swamp a message (issue 18, "Hostile files").
// Reading: a character device (/dev/zero never ends), a FIFO (opening one waits for a writer), a
// socket, a folder, a file over the limit and one that outgrows its size while read are each
// refused at once, by every loader. Writing: a device, a FIFO or a folder is never replaced; a
// symbolic link is written through and stays a link; a replaced file keeps its permissions;
// temporaries a killed save left are cleaned up. Messages quote at most a short escaped excerpt.
//
// Every test function runs under an alarm and, outside sanitizer builds, the whole program under
// an address-space limit (tests/support/memory_guard.h): a regression fails here quickly
// rather than hanging or filling the machine.

#include <QtTest>

#include <QDir>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <fcntl.h>
#include <fstream>
#include <functional>
#include <string>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/un.h>
#include <unistd.h>

#include "data/dataset_spec.h"
#include "io/atomic_file.h"
#include "io/idx_file.h"
#include "io/layer_tokens.h"
#include "io/numeric_csv.h"
#include "io/project_file.h"
#include "memory_guard.h"
#include "util/errors.h"
#include "util/text.h"

using namespace koto;

namespace {

constexpr int kPromptMs = 5000;  // "at once": far more than any refusal takes

// What the loader's InputError says, or "" if it threw nothing.
template <typename Call>
std::string refusal(Call&& call) {
    try {
        call();
    } catch (const InputError& error) {
        return error.what();
    }
    return {};
}

mode_t typeOf(const std::string& path) {
    struct stat info = {};
    return ::lstat(path.c_str(), &info) == 0 ? info.st_mode & S_IFMT : 0;
}

std::string contentsOf(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace

class TestHostileFiles : public QObject {
    Q_OBJECT

private:
    std::string at(const char* name) const {
        return dir_.filePath(QLatin1String(name)).toStdString();
    }
    std::string write(const char* name, const std::string& text) const {
        std::ofstream(at(name), std::ios::binary) << text;
        return at(name);
    }
    std::string fifo(const char* name) const {
        const std::string path = at(name);
        if (::mkfifo(path.c_str(), 0600) != 0) qFatal("cannot make a FIFO at %s", path.c_str());
        return path;
    }
    std::string link(const char* name, const std::string& to) const {
        const std::string path = at(name);
        if (::symlink(to.c_str(), path.c_str()) != 0) qFatal("cannot link %s", path.c_str());
        return path;
    }
    // A socket file bound in the temporary folder (kept open while the test runs).
    std::string socketFile(const char* name) {
        const std::string path = at(name);
        sockaddr_un address{};
        address.sun_family = AF_UNIX;
        if (path.size() >= sizeof address.sun_path) return {};
        path.copy(address.sun_path, path.size());
        socket_ = ::socket(AF_UNIX, SOCK_STREAM, 0);
        if (socket_ < 0 ||
            ::bind(socket_, reinterpret_cast<const sockaddr*>(&address), sizeof address) != 0)
            return {};
        return path;
    }
    // Files in the temporary folder whose names start with prefix.
    QStringList filesStartingWith(const QString& prefix) const {
        return QDir(dir_.path())
            .entryList({prefix + QLatin1Char('*')}, QDir::AllEntries | QDir::System | QDir::Hidden);
    }

    QTemporaryDir dir_;
    int socket_ = -1;

private slots:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        // The 50 MB cell below needs a few copies; a loader reading /dev/zero needs all memory.
        kototest::limitMemory();
    }
    void init() { kototest::dieAfter(60); }
    void cleanup() { kototest::dieAfter(0); }
    void cleanupTestCase() {
        if (socket_ >= 0) ::close(socket_);
    }

    void readsARegularFileAndALinkToOne() {
        const std::string file = write("plain.csv", "1,2\n3,4\n");
        QCOMPARE(readWholeFile(file, 100), std::string("1,2\n3,4\n"));
        QCOMPARE(readWholeFile(link("plain-link.csv", file), 100), std::string("1,2\n3,4\n"));
        QCOMPARE(readWholeFile(file, 8), std::string("1,2\n3,4\n"));  // exactly the limit
        QCOMPARE(readWholeFile(write("empty.csv", ""), 0), std::string());
    }

    void refusesWhatIsNotAFile_data() {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("expected");
        QTest::newRow("/dev/zero") << "zero"
                                   << "is a character device, not a file";
        QTest::newRow("/dev/urandom") << "urandom"
                                      << "is a character device, not a file";
        QTest::newRow("FIFO") << "fifo"
                              << "is a FIFO (named pipe), not a file";
        QTest::newRow("link to a FIFO") << "fifo-link"
                                        << "is a FIFO (named pipe), not a file";
        QTest::newRow("link to /dev/zero") << "zero-link"
                                           << "is a character device, not a file";
        QTest::newRow("socket") << "socket"
                                << "is a socket, not a file";
        QTest::newRow("folder") << "folder"
                                << "is a folder, not a file";
    }
    // Each loader and the reader under them refuse at once, saying what the path names.
    void refusesWhatIsNotAFile() {
        QFETCH(QString, kind);
        QFETCH(QString, expected);
        std::string path;
        if (kind == "zero") path = "/dev/zero";
        else if (kind == "urandom") path = "/dev/urandom";
        else if (kind == "fifo") path = fifo("read.fifo");
        else if (kind == "fifo-link") path = link("read-fifo.link", fifo("linked-read.fifo"));
        else if (kind == "zero-link") path = link("zero.link", "/dev/zero");
        else if (kind == "socket") path = socketFile("read.sock");
        else path = dir_.path().toStdString();
        if (path.empty()) QSKIP("no socket file can be made here");
        if (kind == "zero" || kind == "urandom")
            if (typeOf(path) != S_IFCHR) QSKIP("no such character device here");

        const std::vector<std::pair<const char*, std::function<void()>>> loaders = {
            {"readWholeFile", [&] { readWholeFile(path, size_t{2} << 30); }},
            {"readNumericCsv", [&] { readNumericCsv(path); }},
            {"loadProject", [&] { loadProject(path); }},
            {"readIdx", [&] { readIdx(path); }},
            {"csv: dataset", [&] { loadDataset(DatasetSpec::parse("csv:" + path)); }},
        };
        for (const auto& [name, load] : loaders) {
            QElapsedTimer timer;
            timer.start();
            const std::string message = refusal(load);
            QVERIFY2(timer.elapsed() < kPromptMs, name);
            QVERIFY2(message.find(expected.toStdString()) != std::string::npos,
                     (std::string(name) + ": " + message).c_str());
            QVERIFY2(message.find("cannot read") != std::string::npos, message.c_str());
        }
    }

    void refusesAFileOverTheLimit() {
        const std::string path = write("big.csv", std::string(1000, '1'));
        const std::string message = refusal([&] { readWholeFile(path, 999); });
        QVERIFY2(message.find("too large (1000 bytes; at most 999 bytes") != std::string::npos,
                 message.c_str());
    }

    // A regular file whose size says 0 but which holds more (/proc's files do): the read itself
    // stops at the limit, as it would for a file that grows while it is read.
    void stopsAFileThatOutgrowsItsSize() {
        struct stat info = {};
        if (::stat("/proc/self/maps", &info) != 0 || !S_ISREG(info.st_mode) || info.st_size != 0)
            QSKIP("no /proc/self/maps of size 0 here");
        const std::string message = refusal([] { readWholeFile("/proc/self/maps", 16); });
        QVERIFY2(message.find("grew past 16 bytes while it was read") != std::string::npos,
                 message.c_str());
        QVERIFY(!readWholeFile("/proc/self/maps", 1 << 20).empty());
    }

    void refusesToSaveOverAFifo() {
        const std::string path = fifo("save.fifo");
        const std::string message = refusal([&] { writeFileAtomically(path, "{}"); });
        QVERIFY2(message.find("cannot write " + path +
                              ": it is a FIFO (named pipe), not a file; only a regular file is "
                              "replaced, and nothing was written") != std::string::npos,
                 message.c_str());
        QCOMPARE(typeOf(path), mode_t{S_IFIFO});
        QCOMPARE(filesStartingWith("save.fifo.tmp-"), QStringList());
        // So does a project save, and the check a command makes before its work.
        QVERIFY(!refusal([&] { saveProject(Project{}, path); }).empty());
        QVERIFY(!refusal([&] { checkWritableTarget(path); }).empty());
        QCOMPARE(typeOf(path), mode_t{S_IFIFO});
    }

    void refusesToSaveThroughALinkToAFifo() {
        const std::string target = fifo("linked-save.fifo");
        const std::string path = link("save-fifo.link", "linked-save.fifo");  // relative
        const std::string message = refusal([&] { writeFileAtomically(path, "{}"); });
        QVERIFY2(message.find("it leads to " + at("linked-save.fifo") +
                              ", which is a FIFO (named pipe), not a file") != std::string::npos,
                 message.c_str());
        QCOMPARE(typeOf(path), mode_t{S_IFLNK});
        QCOMPARE(typeOf(target), mode_t{S_IFIFO});
    }

    void refusesToSaveOverAFolder() {
        const std::string path = at("a-folder");
        QVERIFY(QDir().mkdir(QString::fromStdString(path)));
        const std::string message = refusal([&] { writeFileAtomically(path, "{}"); });
        QVERIFY2(message.find("it is a folder, not a file") != std::string::npos, message.c_str());
        QCOMPARE(typeOf(path), mode_t{S_IFDIR});
    }

    // /dev/null must survive a save onto it (as root, a rename would have replaced the system's).
    // The refusal comes from looking at the path before anything is written, so the real
    // /dev/null is tried only where this user could not replace it anyway (not as root); as root
    // a private twin made with mknod in the temporary folder stands in.
    void refusesToSaveOverACharacterDevice() {
        std::string path = "/dev/null";
        if (::geteuid() == 0) {
            path = at("null-twin");
            if (::mknod(path.c_str(), S_IFCHR | 0666, makedev(1, 3)) != 0)
                QSKIP("root, but no character device can be made here");
        }
        if (typeOf(path) != S_IFCHR) QSKIP("no character device to try");
        struct stat before = {};
        QCOMPARE(::lstat(path.c_str(), &before), 0);
        const std::string message = refusal([&] { writeFileAtomically(path, "{}"); });
        QVERIFY2(message.find("it is a character device, not a file; only a regular file is "
                              "replaced") != std::string::npos,
                 message.c_str());
        struct stat after = {};
        QCOMPARE(::lstat(path.c_str(), &after), 0);
        QCOMPARE(after.st_mode & S_IFMT, mode_t{S_IFCHR});
        QCOMPARE(after.st_ino, before.st_ino);
        QCOMPARE(after.st_rdev, before.st_rdev);
        // Through a link too: the link and the device both stay.
        const std::string viaLink = link("null.link", path);
        QVERIFY(!refusal([&] { writeFileAtomically(viaLink, "{}"); }).empty());
        QCOMPARE(typeOf(viaLink), mode_t{S_IFLNK});
        QCOMPARE(typeOf(path), mode_t{S_IFCHR});
    }

    // A link is written through: the file it leads to is replaced, in its own folder, and the
    // link stays a link to it. A link that leads nowhere yet makes the file where it leads.
    void writesThroughASymbolicLink() {
        QVERIFY(QDir().mkdir(dir_.filePath("elsewhere")));
        const std::string target = write("elsewhere/real.koto", "old");
        const std::string path = link("shortcut.koto", "elsewhere/real.koto");
        writeFileAtomically(path, "new");
        QCOMPARE(typeOf(path), mode_t{S_IFLNK});
        QCOMPARE(contentsOf(target), std::string("new"));
        QCOMPARE(readWholeFile(path, 100), std::string("new"));
        const std::string chain = link("chain.koto", "shortcut.koto");
        writeFileAtomically(chain, "newer");
        QCOMPARE(typeOf(chain), mode_t{S_IFLNK});
        QCOMPARE(typeOf(path), mode_t{S_IFLNK});
        QCOMPARE(contentsOf(target), std::string("newer"));

        const std::string dangling = link("dangling.koto", "elsewhere/made.koto");
        writeFileAtomically(dangling, "made");
        QCOMPARE(typeOf(dangling), mode_t{S_IFLNK});
        QCOMPARE(contentsOf(at("elsewhere/made.koto")), std::string("made"));

        const std::string loop = link("loop-a.koto", "loop-b.koto");
        link("loop-b.koto", "loop-a.koto");
        QVERIFY(!refusal([&] { writeFileAtomically(loop, "x"); }).empty());
    }

    void keepsTheFilesPermissions() {
        const std::string path = write("private.koto", "old");
        QCOMPARE(::chmod(path.c_str(), 0600), 0);
        writeFileAtomically(path, "new");
        struct stat info = {};
        QCOMPARE(::stat(path.c_str(), &info), 0);
        QCOMPARE(info.st_mode & 07777, mode_t{0600});
        QCOMPARE(info.st_uid, ::geteuid());
        QCOMPARE(contentsOf(path), std::string("new"));
        QCOMPARE(::chmod(path.c_str(), 0640), 0);
        writeFileAtomically(path, "newer");
        QCOMPARE(::stat(path.c_str(), &info), 0);
        QCOMPARE(info.st_mode & 07777, mode_t{0640});

        const std::string made = at("made.koto");
        writeFileAtomically(made, "new");
        QCOMPARE(::stat(made.c_str(), &info), 0);
        QCOMPARE(info.st_mode & 07777, mode_t{0644});
    }

    // A killed save's "<name>.tmp-XXXXXX" older than kStaleTemporarySeconds goes on the next
    // save of that name; a recent one (a save running now) and anything else stay.
    void removesStaleTemporaries() {
        const std::string target = write("kept.koto", "old");
        const std::string stale = write("kept.koto.tmp-Ab12Cd", "half");
        const std::string fresh = write("kept.koto.tmp-Fresh1", "half");
        const std::string longer = write("kept.koto.tmp-Ab12Cde", "not ours");
        const std::string other = write("other.koto.tmp-Ab12Cd", "another file's");
        const std::string staleFolder = at("kept.koto.tmp-Dir123");
        QVERIFY(QDir().mkdir(QString::fromStdString(staleFolder)));
        const timespec old[2] = {{::time(nullptr) - kStaleTemporarySeconds - 60, 0},
                                 {::time(nullptr) - kStaleTemporarySeconds - 60, 0}};
        for (const std::string& path : {stale, longer, other, staleFolder})
            QCOMPARE(::utimensat(AT_FDCWD, path.c_str(), old, 0), 0);
        writeFileAtomically(target, "new");
        QCOMPARE(typeOf(stale), mode_t{0});
        QCOMPARE(typeOf(fresh), mode_t{S_IFREG});
        QCOMPARE(typeOf(longer), mode_t{S_IFREG});
        QCOMPARE(typeOf(other), mode_t{S_IFREG});
        QCOMPARE(typeOf(staleFolder), mode_t{S_IFDIR});
        QCOMPARE(contentsOf(target), std::string("new"));
        QCOMPARE(filesStartingWith("kept.koto.tmp-").size(), 3);  // fresh, longer, the folder
    }

    void excerptsAreShortAndEscaped_data() {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("plain") << QByteArray("dense:x") << QByteArray("dense:x");
        QTest::newRow("NUL") << QByteArray("a\0b", 3) << QByteArray("a\\x00b");
        QTest::newRow("newline, CR, tab")
            << QByteArray("a\nb\rc\td") << QByteArray("a\\nb\\rc\\td");
        QTest::newRow("escape, DEL") << QByteArray("\x1b[2J\x7f") << QByteArray("\\x1b[2J\\x7f");
        QTest::newRow("UTF-8 kept") << QByteArray("事始め") << QByteArray("事始め");
        QTest::newRow("not UTF-8") << QByteArray("a\xff\xc3") << QByteArray("a\\xff\\xc3");
        QTest::newRow("long") << QByteArray(100, 'x') << QByteArray(48, 'x') + "...";
        // Cut before a character that would not fit whole: 47 bytes, then 3 of "事".
        QTest::newRow("cut at a character")
            << QByteArray(46, 'x') + "事始" << QByteArray(46, 'x') + "...";
        QTest::newRow("escape not split")
            << QByteArray(46, 'x') + QByteArray("\0", 1) << QByteArray(46, 'x') + "...";
    }
    void excerptsAreShortAndEscaped() {
        QFETCH(QByteArray, text);
        QFETCH(QByteArray, expected);
        QCOMPARE(QByteArray::fromStdString(excerpt(text.toStdString())), expected);
        QCOMPARE(QByteArray::fromStdString(inQuotes(text.toStdString())), '"' + expected + '"');
    }

    // A 50 MB cell, a NUL, a newline: the message stays one short line, whoever quotes it.
    void messagesQuoteAShortExcerpt() {
        const std::string huge(50 << 20, '7');
        const std::vector<std::pair<const char*, std::function<void()>>> loaders = {
            {"CSV cell", [&] { parseNumericCsv("a,b\n1," + huge + "x\n", "t.csv"); }},
            {"layer token", [&] { networkSpecFromTokens("dense:" + huge, Dataset{}); }},
            {"dataset spec", [&] { DatasetSpec::parse(":" + huge); }},
            {"dataset name", [&] { loadDataset(DatasetSpec::parse(huge)); }},
        };
        for (const auto& [name, load] : loaders) {
            const std::string message = refusal(load);
            QVERIFY2(!message.empty(), name);
            QVERIFY2(message.size() < 200, (name + (": " + message.substr(0, 300))).c_str());
        }
        const std::string nul =
            refusal([] { parseNumericCsv(std::string("1,2\n3,4\0x\n", 10), "t.csv"); });
        QVERIFY2(nul.find("\"4\\x00x\" is not a number") != std::string::npos, nul.c_str());
        const std::string path = refusal([] { readNumericCsv("no\nsuch\x01.csv"); });
        QVERIFY2(path.find("no\\nsuch\\x01.csv") != std::string::npos, path.c_str());
        QVERIFY(path.find('\n') == std::string::npos);
    }
};

QTEST_GUILESS_MAIN(TestHostileFiles)
#include "test_hostile_files.moc"

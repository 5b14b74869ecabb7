// The program cache (gpu/program_cache.h): a second build of the same program loads the cached
// binary; a damaged, foreign, oversized or unreadable file, or something that is not a file in
// its place, is never trusted and never makes a build fail or hang; an unwritable cache folder
// means no cache; programs unused for 60 days are removed. Each test has a cache folder of its
// own (XDG_CACHE_HOME).

#include <QtTest>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <ctime>
#include <fstream>
#include <memory>

#include "opencl_context.h"
#include "opencl_program.h"
#include "opencl_test_support.h"
#include "program_cache.h"

using namespace koto;

namespace {

// A small program, so that building it from source takes little time.
const std::string kSource = R"(
kernel void scale(global float* x, float factor) { x[get_global_id(0)] *= factor * SCALE; }
)";
const std::string kOptions = "-DSCALE=2";

std::string fileContents(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

void writeContents(const std::string& path, const std::string& contents) {
    std::ofstream(path, std::ios::binary | std::ios::trunc) << contents;
}

// Sets a file's (or a symbolic link's own) modification time `days` back from now.
bool ageBy(const std::string& path, int days) {
    const timespec then{std::time(nullptr) - std::time_t{days} * 86400, 0};
    const timespec times[2] = {then, then};
    return ::utimensat(AT_FDCWD, path.c_str(), times, AT_SYMLINK_NOFOLLOW) == 0;
}

std::time_t modifiedAt(const std::string& path) {
    struct stat info = {};
    return ::lstat(path.c_str(), &info) == 0 ? info.st_mtime : 0;
}

}  // namespace

class TestOpenClProgramCache : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<OpenClContext> context_;
    std::unique_ptr<QTemporaryDir> cache_;

    std::string cachePath(const std::string& options = kOptions) const {
        return programCachePath(identifyProgram(context_->device(), kSource, options));
    }
    std::unique_ptr<OpenClProgram> build(const std::string& options = kOptions) {
        return std::make_unique<OpenClProgram>(context_->context(), context_->device(), kSource,
                                               options);
    }
    // Runs the program's kernel on {1, 2, 3}: a program that works gives {2, 4, 6}.
    std::vector<float> scaled(OpenClProgram& program) {
        std::vector<float> values{1, 2, 3};
        cl_int status = CL_SUCCESS;
        cl_mem buffer =
            clCreateBuffer(context_->context(), CL_MEM_READ_WRITE | CL_MEM_COPY_HOST_PTR,
                           sizeof(float) * 3, values.data(), &status);
        if (status != CL_SUCCESS) return {};
        const cl_kernel kernel = program.kernel("scale").handle;
        const float factor = 1.0f;
        const size_t items = 3;
        clSetKernelArg(kernel, 0, sizeof buffer, &buffer);
        clSetKernelArg(kernel, 1, sizeof factor, &factor);
        status = clEnqueueNDRangeKernel(context_->queue(), kernel, 1, nullptr, &items, nullptr, 0,
                                        nullptr, nullptr);
        if (status == CL_SUCCESS)
            status = clEnqueueReadBuffer(context_->queue(), buffer, CL_TRUE, 0, sizeof(float) * 3,
                                         values.data(), 0, nullptr, nullptr);
        clReleaseMemObject(buffer);
        return status == CL_SUCCESS ? values : std::vector<float>{};
    }
    // Builds from source (whatever is in the cache's place) and works; then, if the cache could be
    // written, the next build comes from it.
    void buildsFromSourceAndRecovers(bool recovers) {
        const auto program = build();
        QVERIFY(!program->fromCache());
        QCOMPARE(scaled(*program), (std::vector<float>{2, 4, 6}));
        const auto next = build();
        QCOMPARE(next->fromCache(), recovers);
        QCOMPARE(scaled(*next), (std::vector<float>{2, 4, 6}));
    }

private slots:
    void initTestCase() {
        OpenClDevice device;
        KOTO_OPENCL_TEST_DEVICE(device);
        context_ = std::make_unique<OpenClContext>(device.platformIndex, device.deviceIndex);
    }
    void init() {
        cache_ = std::make_unique<QTemporaryDir>();
        QVERIFY(cache_->isValid());
        qputenv("XDG_CACHE_HOME", cache_->path().toLocal8Bit());
    }

    // FNV-1a's published values: the file names stay the same from run to run.
    void hashIsFnv1a() {
        QCOMPARE(fnv1a64(""), 0xcbf29ce484222325ULL);
        QCOMPARE(fnv1a64("a"), 0xaf63dc4c8601ec8cULL);
        QCOMPARE(fnv1a64("foobar"), 0x85944171f73967e8ULL);
    }

    void secondBuildComesFromTheCache() {
        const std::string path = cachePath();
        QVERIFY(path.starts_with(cache_->path().toStdString() + "/kotohajime/opencl/"));
        QVERIFY(path.ends_with(".bin"));
        buildsFromSourceAndRecovers(true);
        QVERIFY(QFileInfo(QString::fromStdString(path)).isFile());
        // Other build options are another program, in another file.
        QVERIFY(cachePath("-DSCALE=3") != path);
        QVERIFY(!build("-DSCALE=3")->fromCache());
        QVERIFY(build("-DSCALE=3")->fromCache());
    }

    void damagedFilesAreReplaced_data() {
        QTest::addColumn<QString>("damage");
        QTest::newRow("empty") << "empty";
        QTest::newRow("truncated") << "truncated";
        QTest::newRow("binary cut short") << "cut";
        QTest::newRow("garbage") << "garbage";
        QTest::newRow("bytes after the binary") << "appended";
        QTest::newRow("another program's file") << "foreign";
        QTest::newRow("over 64 MiB") << "oversized";
        QTest::newRow("unreadable") << "unreadable";
    }
    void damagedFilesAreReplaced() {
        QFETCH(QString, damage);
        const std::string path = cachePath();
        build();
        const std::string good = fileContents(path);
        QVERIFY(good.size() > 100);
        if (damage == "empty") writeContents(path, "");
        if (damage == "truncated") writeContents(path, good.substr(0, 40));
        if (damage == "cut") writeContents(path, good.substr(0, good.size() - 1));
        if (damage == "garbage") writeContents(path, std::string(good.size(), '\x7f'));
        if (damage == "appended") writeContents(path, good + "x");
        if (damage == "foreign") {  // as if another program's name hashed to this one
            build("-DSCALE=3");
            writeContents(path, fileContents(cachePath("-DSCALE=3")));
        }
        if (damage == "oversized") QCOMPARE(::truncate(path.c_str(), (64 << 20) + 1), 0);
        if (damage == "unreadable") {
            if (::geteuid() == 0) QSKIP("root reads any file");
            QCOMPARE(::chmod(path.c_str(), 0), 0);
        }
        buildsFromSourceAndRecovers(true);
    }

    void nonFilesAreLeftAlone_data() {
        QTest::addColumn<QString>("kind");
        QTest::newRow("FIFO") << "fifo";
        QTest::newRow("folder") << "folder";
        QTest::newRow("symbolic link to a good binary") << "link";
    }
    void nonFilesAreLeftAlone() {
        QFETCH(QString, kind);
        const std::string path = cachePath();
        build();
        const std::string elsewhere = cache_->path().toStdString() + "/elsewhere.bin";
        QCOMPARE(::rename(path.c_str(), elsewhere.c_str()), 0);
        const std::string good = fileContents(elsewhere);
        if (kind == "fifo") QCOMPARE(::mkfifo(path.c_str(), 0600), 0);
        if (kind == "folder") QCOMPARE(::mkdir(path.c_str(), 0700), 0);
        if (kind == "link") QCOMPARE(::symlink(elsewhere.c_str(), path.c_str()), 0);
        struct stat before = {};
        QCOMPARE(::lstat(path.c_str(), &before), 0);
        buildsFromSourceAndRecovers(false);  // never trusted, never replaced
        struct stat after = {};
        QCOMPARE(::lstat(path.c_str(), &after), 0);
        QCOMPARE(after.st_mode & S_IFMT, before.st_mode & S_IFMT);
        QCOMPARE(after.st_ino, before.st_ino);
        QVERIFY(fileContents(elsewhere) == good);
    }

    // A program loaded from the cache is marked as used; storing another removes the cache files
    // not used for 60 days, and nothing else: not other files, not links, not newer programs.
    void unusedProgramsAreRemovedWhenAnotherIsStored() {
        const std::string path = cachePath();
        const std::string folder = path.substr(0, path.rfind('/') + 1);
        build();
        QVERIFY(ageBy(path, 90));
        QVERIFY(build()->fromCache());
        QVERIFY(std::time(nullptr) - modifiedAt(path) < 600);

        const std::string old = folder + "0123456789abcdef.bin",
                          recent = folder + "00000000000000aa.bin", notes = folder + "notes.txt",
                          link = folder + "fedcba9876543210.bin",
                          upper = folder + "0123456789ABCDEF.bin";
        for (const std::string& file : {old, recent, notes, upper}) writeContents(file, "x");
        QCOMPARE(::symlink(old.c_str(), link.c_str()), 0);
        QVERIFY(ageBy(path, kProgramCacheUnusedDays + 1));
        QVERIFY(ageBy(old, kProgramCacheUnusedDays + 1));
        QVERIFY(ageBy(recent, kProgramCacheUnusedDays - 1));
        QVERIFY(ageBy(notes, 365));
        QVERIFY(ageBy(upper, 365));
        QVERIFY(ageBy(link, 365));
        QVERIFY(!build("-DSCALE=3")->fromCache());  // stores another program
        QVERIFY(!QFileInfo::exists(QString::fromStdString(path)));
        QVERIFY(!QFileInfo::exists(QString::fromStdString(old)));
        for (const std::string& kept : {recent, notes, upper, cachePath("-DSCALE=3")})
            QVERIFY2(QFileInfo::exists(QString::fromStdString(kept)), kept.c_str());
        QVERIFY(QFileInfo(QString::fromStdString(link)).isSymLink());
    }

    // A cache folder that cannot be made (a file has its name): no cache, and a note says why.
    void unwritableCacheMeansNoCache() {
        const QString blocked = cache_->path() + "/blocked";
        QFile file(blocked);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        qputenv("XDG_CACHE_HOME", blocked.toLocal8Bit());
        const auto program = build();
        QVERIFY(!program->fromCache());
        QVERIFY(program->cacheNote().starts_with("no program cache"));
        buildsFromSourceAndRecovers(false);
    }
};

QTEST_APPLESS_MAIN(TestOpenClProgramCache)
#include "test_opencl_program_cache.moc"

#include "window/compute_menu.h"

#include <QActionGroup>
#include <QEvent>
#include <QSettings>
#include <algorithm>
#include <optional>

#include "backend/cpu_backend.h"

namespace koto::gui {
namespace {
const QString kSettingKey = QStringLiteral("compute/device");
const QString kThreadsKey = QStringLiteral("compute/threads");
// The menu offers 1 to this many threads besides "every core".
constexpr int kMostThreadsOffered = 16;
std::optional<int> threadsThisSession;  // kotohajime --threads N

// How a device is remembered: its name and where discovery found it.
QString settingOf(const ComputeDevice& device) {
    if (!device.openCl) return QStringLiteral("cpu");
    return QStringLiteral("opencl/%1/%2/%3")
        .arg(device.platformIndex)
        .arg(device.deviceIndex)
        .arg(QString::fromStdString(device.name));
}
}  // namespace

ComputeMenu::ComputeMenu(const OpenClDiscovery& discovery, QWidget* parent)
    : QMenu(parent), devices_(discovery.devices),
      problem_(QString::fromStdString(discovery.problem)) {
    setObjectName(QStringLiteral("computeMenu"));
    group_ = new QActionGroup(this);
    cpu_ = addAction(QString());
    cpu_->setObjectName(QStringLiteral("computeCpu"));
    cpu_->setCheckable(true);
    group_->addAction(cpu_);
    addSeparator();
    const QString remembered = QSettings().value(kSettingKey).toString();
    QAction* checked = cpu_;
    for (size_t i = 0; i < devices_.size(); ++i) {
        QAction* action = addAction(QString());
        action->setObjectName(QStringLiteral("computeOpenCl%1").arg(i));
        action->setCheckable(true);
        group_->addAction(action);
        deviceActions_.push_back(action);
        if (settingOf(deviceOf(devices_[i])) == remembered) checked = action;
    }
    none_ = addAction(QString());
    none_->setEnabled(false);
    none_->setVisible(devices_.empty());
    checked->setChecked(true);
    addThreadsMenu();
    connect(group_, &QActionGroup::triggered, this, [this] {
        const ComputeDevice device = current();
        QSettings().setValue(kSettingKey, settingOf(device));
        emit deviceChosen(device);
    });
    retranslate();
}

void ComputeMenu::askThreadsThisSession(int threads) {
    threadsThisSession = threads > 0 ? std::optional(threads) : std::nullopt;
}

void ComputeMenu::addThreadsMenu() {
    addSeparator();
    threadsMenu_ = addMenu(QString());
    threadsMenu_->setObjectName(QStringLiteral("computeThreads"));
    threadsMenu_->setToolTipsVisible(true);
    auto* group = new QActionGroup(this);
    const int offered = std::min(kMostThreadsOffered, ThreadPool::hardwareThreads());
    const int remembered = threadsThisSession.value_or(QSettings().value(kThreadsKey, 0).toInt());
    for (int threads = 0; threads <= std::max(offered, remembered); ++threads) {
        if (threads > offered && threads != remembered) continue;
        QAction* action = threadsMenu_->addAction(QString());
        action->setObjectName(QStringLiteral("computeThreads%1").arg(threads));
        action->setCheckable(true);
        action->setData(threads);
        action->setChecked(threads == remembered);
        group->addAction(action);
        threadActions_.push_back(action);
        if (threads == 0) threadsMenu_->addSeparator();
    }
    if (!group->checkedAction()) threadActions_.front()->setChecked(true);
    connect(group, &QActionGroup::triggered, this, [this](QAction* action) {
        QSettings().setValue(kThreadsKey, action->data().toInt());
        emit threadsChosen(action->data().toInt());
    });
}

int ComputeMenu::threads() const {
    for (const QAction* action : threadActions_)
        if (action->isChecked()) return action->data().toInt();
    return 0;
}

ComputeDevice ComputeMenu::deviceOf(const OpenClDevice& found) {
    return {true, found.platformIndex, found.deviceIndex, found.name};
}

ComputeDevice ComputeMenu::current() const {
    for (size_t i = 0; i < deviceActions_.size(); ++i)
        if (deviceActions_[i]->isChecked()) return deviceOf(devices_[i]);
    return {};
}

void ComputeMenu::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QMenu::changeEvent(event);
}

void ComputeMenu::retranslate() {
    setTitle(tr("&Compute"));
    setToolTipsVisible(true);
    cpu_->setText(tr("CPU (Eigen)"));
    cpu_->setToolTip(tr("This computer's processor, with the threads chosen below"));
    threadsMenu_->setTitle(tr("CPU &threads"));
    const QString same = tr("The CPU shares each step's work among its threads. The results are "
                            "exactly the same, to the last bit, with any number of threads: only "
                            "the speed changes.");
    threadsMenu_->menuAction()->setToolTip(same);
    for (QAction* action : threadActions_) {
        const int threads = action->data().toInt();
        action->setText(threads == 0 ? tr("Every core (%n)", nullptr, ThreadPool::hardwareThreads())
                                     : tr("%n thread(s)", nullptr, threads));
        action->setToolTip(same);
    }
    for (size_t i = 0; i < devices_.size(); ++i) {
        const OpenClDevice& d = devices_[i];
        deviceActions_[i]->setText(tr("OpenCL: %1").arg(QString::fromStdString(d.name)));
        deviceActions_[i]->setToolTip(
            tr("%1 · %2 · %3 GiB · %4 compute units")
                .arg(QString::fromStdString(d.vendor), QString::fromStdString(d.platform))
                .arg(static_cast<double>(d.globalMemoryBytes) / (1024.0 * 1024.0 * 1024.0), 0, 'f',
                     1)
                .arg(d.computeUnits));
    }
    none_->setText(tr("No OpenCL device: %1").arg(problem_));
}

}  // namespace koto::gui

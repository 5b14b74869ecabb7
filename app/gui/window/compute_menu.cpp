#include "window/compute_menu.h"

#include <QActionGroup>
#include <QEvent>
#include <QSettings>

namespace koto::gui {
namespace {
const QString kSettingKey = QStringLiteral("compute/device");

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
    connect(group_, &QActionGroup::triggered, this, [this] {
        const ComputeDevice device = current();
        QSettings().setValue(kSettingKey, settingOf(device));
        emit deviceChosen(device);
    });
    retranslate();
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
    cpu_->setToolTip(tr("This computer's processor, one core"));
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

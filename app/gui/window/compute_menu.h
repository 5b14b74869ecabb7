#pragma once
// The Compute menu: the CPU (Eigen) and every OpenCL device discovery found (name, vendor,
// memory and compute units in its tooltip), one of them checked. The choice is remembered in the
// settings and restored at the next start when that device is still there.

#include <QMenu>
#include <vector>

#include "opencl_devices.h"
#include "training/compute_backend.h"

class QActionGroup;

namespace koto::gui {

class ComputeMenu : public QMenu {
    Q_OBJECT
public:
    ComputeMenu(const OpenClDiscovery& discovery, QWidget* parent = nullptr);

    // The device checked: the remembered one if it is still there, else the CPU.
    ComputeDevice current() const;

signals:
    // The learner chose another device (already remembered).
    void deviceChosen(const koto::gui::ComputeDevice& device);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    static ComputeDevice deviceOf(const OpenClDevice& found);

    std::vector<OpenClDevice> devices_;
    QString problem_;  // why there is no OpenCL device ("" when there is one)
    QActionGroup* group_;
    QAction* cpu_;
    std::vector<QAction*> deviceActions_;
    QAction* none_;  // says that no OpenCL device was found, and why
};

}  // namespace koto::gui
